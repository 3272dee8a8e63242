import { describe, expect, it } from "vitest";
import {
  advanceClock,
  nextStep,
  removePlayer,
  setPlayerConnected,
  skipQuestion,
  startGame,
  submitAnswer,
} from "../../../server/engine";
import {
  DEFAULT_READ,
  DEFAULT_T,
  T0,
  eventTypes,
  expectRefusedUnchanged,
  join,
  newGame,
  ok,
  startAndOpen,
} from "../../support/engine-fixtures";

function answeringGame(players = 3, questionSpecs = [{}, { kind: "multiple" as const, correct: [0, 1] }]) {
  const state = newGame({ questions: questionSpecs });
  const ids = join(state, players);
  const opened = startAndOpen(state);
  return { state, ids, opened };
}

describe("submitAnswer accepts", () => {
  it("records the answer with server receive time and response time, sorted choice", () => {
    const { state, ids, opened } = answeringGame(3, [{ kind: "multiple", correct: [1, 3] }]);
    const events = ok(submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice: [3, 1], now: opened + 1_234 }));
    // Scored on arrival: round(1000 × (1 − 1234 ÷ 40000)) = 969, first correct answer → streak 1.
    expect(events).toEqual([
      {
        type: "answer-accepted",
        playerId: ids[0],
        roundIndex: 0,
        questionId: "question-0",
        answer: { playerId: ids[0], answerId: `${ids[0]}:0`, choices: [1, 3], correct: true, points: 969, streak: 1, responseMs: 1_234, answeredAt: opened + 1_234 },
      },
    ]);
    expect(state.round!.answers[ids[0]!]).toEqual({
      answerId: `${ids[0]}:0`,
      choice: [1, 3],
      receivedAt: opened + 1_234,
      responseMs: 1_234,
      correct: true,
      points: 969,
      streak: 1,
    });
    expect(state.round!.answerCount).toBe(1);
    expect(state.round!.connectedAnswerCount).toBe(1);
    // The player's record changes only when the round closes.
    expect(state.players[ids[0]!]!.score).toBe(0);
    expect(state.players[ids[0]!]!.streak).toBe(0);
    expect(state.players[ids[0]!]!.lastRound).toBeNull();
    ok(advanceClock(state, opened + DEFAULT_T));
    expect(state.players[ids[0]!]).toMatchObject({ score: 969, streak: 1, correctCount: 1, correctResponseMs: 1_234 });
  });

  it("accepts an answer at exactly the deadline (timer not yet fired)", () => {
    const { state, ids, opened } = answeringGame(2);
    ok(submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice: [0], now: opened + DEFAULT_T }));
    expect(state.round!.answers[ids[0]!]!.responseMs).toBe(DEFAULT_T);
  });

  it("accepts an answer from a player whose socket is disconnected, without counting it as a connected answer", () => {
    const { state, ids, opened } = answeringGame(3);
    ok(setPlayerConnected(state, { playerId: ids[2]!, connected: false, now: opened }));
    ok(submitAnswer(state, { playerId: ids[2]!, questionIndex: 0, choice: [0], now: opened + 10 }));
    expect(state.round!.answerCount).toBe(1);
    expect(state.round!.connectedAnswerCount).toBe(0);
    expect(state.phase).toBe("answering");
    ok(advanceClock(state, opened + DEFAULT_T));
    expect(state.players[ids[2]!]!.score).toBe(1000);
  });
});

describe("submitAnswer refusals change nothing", () => {
  it("late: after the deadline even though the timer has not fired yet", () => {
    const { state, ids, opened } = answeringGame();
    expect(state.phase).toBe("answering");
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice: [0], now: opened + DEFAULT_T + 1 }), "too-late");
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice: [0], now: opened + 10 * DEFAULT_T }), "too-late");
  });

  it("late: after the round closed (reveal and leaderboard)", () => {
    const { state, ids, opened } = answeringGame();
    ok(advanceClock(state, opened + DEFAULT_T));
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice: [0], now: opened + DEFAULT_T }), "too-late");
    ok(nextStep(state, opened + DEFAULT_T + 1));
    expect(state.phase).toBe("leaderboard");
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice: [0], now: opened + DEFAULT_T + 2 }), "too-late");
    // An answer for the next (not yet open) question.
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: ids[0]!, questionIndex: 1, choice: [0], now: opened + DEFAULT_T + 2 }), "not-accepting");
  });

  it("late: after a skip", () => {
    const { state, ids, opened } = answeringGame();
    ok(skipQuestion(state, opened + 100));
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice: [0], now: opened + 101 }), "too-late");
  });

  it("twice: second answer refused, even with a different choice, and the first one stands", () => {
    const { state, ids, opened } = answeringGame();
    ok(submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice: [1], now: opened + 100 }));
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice: [0], now: opened + 200 }), "already-answered");
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice: [1], now: opened + 200 }), "already-answered");
    expect(state.round!.answers[ids[0]!]!.choice).toEqual([1]);
  });

  it("twice: also after disconnecting and reconnecting", () => {
    const { state, ids, opened } = answeringGame();
    ok(submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice: [1], now: opened + 100 }));
    ok(setPlayerConnected(state, { playerId: ids[0]!, connected: false, now: opened + 150 }));
    ok(setPlayerConnected(state, { playerId: ids[0]!, connected: true, now: opened + 160 }));
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice: [0], now: opened + 200 }), "already-answered");
  });

  it("for another question", () => {
    const { state, ids, opened } = answeringGame();
    for (const questionIndex of [1, 2, -1, 99]) {
      expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: ids[0]!, questionIndex, choice: [0], now: opened + 100 }), "wrong-question");
    }
  });

  it("during the read time", () => {
    const state = newGame();
    const [a] = join(state, 2);
    ok(startGame(state, T0));
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: T0 + 1 }), "not-accepting");
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: T0 + DEFAULT_READ - 1 }), "not-accepting");
    // Even at/after the read deadline while the timer has not fired yet, answers are not open.
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: T0 + DEFAULT_READ + 5 }), "not-accepting");
  });

  it("in the lobby and after the game", () => {
    const state = newGame({ questions: [{}] });
    const [a] = join(state, 1);
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: T0 }), "not-accepting");
    const opened = startAndOpen(state);
    ok(skipQuestion(state, opened));
    ok(nextStep(state, opened));
    ok(nextStep(state, opened));
    expect(state.phase).toBe("podium");
    const refused = submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: opened + 1 });
    expect(refused.ok).toBe(false);
    ok(nextStep(state, opened));
    const before = structuredClone(state);
    expect(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: opened + 2 }).ok).toBe(false);
    expect(state).toStrictEqual(before);
  });

  it("from a removed player", () => {
    const { state, ids, opened } = answeringGame();
    ok(removePlayer(state, { playerId: ids[0]!, now: opened }));
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice: [0], now: opened + 100 }), "removed");
  });

  it("from an unknown player", () => {
    const { state, opened } = answeringGame();
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: "nobody", questionIndex: 0, choice: [0], now: opened + 100 }), "not-joined");
  });

  it.each([
    ["out of range (too high)", [4]],
    ["out of range (negative)", [-1]],
    ["one good, one out of range", [0, 4]],
    ["empty", []],
    ["several options for a single-choice question", [0, 1]],
    ["duplicate options", [1, 1]],
  ])("invalid choice: %s", (_label, choice) => {
    const { state, ids, opened } = answeringGame();
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice, now: opened + 100 }), "invalid-choice");
  });

  it.each([
    ["out of range", [0, 7]],
    ["duplicates", [0, 1, 0]],
    ["empty", []],
  ])("invalid choice on a multiple-choice question: %s", (_label, choice) => {
    const state = newGame({ questions: [{ kind: "multiple", correct: [0, 1] }] });
    const [a] = join(state, 2);
    const opened = startAndOpen(state);
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: a!, questionIndex: 0, choice, now: opened + 100 }), "invalid-choice");
  });

  it("does not mutate the caller's choice array", () => {
    const { state, ids, opened } = answeringGame(2, [{ kind: "multiple", correct: [0, 1] }]);
    const choice = [2, 0];
    ok(submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice, now: opened }));
    expect(choice).toEqual([2, 0]);
  });
});

describe("events of a closing answer", () => {
  it("the last answer emits answer-accepted, round-closed, phase-changed(reveal) in that order", () => {
    const { state, ids, opened } = answeringGame(2);
    ok(submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice: [0], now: opened }));
    const events = ok(submitAnswer(state, { playerId: ids[1]!, questionIndex: 0, choice: [0], now: opened + 1 }));
    expect(eventTypes(events)).toEqual(["answer-accepted", "round-closed", "phase:reveal"]);
  });
});
