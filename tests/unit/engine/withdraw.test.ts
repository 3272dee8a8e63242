/** Taking back a join whose acknowledgement never reached the phone: as if the player had never joined. */
import { describe, expect, it } from "vitest";
import { addPlayer, removePlayer, withdrawPlayer } from "../../../server/engine";
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

  it("frees every lookalike key and the device, and hands back the join number", () => {
    const state = newGame();
    join(state, 2);
    const before = structuredClone(state);
    ok(addPlayer(state, { playerId: "ghost", nickname: "Воb", deviceHash: "ghost-phone", now: T0 + 10 }));
    ok(withdrawPlayer(state, { playerId: "ghost", now: T0 + 20 }));
    expect(state).toStrictEqual(before);
    ok(addPlayer(state, { playerId: "bob", nickname: "BOB", deviceHash: "ghost-phone", now: T0 + 30 }));
  });

  it("takes back a join the host removed meanwhile: its device and nickname are not kept blocked", () => {
    const state = newGame();
    join(state, 2);
    ok(addPlayer(state, { playerId: "ghost", nickname: "Ghost", deviceHash: "ghost-phone", now: T0 + 10 }));
    ok(removePlayer(state, { playerId: "ghost", now: T0 + 15 }));
    expect(state.removedDevices["ghost-phone"]).toBe("ghost");
    expect(ok(withdrawPlayer(state, { playerId: "ghost", now: T0 + 20 }))).toEqual([{ type: "player-withdrawn", playerId: "ghost" }]);
    expect(state.players.ghost).toBeUndefined();
    expect(state.removedDevices).toEqual({});
    expect(Object.values(state.nicknameIndex)).not.toContain("ghost");
    expect(state.activePlayerCount).toBe(2);
    expectCountersConsistent(state);
  });

  it("closes up the ranks behind a withdrawn player who was not last", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    const openedAt = startAndOpen(state);
    answerAt(state, a!, openedAt + 10);
    answerAt(state, b!, openedAt + 20);
    lateJoin(state, "ghost", openedAt + 30);
    lateJoin(state, "late", openedAt + 40);
    expect(state.ranking).toEqual([a, b, "ghost", "late"]);
    expect(state.players.late!.rank).toBe(4);
    ok(withdrawPlayer(state, { playerId: "ghost", now: openedAt + 50 }));
    expect(state.ranking).toEqual([a, b, "late"]);
    expect(state.ranking.map((id) => state.players[id]!.rank)).toEqual([1, 2, 3]);
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
