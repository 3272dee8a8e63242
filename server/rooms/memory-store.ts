import type { GameState } from "../engine";
import type { LiveGameStore } from "./ports";

/** Keeps a copy of each game's state as of its last phase change, in this process. */
export class InMemoryGameStore implements LiveGameStore {
  private readonly games = new Map<string, GameState>();

  async save(state: GameState): Promise<void> {
    this.games.set(state.gameId, structuredClone(state));
  }

  async load(gameId: string): Promise<GameState | null> {
    const state = this.games.get(gameId);
    return state ? structuredClone(state) : null;
  }

  async remove(gameId: string): Promise<void> {
    this.games.delete(gameId);
  }
}
