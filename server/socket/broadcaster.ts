import type { Server } from "socket.io";
import { ServerEvent, type AnswerCountUpdate, type HostView, type PersonalMessage, type PersonalView, type PlayerRoomView } from "../../src/protocol";
import type { RoomBroadcaster } from "../rooms/ports";

export const playersChannel = (gameId: string) => `players:${gameId}`;
export const hostChannel = (gameId: string) => `host:${gameId}`;
export const playerChannel = (playerId: string) => `player:${playerId}`;

/** In a cluster: whether some of a game's sockets may be connected to other nodes (server/cluster/remote-sockets.ts). */
export interface SocketsElsewhere {
  /** The Socket.IO room every socket connected to this node is in. */
  readonly localRoom: string;
  players(gameId: string): boolean;
  player(gameId: string, playerId: string): boolean;
  host(gameId: string): boolean;
}

/**
 * Sends room projections through Socket.IO rooms. In a cluster (`elsewhere` given), this node's
 * own sockets get each message at once, and it goes through the Redis adapter only for sockets
 * that may be on other nodes: the adapter would write even this node's sockets only once Redis
 * has stored the message (each phone's message a Redis round trip later, all of them in one piece
 * when the replies come back), and every node reads and decodes every message put there.
 */
export class SocketBroadcaster implements RoomBroadcaster {
  constructor(
    private readonly io: Server,
    private readonly elsewhere?: SocketsElsewhere,
  ) {}

  toPlayers(gameId: string, view: PlayerRoomView, playerIds?: readonly string[]): void {
    // Encoded once per call either way; a slice goes to the players' own channels.
    if (!playerIds) return this.emit(playersChannel(gameId), ServerEvent.room, view, this.elsewhere?.players(gameId));
    this.emit(playerIds.map(playerChannel), ServerEvent.room, view);
    const elsewhere = this.elsewhere;
    if (!elsewhere) return;
    // Through Redis only the slice's players who may be on other nodes.
    const remote = playerIds.filter((id) => elsewhere.player(gameId, id));
    if (remote.length > 0) this.emitElsewhere(remote.map(playerChannel), ServerEvent.room, view);
  }

  toPlayer(gameId: string, playerId: string, room: PlayerRoomView, you: PersonalView): void {
    const message: PersonalMessage = { room, you };
    this.emit(playerChannel(playerId), ServerEvent.personal, message, this.elsewhere?.player(gameId, playerId));
  }

  playerRemoved(gameId: string, playerId: string, message: string): void {
    this.emit(playerChannel(playerId), ServerEvent.removed, { message }, this.elsewhere?.player(gameId, playerId));
    this.io.in(playerChannel(playerId)).socketsLeave(playersChannel(gameId));
  }

  toHost(gameId: string, view: HostView): void {
    this.emit(hostChannel(gameId), ServerEvent.hostState, view, this.elsewhere?.host(gameId));
  }

  hostAnswers(gameId: string, update: AnswerCountUpdate): void {
    this.emit(hostChannel(gameId), ServerEvent.hostAnswers, update, this.elsewhere?.host(gameId));
  }

  /** Without a cluster, the adapter is this process's own: a plain emit. */
  private emit(channels: string | string[], event: string, data: unknown, alsoElsewhere = false): void {
    if (!this.elsewhere) return void this.io.to(channels).emit(event, data);
    this.io.local.to(channels).emit(event, data);
    if (alsoElsewhere) this.emitElsewhere(channels, event, data);
  }

  /** Through the adapter to the other nodes' sockets only (this node's got it already). */
  private emitElsewhere(channels: string | string[], event: string, data: unknown): void {
    this.io.to(channels).except(this.elsewhere!.localRoom).emit(event, data);
  }
}
