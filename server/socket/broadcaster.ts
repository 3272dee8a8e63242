import type { Server } from "socket.io";
import { ServerEvent, type AnswerCountUpdate, type HostView, type PersonalMessage, type PersonalView, type PlayerRoomView } from "../../src/protocol";
import type { RoomBroadcaster } from "../rooms/ports";

export const playersChannel = (gameId: string) => `players:${gameId}`;
export const hostChannel = (gameId: string) => `host:${gameId}`;
export const playerChannel = (playerId: string) => `player:${playerId}`;

/** Sends room projections through Socket.IO rooms (so an adapter can fan them out across nodes). */
export class SocketBroadcaster implements RoomBroadcaster {
  constructor(private readonly io: Server) {}

  toPlayers(gameId: string, view: PlayerRoomView, playerIds?: readonly string[]): void {
    // Encoded once per call either way; a slice goes to the players' own channels.
    const target = playerIds ? this.io.to(playerIds.map(playerChannel)) : this.io.to(playersChannel(gameId));
    target.emit(ServerEvent.room, view);
  }

  toPlayer(_gameId: string, playerId: string, room: PlayerRoomView, you: PersonalView): void {
    const message: PersonalMessage = { room, you };
    this.io.to(playerChannel(playerId)).emit(ServerEvent.personal, message);
  }

  playerRemoved(gameId: string, playerId: string, message: string): void {
    this.io.to(playerChannel(playerId)).emit(ServerEvent.removed, { message });
    this.io.in(playerChannel(playerId)).socketsLeave(playersChannel(gameId));
  }

  toHost(gameId: string, view: HostView): void {
    this.io.to(hostChannel(gameId)).emit(ServerEvent.hostState, view);
  }

  hostAnswers(gameId: string, update: AnswerCountUpdate): void {
    this.io.to(hostChannel(gameId)).emit(ServerEvent.hostAnswers, update);
  }
}
