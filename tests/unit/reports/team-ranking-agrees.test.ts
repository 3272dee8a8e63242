/**
 * The report's team ranking is worked out again from the saved rows; it must agree with the live
 * team scores. A player who joins during a question's read time plays from the next question (the
 * engine's rule), though they joined before the answers opened: the report must not count them in
 * that question (as a 0 pulling their team's average down).
 */
import { describe, expect, it } from "vitest";
import { addPlayer, advanceClock, nextDeadline, nextStep, submitAnswer, startGame, type ClosedRound, type GameEvent, type GameState } from "../../../server/engine";
import { buildGameReport } from "../../../server/reports/build-report";
import type { ReportSource } from "../../../server/reports/source";
import { join, newGame, ok, T0 } from "../../support/engine-fixtures";

/** The rows a game would have saved: players as joined (with the first round they could play), closed rounds, answers. */
function savedRows(state: GameState, closed: ClosedRound[], joinedAt: Record<string, number>): ReportSource {
  return {
    game: { id: state.gameId, code: state.code, status: "finished", quizId: "quiz", quizTitle: state.quizTitle, createdAt: new Date(T0), startedAt: new Date(T0), finishedAt: new Date(T0 + 600_000), options: {} },
    rounds: closed.map((round) => {
      const question = state.questions[round.roundIndex]!;
      return {
        roundIndex: round.roundIndex,
        questionId: round.questionId,
        openedAt: new Date(round.openedAt),
        closedAt: new Date(round.closedAt),
        eligiblePlayers: round.eligiblePlayers,
        optionOrder: round.optionOrder,
        question: {
          kind: question.kind,
          promptHtml: question.promptHtml,
          options: question.optionOrder
            .map((original, display) => ({ original, html: question.options[display]!.html, correct: question.correct.includes(display) }))
            .sort((a, b) => a.original - b.original)
            .map(({ html, correct }) => ({ html, correct })),
        },
      };
    }),
    players: Object.values(state.players).map((player) => ({
      id: player.id,
      nickname: player.nickname,
      joinSeq: player.joinSeq,
      joinedAt: new Date(joinedAt[player.id]!),
      removedAt: null,
      team: player.team ?? null,
      firstRound: player.firstQuestionIndex,
    })),
    answers: closed.flatMap((round) => round.answers.map((answer) => ({ ...answer, roundIndex: round.roundIndex }))),
  };
}

describe("the report's team ranking and the live one", () => {
  it("agree when a player joined during a question's read time (they play from the next question)", () => {
    const state = newGame({ questions: [{}, {}], teams: { size: 2, assignment: "balanced", talkMs: 0 } });
    const closed: ClosedRound[] = [];
    const keep = (events: GameEvent[]) => {
      for (const event of events) if (event.type === "round-closed") closed.push(event.round);
    };
    const joinedAt: Record<string, number> = {};
    const [a, b] = join(state, 2);
    joinedAt[a!] = T0;
    joinedAt[b!] = T0 + 1;
    keep(ok(startGame(state, T0 + 1000)));
    // Question 1 is being read: a third player joins, into the smallest team, and plays from question 2.
    expect(state.phase).toBe("question-read");
    ok(addPlayer(state, { playerId: "late", nickname: "Late", now: T0 + 1500 }));
    joinedAt.late = T0 + 1500;
    expect(state.players.late!.firstQuestionIndex).toBe(1);
    for (let question = 0; question < 2; question++) {
      keep(ok(advanceClock(state, nextDeadline(state)!)));
      const opened = state.round!.openedAt!;
      for (const id of [a!, b!, "late"]) {
        if (state.phase !== "answering") break;
        const right = state.questions[question]!.correct;
        if (question >= state.players[id]!.firstQuestionIndex) keep(ok(submitAnswer(state, { playerId: id, questionIndex: question, choice: right, now: opened + 1000 })));
      }
      if (state.phase === "answering") keep(ok(advanceClock(state, nextDeadline(state)!)));
      ok(nextStep(state, opened + 60_000));
      if (question === 0) ok(nextStep(state, opened + 61_000));
    }
    const live = state.teams!.ranking.map((index) => [index, state.teams!.list[index]!.score]);
    const report = buildGameReport(savedRows(state, closed, joinedAt));
    expect(report.teams!.map((team) => [team.team, team.score])).toEqual(live);
    // The late joiner's own row agrees too: in the game for question 2 only.
    expect(report.ranking.find((player) => player.playerId === "late")!.eligibleCount).toBe(1);
  });
});
