import { describe, expect, it } from "vitest";
import {
  addPlayer,
  advanceClock,
  nextStep,
  nicknameKey,
  removePlayer,
  setLocked,
  setPlayerConnected,
  skipQuestion,
  startGame,
} from "../../../server/engine";
import { T0, expectRefusedUnchanged, join, newGame, ok, startAndOpen } from "../../support/engine-fixtures";

describe("addPlayer", () => {
  it("adds a connected player with a fresh record and bumps the counters", () => {
    const state = newGame();
    const events = ok(addPlayer(state, { playerId: "a", nickname: "Ana", now: T0 + 5 }));
    expect(events).toEqual([{ type: "player-joined", playerId: "a" }]);
    expect(state.players.a).toEqual({
      id: "a",
      nickname: "Ana",
      nicknameKey: "ana",
      joinSeq: 1,
      joinedAt: T0 + 5,
      connected: true,
      removed: false,
      score: 0,
      streak: 0,
      correctCount: 0,
      correctResponseMs: 0,
      rank: null,
      previousRank: null,
      lastRound: null,
      firstQuestionIndex: 0,
      tokenHash: "",
      takeoverRequested: false,
      takeoverAllowed: false,
    });
    expect(state.ranking).toEqual([]);
    ok(addPlayer(state, { playerId: "b", nickname: "Bo", tokenHash: "hash-b", now: T0 + 6 }));
    expect(state.players.b!.joinSeq).toBe(2);
    expect(state.players.b!.tokenHash).toBe("hash-b");
    expect(state.nextJoinSeq).toBe(3);
    expect(state.activePlayerCount).toBe(2);
    expect(state.connectedPlayerCount).toBe(2);
    expect(Object.keys(state.players)).toEqual(["a", "b"]);
  });

  it.each(["ana", "ANA", "aNa", "Ａｎａ" /* full-width, NFKC-equal */])("refuses nickname %s when Ana is taken", (nickname) => {
    const state = newGame();
    ok(addPlayer(state, { playerId: "a", nickname: "Ana", now: T0 }));
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "b", nickname, now: T0 }), "nickname-taken");
  });

  it("accepts different nicknames", () => {
    const state = newGame();
    ok(addPlayer(state, { playerId: "a", nickname: "Ana", now: T0 }));
    ok(addPlayer(state, { playerId: "b", nickname: "Anna", now: T0 }));
    ok(addPlayer(state, { playerId: "c", nickname: "Ana 2", now: T0 }));
    expect(state.activePlayerCount).toBe(3);
  });

  it("nicknameKey folds case and compatibility forms", () => {
    expect(nicknameKey("ÉLODIE")).toBe(nicknameKey("élodie"));
    expect(nicknameKey("Ｂｏｂ")).toBe("bob");
  });

  it("keeps a removed player's nickname (and its lookalikes) out of the game", () => {
    const state = newGame();
    ok(addPlayer(state, { playerId: "a", nickname: "Ana", now: T0 }));
    ok(removePlayer(state, { playerId: "a", now: T0 }));
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "b", nickname: "ana", now: T0 }), "removed");
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "b", nickname: "Аna" /* Cyrillic А */, now: T0 }), "removed");
    ok(addPlayer(state, { playerId: "b", nickname: "Anna", now: T0 }));
    expect(state.activePlayerCount).toBe(1);
    expect(state.players.b!.joinSeq).toBe(2);
  });

  it("refuses the same player id twice", () => {
    const state = newGame();
    ok(addPlayer(state, { playerId: "a", nickname: "Ana", now: T0 }));
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "a", nickname: "Other", now: T0 }), "invalid-request");
  });

  it("accepts late joiners in every running phase until the podium, refuses when locked, and refuses once the game is over", () => {
    const state = newGame({ questions: [{}] });
    join(state, 1);
    ok(startGame(state, T0));
    let n = 0;
    const tryJoin = (now: number) => addPlayer(state, { playerId: `late${n}`, nickname: `Late${n}`, now });
    const expectLateJoin = (now: number, phase: string) => {
      expect(state.phase).toBe(phase);
      ok(setLocked(state, true));
      expectRefusedUnchanged(state, () => tryJoin(now), "locked");
      ok(setLocked(state, false));
      expect(ok(tryJoin(now))).toEqual([{ type: "player-joined", playerId: `late${n}` }]);
      expect(state.players[`late${n}`]).toMatchObject({ connected: true, score: 0, firstQuestionIndex: 1, lastRound: null });
      n++;
    };
    expectLateJoin(T0 + 1, "question-read");
    ok(advanceClock(state, T0 + 4_000));
    expectLateJoin(T0 + 4_001, "answering");
    ok(skipQuestion(state, T0 + 5_000));
    expectLateJoin(T0 + 5_001, "reveal");
    ok(nextStep(state, T0 + 6_000));
    expectLateJoin(T0 + 6_001, "leaderboard");
    expect(state.activePlayerCount).toBe(5);
    expect(state.connectedPlayerCount).toBe(5);
    ok(nextStep(state, T0 + 7_000));
    expect(state.phase).toBe("podium");
    expectRefusedUnchanged(state, () => tryJoin(T0 + 7_001), "game-over");
    ok(nextStep(state, T0 + 8_000));
    expectRefusedUnchanged(state, () => tryJoin(T0 + 8_001), "game-over");
  });
});

describe("removePlayer", () => {
  it("removes from the lobby and updates the counters", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    expect(ok(removePlayer(state, { playerId: a!, now: T0 }))).toEqual([{ type: "player-removed", playerId: a }]);
    expect(state.players[a!]).toMatchObject({ removed: true, connected: false });
    expect(state.activePlayerCount).toBe(1);
    expect(state.connectedPlayerCount).toBe(1);
    expect(state.players[b!]!.removed).toBe(false);
  });

  it("removing a disconnected player does not decrement the connected count twice", () => {
    const state = newGame();
    const [a] = join(state, 3);
    ok(setPlayerConnected(state, { playerId: a!, connected: false, now: T0 }));
    expect(state.connectedPlayerCount).toBe(2);
    ok(removePlayer(state, { playerId: a!, now: T0 }));
    expect(state.connectedPlayerCount).toBe(2);
    expect(state.activePlayerCount).toBe(2);
  });

  it("refuses unknown, already-removed, and post-game removals", () => {
    const state = newGame({ questions: [{}] });
    const [a, b] = join(state, 2);
    expectRefusedUnchanged(state, () => removePlayer(state, { playerId: "nobody", now: T0 }), "not-joined");
    ok(removePlayer(state, { playerId: a!, now: T0 }));
    expectRefusedUnchanged(state, () => removePlayer(state, { playerId: a!, now: T0 }), "not-joined");
    const opened = startAndOpen(state);
    ok(skipQuestion(state, opened));
    ok(nextStep(state, opened));
    ok(nextStep(state, opened));
    expect(state.phase).toBe("podium");
    expectRefusedUnchanged(state, () => removePlayer(state, { playerId: b!, now: opened }), "game-over");
  });

  it("a removed player no longer scores or ranks", () => {
    const state = newGame({ questions: [{}, {}] });
    const [a, b] = join(state, 2);
    const opened = startAndOpen(state);
    ok(skipQuestion(state, opened));
    ok(removePlayer(state, { playerId: a!, now: opened + 1 }));
    ok(nextStep(state, opened + 2));
    // Re-ranked at once so the leaderboard has no gap; the remaining player moves up to 1st.
    expect(state.ranking).toEqual([b]);
    expect(state.players[b!]!.rank).toBe(1);
    ok(nextStep(state, opened + 3));
    ok(advanceClock(state, opened + 3 + 4_000));
    ok(skipQuestion(state, opened + 3 + 5_000));
    expect(state.ranking).toEqual([b]);
    expect(state.players[a!]!.lastRound!.questionIndex).toBe(0);
    expect(state.round!.eligible).toBe(1);
  });
});

describe("setPlayerConnected", () => {
  it("toggles the connected count and emits player-connection", () => {
    const state = newGame();
    const [a] = join(state, 2);
    expect(ok(setPlayerConnected(state, { playerId: a!, connected: false, now: T0 }))).toEqual([
      { type: "player-connection", playerId: a, connected: false },
    ]);
    expect(state.connectedPlayerCount).toBe(1);
    expect(state.activePlayerCount).toBe(2);
    expect(state.players[a!]!.connected).toBe(false);
    expect(ok(setPlayerConnected(state, { playerId: a!, connected: true, now: T0 }))).toEqual([
      { type: "player-connection", playerId: a, connected: true },
    ]);
    expect(state.connectedPlayerCount).toBe(2);
  });

  it("repeating the current state is a no-op", () => {
    const state = newGame();
    const [a] = join(state, 2);
    let before = structuredClone(state);
    expect(ok(setPlayerConnected(state, { playerId: a!, connected: true, now: T0 }))).toEqual([]);
    expect(state).toStrictEqual(before);
    ok(setPlayerConnected(state, { playerId: a!, connected: false, now: T0 }));
    before = structuredClone(state);
    expect(ok(setPlayerConnected(state, { playerId: a!, connected: false, now: T0 }))).toEqual([]);
    expect(state).toStrictEqual(before);
  });

  it("refuses unknown and removed players", () => {
    const state = newGame();
    const [a] = join(state, 2);
    expectRefusedUnchanged(state, () => setPlayerConnected(state, { playerId: "nobody", connected: false, now: T0 }), "not-joined");
    ok(removePlayer(state, { playerId: a!, now: T0 }));
    expectRefusedUnchanged(state, () => setPlayerConnected(state, { playerId: a!, connected: true, now: T0 }), "not-joined");
    expectRefusedUnchanged(state, () => setPlayerConnected(state, { playerId: a!, connected: false, now: T0 }), "not-joined");
  });
});
