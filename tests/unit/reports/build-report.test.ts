import { describe, expect, it } from "vitest";
import { buildGameReport } from "../../../server/reports/build-report";
import type { ReportSource } from "../../../server/reports/source";
import type { ReportQuestion } from "../../../server/reports/types";
import { ids, scriptedGame } from "./scripted-game";

const NOBODY = "Nobody chose it: it isn't drawing anyone.";
const FOOLED_STRONG = "This distractor fooled the strongest students: check it isn't also right, or the question misleading.";
const WORKS = "Works as a distractor: it drew mostly weaker students.";
const ALIKE = "Drew strong and weak students alike.";

describe("buildGameReport on the scripted game", () => {
  const report = buildGameReport(scriptedGame());

  it("ranks the non-removed players by score, then time of correct answers, then join order", () => {
    // Scores (points of saved rounds only; Eve's 1000 in the never-closed round 3 don't count):
    //   Ana 900+0+950 = 1850, Ben 800+0+850 = 1650, Cleo 0+600+0 = 600,
    //   Dan (none)+500+0 = 500, Finn 0+500 = 500, Eve 0+400+0 = 400. Zed was removed: not ranked.
    // Dan and Finn tie on 500: Dan's correct answers took 5000 ms, Finn's 7000 ms → Dan first.
    expect(report.ranking.map((p) => [p.rank, p.nickname, p.score])).toEqual([
      [1, "Ana", 1850],
      [2, "Ben", 1650],
      [3, "Cleo", 600],
      [4, "Dan", 500],
      [5, "Finn", 500],
      [6, "Eve", 400],
    ]);
  });

  it("counts each player's questions, answers and mean response time", () => {
    expect(report.ranking.map((p) => [p.nickname, p.correctCount, p.answeredCount, p.eligibleCount, p.averageResponseMs, p.group])).toEqual([
      ["Ana", 2, 3, 3, 2167, "top"], // (2000+3000+1500)/3 = 2166.7
      ["Ben", 2, 3, 3, 3333, "top"], // (4000+3500+2500)/3 = 3333.3
      ["Cleo", 1, 3, 3, 4333, null], // (6000+4000+3000)/3 = 4333.3
      ["Dan", 1, 2, 3, 4500, null], // (5000+4000)/2; round 0 unanswered
      ["Finn", 1, 2, 2, 6500, "bottom"], // (6000+7000)/2; joined after round 0 opened
      ["Eve", 1, 3, 3, 6333, "bottom"], // (9000+8000+2000)/3 = 6333.3
    ]);
  });

  it("lists one answer per round the player was in, unanswered ones included", () => {
    const dan = report.ranking.find((p) => p.playerId === ids.dan)!;
    expect(dan.answers).toEqual([
      { roundIndex: 0, answered: false, correct: false, choices: [], responseMs: null, points: 0, streak: 0 },
      { roundIndex: 1, answered: true, correct: true, choices: [1], responseMs: 5000, points: 500, streak: 1 },
      { roundIndex: 2, answered: true, correct: false, choices: [0, 2], responseMs: 4000, points: 0, streak: 0 },
    ]);
    const finn = report.ranking.find((p) => p.playerId === ids.finn)!;
    expect(finn.answers.map((a) => a.roundIndex)).toEqual([1, 2]);
  });

  it("summarises the game", () => {
    expect(report.summary).toEqual({
      playerCount: 6,
      questionCount: 3,
      averageScore: 916.7, // (1850+1650+600+500+500+400)/6 = 5500/6 = 916.67
      percentCorrect: 44, // correct 2+3+3 = 8 of eligible 6+6+6 = 18 → 44.4 %
      averageResponseMs: 4324, // counted answers: (24000 + 29500 + 20000)/17 = 4323.5
      groupSize: 2, // round(0.27 × 6) = round(1.62) = 2
    });
    expect(report.game).toMatchObject({ id: scriptedGame().game.id, status: "finished", statusLabel: "finished", quizTitle: "Capitals & Numbers: Étude" });
  });

  it("reports each question in round order, with plain-text prompts", () => {
    expect(report.questions.map((q) => [q.roundIndex, q.promptText, q.eligible, q.answered, q.correctCount, q.percentCorrect, q.averageResponseMs, q.hard])).toEqual([
      // Round 0: Ana ✓ Ben ✓ Cleo ✗ Eve ✗ Zed ✗ (removed after it closed: counts), Dan silent.
      // 2/6 = 33.3 % < 35 → hard; (2000+4000+6000+9000+3000)/5 = 4800.
      [0, "Capital of France?", 6, 5, 2, 33, 4800, true],
      // Round 1: Zed's answer doesn't count (removed before it closed). 3/6 = 50 %;
      // (3000+3500+4000+5000+8000+6000)/6 = 4916.7.
      [1, "2 & 2 = ?", 6, 6, 3, 50, 4917, false],
      // Round 2: Ana ✓ Ben ✓ Finn ✓. 3/6 = 50 %; (1500+2500+3000+4000+2000+7000)/6 = 3333.3.
      [2, "Prime numbers?", 6, 6, 3, 50, 3333, false],
    ]);
  });

  it("computes the discrimination index from the top and bottom groups", () => {
    // Top = Ana, Ben; bottom = Finn, Eve.
    const [q0, q1, q2] = report.questions.map((q) => q.discrimination);
    // Round 0: Finn wasn't in the game yet, so the bottom group is Eve alone. D = 2/2 − 0/1 = 1.
    expect(q0).toMatchObject({ index: 1, topCorrect: 2, topSize: 2, bottomCorrect: 0, bottomSize: 1, label: "very good" });
    // Round 1: Ana ✗ Ben ✗ vs Finn ✗ Eve ✓. D = 0/2 − 1/2 = −0.5.
    expect(q1).toEqual({
      index: -0.5,
      topCorrect: 0,
      topSize: 2,
      bottomCorrect: 1,
      bottomSize: 2,
      label: "negative",
      reading: "Weaker students got this right more often than the strongest — check the answer key and the wording.",
    });
    // Round 2: Ana ✓ Ben ✓ vs Finn ✓ Eve ✗. D = 2/2 − 1/2 = 0.5.
    expect(q2).toMatchObject({ index: 0.5, topCorrect: 2, topSize: 2, bottomCorrect: 1, bottomSize: 2, label: "very good" });
  });

  it("counts option picks and reads the distractors", () => {
    const options = report.questions.map((q) => q.options.map((o) => [o.text, o.correct, o.picked, o.pickedTop, o.pickedBottom, o.reading]));
    expect(options).toEqual([
      [
        ["Paris", true, 2, 2, 0, null], // Ana, Ben
        ["Lyon", false, 3, 0, 1, WORKS], // Cleo, Eve, Zed; bottom share 1/1 > top 0/2
        ["Nice", false, 0, 0, 0, NOBODY],
      ],
      [
        ["3", false, 2, 1, 1, ALIKE], // Ana (top), Finn (bottom): 1/2 each
        ["4", true, 3, 0, 1, null], // Cleo, Dan, Eve
        ["5", false, 1, 1, 0, FOOLED_STRONG], // Ben
      ],
      [
        ["2", true, 5, 2, 1, null], // Ana, Ben, Cleo, Dan, Finn
        ["3", true, 3, 2, 1, null], // Ana, Ben, Finn
        ["4", false, 2, 0, 1, WORKS], // Dan, Eve
      ],
    ]);
    expect(report.questions[0]!.options[2]!.html).toBe("<em>Nice</em>");
  });

  it("says where each option was shown, so the report can give it the colour and shape the class saw", () => {
    // Round 0 was shown as Nice, Paris, Lyon; round 1 saved no display order.
    expect(report.questions[0]!.options.map((o) => [o.text, o.shown])).toEqual([
      ["Paris", 1],
      ["Lyon", 2],
      ["Nice", 0],
    ]);
    expect(report.questions[1]!.options.map((o) => o.shown)).toEqual([null, null, null]);
  });
});

const t = (sec: number) => new Date(Date.UTC(2025, 2, 1, 9, 0, sec));

function oneQuestionGame(players: Array<{ name: string; answer?: { correct: boolean; points: number; ms: number; choice?: number } }>): ReportSource {
  return {
    game: { id: "g", code: "000000", status: "ended_early", quizId: "q", quizTitle: "Q", createdAt: t(0), startedAt: null, finishedAt: null, options: {} },
    rounds: [
      {
        roundIndex: 0,
        questionId: "q0",
        openedAt: t(10),
        closedAt: t(30),
        eligiblePlayers: players.length,
        question: { kind: "single", promptHtml: "Q?", options: [{ html: "right", correct: true }, { html: "wrong", correct: false }] },
      },
    ],
    players: players.map((p, i) => ({ id: `p${i + 1}`, nickname: p.name, joinSeq: i + 1, joinedAt: t(1), removedAt: null })),
    answers: players.flatMap((p, i) =>
      p.answer
        ? [{ playerId: `p${i + 1}`, roundIndex: 0, choices: [p.answer.choice ?? (p.answer.correct ? 0 : 1)], correct: p.answer.correct, points: p.answer.points, streak: p.answer.correct ? 1 : 0, responseMs: p.answer.ms }]
        : [],
    ),
  };
}

describe("buildGameReport edge cases", () => {
  it("with one player there is no item analysis", () => {
    const report = buildGameReport(oneQuestionGame([{ name: "Solo", answer: { correct: false, points: 0, ms: 1234 } }]));
    expect(report.summary.groupSize).toBe(0);
    expect(report.ranking[0]).toMatchObject({ rank: 1, group: null, averageResponseMs: 1234 });
    const question = report.questions[0]!;
    expect(question.discrimination).toMatchObject({ index: null, label: "not enough data", topSize: 0, bottomSize: 0 });
    expect(question.options.map((o) => o.reading)).toEqual([null, "Too few players to tell whom it drew."]);
    expect(report.game.statusLabel).toBe("ended early");
  });

  it("when nobody answered, everything is zero or empty and ranks follow join order", () => {
    const report = buildGameReport(oneQuestionGame([{ name: "A" }, { name: "B" }, { name: "C" }]));
    expect(report.ranking.map((p) => [p.nickname, p.rank, p.score, p.answeredCount, p.eligibleCount, p.averageResponseMs])).toEqual([
      ["A", 1, 0, 0, 1, null],
      ["B", 2, 0, 0, 1, null],
      ["C", 3, 0, 0, 1, null],
    ]);
    expect(report.summary).toEqual({ playerCount: 3, questionCount: 1, averageScore: 0, percentCorrect: 0, averageResponseMs: null, groupSize: 1 });
    const question = report.questions[0]!;
    expect(question).toMatchObject({ answered: 0, correctCount: 0, percentCorrect: 0, averageResponseMs: null, hard: true });
    // Top (A) and bottom (C) are both in the round and both wrong: D = 0/1 − 0/1 = 0.
    expect(question.discrimination).toMatchObject({ index: 0, label: "poor", topSize: 1, bottomSize: 1 });
    expect(question.options.map((o) => o.reading)).toEqual([null, NOBODY]);
  });

  it("breaks score ties by the time of correct answers before join order", () => {
    const report = buildGameReport(
      oneQuestionGame([
        { name: "Slow", answer: { correct: true, points: 500, ms: 9000 } },
        { name: "Fast", answer: { correct: true, points: 500, ms: 3000 } },
        { name: "Wrong", answer: { correct: false, points: 0, ms: 100 } },
        { name: "Silent" },
      ]),
    );
    // Fast and Slow tie on 500: Fast's correct answer took less time. Wrong and Silent tie on 0
    // with no correct answers (0 ms each): Wrong joined first.
    expect(report.ranking.map((p) => p.nickname)).toEqual(["Fast", "Slow", "Wrong", "Silent"]);
    // N = 4 → n = round(1.08) = 1: top Fast (✓), bottom Silent (✗). D = 1/1 − 0/1 = 1.
    expect(report.questions[0]!.discrimination).toMatchObject({ index: 1, topCorrect: 1, bottomCorrect: 0 });
    // "wrong" was picked only by Wrong, in the middle of the ranking.
    expect(report.questions[0]!.options[1]).toMatchObject({ picked: 1, pickedTop: 0, pickedBottom: 0, reading: "Only students in the middle of the ranking chose it." });
  });

  it("a game with no players and no saved rounds has an empty report", () => {
    const source = oneQuestionGame([]);
    const report = buildGameReport({ ...source, rounds: [], game: { ...source.game, status: "lobby" } });
    expect(report.summary).toEqual({ playerCount: 0, questionCount: 0, averageScore: 0, percentCorrect: 0, averageResponseMs: null, groupSize: 0 });
    expect(report.ranking).toEqual([]);
    expect(report.questions).toEqual([]);
    expect(report.game.statusLabel).toBe("waiting in lobby");
  });
});

describe("buildGameReport item analysis from correctness", () => {
  it("adds facility, item–rest, distractor point-biserials and KR-20 to the scripted game", () => {
    const report = buildGameReport(scriptedGame());
    // Correlations use the players in every round: Ana, Ben, Cleo, Dan, Eve (Finn joined late, Zed was removed).
    //   round 0: 1 1 0 0 0   round 1: 0 0 1 1 1   round 2: 1 1 0 0 0   (Dan silent in round 0 = 0)
    // Facility counts everyone in the round (as % correct does): 2/6, 3/6, 3/6.
    // Round 0's rest score (rounds 1+2) is 1 for all five: no correlation. Same for round 2.
    // Round 1 vs rest 2,2,0,0,0: exactly opposite → −1.
    expect(report.questions.map((q) => [q.scored, q.facility, q.itemRest.value, q.itemRest.label])).toEqual([
      [true, 0.33, null, "not enough data"],
      [true, 0.5, -1, "negative"],
      [true, 0.5, null, "not enough data"],
    ]);
    // Round 1's wrong "3" (Ana) and "5" (Ben) vs rest 2,2,0,0,0: Σdxdy = 2 − 5·0.2·0.8 = 1.2, Σdx² = 0.8,
    // Σdy² = 8 − 5·0.64 = 4.8 → 1.2/√3.84 = 0.612 → 0.61 (they fooled the strongest). Lyon, Nice, "4": no
    // variation in choice or in rest score → null. Right options have none.
    expect(report.questions.map((q) => q.options.map((o) => o.pointBiserial))).toEqual([
      [null, null, null],
      [0.61, null, 0.61],
      [null, null, null],
    ]);
    // p = 0.4, 0.6, 0.4 → Σpq = 3 × 0.24 = 0.72; totals 2,2,1,1,1 → variance 2.2 − 1.4² = 0.24.
    // KR-20 = 3/2 · (1 − 0.72/0.24) = −3: these three questions pull in different directions.
    expect(report.reliability).toMatchObject({ method: "KR-20", value: -3, label: "unacceptable", itemCount: 3, playerCount: 5 });
  });

  /**
   * Four players. Round 0 "multiple" with partial credit (score), round 1 a poll, round 2 "single".
   *           round 0 (A✓ B✓ C)            round 1 poll (X / Y)   round 2 (A✓ B)
   *   P1      A+B   score 1    600 pts     X                     A  ✓  500 pts
   *   P2      A     score ½    450 pts     Y                     A  ✓  950 pts (fast)
   *   P3      B     score ½    300 pts     X                     B  ✗
   *   P4      C     score 0                Y                     B  ✗
   * Leaderboard by points: P2 1400, P1 1100, P3 300, P4 0. Correctness totals: P1 2, P2 1½, P3 ½, P4 0,
   * so the top group (round(0.27 × 4) = 1 player) is P1, not the leaderboard's first.
   */
  function partialCreditGame(pollKind: "poll" | "single"): ReportSource {
    const base = oneQuestionGame([{ name: "P1" }, { name: "P2" }, { name: "P3" }, { name: "P4" }]);
    const round = base.rounds[0]!;
    const answer = (player: number, roundIndex: number, choices: number[], correct: boolean, points: number, score?: number) => ({
      playerId: `p${player}`,
      roundIndex,
      choices,
      correct,
      ...(score === undefined ? {} : { score }),
      points,
      streak: 0,
      responseMs: 1000,
    });
    return {
      ...base,
      rounds: [
        { ...round, roundIndex: 0, question: { kind: "multiple", promptHtml: "Even?", options: [{ html: "2", correct: true }, { html: "4", correct: true }, { html: "5", correct: false }] } },
        { ...round, roundIndex: 1, question: { kind: pollKind as never, promptHtml: "Liked it?", options: [{ html: "yes", correct: false }, { html: "no", correct: false }] } },
        { ...round, roundIndex: 2, question: { kind: "single", promptHtml: "2+2?", options: [{ html: "4", correct: true }, { html: "5", correct: false }] } },
      ],
      answers: [
        answer(1, 0, [0, 1], true, 600),
        answer(2, 0, [0], false, 450, 0.5),
        answer(3, 0, [1], false, 300, 0.5),
        answer(4, 0, [2], false, 0, 0),
        ...[1, 2, 3, 4].map((p) => answer(p, 1, [p % 2 === 1 ? 0 : 1], false, 0)),
        answer(1, 2, [0], true, 500),
        answer(2, 2, [0], true, 950),
        answer(3, 2, [1], false, 0),
        answer(4, 2, [1], false, 0),
      ],
    };
  }

  it.each(["poll", "single"] as const)("leaves a poll (kind %s without a right option) out of every statistic", (pollKind) => {
    const report = buildGameReport(partialCreditGame(pollKind));
    const poll = report.questions[1]!;
    expect(poll).toMatchObject({ scored: false, facility: null, hard: false, discrimination: { index: null, label: "not scored" }, itemRest: { value: null, label: "not scored" } });
    expect(poll.options.map((o) => [o.picked, o.reading, o.pointBiserial])).toEqual([
      [2, null, null],
      [2, null, null],
    ]);
    // % correct over the scored rounds only: 1 + 2 right of 4 + 4 → 38 % (with the poll it would be 3/12).
    expect(report.summary.percentCorrect).toBe(38);
    expect(report.reliability).toMatchObject({ itemCount: 2, playerCount: 4 });
  });

  it("uses partial credit, not speed-weighted points, for groups, facility, D, item–rest and alpha", () => {
    const report = buildGameReport(partialCreditGame("poll"));
    expect(report.ranking.map((p) => [p.nickname, p.score, p.group])).toEqual([
      ["P2", 1400, null],
      ["P1", 1100, "top"],
      ["P3", 300, null],
      ["P4", 0, "bottom"],
    ]);
    const [partial, , single] = report.questions as [ReportQuestion, ReportQuestion, ReportQuestion];
    // Facility = mean score: (1 + ½ + ½ + 0)/4 = 0.5, though only P1's answer is fully right (25 %).
    expect([partial.percentCorrect, partial.facility, single.percentCorrect, single.facility]).toEqual([25, 0.5, 50, 0.5]);
    // D = top P1 − bottom P4 = 1 − 0 on both.
    expect([partial.discrimination.index, single.discrimination.index]).toEqual([1, 1]);
    // Round 0 scores 1,½,½,0 vs rest (round 2) 1,1,0,0: Σdxdy = ½·½ + (−½)(−½) = ½, Σdx² = ½, Σdy² = 1 → ½/√½ = 0.71.
    // Round 2 vs rest (round 0): the same correlation.
    expect([partial.itemRest, single.itemRest].map((m) => [m.value, m.label])).toEqual([
      [0.71, "very good"],
      [0.71, "very good"],
    ]);
    // "5" in round 0 (P4) vs rest 1,1,0,0: Σdxdy = −4·¼·½ = −½, Σdx² = ¾ → −½/√¾ = −0.58.
    // "5" in round 2 (P3, P4) vs rest 1,½,½,0: Σdxdy = −¼ − ¼ = −½, Σdx² = 1, Σdy² = ½ → −0.71.
    expect(partial.options.map((o) => o.pointBiserial)).toEqual([null, null, -0.58]);
    expect(single.options.map((o) => o.pointBiserial)).toEqual([null, -0.71]);
    // Variances 0.125 and 0.25; totals 2, 1½, ½, 0 → 1.625 − 1 = 0.625. α = 2·(1 − 0.375/0.625) = 0.8.
    expect(report.reliability).toEqual({
      method: "Cronbach's alpha",
      value: 0.8,
      label: "good",
      reading: "The questions measure the same thing consistently: the total score ranks students well.",
      itemCount: 2,
      playerCount: 4,
    });
  });
});
