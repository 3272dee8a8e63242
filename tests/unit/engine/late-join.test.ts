import { describe, expect, it } from "vitest";
import {
  addPlayer,
  advanceClock,
  hostView,
  nextStep,
  personalView,
  playerRoomView,
  removePlayer,
  setLocked,
  setPlayerConnected,
  skipQuestion,
  standings,
  startGame,
  submitAnswer,
  type GameState,
} from "../../../server/engine";
import {
  DEFAULT_READ,
  DEFAULT_T,
  T0,
  answerAt,
  eventTypes,
  expectCountersConsistent,
  expectRefusedUnchanged,
  join,
  lateJoin,
  newGame,
  ok,
  openCurrent,
  roundClosed,
  startAndOpen,
} from "../../support/engine-fixtures";

/** Two players a (right, fast) and b (wrong) play question 0; returns in the reveal. */
function afterFirstRound() {
  const state = newGame({ questions: [{}, {}, {}] });
  const [a, b] = join(state, 2);
  const opened = startAndOpen(state);
  answerAt(state, a!, opened + 100, [0]);
  answerAt(state, b!, opened + 200, [1]);
  expect(state.phase).toBe("reveal");
  return { state, a: a!, b: b!, opened };
}

/** The fields a fresh late joiner must have. */
function expectFreshLateJoiner(state: GameState, id: string, firstQuestionIndex: number, joinedAt: number) {
  expect(state.players[id]).toMatchObject({
    id,
    nickname: `Nick-${id}`,
    joinedAt,
    connected: true,
    removed: false,
    score: 0,
    streak: 0,
    correctCount: 0,
    correctResponseMs: 0,
    previousRank: null,
    lastRound: null,
    firstQuestionIndex,
    takeoverRequested: false,
    takeoverAllowed: false,
  });
}

describe("late join: accepted in every phase before the podium", () => {
  it("in the lobby: plays from question 0, not ranked yet", () => {
    const state = newGame();
    join(state, 1);
    expect(lateJoin(state, "x", T0 + 5)).toEqual([{ type: "player-joined", playerId: "x" }]);
    expectFreshLateJoiner(state, "x", 0, T0 + 5);
    expect(state.players.x!.rank).toBeNull();
    expect(state.ranking).toEqual([]);
  });

  it("during the read time of question 1: plays from question 2, counted as late in the open round, not ranked until the first close", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    ok(startGame(state, T0));
    expect(lateJoin(state, "x", T0 + 1_000)).toEqual([{ type: "player-joined", playerId: "x" }]);
    expectFreshLateJoiner(state, "x", 1, T0 + 1_000);
    expect(state.players.x!.joinSeq).toBe(3);
    expect(state.nextJoinSeq).toBe(4);
    expect(state.activePlayerCount).toBe(3);
    expect(state.connectedPlayerCount).toBe(3);
    expect(state.round!.connectedLateCount).toBe(1);
    expect(state.ranking).toEqual([]);
    expect(state.players.x!.rank).toBeNull();
    expectCountersConsistent(state);
    // Not even the read deadline changes.
    expect(state.round!.readStartedAt).toBe(T0);
    const opened = openCurrent(state);
    expect(opened).toBe(T0 + DEFAULT_READ);
    answerAt(state, a!, opened + 100);
    answerAt(state, b!, opened + 200);
    // The two players who can answer have: closed, and the late joiner is ranked last at once.
    expect(state.phase).toBe("reveal");
    expect(state.ranking).toEqual([a, b, "x"]);
    expect(state.players.x!.rank).toBe(3);
    expect(state.players.x!.lastRound).toBeNull();
  });

  it("while answering: not scored, not eligible, lastRound stays null, and never holds the round open", () => {
    const state = newGame({ questions: [{}, {}] });
    const [a, b] = join(state, 2);
    const opened = startAndOpen(state);
    answerAt(state, a!, opened + 100, [0]);
    lateJoin(state, "x", opened + 1_000);
    expectFreshLateJoiner(state, "x", 1, opened + 1_000);
    expect(state.round!.connectedLateCount).toBe(1);
    expectCountersConsistent(state);
    // The late joiner may not answer this question, and the refusal changes nothing.
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: "x", questionIndex: 0, choice: [0], now: opened + 1_100 }), "joined-late");
    expect(state.phase).toBe("answering");
    const events = answerAt(state, b!, opened + 2_000, [1]);
    // b was the last player who could answer: the connected late joiner does not keep it open.
    expect(eventTypes(events)).toEqual(["answer-accepted", "round-closed", "phase:reveal"]);
    const closed = roundClosed(events);
    expect(closed.eligiblePlayers).toBe(2);
    expect(closed.answers.map((x) => x.playerId)).toEqual([a, b]);
    expect(state.round!.eligible).toBe(2);
    expect(state.round!.answerCount).toBe(2);
    expect(playerRoomView(state, opened + 2_000).reveal).toMatchObject({ answered: 2, eligible: 2, counts: [1, 1, 0, 0] });
    expect(state.players.x).toMatchObject({ score: 0, streak: 0, correctCount: 0, lastRound: null, rank: 3 });
    expect(state.ranking).toEqual([a, b, "x"]);
  });

  it("the late joiner plays the next question normally, and then holds that round open", () => {
    const state = newGame({ questions: [{}, {}] });
    const [a, b] = join(state, 2);
    const opened = startAndOpen(state);
    lateJoin(state, "x", opened + 1);
    answerAt(state, a!, opened + 100, [0]);
    answerAt(state, b!, opened + 200, [1]);
    expect(state.phase).toBe("reveal");
    ok(nextStep(state, opened + 300));
    ok(nextStep(state, opened + 400));
    expect(state.round!.questionIndex).toBe(1);
    expect(state.round!.connectedLateCount).toBe(0);
    const opened2 = openCurrent(state);
    answerAt(state, a!, opened2 + 100, [1]);
    answerAt(state, b!, opened2 + 200, [1]);
    expect(state.phase).toBe("answering"); // x can answer this one, so the round waits for x
    const events = answerAt(state, "x", opened2 + 300, [0]);
    expect(eventTypes(events)).toEqual(["answer-accepted", "round-closed", "phase:reveal"]);
    expect(roundClosed(events).eligiblePlayers).toBe(3);
    // a: 1000 (100 ms of correct answers), x: 1000 (300 ms), b: 0.
    expect(state.players.x).toMatchObject({ score: 1000, streak: 1, correctCount: 1, rank: 2 });
    expect(state.ranking).toEqual([a, "x", b]);
    expect(state.players.x!.lastRound).toEqual({ questionIndex: 1, answered: true, choice: [0], correct: true, points: 1000, streak: 1, responseMs: 300 });
    expect(state.players.x!.previousRank).toBe(3);
  });

  it("during the reveal and the leaderboard: at the bottom of the ranking at once, playing from the next question", () => {
    for (const phase of ["reveal", "leaderboard"] as const) {
      const { state, a, b, opened } = afterFirstRound();
      if (phase === "leaderboard") ok(nextStep(state, opened + 1_000));
      expect(state.phase).toBe(phase);
      expect(state.ranking).toEqual([a, b]);
      lateJoin(state, "x", opened + 2_000);
      expectFreshLateJoiner(state, "x", 1, opened + 2_000);
      expect(state.ranking).toEqual([a, b, "x"]);
      expect(state.players.x!.rank).toBe(3);
      // The round is closed: nothing to be late for.
      expect(state.round!.connectedLateCount).toBe(0);
      expect(state.round!.eligible).toBe(2);
      expect(standings(state)).toEqual([
        { playerId: a, score: 1000, rank: 1 },
        { playerId: b, score: 0, rank: 2 },
        { playerId: "x", score: 0, rank: 3 },
      ]);
      expect(personalView(state, "x")).toMatchObject({ rank: 3, score: 0, firstQuestionIndex: 1, lastRound: null, playerCount: 3 });
      if (phase === "leaderboard") {
        expect(hostView(state, opened + 2_000).leaderboard.map((e) => [e.playerId, e.rank, e.score, e.movement])).toEqual([
          // Everyone who played question 1 shows no change; only the late joiner is new.
          [a, 1, 1000, 0],
          [b, 2, 0, 0],
          ["x", 3, 0, null],
        ]);
      }
      // Next question: the late joiner holds it open like everyone else.
      if (phase === "reveal") ok(nextStep(state, opened + 3_000));
      ok(nextStep(state, opened + 4_000));
      const opened2 = openCurrent(state);
      answerAt(state, a!, opened2 + 10);
      answerAt(state, b!, opened2 + 20);
      expect(state.phase).toBe("answering");
      answerAt(state, "x", opened2 + 30);
      expect(state.phase).toBe("reveal");
      expect(state.round!.eligible).toBe(3);
    }
  });

  it("a later late joiner ties below an earlier 0-point player (join order breaks the tie)", () => {
    const { state, a, b, opened } = afterFirstRound();
    lateJoin(state, "x", opened + 1_000);
    lateJoin(state, "y", opened + 1_001);
    expect(state.ranking).toEqual([a, b, "x", "y"]);
    expect([state.players.x!.rank, state.players.y!.rank]).toEqual([3, 4]);
    ok(nextStep(state, opened + 2_000));
    ok(nextStep(state, opened + 3_000));
    ok(skipQuestion(state, openCurrent(state)));
    // Same order after a full re-rank: the late ranking was already the true one.
    expect(state.ranking).toEqual([a, b, "x", "y"]);
    expect([state.players.x!.previousRank, state.players.y!.previousRank]).toEqual([3, 4]);
  });

  it("in the leaderboard after the last question: ranked at the bottom of the podium standings, never plays", () => {
    const state = newGame({ questions: [{}] });
    const [a] = join(state, 1);
    const opened = startAndOpen(state);
    answerAt(state, a!, opened + 10);
    ok(nextStep(state, opened + 100));
    lateJoin(state, "x", opened + 200);
    expect(state.players.x!.firstQuestionIndex).toBe(1); // = question count: there is no next question
    const events = ok(nextStep(state, opened + 300));
    expect(eventTypes(events)).toEqual(["phase:podium", "game-finished"]);
    const finished = events[1]!;
    if (finished.type !== "game-finished") throw new Error("expected game-finished");
    expect(finished.standings).toEqual([
      { playerId: a, score: 1000, rank: 1 },
      { playerId: "x", score: 0, rank: 2 },
    ]);
  });

  it("late joiners of the first round are counted in the standings of a game ended during that round", () => {
    const state = newGame();
    const [a] = join(state, 1);
    const opened = startAndOpen(state);
    lateJoin(state, "x", opened + 1);
    const events = ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: opened + 10 }));
    expect(eventTypes(events)).toEqual(["answer-accepted", "round-closed", "phase:reveal"]);
    expect(state.ranking).toEqual([a, "x"]);
  });
});

describe("late join: counters in the open round", () => {
  it("a late joiner disconnecting, reconnecting and being removed keeps connectedLateCount right", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    const opened = startAndOpen(state);
    lateJoin(state, "x", opened + 1);
    lateJoin(state, "y", opened + 2);
    expect(state.round!.connectedLateCount).toBe(2);
    ok(setPlayerConnected(state, { playerId: "x", connected: false, now: opened + 3 }));
    expect(state.round!.connectedLateCount).toBe(1);
    expectCountersConsistent(state);
    ok(setPlayerConnected(state, { playerId: "x", connected: true, now: opened + 4 }));
    expect(state.round!.connectedLateCount).toBe(2);
    ok(removePlayer(state, { playerId: "y", now: opened + 5 }));
    expect(state.round!.connectedLateCount).toBe(1);
    expectCountersConsistent(state);
    // Removing a disconnected late joiner does not decrement twice.
    ok(setPlayerConnected(state, { playerId: "x", connected: false, now: opened + 6 }));
    ok(removePlayer(state, { playerId: "x", now: opened + 7 }));
    expect(state.round!.connectedLateCount).toBe(0);
    expectCountersConsistent(state);
    answerAt(state, a!, opened + 10);
    expect(state.phase).toBe("answering");
    answerAt(state, b!, opened + 20);
    expect(state.phase).toBe("reveal");
  });

  it("the last non-answerer disconnecting closes the round although a late joiner is connected", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    const opened = startAndOpen(state);
    answerAt(state, a!, opened + 10);
    lateJoin(state, "x", opened + 20);
    const events = ok(setPlayerConnected(state, { playerId: b!, connected: false, now: opened + 30 }));
    expect(eventTypes(events)).toEqual(["player-connection", "round-closed", "phase:reveal"]);
    expect(state.round!.eligible).toBe(2);
  });

  it("removing the last non-answerer closes the round although a late joiner is connected", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    const opened = startAndOpen(state);
    answerAt(state, a!, opened + 10);
    lateJoin(state, "x", opened + 20);
    const events = ok(removePlayer(state, { playerId: b!, now: opened + 30 }));
    expect(eventTypes(events)).toEqual(["player-removed", "round-closed", "phase:reveal"]);
    expect(state.round!.eligible).toBe(1);
    expect(state.ranking).toEqual([a, "x"]);
  });

  it("with only late joiners connected the round does not close early (nobody can answer); the timer closes it", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    const opened = startAndOpen(state);
    ok(setPlayerConnected(state, { playerId: a!, connected: false, now: opened + 1 }));
    ok(setPlayerConnected(state, { playerId: b!, connected: false, now: opened + 2 }));
    const events = lateJoin(state, "x", opened + 3);
    expect(events).toEqual([{ type: "player-joined", playerId: "x" }]);
    ok(setPlayerConnected(state, { playerId: "x", connected: false, now: opened + 4 }));
    ok(setPlayerConnected(state, { playerId: "x", connected: true, now: opened + 5 }));
    expect(state.phase).toBe("answering");
    expect(state.connectedPlayerCount).toBe(1);
    expect(state.round!.connectedLateCount).toBe(1);
    // An answer sent from a disconnected phone still counts once it reconnects.
    answerAt(state, a!, opened + 100);
    expect(state.phase).toBe("answering");
    const reconnect = ok(setPlayerConnected(state, { playerId: a!, connected: true, now: opened + 200 }));
    expect(eventTypes(reconnect)).toEqual(["player-connection", "round-closed", "phase:reveal"]);
    expect(state.round!.eligible).toBe(2);
  });

  it("a late joiner of an earlier round is a full player: disconnecting before answering no longer counts as late", () => {
    const { state, a, b, opened } = afterFirstRound();
    lateJoin(state, "x", opened + 1);
    ok(nextStep(state, opened + 2));
    ok(nextStep(state, opened + 3));
    const opened2 = openCurrent(state);
    ok(setPlayerConnected(state, { playerId: "x", connected: false, now: opened2 + 1 }));
    expect(state.round!.connectedLateCount).toBe(0);
    ok(setPlayerConnected(state, { playerId: "x", connected: true, now: opened2 + 2 }));
    expect(state.round!.connectedLateCount).toBe(0);
    expectCountersConsistent(state);
    answerAt(state, a, opened2 + 10);
    answerAt(state, b, opened2 + 20);
    expect(state.phase).toBe("answering");
  });
});

describe("lock", () => {
  it("emits lock-changed only on a change, and shows in the host view", () => {
    const state = newGame();
    join(state, 1);
    expect(ok(setLocked(state, true))).toEqual([{ type: "lock-changed", locked: true }]);
    expect(state.locked).toBe(true);
    expect(hostView(state, T0).locked).toBe(true);
    const before = structuredClone(state);
    expect(ok(setLocked(state, true))).toEqual([]);
    expect(state).toStrictEqual(before);
    expect(ok(setLocked(state, false))).toEqual([{ type: "lock-changed", locked: false }]);
    expect(state.locked).toBe(false);
    expect(hostView(state, T0).locked).toBe(false);
    const unlocked = structuredClone(state);
    expect(ok(setLocked(state, false))).toEqual([]);
    expect(state).toStrictEqual(unlocked);
  });

  it("refuses new players with `locked` in the lobby and in every running phase, changing nothing; unlocking lets them in", () => {
    const state = newGame({ questions: [{}, {}] });
    const [a] = join(state, 1);
    ok(setLocked(state, true));
    const tryJoin = (now: number) => () => addPlayer(state, { playerId: "x", nickname: "Xena", now });
    expectRefusedUnchanged(state, tryJoin(T0), "locked");
    ok(startGame(state, T0 + 10));
    expectRefusedUnchanged(state, tryJoin(T0 + 11), "locked"); // question-read
    const opened = openCurrent(state);
    expectRefusedUnchanged(state, tryJoin(opened + 1), "locked"); // answering
    answerAt(state, a!, opened + 2);
    expectRefusedUnchanged(state, tryJoin(opened + 3), "locked"); // reveal
    ok(nextStep(state, opened + 4));
    expectRefusedUnchanged(state, tryJoin(opened + 5), "locked"); // leaderboard
    ok(setLocked(state, false));
    ok(tryJoin(opened + 6)());
    expect(state.players.x).toMatchObject({ firstQuestionIndex: 1, rank: 2 });
  });

  it("does not stop the players already in: answers, reconnects and the game go on", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    const opened = startAndOpen(state);
    ok(setLocked(state, true));
    ok(setPlayerConnected(state, { playerId: b!, connected: false, now: opened + 1 }));
    ok(setPlayerConnected(state, { playerId: b!, connected: true, now: opened + 2 }));
    answerAt(state, a!, opened + 10);
    answerAt(state, b!, opened + 20);
    expect(state.phase).toBe("reveal");
    expect(state.locked).toBe(true);
  });

  it("a locked game refuses a newcomer, and a removed player's nickname stays out", () => {
    const state = newGame();
    ok(addPlayer(state, { playerId: "a", nickname: "Ana", now: T0 }));
    ok(removePlayer(state, { playerId: "a", now: T0 + 1 }));
    ok(setLocked(state, true));
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "b", nickname: "Bea", now: T0 + 2 }), "locked");
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "b", nickname: "Ana", now: T0 + 2 }), "removed");
  });

  it("game-over takes precedence over locked, and a finished game can't be locked or unlocked", () => {
    const state = newGame({ questions: [{}] });
    join(state, 1);
    const opened = startAndOpen(state);
    ok(skipQuestion(state, opened));
    ok(nextStep(state, opened + 1));
    ok(nextStep(state, opened + 2));
    expect(state.phase).toBe("podium");
    ok(setLocked(state, true));
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "x", nickname: "Xena", now: opened + 3 }), "game-over");
    ok(nextStep(state, opened + 4));
    expect(state.phase).toBe("finished");
    expectRefusedUnchanged(state, () => setLocked(state, false), "game-over");
    expectRefusedUnchanged(state, () => setLocked(state, true), "game-over");
  });
});

describe("late join and views", () => {
  it("the late joiner's personal view says when they start; the host view lists them with the connected count", () => {
    const state = newGame();
    const [a] = join(state, 1);
    const opened = startAndOpen(state);
    lateJoin(state, "x", opened + 1);
    expect(personalView(state, "x")).toEqual({
      playerId: "x",
      nickname: "Nick-x",
      score: 0,
      streak: 0,
      rank: null,
      playerCount: 2,
      lockedQuestionIndex: null,
      lastRound: null,
      firstQuestionIndex: 1,
    });
    const host = hostView(state, opened + 1);
    expect(host.players.map((p) => p.id)).toEqual([a, "x"]);
    expect(host.connectedCount).toBe(2);
    expect(host.playerCount).toBe(2);
    expect(playerRoomView(state, opened + 1).playerCount).toBe(2);
    // The answer countdown is untouched by the join.
    expect(host.countdown).toEqual({ endsAt: opened + DEFAULT_T, remainingMs: DEFAULT_T - 1, totalMs: DEFAULT_T, running: true });
    ok(advanceClock(state, opened + DEFAULT_T));
    expect(personalView(state, "x")).toMatchObject({ rank: 2, lastRound: null, firstQuestionIndex: 1 });
  });
});
