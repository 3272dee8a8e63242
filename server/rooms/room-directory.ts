/**
 * What the socket handlers and tRPC need from "the live games": on one process that is the
 * RoomRegistry and its GameRooms; with REDIS_URL it is the cluster registry, whose rooms may be
 * local or a handle forwarding to the node that owns the game (server/cluster/).
 */
import type { Ack, AnswerAck, AnswerRequest, HostActionAck, HostView, JoinAck, PickTeamAck, ResumeAck } from "../../src/protocol";
import type { GameState } from "../engine";

type MaybePromise<T> = T | Promise<T>;

/** One live game as seen by a handler; a GameRoom is one, so is a forwarding handle. */
export interface RoomHandle {
  readonly gameId: string;
  readonly code: string;
  readonly hostSecretHash: string;
  /** Known for a room on this node; a forwarding handle leaves it out (the database's status tells). */
  readonly isFinished?: boolean;
  join(nickname: string, socketId: string, ids?: { joinId?: string; deviceId?: string }): Promise<JoinAck>;
  /** Whether a join's acknowledgement went out on a live connection (one that didn't is taken back later). */
  joinAnswered(joinId: string, delivered: boolean): void;
  resume(playerId: string, playerToken: string, socketId: string): Promise<ResumeAck & { replacedSocketId?: string }>;
  answer(playerId: string, request: AnswerRequest): Promise<AnswerAck>;
  /** Team mode, pick in the lobby: the player joins (or moves to) a team. */
  pickTeam(playerId: string, team: number): Promise<PickTeamAck>;
  socketClosed(playerId: string, socketId: string): void;
  hostAttached(socketId: string): MaybePromise<void>;
  hostDetached(socketId: string): void;
  hostSnapshot(): MaybePromise<HostView>;
  start(): Promise<HostActionAck>;
  next(): Promise<HostActionAck>;
  skip(): Promise<HostActionAck>;
  end(): Promise<HostActionAck>;
  pause(): Promise<HostActionAck>;
  resumeClock(): Promise<HostActionAck>;
  lock(locked: boolean): Promise<HostActionAck>;
  allowTakeover(playerId: string): Promise<HostActionAck>;
  removePlayer(playerId: string): Promise<HostActionAck>;
  readmitPlayer(playerId: string): Promise<HostActionAck>;
  /** After the podium: invite this game's players to the host's next game (its code). */
  offerNextGame(code: string): Promise<HostActionAck>;
  /** The next game's code and the player's nickname there, or why the player can't follow. */
  nextGameFor(playerId: string): MaybePromise<NextGameAck>;
}

export type NextGameAck = Ack<{ code: string; nickname: string }>;

export interface RoomDirectory {
  /** A 6-digit room code no other live game uses (cluster-wide with REDIS_URL). */
  allocateCode(): MaybePromise<string>;
  /** Opens the room of a new game on this process (its owner) and saves its live state. */
  create(state: GameState, hostSecretHash: string): Promise<unknown>;
  findByCode(code: string): MaybePromise<RoomHandle | undefined>;
  findById(gameId: string): MaybePromise<RoomHandle | undefined>;
  /**
   * For deleting a game's results: "absent" when no room is open, "playing" when it still runs,
   * "released" when its finished room was closed once its last writes were saved.
   */
  releaseFinished(gameId: string): Promise<"absent" | "playing" | "released">;
}
