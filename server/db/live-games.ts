import { eq, sql } from "drizzle-orm";
import type { Database } from "./client";
import { arrayLiteral } from "./array-literal";
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
  // One statement text for any number of games (see array-literal.ts). The states go as one JSON
  // array (a big game's state is hundreds of KB: no array-literal escaping of it).
  await db.execute(sql`
    insert into ${liveGames} (game_id, state, saved_at)
    select game.id, state.value, game.saved_at
    from unnest(
      ${arrayLiteral(latest.map((row) => row.gameId))}::uuid[],
      ${arrayLiteral(latest.map((row) => row.savedAt.toISOString()))}::timestamptz[]
    ) with ordinality as game(id, saved_at, n)
    join jsonb_array_elements(${JSON.stringify(latest.map((row) => row.state))}::jsonb) with ordinality as state(value, n) using (n)
    on conflict (game_id) do update set state = excluded.state, saved_at = excluded.saved_at`);
}

export async function deleteLiveGame(db: Database, gameId: string): Promise<void> {
  await db.delete(liveGames).where(eq(liveGames.gameId, gameId));
}

export async function listLiveGames(db: Database): Promise<Array<{ gameId: string; state: unknown; savedAt: Date }>> {
  return db.select().from(liveGames);
}
