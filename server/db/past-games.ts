/** The Past games page: the teacher's games, newest first, with their averages computed in SQL. */
import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { statusLabel } from "../reports/status-label";
import type { PastGameRow } from "../reports/types";
import type { Database } from "./client";
import { isUuid } from "./quizzes";
import { answers, gameRounds, games, players, questions, quizVersions, quizzes } from "./schema";

export interface PastGamesQuery {
  ownerId: string;
  /** Only games of this quiz (any version). */
  quizId?: string;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface PastGamesPage {
  games: PastGameRow[];
  /** Games matching the filter, on all pages. */
  total: number;
  page: number;
  pageSize: number;
}

export async function listPastGames(db: Database, query: PastGamesQuery): Promise<PastGamesPage> {
  const { page, pageSize } = query;
  if (query.quizId !== undefined && !isUuid(query.quizId)) return { games: [], total: 0, page, pageSize };
  const filter = and(eq(games.ownerId, query.ownerId), query.quizId === undefined ? undefined : eq(quizVersions.quizId, query.quizId));
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    pageRows(db, filter, page, pageSize),
    db.select({ total: count() }).from(games).innerJoin(quizVersions, eq(quizVersions.id, games.quizVersionId)).where(filter),
  ]);
  return { games: rows.map((row) => ({ ...row, statusLabel: statusLabel(row.status) })), total, page, pageSize };
}

/**
 * One query: the page of games (the owner/created index finds them in order), joined back to
 * "games" for its totals, so the correlated subqueries run only for the rows of this page.
 */
function pageRows(db: Database, filter: SQL | undefined, page: number, pageSize: number) {
  const pageGames = db
    .select({
      gameId: sql<string>`${games.id}`.as("game_id"),
      quizId: sql<string>`${quizzes.id}`.as("quiz_id"),
      quizTitle: sql<string>`${quizzes.title}`.as("quiz_title"),
    })
    .from(games)
    .innerJoin(quizVersions, eq(quizVersions.id, games.quizVersionId))
    .innerJoin(quizzes, eq(quizzes.id, quizVersions.quizId))
    .where(filter)
    .orderBy(desc(games.createdAt), desc(games.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .as("page_games");

  // Aliased inner tables keep the subqueries' columns apart from the outer "games" row.
  const p = alias(players, "p");
  const r = alias(gameRounds, "r");
  const a = alias(answers, "a");
  const [pFrom, rFrom, aFrom] = [sql`${players} p`, sql`${gameRounds} r`, sql`${answers} a`];
  const playerCount = sql`(select count(*) from ${pFrom} where ${p.gameId} = ${games.id} and ${p.removedAt} is null)`;
  // Polls have no right answer: left out of "% correct", as in the report.
  const eligibleTotal = sql`(select coalesce(sum(${r.eligiblePlayers}), 0) from ${rFrom} where ${r.gameId} = ${games.id}
    and not exists (select 1 from ${questions} where ${questions.id} = ${r.questionId} and ${questions.kind} = 'poll'))`;
  const answersOfSavedRounds = sql`${aFrom}
    join ${rFrom} on ${r.gameId} = ${a.gameId} and ${r.roundIndex} = ${a.roundIndex}
    join ${pFrom} on ${p.id} = ${a.playerId}`;
  // Like the report: points of saved rounds, of players still in the game.
  const scoreTotal = sql`(select coalesce(sum(${a.points}), 0) from ${answersOfSavedRounds} where ${a.gameId} = ${games.id} and ${p.removedAt} is null)`;
  // Counted answers: players not removed before the round closed (as eligible_players is counted).
  const correctTotal = sql`(select count(*) from ${answersOfSavedRounds}
    where ${a.gameId} = ${games.id} and ${a.correct} and (${p.removedAt} is null or ${p.removedAt} > ${r.closedAt}))`;

  return db
    .select({
      id: games.id,
      createdAt: games.createdAt,
      quizId: pageGames.quizId,
      quizTitle: pageGames.quizTitle,
      status: games.status,
      playerCount: playerCount.mapWith(Number),
      questionCount: sql`(select count(*) from ${rFrom} where ${r.gameId} = ${games.id})`.mapWith(Number),
      averageScore: sql`coalesce(round(${scoreTotal}::numeric / nullif(${playerCount}, 0), 1), 0)`.mapWith(Number),
      percentCorrect: sql`coalesce(round(100 * ${correctTotal}::numeric / nullif(${eligibleTotal}, 0)), 0)`.mapWith(Number),
    })
    .from(pageGames)
    .innerJoin(games, eq(games.id, pageGames.gameId))
    .orderBy(desc(games.createdAt), desc(games.id));
}

export interface PastGameQuiz {
  quizId: string;
  title: string;
  gameCount: number;
}

/** The teacher's quizzes that have at least one game, by title: the choices of the quiz filter. */
export async function listPastGameQuizzes(db: Database, ownerId: string): Promise<PastGameQuiz[]> {
  return db
    .select({ quizId: quizzes.id, title: quizzes.title, gameCount: count(games.id) })
    .from(games)
    .innerJoin(quizVersions, eq(quizVersions.id, games.quizVersionId))
    .innerJoin(quizzes, eq(quizzes.id, quizVersions.quizId))
    .where(eq(games.ownerId, ownerId))
    .groupBy(quizzes.id, quizzes.title)
    .orderBy(quizzes.title, quizzes.id);
}

/** Whether the game exists and was hosted by this teacher. */
export async function isGameOwnedBy(db: Database, gameId: string, ownerId: string): Promise<boolean> {
  if (!isUuid(gameId)) return false;
  const [row] = await db.select({ id: games.id }).from(games).where(and(eq(games.id, gameId), eq(games.ownerId, ownerId)));
  return row !== undefined;
}
