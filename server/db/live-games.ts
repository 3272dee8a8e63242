import { eq } from "drizzle-orm";
import type { Database } from "./client";
import { liveGames } from "./schema";

/** Saves (or replaces) a running game's live state. */
export async function saveLiveGame(db: Database, gameId: string, state: unknown, at: Date): Promise<void> {
  await db
    .insert(liveGames)
    .values({ gameId, state, savedAt: at })
    .onConflictDoUpdate({ target: liveGames.gameId, set: { state, savedAt: at } });
}

export async function deleteLiveGame(db: Database, gameId: string): Promise<void> {
  await db.delete(liveGames).where(eq(liveGames.gameId, gameId));
}

export async function listLiveGames(db: Database): Promise<Array<{ gameId: string; state: unknown; savedAt: Date }>> {
  return db.select().from(liveGames);
}
