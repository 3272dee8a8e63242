/** The compact live-state snapshot (server/rooms/snapshot.ts) and restoring from it. */
import { describe, expect, it } from "vitest";
import { addPlayer, advanceClock, forgetUnsavedPlayers, prepareAfterRestart, removePlayer, restorePlayer, submitAnswer, type GameState } from "../../server/engine";
import { packGameState, unpackGameState } from "../../server/rooms/snapshot";
import { DEFAULT_T, expectCountersConsistent, join, newGame, ok, startAndOpen } from "../support/engine-fixtures";

const roundTrip = (state: GameState) => unpackGameState(JSON.parse(JSON.stringify(packGameState(state))));
const storedRows = (state: GameState) =>
  Object.values(state.players).map((p) => ({ id: p.id, nickname: p.nickname, joinSeq: p.joinSeq, joinedAt: p.joinedAt, removed: p.removed, tokenHash: p.tokenHash, deviceHash: p.deviceHash ?? null }));

describe("the live-state snapshot", () => {
  it("is a fraction of the whole state in a big game, and restores every player's score, rank and last round", () => {
    const live = newGame();
    const ids = join(live, 1_000);
    const opened = startAndOpen(live);
    ids.forEach((id, i) => ok(submitAnswer(live, { playerId: id, questionIndex: 0, choice: [i % 4], now: opened + i })));
    ok(advanceClock(live, opened + DEFAULT_T));
    expect(live.phase).toBe("reveal");

    const whole = JSON.stringify(live).length;
    const compact = JSON.stringify(packGameState(live)).length;
    expect(compact).toBeLessThan(whole / 4);

    const restored = roundTrip(live);
    for (const row of storedRows(live)) restorePlayer(restored, row);
    forgetUnsavedPlayers(restored, new Set(ids));
    prepareAfterRestart(restored, opened + DEFAULT_T + 1);
    for (const id of ids) {
      const { connected: _a, ...was } = live.players[id]!;
      const { connected: _b, ...now } = restored.players[id]!;
      expect(now).toEqual(was);
    }
    expect(restored.ranking).toEqual(live.ranking);
    expect(restored.round!.counts).toEqual(live.round!.counts);
    expect(restored.round!.answerCount).toBe(1_000);
    expectCountersConsistent(restored);
  });

  it("drops a player whose join was never stored (the phone was never told it joined)", () => {
    const live = newGame();
    const ids = join(live, 3);
    const restored = roundTrip(live);
    const stored = storedRows(live).filter((row) => row.id !== ids[2]);
    for (const row of stored) restorePlayer(restored, row);
    forgetUnsavedPlayers(restored, new Set(stored.map((row) => row.id)));
    prepareAfterRestart(restored, 0);
    expect(Object.keys(restored.players)).toEqual(ids.slice(0, 2));
    expect(restored.activePlayerCount).toBe(2);
    // Their name is free again; the others' stay taken.
    expect(Object.values(restored.nicknameIndex)).not.toContain(ids[2]);
    expect(new Set(Object.values(restored.nicknameIndex))).toEqual(new Set(ids.slice(0, 2)));
    expectCountersConsistent(restored);
  });

  it("keeps a removed phone out after a restart, and every name taken as it was", () => {
    const live = newGame();
    for (const [id, nickname, device] of [["p1", "Zed", "device-zed"], ["p2", "Amy", "device-amy"], ["p3", "Bo", undefined]] as const) {
      ok(addPlayer(live, { playerId: id, nickname, tokenHash: `hash-${id}`, ...(device ? { deviceHash: device } : {}), now: 1 }));
    }
    ok(removePlayer(live, { playerId: "p1", now: 2 }));
    const restored = roundTrip(live);
    for (const row of storedRows(live)) restorePlayer(restored, row);
    forgetUnsavedPlayers(restored, new Set(["p1", "p2", "p3"]));
    prepareAfterRestart(restored, 3);
    expect(restored.removedDevices).toEqual({ "device-zed": "p1" });
    expect(restored.nicknameIndex).toEqual(live.nicknameIndex);
    expect(restored.players.p2!.deviceHash).toBe("device-amy");
    // The removed phone under a new name, and a lookalike of a name in the game, are both refused.
    expect(addPlayer(restored, { playerId: "p4", nickname: "Zoe", tokenHash: "h", deviceHash: "device-zed", now: 4 }).ok).toBe(false);
    addPlayer(restored, { playerId: "p5", nickname: "AMY", tokenHash: "h", deviceHash: "device-new", now: 4 });
    expect(restored.players.p5).toBeUndefined(); // at most a takeover request for Amy
    expect(addPlayer(restored, { playerId: "p6", nickname: "Cy", tokenHash: "h", deviceHash: "device-cy", now: 4 }).ok).toBe(true);
    expectCountersConsistent(restored);
  });
});
