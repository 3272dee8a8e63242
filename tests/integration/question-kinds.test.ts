/**
 * A quiz mixing every kind of question (single, multiple with partial credit and double points,
 * true/false, ordering, type answer, slider, poll, a no-points question, and a kind the game
 * can't play, which is left out) played over real sockets by scripted phones, with points for
 * speed on and off. Every phone's points must equal the README's formulas recomputed here, on
 * their own, from the saved answers; and no phone may see a right answer before its reveal.
 */
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientEvent, type AnswerInput, type PersonalView, type PlayerRoomView, type RawAnswer } from "../../src/protocol";
import { matchesTypedAnswer } from "../../src/quizdown/typedAnswer";
import { loadQuizVersion, schema, type StoredQuestion } from "../../server/db";
import { PROJECT_DIR, startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import { TestHost, TestPlayer } from "../support/socket-clients";
import { testDatabaseTargets } from "../support/test-database";
import { findAnswerLeaks, type QuestionSecrets } from "../support/wire-check";

const CONTENT_DIR = path.join(PROJECT_DIR, "tests/fixtures/kinds-content");
const PLAYERS = 6;
const TIME_LIMIT_SEC = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The README's scoring, written out again here so the test checks the engine against the document. */
function basePoints(responseMs: number, pointsForSpeed: boolean): number {
  if (!pointsForSpeed || responseMs <= 500) return 1000;
  const T = TIME_LIMIT_SEC * 1000;
  return Math.round(1000 * (1 - Math.min(responseMs, T) / T / 2));
}
const streakBonus = (streak: number) => (streak < 2 ? 0 : Math.min(100 * (streak - 1), 500));

/** How right a saved answer is, from the quiz file alone (ORIGINAL option indexes). */
function grade(question: StoredQuestion, choices: number[], raw: RawAnswer | null): { correct: boolean; credit: number } {
  const rightOptions = question.options.flatMap((option, index) => (option.correct ? [index] : []));
  switch (question.kind) {
    case "multiple": {
      const right = choices.filter((c) => rightOptions.includes(c)).length;
      const correct = right === rightOptions.length && choices.length === right;
      const credit = question.scoring === "partial" ? Math.max(0, (right - (choices.length - right)) / rightOptions.length) : correct ? 1 : 0;
      return { correct, credit };
    }
    case "order": {
      const order = raw && "order" in raw ? raw.order : [];
      const inPlace = order.filter((item, position) => item === position).length;
      const correct = inPlace === question.options.length;
      return { correct, credit: correct ? 1 : question.scoring === "partial" ? inPlace / question.options.length : 0 };
    }
    case "typed": {
      const correct = matchesTypedAnswer(raw && "text" in raw ? raw.text : "", question.typed!.accepted, question.typed!.tolerance);
      return { correct, credit: correct ? 1 : 0 };
    }
    case "slider": {
      const { min, max, correct: value, tolerance } = question.slider!;
      const miss = Math.abs((raw && "value" in raw ? raw.value : Number.NaN) - value) - tolerance;
      const credit = miss <= 0 ? 1 : Math.max(0, 1 - miss / ((max - min) / 4));
      return { correct: credit === 1, credit };
    }
    case "poll":
      return { correct: false, credit: 0 };
    default: {
      const correct = choices.length === rightOptions.length && choices.every((c) => rightOptions.includes(c));
      return { correct, credit: correct ? 1 : 0 };
    }
  }
}

/** Player i's answer to a question as shown (display indexes). */
function planFor(i: number, question: StoredQuestion, shown: NonNullable<PlayerRoomView["question"]>): AnswerInput {
  const displayOf = (original: number) => shown.options!.findIndex((option) => option.html === question.options[original]!.html);
  const right = question.options.flatMap((option, index) => (option.correct ? [index] : []));
  const wrong = question.options.findIndex((option) => !option.correct);
  switch (question.kind) {
    case "multiple":
      return { choice: [[0, 1, 3], [0, 1], [0, 1, 2], [2], [1, 3], [0, 1, 3]][i]!.map(displayOf) };
    case "order": {
      const rightOrder = question.options.map((_, original) => displayOf(original));
      const swapped = [rightOrder[1]!, rightOrder[0]!, ...rightOrder.slice(2)];
      return { order: [rightOrder, swapped, [...rightOrder].reverse(), rightOrder, swapped, rightOrder][i]! };
    }
    case "typed":
      return { text: ["paris", "  PARÍS! ", "Lyon", "lyon.", "Marseille", "ville de paris"][i]! };
    case "slider": {
      const { correct, tolerance, min } = question.slider!;
      return { value: [correct, correct + tolerance, correct + tolerance + 5, min, correct - 20, correct - 3][i]! };
    }
    case "poll":
      return { choice: [[0, 1, 1, 0, 0, 1][i]!] };
    default:
      return { choice: [displayOf(i % 3 === 0 ? wrong : right[0]!)] };
  }
}

/** Player 5 stays silent on some rounds, so those close by the timer instead of early. */
const silent = (i: number, round: number) => i === 4 && round % 4 === 1;

const cases = testDatabaseTargets().flatMap((target) => [
  { target, pointsForSpeed: true },
  { target, pointsForSpeed: false },
]);

describe.each(cases)("a quiz mixing every kind on $target, points for speed $pointsForSpeed", ({ target, pointsForSpeed }) => {
  let quiz: TestQuizServer;
  let host: TestHost;
  let players: TestPlayer[] = [];
  let gameId = "";
  let played: StoredQuestion[] = [];
  const shown = new Map<string, PersonalView[]>();
  const secrets = new Map<number, QuestionSecrets>();
  const explanations = new Map<number, string[]>();

  beforeAll(async () => {
    quiz = await startTestQuizServer(target, CONTENT_DIR);
  });

  afterAll(async () => {
    for (const player of players) player.close();
    host?.close();
    await quiz?.close();
  });

  it("plays every kind to the podium and leaves out the one it can't play", async () => {
    const versionId = await quiz.quizVersionId("mixed-kinds");
    const version = (await loadQuizVersion(quiz.database.db, versionId))!;
    expect(version.questions.map((q) => q.kind)).toEqual(["single", "multiple", "truefalse", "order", "typed", "slider", "poll", "single", "single"]);
    played = version.questions.filter((q) => q.unplayableReason === undefined);
    const ticket = await quiz.api.games.create.mutate({ quizVersionId: versionId, options: { readTimeSec: 0, timeLimitSec: TIME_LIMIT_SEC, pointsForSpeed } });
    gameId = ticket.gameId;
    host = new TestHost(quiz.url);
    expect((await host.attach(ticket.gameId, ticket.hostSecret)).ok).toBe(true);
    players = Array.from({ length: PLAYERS }, () => new TestPlayer(quiz.url));
    expect((await Promise.all(players.map((player, i) => player.join(ticket.code, `Kind ${i + 1}`)))).every((ack) => ack.ok)).toBe(true);
    await host.nextState((view) => view.playerCount === PLAYERS, "all players in the lobby");
    expect((await host.action(ClientEvent.hostStart)).ok).toBe(true);

    for (let round = 0; round < played.length; round++) {
      const views = await Promise.all(players.map((player) => player.nextRoomView((view) => view.phase === "answering" && view.question?.index === round, `answers open for round ${round + 1}`)));
      const question = played[round]!;
      const onScreen = views[0]!.question!;
      expect(onScreen.kind, `round ${round + 1} is played in file order`).toBe(question.kind);
      if (question.typed) secrets.set(round, { texts: question.typed.accepted });
      if (question.kind === "order") {
        secrets.set(round, { orderHtml: question.options.map((option) => option.html) });
        expect(onScreen.options!.map((option) => option.html)).not.toEqual(question.options.map((option) => option.html));
      }
      if (question.slider) expect(onScreen.slider).toEqual({ min: question.slider.min, max: question.slider.max, step: question.slider.step });
      explanations.set(round, question.options.flatMap((option) => (option.commentHtml ? [option.commentHtml] : [])));

      const acks = await Promise.all(
        players.map(async (player, i) => {
          if (silent(i, round)) return null;
          const plan = planFor(i, question, onScreen);
          await sleep((i * 137 + round * 53) % 700);
          return player.answerWith(round, plan);
        }),
      );
      for (const ack of acks) if (ack) expect(ack).toMatchObject({ ok: true, questionIndex: round });

      const reveal = (await host.nextState((view) => view.phase === "reveal" && view.reveal?.questionIndex === round, `reveal of round ${round + 1}`, 15_000)).reveal!;
      expect(reveal.answered).toBe(acks.filter(Boolean).length);
      if (question.typed) {
        expect(reveal.accepted).toEqual(["Paris", "Ville de Paris"]);
        expect(host.state!.wrongAnswers).toEqual(silent(4, round) ? [{ text: "Lyon", count: 2 }] : [{ text: "Lyon", count: 2 }, { text: "Marseille", count: 1 }]);
      }
      if (question.slider) expect(reveal.slider).toMatchObject({ correct: 1969, tolerance: 2 });
      if (question.kind === "poll") expect(reveal.counts).toEqual(silent(4, round) ? [2, 3] : [3, 3]);

      await Promise.all(
        players.map(async (player) => {
          const you = await player.nextPersonal((view) => view.lastRound?.questionIndex === round, `personal result of round ${round + 1}`);
          shown.set(you.playerId, [...(shown.get(you.playerId) ?? []), you]);
        }),
      );
      expect((await host.action(ClientEvent.hostNext)).ok).toBe(true);
      await host.nextState((view) => view.phase === "leaderboard", `leaderboard after round ${round + 1}`);
      expect((await host.action(ClientEvent.hostNext)).ok).toBe(true);
    }
    await host.nextState((view) => view.phase === "podium", "the podium");
  });

  it("every phone's points equal the formulas recomputed from the saved answers", async () => {
    const rows = await quiz.database.db.select().from(schema.answers).where(eq(schema.answers.gameId, gameId));
    const rounds = await quiz.database.db.select().from(schema.gameRounds).where(and(eq(schema.gameRounds.gameId, gameId)));
    expect(rounds).toHaveLength(played.length);
    for (const player of players) {
      const final = player.you!;
      let streak = 0;
      let total = 0;
      for (const seen of shown.get(final.playerId)!) {
        const outcome = seen.lastRound!;
        const question = played[outcome.questionIndex]!;
        const row = rows.find((answer) => answer.playerId === final.playerId && answer.roundIndex === outcome.questionIndex);
        const what = `${final.nickname}, round ${outcome.questionIndex + 1} (${question.kind})`;
        expect(Boolean(row), `${what}: saved`).toBe(outcome.answered);
        const neutral = question.kind === "poll" || question.points === "none";
        const { correct, credit } = row ? grade(question, row.choices, row.answer ?? null) : { correct: false, credit: 0 };
        if (row) expect(row.correct, `${what}: saved as right or wrong`).toBe(correct);
        if (!neutral) streak = correct ? streak + 1 : 0;
        const multiplier = question.points === "double" ? 2 : 1;
        const expected = neutral || !row || credit <= 0 ? 0 : Math.round(basePoints(row.responseMs, pointsForSpeed) * multiplier * credit) + (correct ? streakBonus(streak) : 0);
        expect(outcome.points, `${what}: points shown`).toBe(expected);
        expect(row?.points ?? 0, `${what}: points saved`).toBe(expected);
        expect(outcome.streak, `${what}: streak`).toBe(streak);
        total += expected;
      }
      expect(final.score, `${final.nickname}'s total`).toBe(total);
    }
    // Raw answers are saved for the kinds the choices column can't hold.
    const typedRound = played.findIndex((q) => q.kind === "typed");
    expect(rows.filter((row) => row.roundIndex === typedRound).map((row) => row.answer).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toContainEqual({ text: "PARÍS!" });
  });

  it("the report's CSV carries each kind's answer as given", async () => {
    const { files } = await quiz.api.pastGames.exportCsv.query({ gameId });
    const answersCsv = files[0]!.content;
    expect(answersCsv).toContain("PARÍS!");
    expect(answersCsv).toContain("Roman Empire → Ancient Egypt → Middle Ages → Industrial Revolution");
    expect(answersCsv).toMatch(/,1971,/);
  });

  it("the report has the view that fits each kind, and a poll is never 'hard'", async () => {
    const report = await quiz.api.pastGames.report.query({ gameId });
    const byKind = (kind: string) => report.questions.find((question) => question.kind === kind)!;
    const typed = byKind("typed").kindView;
    expect(typed?.kind === "typed" && typed.groups[0]).toEqual({ text: "paris", count: 2, correct: true });
    expect(byKind("slider").kindView).toMatchObject({ kind: "slider", correct: 1969 });
    expect(byKind("order").kindView).toMatchObject({ kind: "order" });
    expect(byKind("poll")).toMatchObject({ hard: false, correctCount: 0 });
    // Partial credit (the slider's closeness) reaches the item analysis as a score, not as 0.
    expect(byKind("slider").facility).toBeGreaterThan(0);
    // Past games counts "% correct" as the report does: the poll is left out.
    const { games } = await quiz.api.pastGames.list.query({});
    expect(games.find((game) => game.id === gameId)?.percentCorrect).toBe(report.summary.percentCorrect);
  });

  it("never sent a phone a right answer, an accepted answer or the right order before its reveal", () => {
    for (const player of players) expect(findAnswerLeaks(player.frames, explanations, secrets)).toEqual([]);
  });
});
