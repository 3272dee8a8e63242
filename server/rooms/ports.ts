/** What a game room needs from the outside world: saving results and talking to sockets. */
import type { AnswerCountUpdate, HostView, PersonalView, PlayerRoomView } from "../../src/protocol";
import type { ClosedRound, FinishStatus, GameState, SavedAnswer, Standing } from "../engine";

export interface GamePersistence {
  addPlayer(player: { id: string; gameId: string; nickname: string; joinedAt: Date; joinSeq: number; tokenHash: string; team?: number; firstRound?: number; deviceHash?: string }): Promise<void>;
  /** Team mode: the players' teams (picked in the lobby, or made at the start). Optional: a game without teams never calls it. */
  setPlayerTeams?(gameId: string, rows: ReadonlyArray<{ playerId: string; team: number }>): Promise<void>;
  /** A new device took the player over; only the new token works from now on (`deviceHash`: the player's device now, if known). */
  setPlayerToken(playerId: string, tokenHash: string, deviceHash?: string): Promise<void>;
  removePlayer(playerId: string, at: Date): Promise<void>;
  /** Takes back a join whose acknowledgement never reached the phone: the player row is deleted. */
  withdrawPlayer(playerId: string): Promise<void>;
  /** The host undid a removal. */
  readmitPlayer(playerId: string): Promise<void>;
  markStarted(gameId: string, at: Date): Promise<void>;
  /**
   * Resolves once the answer is durable (answers arriving together are committed together). While
   * the database is unreachable it keeps trying and does not settle; it rejects only when the
   * database refuses the answer itself, or when a shutdown's deadline passed.
   */
  saveAnswer(gameId: string, roundIndex: number, questionId: string, answer: SavedAnswer): Promise<void>;
  /** The round row, plus `round.answers`: only the answers that saveAnswer did NOT store. */
  saveRound(gameId: string, round: ClosedRound): Promise<void>;
  finish(gameId: string, result: { at: Date; status: FinishStatus; standings: Standing[] }): Promise<void>;
  /** At shutdown: store what is still queued, trying until `deadline` (epoch ms). */
  drain?(deadline: number): Promise<void>;
}

export interface RoomBroadcaster {
  /** One message to every player in the game, or only to `playerIds` (one slice of a big game). */
  toPlayers(gameId: string, view: PlayerRoomView, playerIds?: readonly string[]): void;
  /** A phase's message to one player whose phase has a view of their own: the room's view and theirs together. */
  toPlayer(gameId: string, playerId: string, room: PlayerRoomView, you: PersonalView): void;
  /** A player was removed by the host. */
  playerRemoved(gameId: string, playerId: string, message: string): void;
  toHost(gameId: string, view: HostView): void;
  hostAnswers(gameId: string, update: AnswerCountUpdate): void;
}

/**
 * Where each game's live state is kept between phases: plain data, saved at every phase change,
 * so a restarted server resumes every game. The rules never see it.
 */
export interface LiveGameStore {
  /**
   * `inLaterTurn` runs a part of the save in a later turn of the event loop (fan-out-turns.ts), so
   * a big game's snapshot is not built all at once.
   */
  save(state: GameState, inLaterTurn?: <T>(work: () => T) => Promise<T>): Promise<void>;
  remove(gameId: string): Promise<void>;
  /** Every saved game, for resuming after a restart. */
  list(): Promise<GameState[]>;
  /** At shutdown: stop retrying saves that are still failing at `deadline` (epoch ms). */
  drain?(deadline: number): Promise<void>;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}
