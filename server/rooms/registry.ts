import { randomInt } from "node:crypto";
import type { GameState } from "../engine";
import { GameRoom, type GameRoomDeps } from "./game-room";
import type { RoomDirectory } from "./room-directory";

/** The live rooms of this process, by game id and by room code. */
export class RoomRegistry implements RoomDirectory {
  /** Told when a game's room is closed for good (the cluster then frees its code and lease). */
  onClosed: ((room: GameRoom) => void) | null = null;
  private readonly byId = new Map<string, GameRoom>();
  private readonly byCode = new Map<string, GameRoom>();
  private readonly sweeper: ReturnType<typeof setInterval>;

  constructor(
    private readonly deps: GameRoomDeps,
    /** How long a finished game stays reachable so phones can still show their final rank. */
    private readonly finishedTtlMs: number,
  ) {
    this.sweeper = setInterval(() => this.closeExpired(), Math.min(60_000, Math.max(1_000, finishedTtlMs)));
    this.sweeper.unref();
  }

  /** A 6-digit code from a cryptographic source, unique among the live games. */
  allocateCode(): string {
    if (this.byCode.size >= 500_000) throw new Error("Too many live games on this server to hand out a new room code.");
    for (;;) {
      const code = randomInt(0, 1_000_000).toString().padStart(6, "0");
      if (!this.byCode.has(code)) return code;
    }
  }

  /** Opens the room of a new game and saves its live state, so it survives a restart from the lobby on. */
  async create(state: GameState, hostSecretHash: string): Promise<GameRoom> {
    const room = this.open(state, hostSecretHash);
    await this.deps.store.save(state);
    return room;
  }

  open(state: GameState, hostSecretHash: string): GameRoom {
    if (this.byCode.has(state.code)) throw new Error(`Room code ${state.code} is already in use.`);
    const room = new GameRoom(state, hostSecretHash, this.deps);
    this.byId.set(room.gameId, room);
    this.byCode.set(room.code, room);
    return room;
  }

  findByCode(code: string): GameRoom | undefined {
    return this.byCode.get(code);
  }

  findById(gameId: string): GameRoom | undefined {
    return this.byId.get(gameId);
  }

  rooms(): GameRoom[] {
    return [...this.byId.values()];
  }

  close(gameId: string): void {
    const room = this.byId.get(gameId);
    if (!room) return;
    room.dispose();
    this.byId.delete(gameId);
    if (this.byCode.get(room.code) === room) this.byCode.delete(room.code);
    void this.deps.store.remove(gameId);
    this.onClosed?.(room);
  }

  /** Stops a room without touching its saved state: another node now owns the game. */
  forget(gameId: string): void {
    const room = this.byId.get(gameId);
    if (!room) return;
    room.dispose();
    this.byId.delete(gameId);
    if (this.byCode.get(room.code) === room) this.byCode.delete(room.code);
  }

  async releaseFinished(gameId: string): Promise<"absent" | "playing" | "released"> {
    const room = this.byId.get(gameId);
    if (!room) return "absent";
    if (!room.isFinished) return "playing";
    await room.flush();
    this.close(gameId);
    return "released";
  }

  /**
   * Stores every room's pending writes and answers — retrying while the database is unreachable,
   * for at most `flushMs` — then stops all timers.
   */
  async shutdown(flushMs = 10_000): Promise<void> {
    clearInterval(this.sweeper);
    const deadline = Date.now() + flushMs;
    await Promise.all([...this.rooms().map((room) => room.drain(deadline)), this.deps.persistence.drain?.(deadline), this.deps.store.drain?.(deadline)]);
    for (const room of this.rooms()) room.dispose();
  }

  private closeExpired(): void {
    const now = Date.now();
    for (const room of this.rooms()) {
      const finishedAt = room.state.finishedAt;
      if (room.isFinished && finishedAt !== null && now - finishedAt >= this.finishedTtlMs) this.close(room.gameId);
    }
  }
}
