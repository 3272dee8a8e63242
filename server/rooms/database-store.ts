import { deleteLiveGame, listLiveGames, saveLiveGame, type Database } from "../db";
import type { GameState } from "../engine";
import type { LiveGameStore } from "./ports";
import { packGameState, unpackGameState, type PackedGameState } from "./snapshot";

/** Keeps live game state in the database (table live_games), so games survive a restart. */
export function databaseGameStore(db: Database, clock: () => number = Date.now): LiveGameStore {
  return {
    async save(state) {
      // A finished game has nothing left to resume: its results are in the result tables.
      if (state.phase === "podium" || state.phase === "finished") return deleteLiveGame(db, state.gameId);
      await saveLiveGame(db, state.gameId, packGameState(state), new Date(clock()));
    },
    remove: (gameId) => deleteLiveGame(db, gameId),
    async list() {
      // Snapshots saved before late join became a host option have no `lateJoin`: it was always on.
      return (await listLiveGames(db)).map((row) => {
        const state = unpackGameState(row.state as PackedGameState | GameState);
        return { ...state, lateJoin: state.lateJoin ?? true };
      });
    },
  };
}
