import { eq, sql } from "drizzle-orm";
import type { Database } from "./client";
import { liveGames } from "./schema";

/** Saves (or replaces) a running game's live state. */
export async function saveLiveGame(db: Database, gameId: string, state: unknown, at: Date): Promise<void> {
  await db
    .insert(liveGames)
    .values({ gameId, state, savedAt: at })
    .onConflictDoUpdate({ target: liveGames.gameId, set: { state, savedAt: at } });
}

/**
 * Saves many games' live states in one statement (the snapshots of every game that changed phase
 * at about the same time). A game listed twice keeps its last state.
 */
export async function saveLiveGames(db: Database, rows: Array<{ gameId: string; state: unknown; savedAt: Date }>): Promise<void> {
  const latest = [...new Map(rows.map((row) => [row.gameId, row])).values()];
  if (latest.length === 0) return;
  await db
    .insert(liveGames)
    .values(latest)
    .onConflictDoUpdate({ target: liveGames.gameId, set: { state: sql`excluded.state`, savedAt: sql`excluded.saved_at` } });
}

export async function deleteLiveGame(db: Database, gameId: string): Promise<void> {
  await db.delete(liveGames).where(eq(liveGames.gameId, gameId));
}

export async function listLiveGames(db: Database): Promise<Array<{ gameId: string; state: unknown; savedAt: Date }>> {
  return db.select().from(liveGames);
}
