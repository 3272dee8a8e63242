/** A teacher assigns a quiz as homework: the game row, its questions (picked and shuffled once) and a code. */
import { randomInt, randomUUID } from "node:crypto";
import { createGame as newGameState } from "../engine";
import type { HomeworkSettings } from "../engine/homework";
import { loadQuizVersion, type Database } from "../db";
import { insertHomework, isHomeworkCodeTaken } from "../db/homework";
import { GameSetupError } from "../games/create-live-game";
import { hashSecret, newSecret } from "../games/secrets";

export interface HomeworkOptions {
  opensAt: number;
  closesAt: number;
  timeLimitSec: number | null;
  attempts: number;
  showAnswers: HomeworkSettings["showAnswers"];
  identifierLabel: string | null;
  pointsForSpeed?: boolean;
  shuffleQuestions?: boolean;
  shuffleAnswers?: boolean;
}

export interface HomeworkTicket {
  gameId: string;
  code: string;
}

async function freeCode(db: Database): Promise<string> {
  for (;;) {
    const code = randomInt(0, 100_000_000).toString().padStart(8, "0");
    if (!(await isHomeworkCodeTaken(db, code))) return code;
  }
}

export async function assignHomework(
  deps: { db: Database; random?: () => number; now?: () => number },
  assignment: { quizVersionId: string; ownerId: string },
  options: HomeworkOptions,
): Promise<HomeworkTicket> {
  const now = (deps.now ?? Date.now)();
  if (options.closesAt <= options.opensAt) throw new GameSetupError("The homework must close after it opens.");
  if (options.closesAt <= now) throw new GameSetupError("The closing time has already passed. Pick a time in the future.");
  const quiz = await loadQuizVersion(deps.db, assignment.quizVersionId);
  const assignable = quiz && quiz.deletedAt === null && (quiz.ownerId === null || quiz.ownerId === assignment.ownerId);
  if (!quiz || !assignable) throw new GameSetupError("That quiz doesn't exist (any more). Reload the list and pick again.", true);
  if (quiz.questions.every((question) => question.unplayableReason !== undefined)) {
    throw new GameSetupError(`“${quiz.title}” has no questions that can be played.`);
  }
  const gameId = randomUUID();
  const code = await freeCode(deps.db);
  const state = newGameState({
    gameId,
    code,
    quizTitle: quiz.title,
    settings: {
      ...quiz.settings,
      ...(options.shuffleQuestions !== undefined ? { shuffleQuestions: options.shuffleQuestions } : {}),
      ...(options.shuffleAnswers !== undefined ? { shuffleAnswers: options.shuffleAnswers } : {}),
    },
    questions: quiz.questions,
    now,
    random: deps.random ?? Math.random,
  });
  const settings: HomeworkSettings = {
    opensAt: options.opensAt,
    closesAt: options.closesAt,
    timeLimitSec: options.timeLimitSec,
    attempts: options.attempts,
    showAnswers: options.showAnswers,
    identifierLabel: options.identifierLabel,
    pointsForSpeed: options.pointsForSpeed ?? true,
  };
  const opensAt = new Date(options.opensAt);
  const closesAt = new Date(options.closesAt);
  await insertHomework(deps.db, {
    // Nobody hosts a homework: the host secret is made and thrown away.
    game: {
      id: gameId,
      quizVersionId: assignment.quizVersionId,
      code,
      hostSecretHash: hashSecret(newSecret()),
      ownerId: assignment.ownerId,
      options: { mode: "homework", ...settings },
      status: "running",
      createdAt: new Date(now),
      startedAt: opensAt,
    },
    homework: { gameId, code, opensAt, closesAt, settings: { ...settings }, questions: state.questions },
    rounds: state.questions.map((question, roundIndex) => ({
      gameId,
      roundIndex,
      questionId: question.id,
      optionOrder: question.optionOrder,
      openedAt: opensAt,
      closedAt: closesAt,
      eligiblePlayers: 0,
    })),
  });
  return { gameId, code };
}
