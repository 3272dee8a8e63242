import { describe, expect, it } from "vitest";
import { RemoteSockets } from "../../../server/cluster/remote-sockets";

const joined = (playerId: string) => ({ ok: true, you: { playerId } });

describe("which of a game's sockets other nodes hold (what the owner sends through Redis)", () => {
  it("sends a game made here through Redis only for the players and host screens another node holds", () => {
    const sockets = new RemoteSockets("cluster-node:a");
    sockets.gameMadeHere("g1");
    expect([sockets.players("g1"), sockets.player("g1", "p1"), sockets.host("g1")]).toEqual([false, false, false]);

    sockets.record("b", "join", { gameId: "g1", socketId: "s1" }, joined("p1"));
    sockets.record("b", "hostAttached", { gameId: "g1", socketId: "h1" }, undefined);
    expect([sockets.players("g1"), sockets.player("g1", "p1"), sockets.player("g1", "p2"), sockets.host("g1")]).toEqual([true, true, false, true]);

    // A refused join puts nobody elsewhere.
    sockets.record("b", "join", { gameId: "g1", socketId: "s2" }, { ok: false });
    expect(sockets.player("g1", "p2")).toBe(false);

    sockets.record("b", "socketClosed", { gameId: "g1", socketId: "s1", playerId: "p1" }, undefined);
    sockets.record("b", "hostDetached", { gameId: "g1", socketId: "h1" }, undefined);
    expect([sockets.players("g1"), sockets.player("g1", "p1"), sockets.host("g1")]).toEqual([false, false, false]);
  });

  it("keeps a player elsewhere while any of their sockets there is open, and forgets a dead node's", () => {
    const sockets = new RemoteSockets("cluster-node:a");
    sockets.gameMadeHere("g1");
    sockets.record("b", "join", { gameId: "g1", socketId: "s1" }, joined("p1"));
    sockets.record("c", "resume", { gameId: "g1", socketId: "s2", playerId: "p1" }, { ok: true });
    sockets.record("b", "socketClosed", { gameId: "g1", socketId: "s1", playerId: "p1" }, undefined);
    expect(sockets.player("g1", "p1"), "still open on node c").toBe(true);

    expect(sockets.takeAll("c").map((socket) => socket.socketId)).toEqual(["s2"]);
    expect(sockets.players("g1")).toBe(false);
  });

  it("sends everything of a game it took over through Redis: other nodes may hold sockets it never heard of", () => {
    const sockets = new RemoteSockets("cluster-node:a");
    expect([sockets.players("restored"), sockets.player("restored", "p1"), sockets.host("restored")]).toEqual([true, true, true]);

    sockets.gameMadeHere("g1");
    sockets.forgetGame("g1");
    expect(sockets.players("g1"), "a game lost (or over) here and taken back").toBe(true);
  });
});
