import { randomUUID } from "node:crypto";
import { createGame as newGameState, type RandomSource } from "../engine";
import { createGame as insertGame, loadQuizVersion, type Database } from "../db";
import type { RoomDirectory } from "../rooms/room-directory";
import { hashSecret, newSecret } from "./secrets";

/** Why a game can't be made; `notFound` when the quiz doesn't exist for this teacher. */
export class GameSetupError extends Error {
  constructor(
    message: string,
    readonly notFound = false,
  ) {
    super(message);
  }
}

/** Per-game overrides the host may choose when creating a game; unset ones come from the quiz file. */
export interface GameOptions {
  readTimeSec?: number;
  timeLimitSec?: number;
  shuffleQuestions?: boolean;
  shuffleAnswers?: boolean;
  /** Play this many questions (all when unset or larger than the quiz). */
  questionCount?: number;
  /** Let players join after the start (default on). */
  lateJoin?: boolean;
  /** Faster right answers earn more (default on); off: a right answer earns full points whatever the time. */
  pointsForSpeed?: boolean;
  /** Phones show the question's text (default on); off, the class reads it on the big screen. */
  questionOnPhones?: boolean;
  /** Only generated nicknames may join (default off): no typed names, so no rude ones. */
  generatedNicknames?: boolean;
  /** Team mode (absent: everyone plays alone): players per team, how teams are made, team talk seconds. */
  teams?: { size: number; assignment: "balanced" | "pick"; talkSec: number };
  /** Only these questions of the quiz, in the quiz's order (play again with the hard ones); all when unset. */
  questionIds?: string[];
}

export interface LiveGameTicket {
  gameId: string;
  code: string;
  /** Shown once to the host's browser; only its hash is stored. */
  hostSecret: string;
}

/** Creates a game for a quiz version: saves it, opens its room and hands out the host secret. */
export async function createLiveGame(
  deps: { db: Database; registry: RoomDirectory; random?: RandomSource; now?: () => number },
  game: { quizVersionId: string; ownerId: string },
  options: GameOptions = {},
): Promise<LiveGameTicket> {
  const { quizVersionId, ownerId } = game;
  const quiz = await loadQuizVersion(deps.db, quizVersionId);
  // Another teacher's quiz is as unknown as one that doesn't exist.
  const hostable = quiz && quiz.deletedAt === null && (quiz.ownerId === null || quiz.ownerId === ownerId);
  if (!quiz || !hostable) throw new GameSetupError("That quiz doesn't exist (any more). Reload the list and pick again.", true);
  const chosen = options.questionIds ? new Set(options.questionIds) : null;
  const quizQuestions = chosen ? quiz.questions.filter((question) => chosen.has(question.id)) : quiz.questions;
  if (quizQuestions.length === 0) throw new GameSetupError(`“${quiz.title}” has no questions.`);
  // A question of a kind this game can't play is left out of the game; the rest plays.
  const unplayable = quizQuestions.find((question) => question.unplayableReason !== undefined);
  if (unplayable && quizQuestions.every((question) => question.unplayableReason !== undefined)) {
    throw new GameSetupError(`“${quiz.title}” can't be hosted: ${unplayable.unplayableReason}`);
  }

  const gameId = randomUUID();
  const hostSecret = newSecret();
  const hostSecretHash = hashSecret(hostSecret);
  const now = (deps.now ?? Date.now)();
  const code = await deps.registry.allocateCode();
  const state = newGameState({
    gameId,
    code,
    quizTitle: quiz.title,
    settings: {
      ...quiz.settings,
      ...(options.shuffleQuestions !== undefined ? { shuffleQuestions: options.shuffleQuestions } : {}),
      ...(options.shuffleAnswers !== undefined ? { shuffleAnswers: options.shuffleAnswers } : {}),
      ...(options.questionCount !== undefined ? { nQuestions: options.questionCount } : {}),
      ...(options.readTimeSec !== undefined ? { readTimeSec: options.readTimeSec } : {}),
      ...(options.timeLimitSec !== undefined ? { timeLimitSec: options.timeLimitSec } : {}),
    },
    lateJoin: options.lateJoin ?? true,
    pointsForSpeed: options.pointsForSpeed ?? true,
    questionOnPhones: options.questionOnPhones ?? true,
    generatedNicknames: options.generatedNicknames ?? false,
    ...(options.teams ? { teams: { size: options.teams.size, assignment: options.teams.assignment, talkMs: options.teams.talkSec * 1000 } } : {}),
    // A per-game override beats the quiz file's per-question times.
    questions: quizQuestions.map((question) => ({
      ...question,
      ...(options.readTimeSec !== undefined ? { readTimeSec: options.readTimeSec } : {}),
      ...(options.timeLimitSec !== undefined ? { timeLimitSec: options.timeLimitSec } : {}),
    })),
    now,
    random: deps.random ?? Math.random,
  });
  await insertGame(deps.db, { id: gameId, quizVersionId, code, hostSecretHash, ownerId, options: { ...options }, createdAt: new Date(now) });
  await deps.registry.create(state, hostSecretHash);
  return { gameId, code, hostSecret };
}
