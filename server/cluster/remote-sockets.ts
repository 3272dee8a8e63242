/**
 * The owner's note of which of its games' sockets live on which other node, kept from the
 * forwarded calls: added on a successful join/resume/host attach, removed when that node reports
 * the socket closed. If the node dies, what is left here is closed by the owner.
 *
 * It also tells the broadcaster which sockets a message must reach on other nodes
 * (`SocketsElsewhere`): a socket on another node only ever joins a game through a call forwarded to
 * the owner, so for a game made on this node the note is complete, and a message for sockets that
 * are all here goes to them alone. A game this node took over may still have sockets elsewhere it
 * never heard of.
 */
import type { SocketsElsewhere } from "../socket/broadcaster";
import type { RoomOp } from "./remote-room";

export type ForwardedPayload = { gameId: string; socketId?: string; playerId?: string };

interface RemoteSocket {
  gameId: string;
  socketId: string;
  /** Unset for a host screen. */
  playerId?: string;
}

/** A game's sockets on other nodes: its host screens', and each player's. */
interface GameElsewhere {
  hosts: Set<string>;
  players: Map<string, Set<string>>;
}

const NONE: readonly string[] = [];

export class RemoteSockets implements SocketsElsewhere {
  private readonly byNode = new Map<string, Map<string, RemoteSocket>>();
  private readonly byGame = new Map<string, GameElsewhere>();
  private readonly madeHere = new Set<string>();

  record(nodeId: string, op: string, payload: ForwardedPayload, reply: unknown): void {
    const { gameId, socketId } = payload;
    if (!socketId) return;
    const ok = (reply as { ok?: boolean } | null)?.ok === true;
    switch (op as RoomOp) {
      case "join":
        if (ok) this.add(nodeId, { gameId, socketId, playerId: (reply as { you: { playerId: string } }).you.playerId });
        break;
      case "resume":
        if (ok && payload.playerId) this.add(nodeId, { gameId, socketId, playerId: payload.playerId });
        break;
      case "hostAttached":
        this.add(nodeId, { gameId, socketId });
        break;
      case "socketClosed":
      case "hostDetached":
        this.remove(nodeId, socketId);
        break;
      default:
        break;
    }
  }

  nodes(): string[] {
    return [...this.byNode.keys()];
  }

  takeAll(nodeId: string): RemoteSocket[] {
    const sockets = [...(this.byNode.get(nodeId)?.values() ?? [])];
    for (const socket of sockets) this.remove(nodeId, socket.socketId);
    this.byNode.delete(nodeId);
    return sockets;
  }

  /** A game created on this node: every socket of it elsewhere will be recorded here. */
  gameMadeHere(gameId: string): void {
    this.madeHere.add(gameId);
  }

  /**
   * The game is over or lost here: its records go (a socket closing after its game's room is gone
   * is never reported here). If it comes back (a takeover), this node may not know all its sockets.
   */
  forgetGame(gameId: string): void {
    this.madeHere.delete(gameId);
    const game = this.byGame.get(gameId);
    if (!game) return;
    const socketIds = [...game.hosts, ...[...game.players.values()].flatMap((ids) => [...ids])];
    for (const sockets of this.byNode.values()) for (const socketId of socketIds) sockets.delete(socketId);
    this.byGame.delete(gameId);
  }

  // ——— SocketsElsewhere ———

  knowsAll(gameId: string): boolean {
    return this.madeHere.has(gameId);
  }

  playerSockets(gameId: string): string[] {
    const sockets: string[] = [];
    for (const ids of this.byGame.get(gameId)?.players.values() ?? []) sockets.push(...ids);
    return sockets;
  }

  socketsOfPlayer(gameId: string, playerId: string): readonly string[] {
    const ids = this.byGame.get(gameId)?.players.get(playerId);
    return ids ? [...ids] : NONE;
  }

  hostSockets(gameId: string): readonly string[] {
    const ids = this.byGame.get(gameId)?.hosts;
    return ids && ids.size > 0 ? [...ids] : NONE;
  }

  private add(nodeId: string, socket: RemoteSocket): void {
    let sockets = this.byNode.get(nodeId);
    if (!sockets) this.byNode.set(nodeId, (sockets = new Map()));
    this.remove(nodeId, socket.socketId);
    sockets.set(socket.socketId, socket);
    let game = this.byGame.get(socket.gameId);
    if (!game) this.byGame.set(socket.gameId, (game = { hosts: new Set(), players: new Map() }));
    if (!socket.playerId) game.hosts.add(socket.socketId);
    else {
      let ids = game.players.get(socket.playerId);
      if (!ids) game.players.set(socket.playerId, (ids = new Set()));
      ids.add(socket.socketId);
    }
  }

  private remove(nodeId: string, socketId: string): void {
    const sockets = this.byNode.get(nodeId);
    const socket = sockets?.get(socketId);
    if (!sockets || !socket) return;
    sockets.delete(socketId);
    const game = this.byGame.get(socket.gameId);
    if (!game) return;
    if (!socket.playerId) game.hosts.delete(socketId);
    else {
      const ids = game.players.get(socket.playerId);
      ids?.delete(socketId);
      if (ids?.size === 0) game.players.delete(socket.playerId);
    }
    if (game.hosts.size === 0 && game.players.size === 0) this.byGame.delete(socket.gameId);
  }
}
