/**
 * Nickname uniqueness by lookalike key, kept in an O(1) index in the game state, and a removed
 * player staying out of the game (same device or same-looking name) until the host lets them back.
 */
import { describe, expect, it } from "vitest";
import {
  addPlayer,
  advanceClock,
  prepareAfterRestart,
  readmitPlayer,
  removePlayer,
  restorePlayer,
  setPlayerConnected,
  withdrawPlayer,
} from "../../../server/engine";
import type { GameState } from "../../../server/engine";
import { T0, expectRefusedUnchanged, join, newGame, ok, startAndOpen } from "../../support/engine-fixtures";

function withBob(): GameState {
  const state = newGame();
  ok(addPlayer(state, { playerId: "bob", nickname: "Bob", deviceHash: "device-of-bob", now: T0 }));
  return state;
}

describe("nickname lookalikes", () => {
  it.each([
    ["Воb", "Cyrillic В and о"],
    ["BOB", "upper case"],
    ["bób", "an accent"],
    ["Bo\u0301b", "a combining accent"],
    ["Ｂｏｂ", "full-width letters"],
    ["𝐁𝐨𝐛", "mathematical bold letters"],
    ["ΒοΒ", "Greek capital beta and omicron"],
  ])("“%s” (%s) is taken while Bob is in the game", (nickname) => {
    const state = withBob();
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "x", nickname, now: T0 + 1 }), "nickname-taken");
  });

  it("takes l and I, 0 and O for the same letters, whichever is typed first", () => {
    const state = newGame();
    ok(addPlayer(state, { playerId: "a", nickname: "Il Ilo", now: T0 }));
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "b", nickname: "ll llo", now: T0 }), "nickname-taken");
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "b", nickname: "il ilo", now: T0 }), "nickname-taken");
    ok(addPlayer(state, { playerId: "c", nickname: "Z0E", now: T0 }));
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "d", nickname: "zoe", now: T0 }), "nickname-taken");
  });

  it("still tells different names apart", () => {
    const state = withBob();
    for (const [id, nickname] of [["b1", "Bobby"], ["b2", "Rob"], ["b3", "Bob 2"], ["b4", "Боб"]] as const) {
      ok(addPlayer(state, { playerId: id, nickname, now: T0 + 1 }));
    }
    expect(state.activePlayerCount).toBe(5);
  });

  it("keeps every key of every player in the index, so a join looks up O(1) entries", () => {
    const state = newGame();
    join(state, 500);
    expect(Object.keys(state.nicknameIndex).length).toBeGreaterThanOrEqual(500);
    expect(new Set(Object.values(state.nicknameIndex)).size).toBe(500);
    // The index is plain data: it survives JSON, as a saved snapshot does.
    expect(JSON.parse(JSON.stringify(state)).nicknameIndex).toEqual(state.nicknameIndex);
  });

  it("an away player's lookalike name asks the host for a takeover, as the exact name does", () => {
    const state = withBob();
    ok(setPlayerConnected(state, { playerId: "bob", connected: false, now: T0 + 1 }));
    expect(ok(addPlayer(state, { playerId: "x", nickname: "Воb", now: T0 + 2 }))).toEqual([{ type: "takeover-requested", playerId: "bob" }]);
  });

  it("a join that could not be saved is taken back entirely: the name is free again", () => {
    const state = withBob();
    const before = structuredClone(state);
    ok(addPlayer(state, { playerId: "x", nickname: "Xena", deviceHash: "dx", now: T0 + 1 }));
    expect(ok(withdrawPlayer(state, { playerId: "x", now: T0 + 1 }))).toEqual([{ type: "player-withdrawn", playerId: "x" }]);
    expect(state).toStrictEqual(before);
    ok(addPlayer(state, { playerId: "y", nickname: "Xena", now: T0 + 2 }));
  });
});

describe("a removed player stays out", () => {
  it("refuses the same device under any name, and the same name from any device", () => {
    const state = withBob();
    ok(removePlayer(state, { playerId: "bob", now: T0 + 1 }));
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "x", nickname: "Totally New", deviceHash: "device-of-bob", now: T0 + 2 }), "removed");
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "x", nickname: "Bob", deviceHash: "another-device", now: T0 + 2 }), "removed");
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "x", nickname: "Воb", now: T0 + 2 }), "removed");
    ok(addPlayer(state, { playerId: "x", nickname: "Alice", deviceHash: "another-device", now: T0 + 2 }));
  });

  it("the host lets them back in: their next join takes their old record over, with their score", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    const opened = startAndOpen(state);
    state.players[a!]!.score = 900;
    ok(removePlayer(state, { playerId: a!, now: opened + 1 }));
    expect(state.activePlayerCount).toBe(1);
    expect(ok(readmitPlayer(state, { playerId: a! }))).toEqual([{ type: "player-readmitted", playerId: a }]);
    expect(state.activePlayerCount).toBe(2);
    expect(state.players[a!]).toMatchObject({ removed: false, connected: false, takeoverAllowed: true });
    expect(ok(addPlayer(state, { playerId: "new-phone", nickname: "player1", tokenHash: "t2", now: opened + 2 }))).toEqual([
      { type: "player-taken-over", playerId: a },
    ]);
    expect(state.players[a!]).toMatchObject({ score: 900, tokenHash: "t2" });
    expect(state.players["new-phone"]).toBeUndefined();
    expect(b).toBeDefined();
  });

  it("lifts the device block on readmission", () => {
    const state = withBob();
    ok(removePlayer(state, { playerId: "bob", now: T0 + 1 }));
    ok(readmitPlayer(state, { playerId: "bob" }));
    expect(state.removedDevices).toEqual({});
    ok(addPlayer(state, { playerId: "x", nickname: "Other", deviceHash: "device-of-bob", now: T0 + 2 }));
  });

  it("refuses to readmit someone who isn't removed", () => {
    const state = withBob();
    expectRefusedUnchanged(state, () => readmitPlayer(state, { playerId: "bob" }), "not-joined");
    expectRefusedUnchanged(state, () => readmitPlayer(state, { playerId: "nobody" }), "not-joined");
  });

  it("a readmitted player is ranked again after the first round", () => {
    const state = newGame({ questions: [{}, {}] });
    const [a] = join(state, 3);
    const opened = startAndOpen(state);
    ok(advanceClock(state, opened + 60_000));
    expect(state.ranking).toHaveLength(3);
    ok(removePlayer(state, { playerId: a!, now: opened + 60_001 }));
    expect(state.ranking).toHaveLength(2);
    ok(readmitPlayer(state, { playerId: a! }));
    expect(state.ranking).toHaveLength(3);
    expect(state.players[a!]!.rank).not.toBeNull();
  });
});

describe("after a restart", () => {
  it("rebuilds the index of a snapshot saved without one, so names and removed devices still clash", () => {
    const live = withBob();
    ok(addPlayer(live, { playerId: "eve", nickname: "Eve", deviceHash: "device-of-eve", now: T0 + 1 }));
    ok(removePlayer(live, { playerId: "eve", now: T0 + 2 }));
    const saved = JSON.parse(JSON.stringify(live)) as Partial<GameState>;
    delete saved.nicknameIndex;
    delete saved.removedDevices;
    const state = saved as GameState;
    prepareAfterRestart(state, T0 + 10_000);
    expect(state.nicknameIndex).toEqual(live.nicknameIndex);
    expect(state.removedDevices).toEqual({ "device-of-eve": "eve" });
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "x", nickname: "Eve", now: T0 + 10_001 }), "removed");
  });

  it("brings a readmission saved after the snapshot back", () => {
    const state = withBob();
    ok(removePlayer(state, { playerId: "bob", now: T0 + 1 }));
    restorePlayer(state, { id: "bob", nickname: "Bob", joinSeq: 1, joinedAt: T0, removed: false, tokenHash: "h" });
    expect(state.players.bob).toMatchObject({ removed: false, takeoverAllowed: true });
    expect(state.activePlayerCount).toBe(1);
    expect(state.removedDevices).toEqual({});
  });

  it("indexes a player restored from the players table", () => {
    const state = newGame();
    restorePlayer(state, { id: "x", nickname: "Xena", joinSeq: 1, joinedAt: T0, removed: true, tokenHash: "h" });
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "y", nickname: "XENA", now: T0 + 1 }), "removed");
  });
});
