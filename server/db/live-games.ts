import { sql } from "drizzle-orm";
import type { Database } from "./client";
import { arrayLiteral } from "./array-literal";
import { liveGames } from "./schema";

/** One game's live state as JSON text; `questions` and `scores` only when they changed since the game's last save. */
export interface LiveGameRow {
  gameId: string;
  stateJson: string;
  questionsJson?: string;
  scoresJson?: string;
  savedAt: Date;
}

/**
 * Saves many games' live states in one statement (the snapshots of every game that changed phase
 * at about the same time). A game listed twice keeps its last state; a part left out keeps the
 * value stored before.
 */
export async function saveLiveGames(db: Database, rows: LiveGameRow[]): Promise<void> {
  // A game listed twice keeps its last state, and the last of each part that was given.
  const byGame = new Map<string, LiveGameRow>();
  for (const row of rows) byGame.set(row.gameId, { ...byGame.get(row.gameId), ...row });
  const latest = [...byGame.values()];
  if (latest.length === 0) return;
  // The parts of all games go as one JSON array, built from the JSON texts the callers made
  // (a big game's scores are hundreds of KB: not escaped again, not parsed and written again).
  const parts = latest.map((row) => `{"s":${row.stateJson}${row.questionsJson === undefined ? "" : `,"q":${row.questionsJson}`}${row.scoresJson === undefined ? "" : `,"p":${row.scoresJson}`}}`);
  // One statement text for any number of games (see array-literal.ts).
  await db.execute(sql`
    insert into ${liveGames} (game_id, state, questions, scores, saved_at)
    select game.id, part.value -> 's', part.value -> 'q', part.value -> 'p', game.saved_at
    from unnest(
      ${arrayLiteral(latest.map((row) => row.gameId))}::uuid[],
      ${arrayLiteral(latest.map((row) => row.savedAt.toISOString()))}::timestamptz[]
    ) with ordinality as game(id, saved_at, n)
    join jsonb_array_elements(${`[${parts.join(",")}]`}::jsonb) with ordinality as part(value, n) using (n)
    on conflict (game_id) do update set
      state = excluded.state,
      questions = coalesce(excluded.questions, ${liveGames}.questions),
      scores = coalesce(excluded.scores, ${liveGames}.scores),
      saved_at = excluded.saved_at`);
}

/**
 * Removes many games' live states in one statement: when a school's classes end together, 200
 * one-row deletes (each its own commit) compete for connections and commits with the answer
 * batches of the classes still playing.
 */
export async function deleteLiveGames(db: Database, gameIds: readonly string[]): Promise<void> {
  if (gameIds.length === 0) return;
  await db.execute(sql`delete from ${liveGames} where game_id = any(${arrayLiteral([...gameIds])}::uuid[])`);
}

export async function listLiveGames(db: Database): Promise<Array<{ gameId: string; state: unknown; questions: unknown; scores: unknown; savedAt: Date }>> {
  return db.select().from(liveGames);
}
