import type { GameState } from "../engine";
import type { LiveGameStore } from "./ports";

/** Keeps a copy of each game's state as of its last phase change, in this process (tests, benchmarks). */
export class InMemoryGameStore implements LiveGameStore {
  private readonly games = new Map<string, GameState>();

  async save(state: GameState): Promise<void> {
    this.games.set(state.gameId, structuredClone(state));
  }

  async remove(gameId: string): Promise<void> {
    this.games.delete(gameId);
  }

  async list(): Promise<GameState[]> {
    return [...this.games.values()].map((state) => structuredClone(state));
  }
}
