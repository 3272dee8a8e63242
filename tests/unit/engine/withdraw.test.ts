/** Taking back a join whose acknowledgement never reached the phone: as if the player had never joined. */
import { describe, expect, it } from "vitest";
import { addPlayer, withdrawPlayer } from "../../../server/engine";
import { T0, answerAt, expectCountersConsistent, expectRefusedUnchanged, join, lateJoin, newGame, ok, startAndOpen } from "../../support/engine-fixtures";

describe("withdrawPlayer", () => {
  it("removes a lobby join entirely: not counted, not listed, nickname free again", () => {
    const state = newGame();
    join(state, 2);
    lateJoin(state, "ghost", T0 + 10);
    const events = ok(withdrawPlayer(state, { playerId: "ghost", now: T0 + 20 }));
    expect(events).toEqual([{ type: "player-withdrawn", playerId: "ghost" }]);
    expect(state.players.ghost).toBeUndefined();
    expect(state.activePlayerCount).toBe(2);
    expectCountersConsistent(state);
    ok(addPlayer(state, { playerId: "again", nickname: "Nick-ghost", now: T0 + 30 }));
  });

  it("closes the round the withdrawn player was holding open", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    lateJoin(state, "ghost", T0 + 5);
    const openedAt = startAndOpen(state);
    answerAt(state, a!, openedAt + 10);
    answerAt(state, b!, openedAt + 20);
    expect(state.phase).toBe("answering");
    const events = ok(withdrawPlayer(state, { playerId: "ghost", now: openedAt + 30 }));
    expect(events.map((event) => event.type)).toContain("round-closed");
    expect(state.phase).toBe("reveal");
    expect(state.round!.eligible).toBe(2);
    expect(state.ranking).toEqual(expect.not.arrayContaining(["ghost"]));
    expectCountersConsistent(state);
  });

  it("takes a late joiner off the leaderboard", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    const openedAt = startAndOpen(state);
    lateJoin(state, "ghost", openedAt + 5);
    answerAt(state, a!, openedAt + 10);
    answerAt(state, b!, openedAt + 20);
    expect(state.ranking).toContain("ghost");
    ok(withdrawPlayer(state, { playerId: "ghost", now: openedAt + 30 }));
    expect(state.ranking).not.toContain("ghost");
    expect(state.ranking.map((id) => state.players[id]!.rank)).toEqual([1, 2]);
    expectCountersConsistent(state);
  });

  it("refuses a player who answered (their phone did have the token)", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    const openedAt = startAndOpen(state);
    answerAt(state, a!, openedAt + 10);
    expectRefusedUnchanged(state, () => withdrawPlayer(state, { playerId: a!, now: openedAt + 20 }), "not-joined");
    expect(state.players[b!]).toBeDefined();
  });
});
