import type { Server } from "socket.io";
import { ServerEvent, type AnswerCountUpdate, type HostView, type PersonalMessage, type PersonalView, type PlayerRoomView } from "../../src/protocol";
import type { FanOutTurns } from "../rooms/fan-out-turns";
import type { Logger, RoomBroadcaster } from "../rooms/ports";

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
  /** The game's players with sockets on other nodes, or "maybe" (any of them). */
  playersOf(gameId: string): Iterable<string> | "maybe";
  player(gameId: string, playerId: string): Elsewhere;
  host(gameId: string): Elsewhere;
}

/** Server-side event to the other nodes of a cluster: messages for their sockets in these channels, in order. */
export const DELIVER_ON_OTHER_NODES = "quiz:deliver";
type Delivery = [channels: string | string[], event: string, data: unknown];

/**
 * Sends room projections through Socket.IO rooms. In a cluster (`elsewhere` given), this node's
 * own sockets get each message at once, and the players and host screens other nodes hold get
 * theirs in one batch per turn of the event loop (`DELIVER_ON_OTHER_NODES`, through the Redis
 * adapter's stream, so in order with its joins and leaves), which each node writes to its own
 * sockets. Through a plain adapter broadcast every phone's own view was an entry of its own in
 * Redis that every node read and decoded, and the adapter wrote even this node's sockets only once
 * Redis had answered (those writes all in one piece when the replies came back).
 */
export class SocketBroadcaster implements RoomBroadcaster {
  private readonly outgoing: Delivery[] = [];

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
    if (remote === "maybe") return this.sendElsewhere(channels, ServerEvent.room, view);
    const there: string[] = [];
    for (const playerId of remote) if (this.playerElsewhere(gameId, playerId)) there.push(playerChannel(playerId));
    if (there.length > 0) this.sendElsewhere(there, ServerEvent.room, view);
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

  private toPlayerChannel(gameId: string, playerId: string, event: string, data: unknown): void {
    const channel = playerChannel(playerId);
    if (!this.elsewhere) return void this.io.to(channel).emit(event, data);
    this.io.local.to(channel).emit(event, data);
    if (this.playerElsewhere(gameId, playerId)) this.sendElsewhere(channel, event, data);
  }

  /**
   * A player has one live socket (a resume on another node closes the one before): in a game
   * taken over, a player with a socket here has none elsewhere.
   */
  private playerElsewhere(gameId: string, playerId: string): boolean {
    const where = this.elsewhere!.player(gameId, playerId);
    return where === "yes" || (where === "maybe" && (this.io.of("/").adapter.rooms.get(playerChannel(playerId))?.size ?? 0) === 0);
  }

  /** A teacher may have screens on several nodes. */
  private toHostChannel(gameId: string, event: string, data: unknown): void {
    const channel = hostChannel(gameId);
    if (!this.elsewhere) return void this.io.to(channel).emit(event, data);
    this.io.local.to(channel).emit(event, data);
    if (this.elsewhere.host(gameId) !== "no") this.sendElsewhere(channel, event, data);
  }

  private sendElsewhere(channels: string | string[], event: string, data: unknown): void {
    if (this.outgoing.length === 0) queueMicrotask(() => this.io.serverSideEmit(DELIVER_ON_OTHER_NODES, this.outgoing.splice(0)));
    this.outgoing.push([channels, event, data]);
  }
}

/**
 * Each node of a cluster writes to its own sockets what the games' owners send them
 * (`DELIVER_ON_OTHER_NODES`), in the turns its own games' messages share: a batch for 500 phones
 * does not hold its event loop in one piece.
 */
export function deliverFromOtherNodes(io: Server, turns: FanOutTurns, log: Logger): void {
  const failed = (error: unknown) => log.error("writing messages from another node failed", error);
  io.on(DELIVER_ON_OTHER_NODES, (batch: unknown) => {
    if (!Array.isArray(batch)) return;
    for (const delivery of batch as unknown[]) {
      if (!Array.isArray(delivery)) continue;
      const [channels, event, data] = delivery as Delivery;
      if (typeof event === "string" && (typeof channels === "string" || Array.isArray(channels))) turns.send(() => io.local.to(channels).emit(event, data), failed);
    }
  });
}
