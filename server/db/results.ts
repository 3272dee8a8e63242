import { and, asc, count, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { QuestionKind } from "../../src/quizdown/types";
import type { Database } from "./client";
import { isUuid } from "./quizzes";
import { answers, gameRounds, games, players, questions, quizVersions, quizzes, type GameStatus } from "./schema";

export interface GameResultsPlayer {
  playerId: string;
  nickname: string;
  /** 1..n, no shared ranks: ties on score are broken by lower total response time of correct answers, then join order. */
  rank: number;
  /** Sum of points over the player's answers. */
  score: number;
  correctCount: number;
  answeredCount: number;
  /** Sum of response_ms over correct answers (the first tie-breaker). */
  correctResponseMs: number;
  joinSeq: number;
}

export interface GameResultsOption {
  /** Original index of the option in the question (options are listed in original order). */
  index: number;
  html: string;
  correct: boolean;
  /** How many counted answers chose this option. */
  picked: number;
}

export interface GameResultsRound {
  roundIndex: number;
  questionId: string;
  promptHtml: string;
  kind: QuestionKind;
  /** displayed index -> original option index, as shown in that round. */
  optionOrder: number[];
  options: GameResultsOption[];
  /** Answers counted for this round (players not removed before the round closed). */
  answered: number;
  correctCount: number;
  /** Players in the game when the round closed. */
  eligible: number;
  /** 100 * correctCount / eligible, rounded to an integer; 0 when eligible is 0. */
  percentCorrect: number;
}

export interface GameResults {
  game: {
    id: string;
    code: string;
    status: GameStatus;
    quizVersionId: string;
    quizTitle: string;
    /** The teacher who hosted it. */
    ownerId: string | null;
    createdAt: Date;
    startedAt: Date | null;
    finishedAt: Date | null;
  };
  /** Every non-removed player, best first (computed from the answers, not from final_score). */
  ranking: GameResultsPlayer[];
  /** Saved rounds in round order. */
  rounds: GameResultsRound[];
}

/** Results of a game computed in SQL from its rounds and answers; null when the game doesn't exist. */
export async function getGameResults(db: Database, gameId: string): Promise<GameResults | null> {
  if (!isUuid(gameId)) return null;
  const [game] = await db
    .select({
      id: games.id,
      code: games.code,
      status: games.status,
      quizVersionId: games.quizVersionId,
      quizTitle: quizzes.title,
      ownerId: games.ownerId,
      createdAt: games.createdAt,
      startedAt: games.startedAt,
      finishedAt: games.finishedAt,
    })
    .from(games)
    .innerJoin(quizVersions, eq(quizVersions.id, games.quizVersionId))
    .innerJoin(quizzes, eq(quizzes.id, quizVersions.quizId))
    .where(eq(games.id, gameId));
  if (!game) return null;

  const [ranking, rounds, picks] = await Promise.all([
    rankingQuery(db, gameId),
    roundsQuery(db, gameId),
    picksQuery(db, gameId),
  ]);

  const pickCount = new Map<string, number>();
  for (const p of picks) pickCount.set(`${p.roundIndex}:${p.choice}`, p.picked);

  return {
    game,
    ranking,
    rounds: rounds.map((r) => ({
      roundIndex: r.roundIndex,
      questionId: r.questionId,
      promptHtml: r.promptHtml,
      kind: r.kind,
      optionOrder: r.optionOrder,
      options: r.options.map((o, index) => ({
        index,
        html: o.html,
        correct: o.correct,
        picked: pickCount.get(`${r.roundIndex}:${index}`) ?? 0,
      })),
      answered: r.answered,
      correctCount: r.correctCount,
      eligible: r.eligible,
      percentCorrect: r.eligible > 0 ? Math.round((100 * r.correctCount) / r.eligible) : 0,
    })),
  };
}

function rankingQuery(db: Database, gameId: string) {
  const score = sql`coalesce(sum(${answers.points}), 0)`;
  const correctMs = sql`coalesce(sum(${answers.responseMs}) filter (where ${answers.correct}), 0)`;
  const rank = sql<number>`row_number() over (order by ${score} desc, ${correctMs} asc, ${players.joinSeq} asc, ${players.id} asc)`.mapWith(Number);
  return db
    .select({
      playerId: players.id,
      nickname: players.nickname,
      rank,
      score: score.mapWith(Number),
      correctCount: sql<number>`count(${answers.id}) filter (where ${answers.correct})`.mapWith(Number),
      answeredCount: count(answers.id),
      correctResponseMs: correctMs.mapWith(Number),
      joinSeq: players.joinSeq,
    })
    .from(players)
    .leftJoin(answers, and(eq(answers.playerId, players.id), eq(answers.gameId, players.gameId)))
    .where(and(eq(players.gameId, gameId), isNull(players.removedAt)))
    .groupBy(players.id)
    .orderBy(rank);
}

/**
 * The answers that count for round statistics: those of players who had not been removed when
 * the round closed (matching how `eligible_players` is counted).
 */
function countedAnswers(db: Database, gameId: string) {
  return db
    .select({
      id: answers.id,
      roundIndex: answers.roundIndex,
      correct: answers.correct,
      choices: answers.choices,
    })
    .from(answers)
    .innerJoin(gameRounds, and(eq(gameRounds.gameId, answers.gameId), eq(gameRounds.roundIndex, answers.roundIndex)))
    .innerJoin(players, eq(players.id, answers.playerId))
    .where(and(eq(answers.gameId, gameId), or(isNull(players.removedAt), gt(players.removedAt, gameRounds.closedAt))));
}

function roundsQuery(db: Database, gameId: string) {
  const counted = countedAnswers(db, gameId).as("counted");
  const stats = db
    .select({
      roundIndex: counted.roundIndex,
      answered: count().as("answered"),
      correctCount: sql<number>`count(*) filter (where ${counted.correct})`.as("correct_count"),
    })
    .from(counted)
    .groupBy(counted.roundIndex)
    .as("stats");
  return db
    .select({
      roundIndex: gameRounds.roundIndex,
      questionId: gameRounds.questionId,
      promptHtml: questions.promptHtml,
      kind: questions.kind,
      options: questions.options,
      optionOrder: gameRounds.optionOrder,
      eligible: gameRounds.eligiblePlayers,
      answered: sql<number>`coalesce(${stats.answered}, 0)`.mapWith(Number),
      correctCount: sql<number>`coalesce(${stats.correctCount}, 0)`.mapWith(Number),
    })
    .from(gameRounds)
    .innerJoin(questions, eq(questions.id, gameRounds.questionId))
    .leftJoin(stats, eq(stats.roundIndex, gameRounds.roundIndex))
    .where(eq(gameRounds.gameId, gameId))
    .orderBy(asc(gameRounds.roundIndex));
}

function picksQuery(db: Database, gameId: string) {
  const counted = countedAnswers(db, gameId).as("counted");
  const chosen = db
    .select({
      roundIndex: sql<number>`${counted.roundIndex}`.as("round_index"),
      choice: sql<number>`unnest(${counted.choices})`.as("choice"),
    })
    .from(counted)
    .as("chosen");
  return db
    .select({ roundIndex: chosen.roundIndex, choice: chosen.choice, picked: count() })
    .from(chosen)
    .groupBy(chosen.roundIndex, chosen.choice);
}
