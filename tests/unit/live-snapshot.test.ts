/** The compact live-state snapshot (server/rooms/snapshot.ts) and restoring from it. */
import { describe, expect, it } from "vitest";
import { advanceClock, forgetUnsavedPlayers, prepareAfterRestart, restorePlayer, submitAnswer, type GameState } from "../../server/engine";
import { packGameState, unpackGameState } from "../../server/rooms/snapshot";
import { DEFAULT_T, expectCountersConsistent, join, newGame, ok, startAndOpen } from "../support/engine-fixtures";

const roundTrip = (state: GameState) => unpackGameState(JSON.parse(JSON.stringify(packGameState(state))));
const storedRows = (state: GameState) =>
  Object.values(state.players).map((p) => ({ id: p.id, nickname: p.nickname, joinSeq: p.joinSeq, joinedAt: p.joinedAt, removed: p.removed, tokenHash: p.tokenHash }));

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
    expectCountersConsistent(restored);
  });
});
