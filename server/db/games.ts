import { eq, isNull, sql } from "drizzle-orm";
import { arrayLiteral } from "./array-literal";
import type { Database } from "./client";
import { isUuid } from "./quizzes";
import { games, teachers, type GameStatus } from "./schema";

export interface CreateGameInput {
  id: string;
  quizVersionId: string;
  /** 6-digit join code. */
  code: string;
  hostSecretHash: string;
  createdAt: Date;
  /** The teacher hosting it. */
  ownerId: string;
  /** The host options chosen for it. */
  options?: Record<string, unknown>;
}

/** Inserts a game in the `lobby` status. */
export async function createGame(db: Database, input: CreateGameInput): Promise<void> {
  await db.insert(games).values({
    id: input.id,
    quizVersionId: input.quizVersionId,
    code: input.code,
    hostSecretHash: input.hostSecretHash,
    ownerId: input.ownerId,
    options: input.options ?? {},
    status: "lobby",
    createdAt: input.createdAt,
  });
}

/** Sets status `running` and `started_at`. */
export async function markGameStarted(db: Database, id: string, at: Date): Promise<void> {
  await markGamesStarted(db, [{ gameId: id, at }]);
}

/**
 * `markGameStarted` for many games in one statement: when a school's classes start together, 200
 * one-row updates (each its own commit) would hold the connections every answer's batch waits for.
 */
export async function markGamesStarted(db: Database, starts: ReadonlyArray<{ gameId: string; at: Date }>): Promise<void> {
  if (starts.length === 0) return;
  await db.execute(sql`
    update ${games} as g set status = 'running', started_at = s.at
      from unnest(${arrayLiteral(starts.map((s) => s.gameId))}::uuid[], ${arrayLiteral(starts.map((s) => s.at.toISOString()))}::timestamptz[]) as s(id, at)
     where g.id = s.id`);
}

export interface FinishGameInput {
  at: Date;
  status: "finished" | "ended_early" | "host_left";
  /** Final score and rank per player; any number of rows (written in one statement). */
  standings: Array<{ playerId: string; score: number; rank: number }>;
}

/**
 * Sets the final status and `finished_at`, and every listed player's final score/rank, in one
 * transaction. The standings go to the database as ONE jsonb parameter (no per-row round trip).
 */
export async function finishGame(db: Database, id: string, input: FinishGameInput): Promise<void> {
  await finishGames(db, [{ gameId: id, ...input }]);
}

/** One game's end, as `finishGames` takes it. */
export type GameEnd = FinishGameInput & { gameId: string };

/**
 * `finishGame` for many games in one statement, however many games and players: the games' rows and
 * their players' standings change together (a statement is atomic), in one round trip. As a
 * transaction of two statements it held a connection for four round trips, each waiting its turn
 * on an event loop busy with the classes still answering.
 */
export async function finishGames(db: Database, inputs: ReadonlyArray<GameEnd>): Promise<void> {
  if (inputs.length === 0) return;
  const column = (pick: (input: GameEnd) => string) => arrayLiteral(inputs.map(pick));
  const standings = inputs.flatMap((input) =>
    input.standings.map((s) => ({ player_id: s.playerId, game_id: input.gameId, score: s.score, rank: s.rank })),
  );
  // A data-modifying WITH runs to completion whether or not the statement reads its rows.
  // `::text::jsonb`: the parameter is sent as text on both drivers (no driver-side json encoding).
  await db.execute(sql`
    with finished as (
      update ${games} as g set status = f.status, finished_at = f.at
        from unnest(${column((f) => f.gameId)}::uuid[], ${column((f) => f.status)}::text[], ${column((f) => f.at.toISOString())}::timestamptz[]) as f(id, status, at)
       where g.id = f.id
      returning g.id
    )
    update players as p
       set final_score = s.score, final_rank = s.rank
      from jsonb_to_recordset(${JSON.stringify(standings)}::text::jsonb) as s(player_id uuid, game_id uuid, score int, rank int)
     where p.id = s.player_id and p.game_id = s.game_id`);
}

export interface GameAuth {
  id: string;
  code: string;
  status: GameStatus;
  hostSecretHash: string;
  quizVersionId: string;
}

export async function getGameAuth(db: Database, id: string): Promise<GameAuth | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      id: games.id,
      code: games.code,
      status: games.status,
      hostSecretHash: games.hostSecretHash,
      quizVersionId: games.quizVersionId,
    })
    .from(games)
    .where(eq(games.id, id));
  return row ?? null;
}

/** Deletes a game; its players, rounds and answers go with it (ON DELETE CASCADE). */
export async function deleteGame(db: Database, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const deleted = await db.delete(games).where(eq(games.id, id)).returning({ id: games.id });
  return deleted.length > 0;
}

/** Gives games saved before accounts existed to the first teacher (a no-op once a second teacher exists). */
export async function claimOwnerlessGames(db: Database, teacherId: string): Promise<void> {
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(teachers);
  if (n !== 1) return;
  await db.update(games).set({ ownerId: teacherId }).where(isNull(games.ownerId));
}
