import { deleteLiveGame, listLiveGames, saveLiveGames, type Database } from "../db";
import type { GameState } from "../engine";
import { GroupCommit } from "./group-commit";
import type { LiveGameStore, Logger } from "./ports";
import { packGameState, unpackGameState, type PackedGameState } from "./snapshot";

/** Keeps live game state in the database (table live_games), so games survive a restart. */
export function databaseGameStore(db: Database, clock: () => number = Date.now, log?: Logger): LiveGameStore {
  // Snapshots of all games that change phase at about the same time share one statement (retried
  // until the database is back, like every write).
  const snapshots = new GroupCommit<{ gameId: string; state: unknown; savedAt: Date }>((rows) => saveLiveGames(db, rows), { log, label: "live state" });
  return {
    async save(state) {
      // A finished game has nothing left to resume: its results are in the result tables.
      if (state.phase === "podium" || state.phase === "finished") return deleteLiveGame(db, state.gameId);
      await snapshots.add({ gameId: state.gameId, state: packGameState(state), savedAt: new Date(clock()) });
    },
    remove: (gameId) => deleteLiveGame(db, gameId),
    drain: (deadline) => snapshots.drain(deadline),
    async list() {
      // Snapshots saved before late join became a host option have no `lateJoin`: it was always on.
      return (await listLiveGames(db)).map((row) => {
        const state = unpackGameState(row.state as PackedGameState | GameState);
        return { ...state, lateJoin: state.lateJoin ?? true };
      });
    },
  };
}
