import type { Server } from "socket.io";
import { ServerEvent, type AnswerCountUpdate, type HostView, type PersonalMessage, type PersonalView, type PlayerRoomView } from "../../src/protocol";
import type { FanOutTurns } from "../rooms/fan-out-turns";
import type { Logger, RoomBroadcaster } from "../rooms/ports";

export const playersChannel = (gameId: string) => `players:${gameId}`;
export const hostChannel = (gameId: string) => `host:${gameId}`;
export const playerChannel = (playerId: string) => `player:${playerId}`;

/** In a cluster: a game's sockets on other nodes, as the owner knows them (server/cluster/remote-sockets.ts). */
export interface SocketsElsewhere {
  /** Whether every socket of the game on other nodes is known here (a game made here), not only some (one taken over). */
  knowsAll(gameId: string): boolean;
  /** Every socket of the game's players known on other nodes. */
  playerSockets(gameId: string): string[];
  socketsOfPlayer(gameId: string, playerId: string): readonly string[];
  hostSockets(gameId: string): readonly string[];
}

/** Server-side event to the other nodes of a cluster: messages for their sockets (by id) and channels, in order. */
export const DELIVER_ON_OTHER_NODES = "quiz:deliver";
type Delivery = [targets: string[], event: string, data: unknown];

/**
 * Sends room projections through Socket.IO rooms. In a cluster (`elsewhere` given), this node's
 * own sockets get each message at once; the sockets other nodes hold get theirs in one batch per
 * turn of the event loop (`DELIVER_ON_OTHER_NODES`, one Redis message), which each node writes to
 * its own sockets. Through plain adapter broadcasts every phone's own view was an entry of its own
 * in Redis that every node read and decoded, and the adapter wrote even this node's sockets only
 * once Redis had answered (those writes all in one piece when the replies came back).
 *
 * Known sockets elsewhere are named by id: the batch travels on its own Redis channel, so it may
 * arrive before that node has put a just-joined socket in the game's channels. For a game taken
 * over, whose sockets elsewhere this node may not all know, the channels are named too.
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
    if (!playerIds) {
      const targets = elsewhere.playerSockets(gameId);
      if (!elsewhere.knowsAll(gameId)) targets.push(playersChannel(gameId));
      return this.sendElsewhere(targets, ServerEvent.room, view);
    }
    const targets: string[] = [];
    for (const playerId of playerIds) this.addPlayerTargets(targets, gameId, playerId);
    this.sendElsewhere(targets, ServerEvent.room, view);
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
    const targets: string[] = [];
    this.addPlayerTargets(targets, gameId, playerId);
    this.sendElsewhere(targets, event, data);
  }

  /**
   * A player's known sockets elsewhere; in a game taken over, also the player's channel unless the
   * player's socket is here (a player has one live socket: a resume on another node closes the one before).
   */
  private addPlayerTargets(targets: string[], gameId: string, playerId: string): void {
    const elsewhere = this.elsewhere!;
    targets.push(...elsewhere.socketsOfPlayer(gameId, playerId));
    const channel = playerChannel(playerId);
    if (!elsewhere.knowsAll(gameId) && (this.io.of("/").adapter.rooms.get(channel)?.size ?? 0) === 0) targets.push(channel);
  }

  /** A teacher may have screens on several nodes. */
  private toHostChannel(gameId: string, event: string, data: unknown): void {
    const channel = hostChannel(gameId);
    if (!this.elsewhere) return void this.io.to(channel).emit(event, data);
    this.io.local.to(channel).emit(event, data);
    const targets = [...this.elsewhere.hostSockets(gameId)];
    if (!this.elsewhere.knowsAll(gameId)) targets.push(channel);
    this.sendElsewhere(targets, event, data);
  }

  private sendElsewhere(targets: string[], event: string, data: unknown): void {
    if (targets.length === 0) return;
    if (this.outgoing.length === 0) queueMicrotask(() => this.io.serverSideEmit(DELIVER_ON_OTHER_NODES, this.outgoing.splice(0)));
    this.outgoing.push([targets, event, data]);
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
      const [targets, event, data] = delivery as Delivery;
      if (typeof event === "string" && Array.isArray(targets) && targets.every((target) => typeof target === "string")) {
        turns.send(() => io.local.to(targets).emit(event, data), failed);
      }
    }
  });
}
