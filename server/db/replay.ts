import { and, count, eq } from "drizzle-orm";
import type { Database } from "./client";
import { countsForItsRound } from "./counted-answers";
import { isUuid } from "./quizzes";
import { answers, gameRounds, games, players, questions, type GameStatus } from "./schema";

export interface ReplayableGame {
  quizVersionId: string;
  status: GameStatus;
  options: Record<string, unknown>;
}

/** A game of this teacher, as needed to start it again; null when unknown or someone else's. */
export async function findReplayableGame(db: Database, gameId: string, ownerId: string): Promise<ReplayableGame | null> {
  if (!isUuid(gameId)) return null;
  const [row] = await db
    .select({ quizVersionId: games.quizVersionId, status: games.status, options: games.options })
    .from(games)
    .where(and(eq(games.id, gameId), eq(games.ownerId, ownerId)));
  return row ? { ...row, options: (row.options ?? {}) as Record<string, unknown> } : null;
}

export interface RoundCorrectness {
  questionId: string;
  /** Right answers over the players who could answer, as the report counts them. */
  percentCorrect: number;
}

/** Each scored round of a game (polls left out) with its % correct, in play order. */
export async function roundCorrectness(db: Database, gameId: string): Promise<RoundCorrectness[]> {
  const [rounds, right] = await Promise.all([
    db
      .select({ roundIndex: gameRounds.roundIndex, questionId: gameRounds.questionId, eligible: gameRounds.eligiblePlayers, kind: questions.kind })
      .from(gameRounds)
      .innerJoin(questions, eq(questions.id, gameRounds.questionId))
      .where(eq(gameRounds.gameId, gameId))
      .orderBy(gameRounds.roundIndex),
    db
      .select({ roundIndex: answers.roundIndex, correct: count(answers.id) })
      .from(answers)
      .innerJoin(gameRounds, and(eq(gameRounds.gameId, answers.gameId), eq(gameRounds.roundIndex, answers.roundIndex)))
      .innerJoin(players, eq(players.id, answers.playerId))
      .where(and(eq(answers.gameId, gameId), eq(answers.correct, true), countsForItsRound))
      .groupBy(answers.roundIndex),
  ]);
  const rightOf = new Map(right.map((row) => [row.roundIndex, row.correct]));
  return rounds
    .filter((round) => round.kind !== "poll" && round.eligible > 0)
    .map((round) => ({ questionId: round.questionId, percentCorrect: (100 * (rightOf.get(round.roundIndex) ?? 0)) / round.eligible }));
}
