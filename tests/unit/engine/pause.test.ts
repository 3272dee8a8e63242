import { describe, expect, it } from "vitest";
import {
  advanceClock,
  endGame,
  hostView,
  nextDeadline,
  nextStep,
  pauseGame,
  playerRoomView,
  pointsForCorrectAnswer,
  removePlayer,
  resumeGame,
  setPlayerConnected,
  skipQuestion,
  startGame,
  submitAnswer,
} from "../../../server/engine";
import {
  DEFAULT_READ,
  DEFAULT_T,
  T0,
  answerAt,
  eventTypes,
  expectRefusedUnchanged,
  join,
  lateJoin,
  newGame,
  ok,
  openCurrent,
  roundClosed,
  startAndOpen,
} from "../../support/engine-fixtures";

function answering(players = 3) {
  const state = newGame({ questions: [{}, {}] });
  const ids = join(state, players);
  const opened = startAndOpen(state);
  return { state, ids, opened };
}

describe("pauseGame / resumeGame refusals change nothing", () => {
  it("pause is refused outside a question: lobby, reveal, leaderboard, podium, finished", () => {
    const state = newGame({ questions: [{}] });
    join(state, 1);
    expectRefusedUnchanged(state, () => pauseGame(state, T0), "not-allowed");
    const opened = startAndOpen(state);
    ok(skipQuestion(state, opened + 1));
    expectRefusedUnchanged(state, () => pauseGame(state, opened + 2), "not-allowed");
    ok(nextStep(state, opened + 3));
    expectRefusedUnchanged(state, () => pauseGame(state, opened + 4), "not-allowed");
    ok(nextStep(state, opened + 5));
    expect(state.phase).toBe("podium");
    expectRefusedUnchanged(state, () => pauseGame(state, opened + 6), "not-allowed");
    ok(nextStep(state, opened + 7));
    expectRefusedUnchanged(state, () => pauseGame(state, opened + 8), "not-allowed");
  });

  it("resume is refused when not paused, in every phase", () => {
    const state = newGame({ questions: [{}] });
    join(state, 1);
    expectRefusedUnchanged(state, () => resumeGame(state, T0), "not-allowed");
    ok(startGame(state, T0));
    expectRefusedUnchanged(state, () => resumeGame(state, T0 + 1), "not-allowed");
    const opened = openCurrent(state);
    expectRefusedUnchanged(state, () => resumeGame(state, opened + 1), "not-allowed");
    ok(pauseGame(state, opened + 2));
    ok(resumeGame(state, opened + 3));
    expectRefusedUnchanged(state, () => resumeGame(state, opened + 4), "not-allowed");
    ok(skipQuestion(state, opened + 5));
    expectRefusedUnchanged(state, () => resumeGame(state, opened + 6), "not-allowed");
  });
});

describe("pause while answering", () => {
  it("stops the clock: pause-changed, no next deadline, the timer does nothing; pausing twice changes nothing", () => {
    const { state, opened } = answering();
    const events = ok(pauseGame(state, opened + 5_000));
    expect(events).toEqual([{ type: "pause-changed", paused: true }]);
    expect(state.paused).toEqual({ at: opened + 5_000 });
    expect(state.phase).toBe("answering");
    expect(nextDeadline(state)).toBeNull();
    const before = structuredClone(state);
    expect(ok(advanceClock(state, opened + DEFAULT_T))).toEqual([]);
    expect(ok(advanceClock(state, opened + 10 * DEFAULT_T))).toEqual([]);
    expect(state).toStrictEqual(before);
    expect(ok(pauseGame(state, opened + 6_000))).toEqual([]);
    expect(state).toStrictEqual(before); // the pause still started at +5 s
  });

  it("answers are refused with `paused` and change nothing, even long after the deadline", () => {
    const { state, ids, opened } = answering();
    answerAt(state, ids[0]!, opened + 1_000);
    ok(pauseGame(state, opened + 2_000));
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: ids[1]!, questionIndex: 0, choice: [0], now: opened + 2_001 }), "paused");
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: ids[1]!, questionIndex: 0, choice: [0], now: opened + 5 * DEFAULT_T }), "paused");
    // Other refusals keep their own reasons.
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice: [1], now: opened + 2_002 }), "already-answered");
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: ids[1]!, questionIndex: 1, choice: [0], now: opened + 2_002 }), "wrong-question");
    lateJoin(state, "late", opened + 2_003);
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: "late", questionIndex: 0, choice: [0], now: opened + 2_004 }), "joined-late");
  });

  it("views: paused, countdown not running and frozen at the time left when paused", () => {
    const { state, opened } = answering();
    ok(pauseGame(state, opened + 5_000));
    for (const now of [opened + 5_000, opened + 9_000, opened + 60_000]) {
      const room = playerRoomView(state, now);
      expect(room.paused).toBe(true);
      expect(room.countdown).toEqual({ endsAt: now + 15_000, remainingMs: 15_000, totalMs: DEFAULT_T, running: false });
      const host = hostView(state, now);
      expect(host.paused).toBe(true);
      expect(host.countdown).toEqual(room.countdown);
    }
    ok(resumeGame(state, opened + 12_000));
    const room = playerRoomView(state, opened + 13_000);
    expect(room.paused).toBe(false);
    expect(room.countdown).toEqual({ endsAt: opened + DEFAULT_T + 7_000, remainingMs: 14_000, totalMs: DEFAULT_T, running: true });
  });

  it("resume shifts openedAt and the deadline by exactly the pause length; the round closes at the new deadline, not 1 ms before", () => {
    const { state, opened } = answering();
    const readStartedAt = state.round!.readStartedAt;
    ok(pauseGame(state, opened + 5_000));
    const events = ok(resumeGame(state, opened + 12_000));
    expect(events).toEqual([{ type: "pause-changed", paused: false }]);
    expect(state.paused).toBeNull();
    expect(state.round!.openedAt).toBe(opened + 7_000);
    expect(state.round!.deadline).toBe(opened + DEFAULT_T + 7_000);
    expect(state.round!.readStartedAt).toBe(readStartedAt + 7_000);
    expect(nextDeadline(state)).toBe(opened + DEFAULT_T + 7_000);
    const before = structuredClone(state);
    expect(ok(advanceClock(state, opened + DEFAULT_T + 6_999))).toEqual([]);
    expect(state).toStrictEqual(before);
    const closing = ok(advanceClock(state, opened + DEFAULT_T + 7_000));
    expect(eventTypes(closing)).toEqual(["round-closed", "phase:reveal"]);
    expect(roundClosed(closing)).toMatchObject({ openedAt: opened + 7_000, closedAt: opened + DEFAULT_T + 7_000 });
  });

  it("an answer just inside the shifted deadline is on time; 1 ms after it is too late", () => {
    const { state, ids, opened } = answering();
    ok(pauseGame(state, opened + 5_000));
    ok(resumeGame(state, opened + 8_000));
    const deadline = opened + DEFAULT_T + 3_000;
    ok(submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice: [0], now: deadline }));
    expect(state.round!.answers[ids[0]!]!.responseMs).toBe(DEFAULT_T);
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: ids[1]!, questionIndex: 0, choice: [0], now: deadline + 1 }), "too-late");
  });

  it("response time excludes the pause: the score is the same as in a game that was never paused", () => {
    const paused = answering(3);
    const plain = answering(3);
    for (const game of [paused, plain]) answerAt(game.state, game.ids[0]!, game.opened + 1_000, [0]);
    ok(pauseGame(paused.state, paused.opened + 2_000));
    ok(resumeGame(paused.state, paused.opened + 12_000));
    // 13 s after answers opened on the wall clock, but only 3 s of answering time.
    answerAt(paused.state, paused.ids[1]!, paused.opened + 13_000, [0]);
    answerAt(plain.state, plain.ids[1]!, plain.opened + 3_000, [0]);
    for (const game of [paused, plain]) ok(advanceClock(game.state, game.state.round!.deadline!));
    const outcome = (game: typeof paused) => game.ids.map((id) => [game.state.players[id]!.score, game.state.players[id]!.lastRound!.responseMs]);
    expect(outcome(paused)).toEqual([
      [975, 1_000], // answered before the pause: unaffected
      [pointsForCorrectAnswer(3_000, DEFAULT_T), 3_000], // 925
      [0, null],
    ]);
    expect(outcome(paused)).toEqual(outcome(plain));
    expect(paused.state.players[paused.ids[1]!]!.correctResponseMs).toBe(3_000);
  });

  it("several pauses add up", () => {
    const { state, ids, opened } = answering();
    ok(pauseGame(state, opened + 1_000));
    ok(resumeGame(state, opened + 3_000)); // 2 s
    ok(pauseGame(state, opened + 4_000));
    ok(resumeGame(state, opened + 9_000)); // 5 s
    expect(state.round!.deadline).toBe(opened + DEFAULT_T + 7_000);
    answerAt(state, ids[0]!, opened + 10_000, [0]);
    expect(state.round!.answers[ids[0]!]!.responseMs).toBe(3_000);
  });

  it("resuming at (or before) the pause time shifts nothing", () => {
    const { state, opened } = answering();
    ok(pauseGame(state, opened + 1_000));
    ok(resumeGame(state, opened + 1_000));
    expect(state.round!.deadline).toBe(opened + DEFAULT_T);
    expect(state.round!.openedAt).toBe(opened);
  });

  it("resume closes the round when every connected player answered while it was paused (one left, one was removed)", () => {
    const { state, ids, opened } = answering(4);
    answerAt(state, ids[0]!, opened + 100);
    answerAt(state, ids[1]!, opened + 200);
    ok(pauseGame(state, opened + 300));
    // The two who had not answered leave / are removed while paused: nothing closes during the pause.
    expect(eventTypes(ok(setPlayerConnected(state, { playerId: ids[2]!, connected: false, now: opened + 400 })))).toEqual(["player-connection"]);
    expect(eventTypes(ok(removePlayer(state, { playerId: ids[3]!, now: opened + 500 })))).toEqual(["player-removed"]);
    expect(state.phase).toBe("answering");
    expect(state.paused).not.toBeNull();
    const events = ok(resumeGame(state, opened + 10_000));
    expect(eventTypes(events)).toEqual(["pause-changed", "round-closed", "phase:reveal"]);
    expect(events[0]).toEqual({ type: "pause-changed", paused: false });
    expect(state.round!.closedAt).toBe(opened + 10_000);
    expect(state.paused).toBeNull();
    expect(state.players[ids[0]!]!.score).toBe(1000);
  });

  it("skip while paused closes the round with the answers given, clears the pause, and the next question runs normally", () => {
    const { state, ids, opened } = answering();
    answerAt(state, ids[0]!, opened + 700, [0]);
    ok(pauseGame(state, opened + 1_000));
    const events = ok(skipQuestion(state, opened + 30_000));
    expect(eventTypes(events)).toEqual(["round-closed", "phase:reveal"]);
    expect(state.paused).toBeNull();
    expect(roundClosed(events).answers.map((x) => [x.playerId, x.points, x.responseMs])).toEqual([[ids[0], pointsForCorrectAnswer(700, DEFAULT_T), 700]]);
    expect(playerRoomView(state, opened + 30_000).paused).toBe(false);
    ok(nextStep(state, opened + 31_000));
    ok(nextStep(state, opened + 32_000));
    expect(state.phase).toBe("question-read");
    expect(nextDeadline(state)).toBe(opened + 32_000 + DEFAULT_READ);
    const opened2 = openCurrent(state);
    expect(state.round!.deadline).toBe(opened2 + DEFAULT_T);
  });

  it("end while paused: the round closes, the pause is cleared, ended early", () => {
    const { state, ids, opened } = answering();
    answerAt(state, ids[0]!, opened + 100);
    ok(pauseGame(state, opened + 1_000));
    const events = ok(endGame(state, opened + 5_000));
    expect(eventTypes(events)).toEqual(["round-closed", "phase:reveal", "phase:podium", "game-finished"]);
    expect(state.paused).toBeNull();
    expect(state.phase).toBe("podium");
    expect(state.players[ids[0]!]!.score).toBe(1000);
    expect(events[3]).toMatchObject({ type: "game-finished", status: "ended_early" });
    expect(hostView(state, opened + 5_000).paused).toBe(false);
  });
});

describe("pause during the read time", () => {
  it("delays answers opening by the pause length; the countdown is frozen meanwhile", () => {
    const state = newGame();
    const [a] = join(state, 2);
    ok(startGame(state, T0));
    expect(ok(pauseGame(state, T0 + 1_000))).toEqual([{ type: "pause-changed", paused: true }]);
    expect(nextDeadline(state)).toBeNull();
    const before = structuredClone(state);
    expect(ok(advanceClock(state, T0 + DEFAULT_READ + 1))).toEqual([]);
    expect(state).toStrictEqual(before);
    expect(playerRoomView(state, T0 + 50_000).countdown).toEqual({ endsAt: T0 + 50_000 + 3_000, remainingMs: 3_000, totalMs: DEFAULT_READ, running: false });
    expect(playerRoomView(state, T0 + 50_000).question!.options).toBeNull();
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: T0 + 2_000 }), "not-accepting");
    ok(resumeGame(state, T0 + 6_000));
    expect(state.round!.readStartedAt).toBe(T0 + 5_000);
    expect(state.round!.openedAt).toBeNull();
    expect(state.round!.deadline).toBeNull();
    expect(nextDeadline(state)).toBe(T0 + DEFAULT_READ + 5_000);
    expect(ok(advanceClock(state, T0 + DEFAULT_READ + 4_999))).toEqual([]);
    expect(eventTypes(ok(advanceClock(state, T0 + DEFAULT_READ + 5_000)))).toEqual(["phase:answering"]);
    expect(state.round!.openedAt).toBe(T0 + DEFAULT_READ + 5_000);
    expect(state.round!.deadline).toBe(T0 + DEFAULT_READ + 5_000 + DEFAULT_T);
  });

  it("resume during the read time never closes the round, even when nobody is connected", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    ok(startGame(state, T0));
    ok(pauseGame(state, T0 + 1_000));
    ok(setPlayerConnected(state, { playerId: a!, connected: false, now: T0 + 1_100 }));
    ok(setPlayerConnected(state, { playerId: b!, connected: false, now: T0 + 1_200 }));
    expect(ok(resumeGame(state, T0 + 2_000))).toEqual([{ type: "pause-changed", paused: false }]);
    expect(state.phase).toBe("question-read");
  });

  it("skip while paused during the read time closes with no answers", () => {
    const state = newGame();
    join(state, 2);
    ok(startGame(state, T0));
    ok(pauseGame(state, T0 + 1_000));
    const events = ok(skipQuestion(state, T0 + 2_000));
    expect(roundClosed(events)).toMatchObject({ answers: [], openedAt: T0 + 2_000, closedAt: T0 + 2_000, eligiblePlayers: 2 });
    expect(state.paused).toBeNull();
  });

  it("a pause carried into answering is impossible: answers open only after a resume", () => {
    const state = newGame();
    join(state, 1);
    ok(startGame(state, T0));
    ok(pauseGame(state, T0 + DEFAULT_READ - 1));
    expect(ok(advanceClock(state, T0 + 100_000))).toEqual([]);
    expect(state.phase).toBe("question-read");
    ok(resumeGame(state, T0 + 100_000));
    expect(nextDeadline(state)).toBe(T0 + 100_001);
  });
});
