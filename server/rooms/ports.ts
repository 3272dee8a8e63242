/** What a game room needs from the outside world: saving results and talking to sockets. */
import type { AnswerCountUpdate, HostView, PersonalView, PlayerRoomView } from "../../src/protocol";
import type { ClosedRound, GameState, Standing } from "../engine";

export interface GamePersistence {
  addPlayer(player: { id: string; gameId: string; nickname: string; joinedAt: Date; joinSeq: number }): Promise<void>;
  removePlayer(playerId: string, at: Date): Promise<void>;
  markStarted(gameId: string, at: Date): Promise<void>;
  saveRound(gameId: string, round: ClosedRound): Promise<void>;
  finish(gameId: string, result: { at: Date; status: "finished" | "ended_early"; standings: Standing[] }): Promise<void>;
}

export interface RoomBroadcaster {
  /** One message to every player in the game. */
  toPlayers(gameId: string, view: PlayerRoomView): void;
  /** One player's own view. */
  toPlayer(playerId: string, view: PersonalView): void;
  /** A player was removed by the host. */
  playerRemoved(gameId: string, playerId: string, message: string): void;
  toHost(gameId: string, view: HostView): void;
  hostAnswers(gameId: string, update: AnswerCountUpdate): void;
}

/**
 * Where live game state is kept between phases. One in-process implementation for now; a shared
 * store (e.g. Redis) can replace it without touching the rules, since the state is plain data.
 */
export interface LiveGameStore {
  save(state: GameState): Promise<void>;
  load(gameId: string): Promise<GameState | null>;
  remove(gameId: string): Promise<void>;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}
