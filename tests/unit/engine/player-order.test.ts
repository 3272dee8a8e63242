/**
 * The engine keeps every player's list beside the state (server/engine/player-order.ts) so a big
 * game's phase change does not enumerate a 10,000-key record half a dozen times. Whatever joins,
 * leaves or comes back, the list must be exactly the record's players, in join order.
 */
import { describe, expect, it } from "vitest";
import { addPlayer, allPlayers, forgetUnsavedPlayers, removePlayer, restorePlayer, withdrawPlayer } from "../../../server/engine";
import { T0, join, newGame, ok, startAndOpen } from "../../support/engine-fixtures";

const ids = (players: readonly { id: string }[]) => players.map((player) => player.id);

describe("every player, in join order", () => {
  it("follows joins (asked before and after), removals and a join taken back", () => {
    const state = newGame();
    const first = join(state, 3);
    expect(ids(allPlayers(state))).toEqual(first);
    ok(addPlayer(state, { playerId: "late", nickname: "Late", now: T0 + 1 }));
    ok(removePlayer(state, { playerId: first[1]!, now: T0 + 2 }));
    expect(ids(allPlayers(state))).toEqual([...first, "late"]);
    expect(allPlayers(state).find((player) => player.id === first[1])!.removed).toBe(true);
    ok(withdrawPlayer(state, { playerId: first[0]!, now: T0 + 3 }));
    expect(ids(allPlayers(state))).toEqual([first[1], first[2], "late"]);
    ok(addPlayer(state, { playerId: "later", nickname: "Later", now: T0 + 4 }));
    expect(ids(allPlayers(state))).toEqual([first[1], first[2], "late", "later"]);
    expect(ids(allPlayers(state))).toEqual(Object.keys(state.players));
  });

  it("follows a restart: players restored from the table, unsaved ones forgotten", () => {
    const state = newGame();
    const saved = join(state, 2);
    startAndOpen(state);
    expect(ids(allPlayers(state))).toEqual(saved);
    restorePlayer(state, { id: "from-table", nickname: "Table", joinSeq: 9, joinedAt: T0, removed: false, tokenHash: "h" });
    expect(ids(allPlayers(state))).toEqual([...saved, "from-table"]);
    forgetUnsavedPlayers(state, new Set([saved[1]!, "from-table"]));
    expect(ids(allPlayers(state))).toEqual([saved[1], "from-table"]);
    expect(ids(allPlayers(state))).toEqual(Object.keys(state.players));
  });
});
