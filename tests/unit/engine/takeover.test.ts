import { describe, expect, it } from "vitest";
import {
  addPlayer,
  allowTakeover,
  hostView,
  nextStep,
  removePlayer,
  setLocked,
  setPlayerConnected,
  skipQuestion,
  type GameState,
} from "../../../server/engine";
import { T0, answerAt, expectCountersConsistent, expectRefusedUnchanged, newGame, ok, openCurrent, startAndOpen } from "../../support/engine-fixtures";

/** Ana (token hash "hash-ana") and Bo, in the lobby. */
function withAna(): GameState {
  const state = newGame({ questions: [{}, {}] });
  ok(addPlayer(state, { playerId: "ana", nickname: "Ana", tokenHash: "hash-ana", now: T0 }));
  ok(addPlayer(state, { playerId: "bo", nickname: "Bo", tokenHash: "hash-bo", now: T0 + 1 }));
  return state;
}

const joinAsAna = (state: GameState, now: number, playerId = "new-device", nickname = "ana", tokenHash = "hash-new") =>
  addPlayer(state, { playerId, nickname, tokenHash, now });

describe("takeover: a nickname that belongs to someone", () => {
  it("connected → nickname-taken, nothing changes", () => {
    const state = withAna();
    expectRefusedUnchanged(state, () => joinAsAna(state, T0 + 5), "nickname-taken");
  });

  it("disconnected → takeover-requested, no new player; a repeat is accepted with no events and changes nothing", () => {
    const state = withAna();
    ok(setPlayerConnected(state, { playerId: "ana", connected: false, now: T0 + 2 }));
    const before = structuredClone(state);
    expect(ok(joinAsAna(state, T0 + 5))).toEqual([{ type: "takeover-requested", playerId: "ana" }]);
    // Only the flag changed.
    before.players.ana!.takeoverRequested = true;
    expect(state).toStrictEqual(before);
    expect(state.players["new-device"]).toBeUndefined();
    expect(hostView(state, T0 + 5).players).toEqual([
      { id: "ana", nickname: "Ana", connected: false, takeoverRequested: true },
      { id: "bo", nickname: "Bo", connected: true, takeoverRequested: false },
    ]);
    const again = structuredClone(state);
    expect(ok(joinAsAna(state, T0 + 6, "third-device", "ANA"))).toEqual([]);
    expect(state).toStrictEqual(again);
  });

  it("matches case-insensitively and by compatibility form", () => {
    const state = withAna();
    ok(setPlayerConnected(state, { playerId: "ana", connected: false, now: T0 + 2 }));
    expect(ok(joinAsAna(state, T0 + 5, "x", "Ａｎａ"))).toEqual([{ type: "takeover-requested", playerId: "ana" }]);
  });

  it("a removed player's nickname is not free: refused, no takeover asked of the host", () => {
    const state = withAna();
    ok(removePlayer(state, { playerId: "ana", now: T0 + 2 }));
    expectRefusedUnchanged(state, () => joinAsAna(state, T0 + 5), "removed");
    expect(state.players.ana!.takeoverRequested).toBe(false);
  });

  it("a repeated player id is refused before the nickname is looked at", () => {
    const state = withAna();
    ok(setPlayerConnected(state, { playerId: "ana", connected: false, now: T0 + 2 }));
    expectRefusedUnchanged(state, () => joinAsAna(state, T0 + 5, "bo"), "invalid-request");
  });
});

describe("takeover: the host allows it", () => {
  it("full flow mid-game: the new device becomes the same player (score, streak, id), with the new token, still disconnected", () => {
    const state = withAna();
    const opened = startAndOpen(state);
    answerAt(state, "ana", opened + 100, [0]);
    answerAt(state, "bo", opened + 200, [1]);
    expect(state.phase).toBe("reveal");
    ok(nextStep(state, opened + 1_000));
    ok(setPlayerConnected(state, { playerId: "ana", connected: false, now: opened + 2_000 }));
    const anaBefore = structuredClone(state.players.ana!);
    expect(anaBefore).toMatchObject({ score: 1000, streak: 1, rank: 1 });

    expect(ok(joinAsAna(state, opened + 3_000))).toEqual([{ type: "takeover-requested", playerId: "ana" }]);
    expect(ok(allowTakeover(state, { playerId: "ana" }))).toEqual([{ type: "takeover-allowed", playerId: "ana" }]);
    expect(state.players.ana).toMatchObject({ takeoverRequested: false, takeoverAllowed: true });
    expect(hostView(state, opened + 3_000).players[0]!.takeoverRequested).toBe(false);

    const counts = { active: state.activePlayerCount, connected: state.connectedPlayerCount, seq: state.nextJoinSeq, ranking: [...state.ranking] };
    expect(ok(joinAsAna(state, opened + 4_000))).toEqual([{ type: "player-taken-over", playerId: "ana" }]);
    expect(state.players["new-device"]).toBeUndefined();
    expect(Object.keys(state.players)).toEqual(["ana", "bo"]);
    expect(state.players.ana).toEqual({ ...anaBefore, tokenHash: "hash-new", takeoverRequested: false, takeoverAllowed: false });
    expect(state.players.ana!.connected).toBe(false);
    expect({ active: state.activePlayerCount, connected: state.connectedPlayerCount, seq: state.nextJoinSeq, ranking: state.ranking }).toEqual(counts);

    // The adapter then marks the player connected.
    ok(setPlayerConnected(state, { playerId: "ana", connected: true, now: opened + 4_001 }));
    expect(state.connectedPlayerCount).toBe(2);
    expectCountersConsistent(state);
    // Now connected: the nickname is taken again.
    expectRefusedUnchanged(state, () => joinAsAna(state, opened + 5_000, "fourth-device"), "nickname-taken");
  });

  it("without an earlier request: allowing first, then the join takes over", () => {
    const state = withAna();
    ok(setPlayerConnected(state, { playerId: "ana", connected: false, now: T0 + 2 }));
    expect(ok(allowTakeover(state, { playerId: "ana" }))).toEqual([{ type: "takeover-allowed", playerId: "ana" }]);
    expect(ok(joinAsAna(state, T0 + 5))).toEqual([{ type: "player-taken-over", playerId: "ana" }]);
    expect(state.players.ana!.tokenHash).toBe("hash-new");
  });

  it("a join without a token hash clears the old one (the old device can't resume)", () => {
    const state = withAna();
    ok(setPlayerConnected(state, { playerId: "ana", connected: false, now: T0 + 2 }));
    ok(allowTakeover(state, { playerId: "ana" }));
    ok(addPlayer(state, { playerId: "x", nickname: "Ana", now: T0 + 3 }));
    expect(state.players.ana!.tokenHash).toBe("");
  });

  it("the allowance is used up: the next join with that nickname asks again", () => {
    const state = withAna();
    ok(setPlayerConnected(state, { playerId: "ana", connected: false, now: T0 + 2 }));
    ok(allowTakeover(state, { playerId: "ana" }));
    ok(joinAsAna(state, T0 + 5));
    expect(ok(joinAsAna(state, T0 + 6, "yet-another", "Ana", "hash-3"))).toEqual([{ type: "takeover-requested", playerId: "ana" }]);
    expect(state.players.ana!.tokenHash).toBe("hash-new");
  });

  it("during an open round the taken-over player keeps their answer, which counts again once connected", () => {
    const state = withAna();
    const opened = startAndOpen(state);
    answerAt(state, "ana", opened + 100, [0]);
    ok(setPlayerConnected(state, { playerId: "ana", connected: false, now: opened + 200 }));
    expect(state.round!.connectedAnswerCount).toBe(0);
    ok(allowTakeover(state, { playerId: "ana" }));
    ok(joinAsAna(state, opened + 300));
    expect(state.round!.answers.ana).toMatchObject({ choice: [0], responseMs: 100 });
    // Bo still has to answer.
    ok(setPlayerConnected(state, { playerId: "ana", connected: true, now: opened + 400 }));
    expect(state.round!.connectedAnswerCount).toBe(1);
    expect(state.phase).toBe("answering");
    answerAt(state, "bo", opened + 500, [0]);
    expect(state.phase).toBe("reveal");
    expect(state.players.ana!.score).toBe(1000);
  });

  it("works in a locked game: a takeover adds no player", () => {
    const state = withAna();
    ok(setPlayerConnected(state, { playerId: "ana", connected: false, now: T0 + 2 }));
    ok(setLocked(state, true));
    expect(ok(joinAsAna(state, T0 + 3))).toEqual([{ type: "takeover-requested", playerId: "ana" }]);
    ok(allowTakeover(state, { playerId: "ana" }));
    expect(ok(joinAsAna(state, T0 + 4))).toEqual([{ type: "player-taken-over", playerId: "ana" }]);
    // A genuinely new nickname is still refused.
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "z", nickname: "Zed", now: T0 + 5 }), "locked");
  });

  it("after the game: game-over, not a takeover", () => {
    const state = withAna();
    const opened = startAndOpen(state);
    ok(setPlayerConnected(state, { playerId: "ana", connected: false, now: opened }));
    ok(skipQuestion(state, opened + 1));
    ok(nextStep(state, opened + 2));
    ok(nextStep(state, opened + 3));
    ok(skipQuestion(state, openCurrent(state)));
    ok(nextStep(state, opened + 30_000));
    ok(nextStep(state, opened + 30_001));
    expect(state.phase).toBe("podium");
    expectRefusedUnchanged(state, () => joinAsAna(state, opened + 30_002), "game-over");
  });
});

describe("allowTakeover refusals change nothing", () => {
  it("not-allowed while the player is connected; not-joined for unknown or removed players", () => {
    const state = withAna();
    expectRefusedUnchanged(state, () => allowTakeover(state, { playerId: "ana" }), "not-allowed");
    expectRefusedUnchanged(state, () => allowTakeover(state, { playerId: "nobody" }), "not-joined");
    ok(removePlayer(state, { playerId: "bo", now: T0 + 5 }));
    expectRefusedUnchanged(state, () => allowTakeover(state, { playerId: "bo" }), "not-joined");
  });
});

describe("reconnecting clears a takeover request", () => {
  it("the old device comes back: the request disappears from the host view and the nickname is taken again", () => {
    const state = withAna();
    ok(setPlayerConnected(state, { playerId: "ana", connected: false, now: T0 + 2 }));
    ok(joinAsAna(state, T0 + 3));
    expect(state.players.ana!.takeoverRequested).toBe(true);
    expect(ok(setPlayerConnected(state, { playerId: "ana", connected: true, now: T0 + 4 }))).toEqual([
      { type: "player-connection", playerId: "ana", connected: true },
    ]);
    expect(state.players.ana!.takeoverRequested).toBe(false);
    expect(hostView(state, T0 + 4).players[0]!.takeoverRequested).toBe(false);
    expectRefusedUnchanged(state, () => joinAsAna(state, T0 + 5), "nickname-taken");
    // Away again: a new attempt is a new request.
    ok(setPlayerConnected(state, { playerId: "ana", connected: false, now: T0 + 6 }));
    expect(ok(joinAsAna(state, T0 + 7))).toEqual([{ type: "takeover-requested", playerId: "ana" }]);
  });

  // The allowance is for "the next join" while the player is away. If the original phone comes
  // back first, the allowance is stale: the host no longer sees any request (takeoverRequested was
  // cleared), yet the flag survives, so after a later Wi-Fi blip anyone typing the nickname takes
  // the player over with no approval. Reconnecting should clear `takeoverAllowed` as it clears
  // `takeoverRequested`.
  it("a reconnect also withdraws an allowance the host gave while the player was away", () => {
    const state = withAna();
    ok(setPlayerConnected(state, { playerId: "ana", connected: false, now: T0 + 2 }));
    ok(joinAsAna(state, T0 + 3));
    ok(allowTakeover(state, { playerId: "ana" }));
    ok(setPlayerConnected(state, { playerId: "ana", connected: true, now: T0 + 4 })); // the original phone is back
    ok(setPlayerConnected(state, { playerId: "ana", connected: false, now: T0 + 60_000 })); // a blip, much later
    expect(ok(joinAsAna(state, T0 + 60_001, "impostor", "Ana", "hash-impostor"))).toEqual([{ type: "takeover-requested", playerId: "ana" }]);
    expect(state.players.ana!.tokenHash).toBe("hash-ana");
  });
});
