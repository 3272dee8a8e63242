import type { Server } from "socket.io";
import { ServerEvent, type AnswerCountUpdate, type HostView, type PersonalMessage, type PersonalView, type PlayerRoomView } from "../../src/protocol";
import type { RoomBroadcaster } from "../rooms/ports";

export const playersChannel = (gameId: string) => `players:${gameId}`;
export const hostChannel = (gameId: string) => `host:${gameId}`;
export const playerChannel = (playerId: string) => `player:${playerId}`;

/**
 * Whether other nodes hold sockets of a game: "no"; "yes", as recorded from the calls they
 * forwarded; "maybe" for a game this node took over (it can't know every socket elsewhere).
 */
export type Elsewhere = "no" | "yes" | "maybe";

/** In a cluster: where a game's sockets are, besides this node (server/cluster/remote-sockets.ts). */
export interface SocketsElsewhere {
  /** The Socket.IO room every socket connected to this node is in. */
  readonly localRoom: string;
  /** The game's players with sockets on other nodes, or "maybe" (any of them). */
  playersOf(gameId: string): Iterable<string> | "maybe";
  player(gameId: string, playerId: string): Elsewhere;
  host(gameId: string): Elsewhere;
}

/**
 * Sends room projections through Socket.IO rooms. In a cluster (`elsewhere` given), this node's
 * own sockets get each message at once, and it goes through the Redis adapter only to the players
 * and host screens other nodes hold. Through the adapter, a message would reach even this node's
 * sockets only once Redis stored it (a round trip per message, and those writes all in one piece
 * when the replies come back), and every node reads and decodes every message put there.
 */
export class SocketBroadcaster implements RoomBroadcaster {
  constructor(
    private readonly io: Server,
    private readonly elsewhere?: SocketsElsewhere,
  ) {}

  toPlayers(gameId: string, view: PlayerRoomView, playerIds?: readonly string[]): void {
    // Encoded once per call either way; a slice goes to the players' own channels.
    const channels = playerIds ? playerIds.map(playerChannel) : playersChannel(gameId);
    const elsewhere = this.elsewhere;
    if (!elsewhere) return void this.io.to(channels).emit(ServerEvent.room, view);
    this.io.local.to(channels).emit(ServerEvent.room, view);
    const remote = playerIds ?? elsewhere.playersOf(gameId);
    if (remote === "maybe") return this.toOtherNodes(channels, ServerEvent.room, view);
    const only: string[] = [];
    for (const playerId of remote) {
      const where = elsewhere.player(gameId, playerId);
      const channel = playerChannel(playerId);
      if (where === "yes" && this.hasLocalSockets(channel)) this.toOtherNodes(channel, ServerEvent.room, view);
      else if (where !== "no" && !this.hasLocalSockets(channel)) only.push(channel);
    }
    // None of these players has a socket here: the adapter delivers them nothing on this node.
    if (only.length > 0) this.io.to(only).emit(ServerEvent.room, view);
  }

  toPlayer(gameId: string, playerId: string, room: PlayerRoomView, you: PersonalView): void {
    const message: PersonalMessage = { room, you };
    this.toPlayerChannel(gameId, playerId, ServerEvent.personal, message);
  }

  playerRemoved(gameId: string, playerId: string, message: string): void {
    this.toPlayerChannel(gameId, playerId, ServerEvent.removed, { message });
    this.io.in(playerChannel(playerId)).socketsLeave(playersChannel(gameId));
  }

  toHost(gameId: string, view: HostView): void {
    this.toHostChannel(gameId, ServerEvent.hostState, view);
  }

  hostAnswers(gameId: string, update: AnswerCountUpdate): void {
    this.toHostChannel(gameId, ServerEvent.hostAnswers, update);
  }

  /**
   * A player has one live socket (a resume elsewhere closes the one before): with a socket here,
   * the message goes only here unless another node is known to hold one too.
   */
  private toPlayerChannel(gameId: string, playerId: string, event: string, data: unknown): void {
    const channel = playerChannel(playerId);
    if (!this.elsewhere) return void this.io.to(channel).emit(event, data);
    const where = this.elsewhere.player(gameId, playerId);
    if (!this.hasLocalSockets(channel)) {
      if (where !== "no") this.io.to(channel).emit(event, data);
      return;
    }
    this.io.local.to(channel).emit(event, data);
    if (where === "yes") this.toOtherNodes(channel, event, data);
  }

  /** A teacher may have screens on several nodes: one here says nothing about the others. */
  private toHostChannel(gameId: string, event: string, data: unknown): void {
    const channel = hostChannel(gameId);
    if (!this.elsewhere) return void this.io.to(channel).emit(event, data);
    const where = this.elsewhere.host(gameId);
    if (!this.hasLocalSockets(channel)) {
      if (where !== "no") this.io.to(channel).emit(event, data);
      return;
    }
    this.io.local.to(channel).emit(event, data);
    if (where !== "no") this.toOtherNodes(channel, event, data);
  }

  /** Through the adapter, except to this node's sockets (they got it already). Costs a pass over them: for the rare case only. */
  private toOtherNodes(channels: string | string[], event: string, data: unknown): void {
    this.io.to(channels).except(this.elsewhere!.localRoom).emit(event, data);
  }

  private hasLocalSockets(channel: string): boolean {
    return (this.io.of("/").adapter.rooms.get(channel)?.size ?? 0) > 0;
  }
}
