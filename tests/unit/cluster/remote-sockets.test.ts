import { describe, expect, it } from "vitest";
import { RemoteSockets } from "../../../server/cluster/remote-sockets";

const joined = (playerId: string) => ({ ok: true, you: { playerId } });
const elsewhere = (sockets: RemoteSockets, gameId: string) => ({ players: [...(sockets.playersOf(gameId) as Iterable<string>)], host: sockets.host(gameId) });

describe("which of a game's sockets other nodes hold (what the owner sends through Redis)", () => {
  it("names, for a game made here, the players and host screens another node holds", () => {
    const sockets = new RemoteSockets();
    sockets.gameMadeHere("g1");
    expect(elsewhere(sockets, "g1")).toEqual({ players: [], host: "no" });

    sockets.record("b", "join", { gameId: "g1", socketId: "s1" }, joined("p1"));
    sockets.record("b", "hostAttached", { gameId: "g1", socketId: "h1" }, undefined);
    expect(elsewhere(sockets, "g1")).toEqual({ players: ["p1"], host: "yes" });
    expect([sockets.player("g1", "p1"), sockets.player("g1", "p2")]).toEqual(["yes", "no"]);

    // A refused join puts nobody elsewhere.
    sockets.record("b", "join", { gameId: "g1", socketId: "s2" }, { ok: false });
    expect(sockets.player("g1", "p2")).toBe("no");

    sockets.record("b", "socketClosed", { gameId: "g1", socketId: "s1", playerId: "p1" }, undefined);
    sockets.record("b", "hostDetached", { gameId: "g1", socketId: "h1" }, undefined);
    expect(elsewhere(sockets, "g1")).toEqual({ players: [], host: "no" });
  });

  it("keeps a player elsewhere while any of their sockets there is open, and forgets a dead node's", () => {
    const sockets = new RemoteSockets();
    sockets.gameMadeHere("g1");
    sockets.record("b", "join", { gameId: "g1", socketId: "s1" }, joined("p1"));
    sockets.record("c", "resume", { gameId: "g1", socketId: "s2", playerId: "p1" }, { ok: true });
    sockets.record("b", "socketClosed", { gameId: "g1", socketId: "s1", playerId: "p1" }, undefined);
    expect(sockets.player("g1", "p1"), "still open on node c").toBe("yes");

    expect(sockets.takeAll("c").map((socket) => socket.socketId)).toEqual(["s2"]);
    expect(elsewhere(sockets, "g1").players).toEqual([]);
  });

  it("can't rule out other nodes for a game it took over: they may hold sockets it never heard of", () => {
    const sockets = new RemoteSockets();
    expect([sockets.playersOf("restored"), sockets.player("restored", "p1"), sockets.host("restored")]).toEqual(["maybe", "maybe", "maybe"]);

    sockets.gameMadeHere("g1");
    sockets.forgetGame("g1");
    expect(sockets.playersOf("g1"), "a game lost (or over) here and taken back").toBe("maybe");
  });
});
