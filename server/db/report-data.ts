/** The raw rows of one game for its report (server/reports/build-report.ts), in four queries. */
import { and, eq } from "drizzle-orm";
import { givesPartialCredit, savedAnswerCredit } from "../engine/kinds";
import type { ReportSource } from "../reports/source";
import type { Database } from "./client";
import { isUuid } from "./quizzes";
import { answers, gameRounds, games, players, questions, quizVersions, quizzes } from "./schema";

/** Null when the game doesn't exist or belongs to another teacher (the two look the same). */
export async function loadReportSource(db: Database, gameId: string, ownerId: string): Promise<ReportSource | null> {
  if (!isUuid(gameId)) return null;
  const [game] = await db
    .select({
      id: games.id,
      code: games.code,
      status: games.status,
      quizId: quizzes.id,
      quizTitle: quizzes.title,
      createdAt: games.createdAt,
      startedAt: games.startedAt,
      finishedAt: games.finishedAt,
      options: games.options,
    })
    .from(games)
    .innerJoin(quizVersions, eq(quizVersions.id, games.quizVersionId))
    .innerJoin(quizzes, eq(quizzes.id, quizVersions.quizId))
    .where(and(eq(games.id, gameId), eq(games.ownerId, ownerId)));
  if (!game) return null;

  const [roundRows, playerRows, answerRows] = await Promise.all([
    db
      .select({
        roundIndex: gameRounds.roundIndex,
        questionId: gameRounds.questionId,
        openedAt: gameRounds.openedAt,
        closedAt: gameRounds.closedAt,
        eligiblePlayers: gameRounds.eligiblePlayers,
        optionOrder: gameRounds.optionOrder,
        kind: questions.kind,
        promptHtml: questions.promptHtml,
        options: questions.options,
        details: questions.details,
      })
      .from(gameRounds)
      .innerJoin(questions, eq(questions.id, gameRounds.questionId))
      .where(eq(gameRounds.gameId, gameId))
      .orderBy(gameRounds.roundIndex),
    db
      .select({ id: players.id, nickname: players.nickname, joinSeq: players.joinSeq, joinedAt: players.joinedAt, removedAt: players.removedAt, team: players.team, firstRound: players.firstRound })
      .from(players)
      .where(eq(players.gameId, gameId))
      .orderBy(players.joinSeq),
    db
      .select({
        playerId: answers.playerId,
        roundIndex: answers.roundIndex,
        choices: answers.choices,
        raw: answers.answer,
        correct: answers.correct,
        points: answers.points,
        streak: answers.streak,
        responseMs: answers.responseMs,
      })
      .from(answers)
      .where(eq(answers.gameId, gameId)),
  ]);

  const rounds = roundRows.map(({ kind, promptHtml, options, details, ...round }) => ({
    ...round,
    question: { kind, promptHtml, options: options.map((option) => ({ html: option.html, correct: option.correct })), details },
  }));
  const questionOf = new Map(rounds.map((round) => [round.roundIndex, round.question]));
  return {
    game,
    rounds,
    players: playerRows,
    // Partial credit (multi-select and ordering scored "partial", sliders) is marked again from the
    // saved answer, so the item analysis reads correctness rather than speed-weighted points.
    answers: answerRows.map((answer) => {
      const question = questionOf.get(answer.roundIndex);
      return question && givesPartialCredit(question) ? { ...answer, score: savedAnswerCredit(question, answer.choices, answer.raw) } : answer;
    }),
  };
}
