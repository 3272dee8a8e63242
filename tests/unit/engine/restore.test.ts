/**
 * Bringing a game back after a restart: the saved snapshot (as of the last phase / pause / lock
 * change) plus the players and answers saved since, as server/rooms/restore-games.ts does it:
 * restorePlayer for every saved player, restoreAnswer for every saved answer of the open round,
 * then prepareAfterRestart.
 */
import { describe, expect, it } from "vitest";
import {
  RESTART_GRACE_MS,
  addPlayer,
  advanceClock,
  endGame,
  restorePlayers,
  hostView,
  nextDeadline,
  nextStep,
  pauseGame,
  playerRoomView,
  pointsForCorrectAnswer,
  prepareAfterRestart,
  removePlayer,
  restoreAnswer,
  restorePlayer,
  resumeGame,
  setPlayerConnected,
  standings,
  startGame,
  submitAnswer,
  type GameEvent,
  type GameState,
  type SavedAnswer,
  type StoredPlayer,
} from "../../../server/engine";
import {
  DEFAULT_T,
  T0,
  expectCountersConsistent,
  expectRefusedUnchanged,
  join,
  lateJoin,
  newGame,
  ok,
  openCurrent,
  roundClosed,
  seededRandom,
  startAndOpen,
} from "../../support/engine-fixtures";
import { packGameState, unpackGameState } from "../../../server/rooms/snapshot";

/** The players table: one row per player ever joined. */
function storedPlayers(state: GameState): StoredPlayer[] {
  return Object.values(state.players).map((p) => ({
    id: p.id,
    nickname: p.nickname,
    joinSeq: p.joinSeq,
    joinedAt: p.joinedAt,
    removed: p.removed,
    tokenHash: p.tokenHash,
    deviceHash: p.deviceHash ?? null,
  }));
}

/** The answers table, fed from the answer-accepted events (only acknowledged answers are stored). */
class AnswerLog {
  rows: SavedAnswer[] = [];
  record(events: GameEvent[]): GameEvent[] {
    for (const event of events) if (event.type === "answer-accepted") this.rows.push(event.answer);
    return events;
  }
  answer(state: GameState, playerId: string, now: number, choice: number[]): GameEvent[] {
    return this.record(ok(submitAnswer(state, { playerId, questionIndex: state.round!.questionIndex, choice, now })));
  }
}

/** What restore-games.ts does with a snapshot, the saved players and the saved answers. */
function restart(snapshot: GameState, players: StoredPlayer[], answers: SavedAnswer[], now: number): GameState {
  // The snapshot as the database store keeps it: compact, without what the tables hold.
  const state = unpackGameState(JSON.parse(JSON.stringify(packGameState(snapshot))));
  restorePlayers(state, players);
  for (const answer of answers) {
    restoreAnswer(state, { playerId: answer.playerId, answerId: answer.answerId, choices: answer.choices, receivedAt: answer.answeredAt });
  }
  prepareAfterRestart(state, now);
  return state;
}

/** Display indexes of the correct options / of one wrong option. */
const right = (state: GameState) => state.questions[state.round!.questionIndex]!.correct;
const wrong = (state: GameState) => [[0, 1, 2, 3].find((i) => !right(state).includes(i))!];

function results(state: GameState) {
  return {
    ranking: state.ranking,
    players: Object.values(state.players).map((p) => ({
      id: p.id,
      removed: p.removed,
      score: p.score,
      streak: p.streak,
      correctCount: p.correctCount,
      correctResponseMs: p.correctResponseMs,
      rank: p.rank,
      lastRound: p.lastRound,
      firstQuestionIndex: p.firstQuestionIndex,
      tokenHash: p.tokenHash,
    })),
  };
}

describe("a restart mid-answering gives the same results as the uninterrupted game", () => {
  it("snapshot at answers-open, then a late join, a takeover token, answers (shuffled options, running streaks); the game then plays on identically", () => {
    const live = newGame({
      questions: [{ correct: [1] }, { kind: "multiple", correct: [0, 2] }, { correct: [3] }],
      settings: { shuffleAnswers: true },
      random: seededRandom(7),
    });
    const [p1, p2, p3, p4] = join(live, 4);
    const log = new AnswerLog();
    // Question 1, played before the snapshot: streaks and scores going into question 2.
    const opened0 = startAndOpen(live);
    log.answer(live, p1!, opened0 + 300, right(live));
    log.answer(live, p2!, opened0 + 2_000, right(live));
    log.answer(live, p3!, opened0 + 1_000, wrong(live));
    ok(advanceClock(live, opened0 + DEFAULT_T));
    ok(nextStep(live, opened0 + DEFAULT_T + 1_000));
    ok(nextStep(live, opened0 + DEFAULT_T + 2_000));
    const opened = openCurrent(live);
    expect(live.questions[1]!.optionOrder).not.toEqual([0, 1, 2, 3]); // the mapping back to display order matters

    const snapshot = structuredClone(live); // saved at the phase change to answering
    log.rows = [];
    lateJoin(live, "late", opened + 500, "hash-late");
    log.answer(live, p1!, opened + 800, right(live)); // streak 2
    log.answer(live, p2!, opened + 1_500, wrong(live));
    log.answer(live, p3!, opened + 4_000, right(live));
    live.players[p4!]!.tokenHash = "hash-after-takeover"; // as a takeover would have stored it
    expect(live.phase).toBe("answering");
    const crashAt = opened + 6_000;

    const restored = restart(snapshot, storedPlayers(live), log.rows, crashAt + 1_000);
    expect(restored.round!.deadline).toBe(opened + DEFAULT_T); // plenty of time left: untouched
    expect(Object.keys(restored.players)).toEqual(Object.keys(live.players));
    expect(restored.round!.answers).toEqual(live.round!.answers);
    expect(restored.round!.answerCount).toBe(3);
    // The phones come back (one that has not answered first, so nobody closes the round early).
    for (const id of [p4!, p1!, p2!, p3!, "late"]) ok(setPlayerConnected(restored, { playerId: id, connected: true, now: crashAt + 2_000 }));
    expectCountersConsistent(restored);
    expect(restored.round!.connectedLateCount).toBe(1);
    expect(restored.phase).toBe("answering");

    const liveClose = ok(advanceClock(live, opened + DEFAULT_T));
    const restoredClose = ok(advanceClock(restored, opened + DEFAULT_T));
    expect(roundClosed(restoredClose)).toEqual(roundClosed(liveClose));
    expect(roundClosed(liveClose).answers.map((a) => [a.playerId, a.streak])).toEqual([
      [p1, 2],
      [p2, 0],
      [p3, 1],
    ]);
    expect(results(restored)).toEqual(results(live));

    // Question 3, identical in both games, including the late joiner.
    const finals: GameEvent[][] = [];
    for (const game of [live, restored]) {
      ok(nextStep(game, opened + 30_000));
      ok(nextStep(game, opened + 31_000));
      const o = openCurrent(game);
      ok(submitAnswer(game, { playerId: "late", questionIndex: 2, choice: right(game), now: o + 200 }));
      ok(submitAnswer(game, { playerId: p1!, questionIndex: 2, choice: right(game), now: o + 900 }));
      ok(submitAnswer(game, { playerId: p2!, questionIndex: 2, choice: right(game), now: o + 5_000 }));
      ok(submitAnswer(game, { playerId: p3!, questionIndex: 2, choice: wrong(game), now: o + 6_000 }));
      ok(submitAnswer(game, { playerId: p4!, questionIndex: 2, choice: right(game), now: o + 7_000 }));
      expect(game.phase).toBe("reveal");
      ok(nextStep(game, o + 8_000));
      finals.push(ok(nextStep(game, o + 9_000)));
    }
    expect(finals[1]).toEqual(finals[0]);
    expect(results(restored)).toEqual(results(live));
    expect(live.players.late!.score).toBe(1000);
    expect(live.players[p1!]!.score).toBeGreaterThan(3_000); // 1000 + (1000 − … + 100) + (… + 200)
  });

  it("snapshot saved at a resume (it already holds the answers given before the pause): those are not doubled, later ones are timed without the pause", () => {
    const live = newGame({ questions: [{}, {}] });
    const [p1, p2, p3] = join(live, 3);
    const log = new AnswerLog();
    const opened = startAndOpen(live);
    log.answer(live, p1!, opened + 500, [0]);
    ok(pauseGame(live, opened + 1_000));
    ok(resumeGame(live, opened + 4_000));
    const snapshot = structuredClone(live); // saved at pause-changed
    log.answer(live, p2!, opened + 6_000, [0]); // 3 s of answering time
    const restored = restart(snapshot, storedPlayers(live), log.rows, opened + 7_000);
    expect(log.rows.map((r) => r.playerId)).toEqual([p1, p2]);
    expect(restored.round!.answerCount).toBe(2);
    expect(restored.round!.answers).toEqual(live.round!.answers);
    expect(restored.round!.answers[p2!]!.responseMs).toBe(3_000);
    expect(restored.round!.deadline).toBe(opened + DEFAULT_T + 3_000);
    ok(advanceClock(live, opened + DEFAULT_T + 3_000));
    ok(advanceClock(restored, opened + DEFAULT_T + 3_000));
    expect(results(restored)).toEqual(results(live));
    expect([p1, p2, p3].map((id) => restored.players[id!]!.score)).toEqual([1000, pointsForCorrectAnswer(3_000, DEFAULT_T), 0]);
  });

  it("a snapshot saved while paused stays paused: no grace extension, the clock waits for the host", () => {
    const live = newGame();
    const [p1] = join(live, 2);
    const opened = startAndOpen(live);
    ok(submitAnswer(live, { playerId: p1!, questionIndex: 0, choice: [0], now: opened + 100 }));
    ok(pauseGame(live, opened + DEFAULT_T - 1_000)); // 1 s left
    // Back before the (frozen) deadline: a running round would get the grace, a paused one keeps its deadline.
    const soon = restart(structuredClone(live), storedPlayers(live), [], opened + DEFAULT_T - 500);
    expect(soon.round!.deadline).toBe(opened + DEFAULT_T);
    expect(soon.paused).toEqual({ at: opened + DEFAULT_T - 1_000 });
    const restored = restart(structuredClone(live), storedPlayers(live), [], opened + DEFAULT_T + 60_000);
    expect(restored.paused).toEqual({ at: opened + DEFAULT_T - 1_000 });
    expect(restored.round!.deadline).toBe(opened + DEFAULT_T);
    expect(nextDeadline(restored)).toBeNull();
    expect(ok(advanceClock(restored, opened + DEFAULT_T + 60_000))).toEqual([]);
    expect(playerRoomView(restored, opened + DEFAULT_T + 60_000).countdown).toMatchObject({ remainingMs: 1_000, running: false });
    ok(resumeGame(restored, opened + DEFAULT_T + 70_000));
    expect(nextDeadline(restored)).toBe(opened + DEFAULT_T + 71_000);
  });
});

describe("a deadline that passed during the downtime", () => {
  it("is left as it was; the room's clock closes the round at once with the restored answers, scored as in the uninterrupted game", () => {
    const live = newGame();
    const [p1, p2, p3] = join(live, 3);
    const log = new AnswerLog();
    const opened = startAndOpen(live);
    const snapshot = structuredClone(live);
    log.answer(live, p1!, opened + 1_000, [0]);
    log.answer(live, p2!, opened + 2_000, [1]);
    const backAt = opened + DEFAULT_T + 60_000;
    const restored = restart(snapshot, storedPlayers(live), log.rows, backAt);
    expect(restored.phase).toBe("answering");
    expect(restored.round!.deadline).toBe(opened + DEFAULT_T);
    expect(nextDeadline(restored)).toBe(opened + DEFAULT_T);
    const events = ok(advanceClock(restored, backAt));
    const closed = roundClosed(events);
    expect(closed).toMatchObject({ openedAt: opened, closedAt: backAt, eligiblePlayers: 3 });
    expect(closed.answers.map((a) => [a.playerId, a.correct, a.points, a.responseMs])).toEqual([
      [p1, true, 975, 1_000],
      [p2, false, 0, 2_000],
    ]);
    expect(restored.players[p3!]!.lastRound).toMatchObject({ answered: false, points: 0 });
    ok(advanceClock(live, opened + DEFAULT_T));
    expect(results(restored)).toEqual(results(live));
  });

  it("the same for a read time that ended during the downtime: answers open when the server is back", () => {
    const live = newGame();
    join(live, 2);
    ok(startGame(live, T0));
    const restored = restart(structuredClone(live), storedPlayers(live), [], T0 + 60_000);
    expect(restored.round!.readStartedAt).toBe(T0);
    ok(advanceClock(restored, T0 + 60_000));
    expect(restored.phase).toBe("answering");
    expect(restored.round!.openedAt).toBe(T0 + 60_000);
    expect(restored.round!.deadline).toBe(T0 + 60_000 + DEFAULT_T);
  });
});

describe("prepareAfterRestart: the grace period", () => {
  function restartWithLeft(leftMs: number) {
    const live = newGame();
    join(live, 2);
    const opened = startAndOpen(live);
    const deadline = opened + DEFAULT_T;
    const now = deadline - leftMs;
    const state = restart(structuredClone(live), storedPlayers(live), [], now);
    return { state, opened, deadline, now };
  }

  it("exposes the documented constant", () => {
    expect(RESTART_GRACE_MS).toBe(5_000);
  });

  it.each([1, 2_000, 4_999])("%i ms left → extended to now + 5 s", (left) => {
    const { state, now } = restartWithLeft(left);
    expect(state.round!.deadline).toBe(now + RESTART_GRACE_MS);
    expect(nextDeadline(state)).toBe(now + RESTART_GRACE_MS);
    expect(ok(advanceClock(state, now + RESTART_GRACE_MS - 1))).toEqual([]);
    expect(state.phase).toBe("answering");
  });

  it.each([5_000, 8_000, DEFAULT_T])("%i ms left → untouched", (left) => {
    const { state, deadline } = restartWithLeft(left);
    expect(state.round!.deadline).toBe(deadline);
  });

  it.each([0, -1, -60_000])("%i ms left (already due or passed) → untouched, and the clock closes it", (left) => {
    const { state, deadline, now } = restartWithLeft(left);
    expect(state.round!.deadline).toBe(deadline);
    expect(state.round!.openedAt).toBe(deadline - DEFAULT_T);
    expect(state.phase).toBe("answering");
    ok(advanceClock(state, now));
    expect(state.phase).toBe("reveal");
  });

  it("answers are accepted until the extended deadline, timed from when answers really opened", () => {
    const { state, opened, now } = restartWithLeft(1_000);
    const [p1, p2] = Object.keys(state.players);
    ok(setPlayerConnected(state, { playerId: p2!, connected: true, now }));
    ok(setPlayerConnected(state, { playerId: p1!, connected: true, now }));
    ok(submitAnswer(state, { playerId: p1!, questionIndex: 0, choice: [0], now: now + RESTART_GRACE_MS }));
    expect(state.round!.answers[p1!]!.responseMs).toBe(now + RESTART_GRACE_MS - opened);
    expect(state.round!.answers[p1!]!.points).toBe(500); // past T: half points, never less
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: p2!, questionIndex: 0, choice: [0], now: now + RESTART_GRACE_MS + 1 }), "too-late");
  });

  it("leaves the read time, and a closed round, alone", () => {
    const reading = newGame();
    join(reading, 1);
    ok(startGame(reading, T0));
    const r = restart(structuredClone(reading), storedPlayers(reading), [], T0 + 3_999);
    expect(r.round).toMatchObject({ readStartedAt: T0, openedAt: null, deadline: null });
    expect(nextDeadline(r)).toBe(T0 + 4_000);

    const revealed = newGame();
    join(revealed, 1);
    const opened = startAndOpen(revealed);
    ok(advanceClock(revealed, opened + DEFAULT_T));
    const before = structuredClone(revealed.round);
    const s = restart(structuredClone(revealed), storedPlayers(revealed), [], opened + DEFAULT_T + 1);
    expect(s.round).toEqual(before);
    expect(s.phase).toBe("reveal");
  });
});

describe("prepareAfterRestart: nobody is connected", () => {
  it("marks every player disconnected and zeroes the connected counters; reconnecting rebuilds them consistently", () => {
    const live = newGame({ questions: [{}, {}] });
    const [p1, p2, p3] = join(live, 3);
    const opened = startAndOpen(live);
    ok(submitAnswer(live, { playerId: p1!, questionIndex: 0, choice: [0], now: opened + 100 }));
    lateJoin(live, "late", opened + 200);
    ok(removePlayer(live, { playerId: p3!, now: opened + 300 }));
    ok(pauseGame(live, opened + 400)); // the snapshot
    expect(live.round).toMatchObject({ connectedAnswerCount: 1, connectedLateCount: 1 });
    const state = restart(structuredClone(live), storedPlayers(live), [], opened + 10_000);
    expect(Object.values(state.players).map((p) => [p.id, p.connected, p.removed])).toEqual([
      [p1, false, false],
      [p2, false, false],
      [p3, false, true],
      ["late", false, false],
    ]);
    expect(state.connectedPlayerCount).toBe(0);
    expect(state.activePlayerCount).toBe(3);
    expect(state.round).toMatchObject({ connectedAnswerCount: 0, connectedLateCount: 0, answerCount: 1 });
    expect(hostView(state, opened + 10_000).connectedCount).toBe(0);
    expectCountersConsistent(state);
    ok(setPlayerConnected(state, { playerId: "late", connected: true, now: opened + 11_000 }));
    ok(setPlayerConnected(state, { playerId: p2!, connected: true, now: opened + 11_000 }));
    ok(setPlayerConnected(state, { playerId: p1!, connected: true, now: opened + 11_000 }));
    expectCountersConsistent(state);
    expect(state.round).toMatchObject({ connectedAnswerCount: 1, connectedLateCount: 1 });
    expectRefusedUnchanged(state, () => setPlayerConnected(state, { playerId: p3!, connected: true, now: opened + 11_000 }), "not-joined");
    // Still paused; p2 answers after the resume and closes the round (the late joiner doesn't count).
    ok(resumeGame(state, opened + 15_000));
    ok(submitAnswer(state, { playerId: p2!, questionIndex: 0, choice: [1], now: opened + 16_000 }));
    expect(state.phase).toBe("reveal");
    expect(state.round!.eligible).toBe(2);
  });
});

describe("restorePlayer", () => {
  const stored = (over: Partial<StoredPlayer> & { id: string; joinSeq: number }): StoredPlayer => ({
    nickname: `Nick-${over.id}`,
    joinedAt: T0 + 1_000,
    removed: false,
    tokenHash: `hash-${over.id}`,
    ...over,
  });

  it("adds a player who joined the lobby after the snapshot: disconnected, from question 1, not ranked", () => {
    const state = newGame();
    join(state, 2);
    restorePlayer(state, stored({ id: "x", nickname: "Xena", joinSeq: 3 }));
    expect(state.players.x).toEqual({
      id: "x",
      nickname: "Xena",
      nicknameKey: "xena",
      joinSeq: 3,
      joinedAt: T0 + 1_000,
      connected: false,
      removed: false,
      score: 0,
      streak: 0,
      correctCount: 0,
      correctResponseMs: 0,
      rank: null,
      previousRank: null,
      lastRound: null,
      firstQuestionIndex: 0,
      tokenHash: "hash-x",
      takeoverRequested: false,
      takeoverAllowed: false,
    });
    expect(state.nextJoinSeq).toBe(4);
    expect(state.activePlayerCount).toBe(3);
    expect(state.connectedPlayerCount).toBe(2);
    expect(state.ranking).toEqual([]);
    // Its nickname is taken (it's away: a join with it asks for a takeover).
    expect(ok(addPlayer(state, { playerId: "y", nickname: "XENA", now: T0 + 2_000 }))).toEqual([{ type: "takeover-requested", playerId: "x" }]);
    // The next new player gets the next join number.
    ok(addPlayer(state, { playerId: "z", nickname: "Zed", now: T0 + 2_000 }));
    expect(state.players.z!.joinSeq).toBe(4);
  });

  it("adds a player who joined during the open round: plays from the next question, late in this round once connected", () => {
    const state = newGame();
    const [p1] = join(state, 1);
    const opened = startAndOpen(state);
    restorePlayer(state, stored({ id: "x", joinSeq: 2 }));
    expect(state.players.x).toMatchObject({ firstQuestionIndex: 1, connected: false });
    expect(state.round!.connectedLateCount).toBe(0);
    ok(setPlayerConnected(state, { playerId: "x", connected: true, now: opened + 1 }));
    expect(state.round!.connectedLateCount).toBe(1);
    expectCountersConsistent(state);
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: "x", questionIndex: 0, choice: [0], now: opened + 2 }), "joined-late");
    ok(submitAnswer(state, { playerId: p1!, questionIndex: 0, choice: [0], now: opened + 3 }));
    expect(state.phase).toBe("reveal");
    expect(state.round!.eligible).toBe(1);
  });

  it("adds a player who joined after a round closed: appended to the ranking, playing from the next question", () => {
    const state = newGame();
    const [p1, p2] = join(state, 2);
    const opened = startAndOpen(state);
    ok(advanceClock(state, opened + DEFAULT_T));
    ok(nextStep(state, opened + DEFAULT_T + 1));
    restorePlayer(state, stored({ id: "x", joinSeq: 3 }));
    expect(state.ranking).toEqual([p1, p2, "x"]);
    expect(state.players.x!.firstQuestionIndex).toBe(1);
    expect(standings(state).map((s) => s.playerId)).toEqual([p1, p2, "x"]);
  });

  it("adds a player who joined and was removed after the snapshot as removed: not counted, not ranked", () => {
    const state = newGame();
    const [p1] = join(state, 1);
    const opened = startAndOpen(state);
    ok(advanceClock(state, opened + DEFAULT_T));
    restorePlayer(state, stored({ id: "x", joinSeq: 2, removed: true }));
    expect(state.players.x).toMatchObject({ removed: true, connected: false });
    expect(state.activePlayerCount).toBe(1);
    expect(state.ranking).toEqual([p1]);
    expect(state.nextJoinSeq).toBe(3);
    expect(hostView(state, opened + DEFAULT_T).players.map((p) => p.id)).toEqual([p1]);
  });

  it("updates a known player's token and removal; repeating it changes nothing more", () => {
    const state = newGame();
    const [p1, p2] = join(state, 3);
    restorePlayer(state, stored({ id: p1!, joinSeq: 1, tokenHash: "new-token" }));
    expect(state.players[p1!]!.tokenHash).toBe("new-token");
    expect(state.players[p1!]!.nickname).toBe("Player1"); // the rest of the record stays
    restorePlayer(state, stored({ id: p2!, joinSeq: 2, removed: true }));
    expect(state.players[p2!]!.removed).toBe(true);
    expect(state.activePlayerCount).toBe(2);
    const before = structuredClone(state);
    restorePlayer(state, stored({ id: p1!, joinSeq: 1, tokenHash: "new-token" }));
    restorePlayer(state, stored({ id: p2!, joinSeq: 2, removed: true }));
    restorePlayer(state, stored({ id: "x", joinSeq: 4 }));
    restorePlayer(state, stored({ id: "x", joinSeq: 4 }));
    expect(state.activePlayerCount).toBe(3);
    expect(Object.keys(state.players)).toEqual([...Object.keys(before.players), "x"]);
    expect(state.nextJoinSeq).toBe(5);
  });

  it("never moves the join counter backwards", () => {
    const state = newGame();
    join(state, 5);
    restorePlayer(state, stored({ id: "x", joinSeq: 2 }));
    expect(state.nextJoinSeq).toBe(6);
  });

  // In the live game a late joiner gets rank = ranking.length + 1 at once (players.ts addPlayer).
  // restorePlayer appends the id to `ranking` but leaves `rank` null, so until the next round
  // closes the restored player shows rank 0 on the leaderboard and in `standings` (also in the
  // game-finished standings if the host ends the game from here), rank null in their personal
  // view, and their first movement arrow is lost (previousRank null instead of the joined rank).
  it("a player restored into an existing ranking has the rank the live game gave them", () => {
    const live = newGame();
    const [p1, p2] = join(live, 2);
    const opened = startAndOpen(live);
    ok(submitAnswer(live, { playerId: p1!, questionIndex: 0, choice: [0], now: opened + 100 }));
    ok(submitAnswer(live, { playerId: p2!, questionIndex: 0, choice: [1], now: opened + 200 }));
    ok(nextStep(live, opened + 1_000));
    const snapshot = structuredClone(live); // leaderboard
    lateJoin(live, "x", opened + 2_000);
    expect(live.players.x!.rank).toBe(3);
    const restored = restart(snapshot, storedPlayers(live), [], opened + 3_000);
    expect(restored.ranking).toEqual(live.ranking);
    expect(standings(restored)).toEqual(standings(live));
    expect(restored.players.x!.rank).toBe(3);
  });
});

describe("a removal saved after the snapshot", () => {
  // Live, removePlayer re-ranks at once so the ranks have no gap. restorePlayer only flips
  // `removed`: the removed id stays in `ranking` and everyone below keeps their old rank, so
  // standings (and the game-finished event if the game ends before another round closes) have a
  // gap: [{p2, rank 2}, {p3, rank 3}] instead of ranks 1 and 2.
  it("leaves the ranking as the live game had it: no gap", () => {
    const live = newGame();
    const [p1, p2, p3] = join(live, 3);
    const opened = startAndOpen(live);
    ok(submitAnswer(live, { playerId: p1!, questionIndex: 0, choice: [0], now: opened + 100 }));
    ok(submitAnswer(live, { playerId: p2!, questionIndex: 0, choice: [0], now: opened + 200 }));
    ok(submitAnswer(live, { playerId: p3!, questionIndex: 0, choice: [1], now: opened + 300 }));
    ok(nextStep(live, opened + 1_000));
    const snapshot = structuredClone(live); // leaderboard
    ok(removePlayer(live, { playerId: p1!, now: opened + 2_000 }));
    const restored = restart(snapshot, storedPlayers(live), [], opened + 3_000);
    expect(standings(live)).toEqual([
      { playerId: p2, score: 1000, rank: 1 },
      { playerId: p3, score: 0, rank: 2 },
    ]);
    expect(standings(restored)).toEqual(standings(live));
    expect(restored.ranking).toEqual(live.ranking);
    const liveEnd = ok(endGame(live, opened + 4_000));
    const restoredEnd = ok(endGame(restored, opened + 4_000));
    expect(restoredEnd).toEqual(liveEnd);
  });

  // The snapshot saved at a pause holds the answers given so far. If a player who had answered is
  // removed after that, restorePlayer marks them removed but leaves their answer in
  // round.answers / answerCount: the host's answer count and the reveal's `answered` then count a
  // removed player (live, removePlayer takes the answer out: see views.test.ts "a removed player's
  // answer no longer counts in answer totals").
  it("takes the removed player's answer out of the open round, as removePlayer does", () => {
    const live = newGame({ questions: [{ correct: [0] }] });
    const [p1, p2, p3] = join(live, 3);
    const opened = startAndOpen(live);
    ok(submitAnswer(live, { playerId: p1!, questionIndex: 0, choice: [1], now: opened + 100 }));
    ok(pauseGame(live, opened + 200));
    const snapshot = structuredClone(live); // saved at pause-changed, with p1's answer
    ok(removePlayer(live, { playerId: p1!, now: opened + 300 }));
    const restored = restart(snapshot, storedPlayers(live), [], opened + 400);
    expect(hostView(restored, opened + 400).answerCount).toBe(hostView(live, opened + 400).answerCount);
    for (const game of [live, restored]) {
      // (after the restart grace, during which "everyone answered" can't close the round)
      for (const id of [p2!, p3!]) ok(setPlayerConnected(game, { playerId: id, connected: true, now: opened + 5_500 }));
      ok(resumeGame(game, opened + 5_600));
      ok(submitAnswer(game, { playerId: p2!, questionIndex: 0, choice: [0], now: opened + 5_700 }));
      ok(submitAnswer(game, { playerId: p3!, questionIndex: 0, choice: [0], now: opened + 5_800 }));
      expect(game.phase).toBe("reveal");
    }
    expect(playerRoomView(live, opened + 5_800).reveal).toMatchObject({ answered: 2, eligible: 2, counts: [2, 0, 0, 0] });
    expect(playerRoomView(restored, opened + 5_800).reveal).toEqual(playerRoomView(live, opened + 5_800).reveal);
  });
});

describe("restoreAnswer", () => {
  /** () => 0 shuffles 4 options to optionOrder [1, 2, 3, 0]; file-correct [0, 2] → display [1, 3]. */
  function shuffledRound() {
    const state = newGame({ questions: [{ kind: "multiple", correct: [0, 2] }, { kind: "multiple", correct: [0, 2] }], settings: { shuffleAnswers: true }, random: () => 0 });
    const [p1, p2, p3] = join(state, 3);
    const opened = startAndOpen(state);
    expect(state.questions[0]!.optionOrder).toEqual([1, 2, 3, 0]);
    return { state, p1: p1!, p2: p2!, p3: p3!, opened };
  }

  it("maps ORIGINAL option indexes back to display indexes and scores with the original timing", () => {
    const { state, p1, p2, opened } = shuffledRound();
    restoreAnswer(state, { playerId: p1, answerId: "phone-answer-1", choices: [2, 0], receivedAt: opened + 2_000 });
    restoreAnswer(state, { playerId: p2, answerId: "phone-answer-2", choices: [1], receivedAt: opened + 300 });
    expect(state.round!.answers[p1]).toEqual({
      answerId: "phone-answer-1",
      choice: [1, 3],
      receivedAt: opened + 2_000,
      responseMs: 2_000,
      correct: true,
      points: pointsForCorrectAnswer(2_000, DEFAULT_T),
      streak: 1,
    });
    expect(state.round!.answers[p2]).toMatchObject({ choice: [0], correct: false, points: 0, streak: 0, responseMs: 300 });
    expect(state.round!.answerCount).toBe(2);
    // Restored answers count as connected answers only for connected players.
    expect(state.round!.connectedAnswerCount).toBe(0);
    expect(hostView(state, opened + 2_000).answerCount).toBe(2);
    // The phone's retry after the restart is "already answered", and the round-closed row keeps its id.
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: p1, questionIndex: 0, choice: [1, 3], now: opened + 3_000 }), "already-answered");
    const closed = roundClosed(ok(advanceClock(state, opened + DEFAULT_T)));
    expect(closed.answers.find((a) => a.playerId === p1)).toMatchObject({ answerId: "phone-answer-1", choices: [0, 2], correct: true });
  });

  it("scores the streak bonus from the streak before the round, like a live answer", () => {
    const { state, p1, p2, p3, opened } = shuffledRound();
    ok(submitAnswer(state, { playerId: p1, questionIndex: 0, choice: [1, 3], now: opened + 100 }));
    ok(submitAnswer(state, { playerId: p2, questionIndex: 0, choice: [1, 3], now: opened + 100 }));
    ok(submitAnswer(state, { playerId: p3, questionIndex: 0, choice: [0], now: opened + 100 }));
    ok(nextStep(state, opened + 1_000));
    ok(nextStep(state, opened + 2_000));
    const opened2 = openCurrent(state);
    const live = structuredClone(state);
    restoreAnswer(state, { playerId: p1, answerId: "a", choices: [0, 2], receivedAt: opened2 + 400 });
    ok(submitAnswer(live, { playerId: p1, answerId: "a", questionIndex: 1, choice: [1, 3], now: opened2 + 400 }));
    expect(state.round!.answers[p1]).toEqual(live.round!.answers[p1]);
    expect(state.round!.answers[p1]).toMatchObject({ streak: 2, points: 1100 });
  });

  it("the first phones back can't close the round on players still reconnecting (restart grace)", () => {
    const { state, p1, p2, opened } = shuffledRound();
    prepareAfterRestart(state, opened + 1_000);
    restoreAnswer(state, { playerId: p1, answerId: "a", choices: [0], receivedAt: opened + 500 });
    // p1 had answered and is the only one back: within the grace the round stays open.
    ok(setPlayerConnected(state, { playerId: p1, connected: true, now: opened + 1_500 }));
    expect(state.phase).toBe("answering");
    // After the grace, the next event that completes "everyone connected answered" closes it.
    ok(setPlayerConnected(state, { playerId: p2, connected: true, now: opened + 6_100 }));
    ok(submitAnswer(state, { playerId: p2, questionIndex: 0, choice: [0], now: opened + 6_200 }));
    // p3 is still away, and a disconnected player never holds the round open.
    expect(state.phase).toBe("reveal");
    expect(state.round!.answerCount).toBe(2);
  });

  it("when everyone has answered during the restart grace, the round closes as the grace ends", () => {
    const { state, p1, p2, p3, opened } = shuffledRound();
    prepareAfterRestart(state, opened + 1_000);
    for (const [id, at] of [[p1, 500], [p2, 600], [p3, 700]] as const) {
      restoreAnswer(state, { playerId: id, answerId: id, choices: [0], receivedAt: opened + at });
      ok(setPlayerConnected(state, { playerId: id, connected: true, now: opened + 1_500 }));
    }
    expect(state.phase).toBe("answering");
    expect(nextDeadline(state)).toBe(opened + 6_000);
    expect(ok(advanceClock(state, opened + 5_999))).toEqual([]);
    ok(advanceClock(state, opened + 6_000));
    expect(state.phase).toBe("reveal");
    expect(state.round!.answerCount).toBe(3);
  });

  it("once connected, the restored answer counts towards closing the round", () => {
    const { state, p1, p2, p3, opened } = shuffledRound();
    prepareAfterRestart(state, opened + 1_000);
    restoreAnswer(state, { playerId: p1, answerId: "a", choices: [0], receivedAt: opened + 500 });
    restoreAnswer(state, { playerId: p2, answerId: "b", choices: [0], receivedAt: opened + 600 });
    ok(setPlayerConnected(state, { playerId: p3, connected: true, now: opened + 6_000 }));
    ok(setPlayerConnected(state, { playerId: p1, connected: true, now: opened + 6_000 }));
    ok(setPlayerConnected(state, { playerId: p2, connected: true, now: opened + 6_000 }));
    expect(state.round!.connectedAnswerCount).toBe(2);
    expectCountersConsistent(state);
    ok(submitAnswer(state, { playerId: p3, questionIndex: 0, choice: [0], now: opened + 6_500 }));
    expect(state.phase).toBe("reveal");
    expect(state.round!.answerCount).toBe(3);
  });

  it("is ignored when the player already has an answer in the round (a live one or a restored one)", () => {
    const { state, p1, opened } = shuffledRound();
    ok(submitAnswer(state, { playerId: p1, answerId: "first", questionIndex: 0, choice: [1, 3], now: opened + 100 }));
    const before = structuredClone(state);
    restoreAnswer(state, { playerId: p1, answerId: "first", choices: [0, 2], receivedAt: opened + 100 });
    restoreAnswer(state, { playerId: p1, answerId: "other", choices: [1], receivedAt: opened + 50 });
    expect(state).toStrictEqual(before);
  });

  it("is ignored for a removed or unknown player", () => {
    const { state, p1, opened } = shuffledRound();
    ok(removePlayer(state, { playerId: p1, now: opened + 1 }));
    const before = structuredClone(state);
    restoreAnswer(state, { playerId: p1, answerId: "x", choices: [0], receivedAt: opened + 100 });
    restoreAnswer(state, { playerId: "nobody", answerId: "y", choices: [0], receivedAt: opened + 100 });
    expect(state).toStrictEqual(before);
  });

  it("is ignored when the round is closed, during the read time, and in the lobby", () => {
    const { state, p1, p2, opened } = shuffledRound();
    ok(advanceClock(state, opened + DEFAULT_T));
    let before = structuredClone(state);
    restoreAnswer(state, { playerId: p1, answerId: "x", choices: [0], receivedAt: opened + 100 });
    expect(state).toStrictEqual(before);
    ok(nextStep(state, opened + DEFAULT_T + 1));
    before = structuredClone(state);
    restoreAnswer(state, { playerId: p2, answerId: "x", choices: [0], receivedAt: opened + 100 });
    expect(state).toStrictEqual(before); // leaderboard
    ok(nextStep(state, opened + DEFAULT_T + 2));
    expect(state.phase).toBe("question-read");
    before = structuredClone(state);
    restoreAnswer(state, { playerId: p2, answerId: "x", choices: [0], receivedAt: opened + DEFAULT_T + 3 });
    expect(state).toStrictEqual(before);

    const lobby = newGame();
    const [a] = join(lobby, 1);
    const lobbyBefore = structuredClone(lobby);
    restoreAnswer(lobby, { playerId: a!, answerId: "x", choices: [0], receivedAt: T0 });
    expect(lobby).toStrictEqual(lobbyBefore);
  });
});

describe("players with nothing but their join to show", () => {
  it("are left out of the snapshot and come back as they joined: in join order, counted, free to answer, their phones known", () => {
    const live = newGame();
    const [p1, p2, p3] = join(live, 3);
    ok(addPlayer(live, { playerId: "dev", nickname: "Dev", deviceHash: "phone-of-dev", now: T0 + 5 }));
    const opened = startAndOpen(live);
    const log = new AnswerLog();
    log.answer(live, p2!, opened + 100, [0]);
    lateJoin(live, "late", opened + 200);
    ok(pauseGame(live, opened + 300)); // the snapshot

    // Only the late joiner (who plays from the next question) has a row of their own.
    expect(packGameState(live).playerScores.map(([id]) => id)).toEqual(["late"]);

    const state = restart(structuredClone(live), storedPlayers(live), log.rows, opened + 10_000);
    expect(Object.values(state.players).map((p) => [p.id, p.nickname, p.joinSeq, p.firstQuestionIndex, p.score])).toEqual([
      [p1, "Player1", 1, 0, 0],
      [p2, "Player2", 2, 0, 0],
      [p3, "Player3", 3, 0, 0],
      ["dev", "Dev", 4, 0, 0],
      ["late", "Nick-late", 5, 1, 0],
    ]);
    expect(state.activePlayerCount).toBe(5);
    expect(state.nextJoinSeq).toBe(6);
    expect(state.round).toMatchObject({ answerCount: 1 });
    expect(state.round!.answers[p2!]).toBeDefined();

    // The lobby's players answer the first question as they could before; the late joiner can't.
    ok(resumeGame(state, opened + 11_000));
    ok(setPlayerConnected(state, { playerId: p1!, connected: true, now: opened + 11_001 }));
    ok(submitAnswer(state, { playerId: p1!, questionIndex: 0, choice: [0], now: opened + 11_002 }));
    expectRefusedUnchanged(state, () => submitAnswer(state, { playerId: "late", questionIndex: 0, choice: [0], now: opened + 11_003 }), "joined-late");
    expectCountersConsistent(state);

    // Removed after the restart, Dev's phone stays out under any name: its hash came from the players' rows.
    ok(removePlayer(state, { playerId: "dev", now: opened + 12_000 }));
    expect(addPlayer(state, { playerId: "again", nickname: "Not Dev", deviceHash: "phone-of-dev", now: opened + 12_001 })).toMatchObject({ ok: false, code: "removed" });
  });
});
