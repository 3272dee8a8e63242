import { and, count, eq, isNotNull, max, ne, or, gt, isNull, sum } from "drizzle-orm";
import type { Database } from "./client";
import { answers, gameRounds, games, players, questions, quizVersions } from "./schema";

/** How a quiz went in this teacher's games (any version of it), for the library. */
export interface QuizPlayStats {
  gamesPlayed: number;
  lastPlayedAt: Date;
  /** Right answers of all its games over the players who could answer, as in the report; null with no scored question yet. */
  percentCorrect: number | null;
}

/** The teacher's started games of each quiz: when it was last played and its class-wide % correct. */
export async function libraryPlayStats(db: Database, teacherId: string): Promise<Map<string, QuizPlayStats>> {
  const played = and(eq(games.ownerId, teacherId), isNotNull(games.startedAt));
  // Polls have no right answer: left out of "% correct", as in the report and the past games list.
  const scored = ne(questions.kind, "poll");
  const [lastPlayed, eligible, right] = await Promise.all([
    db
      .select({ quizId: quizVersions.quizId, gamesPlayed: count(games.id), lastPlayedAt: max(games.startedAt) })
      .from(games)
      .innerJoin(quizVersions, eq(quizVersions.id, games.quizVersionId))
      .where(played)
      .groupBy(quizVersions.quizId),
    db
      .select({ quizId: quizVersions.quizId, eligible: sum(gameRounds.eligiblePlayers).mapWith(Number) })
      .from(gameRounds)
      .innerJoin(games, eq(games.id, gameRounds.gameId))
      .innerJoin(quizVersions, eq(quizVersions.id, games.quizVersionId))
      .innerJoin(questions, eq(questions.id, gameRounds.questionId))
      .where(and(played, scored))
      .groupBy(quizVersions.quizId),
    db
      .select({ quizId: quizVersions.quizId, correct: count(answers.id) })
      .from(answers)
      .innerJoin(gameRounds, and(eq(gameRounds.gameId, answers.gameId), eq(gameRounds.roundIndex, answers.roundIndex)))
      .innerJoin(players, eq(players.id, answers.playerId))
      .innerJoin(games, eq(games.id, answers.gameId))
      .innerJoin(quizVersions, eq(quizVersions.id, games.quizVersionId))
      .innerJoin(questions, eq(questions.id, gameRounds.questionId))
      // Counted like eligible_players: answers of players not removed before the round closed.
      .where(and(played, scored, eq(answers.correct, true), or(isNull(players.removedAt), gt(players.removedAt, gameRounds.closedAt))))
      .groupBy(quizVersions.quizId),
  ]);
  const eligibleOf = new Map(eligible.map((row) => [row.quizId, row.eligible]));
  const rightOf = new Map(right.map((row) => [row.quizId, row.correct]));
  const stats = new Map<string, QuizPlayStats>();
  for (const { quizId, gamesPlayed, lastPlayedAt } of lastPlayed) {
    if (!lastPlayedAt) continue;
    const could = eligibleOf.get(quizId) ?? 0;
    stats.set(quizId, {
      gamesPlayed,
      lastPlayedAt,
      percentCorrect: could > 0 ? Math.round((100 * (rightOf.get(quizId) ?? 0)) / could) : null,
    });
  }
  return stats;
}
