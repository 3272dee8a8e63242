import { describe, expect, it } from "vitest";
import { RemoteSockets } from "../../../server/cluster/remote-sockets";

const joined = (playerId: string) => ({ ok: true, you: { playerId } });
const elsewhere = (sockets: RemoteSockets, gameId: string) => ({ players: sockets.playerSockets(gameId), host: sockets.hostSockets(gameId) });

describe("a game's sockets on other nodes (what the owner sends through Redis, and to which sockets)", () => {
  it("names, for a game made here, the sockets of players and host screens another node holds", () => {
    const sockets = new RemoteSockets();
    sockets.gameMadeHere("g1");
    expect(sockets.knowsAll("g1")).toBe(true);
    expect(elsewhere(sockets, "g1")).toEqual({ players: [], host: [] });

    sockets.record("b", "join", { gameId: "g1", socketId: "s1" }, joined("p1"));
    sockets.record("b", "hostAttached", { gameId: "g1", socketId: "h1" }, undefined);
    expect(elsewhere(sockets, "g1")).toEqual({ players: ["s1"], host: ["h1"] });
    expect([sockets.socketsOfPlayer("g1", "p1"), sockets.socketsOfPlayer("g1", "p2")]).toEqual([["s1"], []]);

    // A refused join puts nobody elsewhere.
    sockets.record("b", "join", { gameId: "g1", socketId: "s2" }, { ok: false });
    expect(sockets.socketsOfPlayer("g1", "p2")).toEqual([]);

    sockets.record("b", "socketClosed", { gameId: "g1", socketId: "s1", playerId: "p1" }, undefined);
    sockets.record("b", "hostDetached", { gameId: "g1", socketId: "h1" }, undefined);
    expect(elsewhere(sockets, "g1")).toEqual({ players: [], host: [] });
  });

  it("keeps each socket of a player until it closes, and forgets a dead node's", () => {
    const sockets = new RemoteSockets();
    sockets.gameMadeHere("g1");
    sockets.record("b", "join", { gameId: "g1", socketId: "s1" }, joined("p1"));
    sockets.record("c", "resume", { gameId: "g1", socketId: "s2", playerId: "p1" }, { ok: true });
    expect(sockets.socketsOfPlayer("g1", "p1")).toEqual(["s1", "s2"]);
    sockets.record("b", "socketClosed", { gameId: "g1", socketId: "s1", playerId: "p1" }, undefined);
    expect(sockets.socketsOfPlayer("g1", "p1"), "still open on node c").toEqual(["s2"]);

    expect(sockets.takeAll("c").map((socket) => socket.socketId)).toEqual(["s2"]);
    expect(elsewhere(sockets, "g1").players).toEqual([]);
  });

  it("doesn't claim to know every socket elsewhere of a game it took over", () => {
    const sockets = new RemoteSockets();
    expect(sockets.knowsAll("restored")).toBe(false);

    sockets.gameMadeHere("g1");
    sockets.record("b", "join", { gameId: "g1", socketId: "s1" }, joined("p1"));
    sockets.forgetGame("g1");
    expect(sockets.knowsAll("g1"), "a game lost (or over) here and taken back").toBe(false);
    expect(elsewhere(sockets, "g1"), "its records went with it").toEqual({ players: [], host: [] });
    expect(sockets.takeAll("b"), "nothing left to close for it when node b dies").toEqual([]);
  });
});
