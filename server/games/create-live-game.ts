import { randomUUID } from "node:crypto";
import { createGame as newGameState, type RandomSource } from "../engine";
import { createGame as insertGame, loadQuizVersion, type Database } from "../db";
import type { RoomRegistry } from "../rooms/registry";
import { hashSecret, newSecret } from "./secrets";

export class GameSetupError extends Error {}

/** Per-game overrides the host may choose when creating a game. */
export interface GameOptions {
  readTimeSec?: number;
  timeLimitSec?: number;
}

export interface LiveGameTicket {
  gameId: string;
  code: string;
  /** Shown once to the host's browser; only its hash is stored. */
  hostSecret: string;
}

/** Creates a game for a quiz version: saves it, opens its room and hands out the host secret. */
export async function createLiveGame(
  deps: { db: Database; registry: RoomRegistry; random?: RandomSource; now?: () => number },
  quizVersionId: string,
  options: GameOptions = {},
): Promise<LiveGameTicket> {
  const quiz = await loadQuizVersion(deps.db, quizVersionId);
  if (!quiz) throw new GameSetupError("That quiz doesn't exist (any more). Reload the list and pick again.");
  const unplayable = quiz.questions.find((question) => question.kind === "order");
  if (unplayable) {
    throw new GameSetupError(
      `“${quiz.title}” can't be hosted yet: question ${unplayable.position + 1} (line ${unplayable.line}) is an ordering question, and ordering questions can't be played yet.`,
    );
  }
  if (quiz.questions.length === 0) throw new GameSetupError(`“${quiz.title}” has no questions.`);

  const gameId = randomUUID();
  const hostSecret = newSecret();
  const hostSecretHash = hashSecret(hostSecret);
  const now = (deps.now ?? Date.now)();
  const code = deps.registry.allocateCode();
  const state = newGameState({
    gameId,
    code,
    quizTitle: quiz.title,
    settings: { ...quiz.settings, ...options },
    // A per-game override beats the quiz file's per-question times.
    questions: quiz.questions.map((question) => ({
      ...question,
      ...(options.readTimeSec !== undefined ? { readTimeSec: options.readTimeSec } : {}),
      ...(options.timeLimitSec !== undefined ? { timeLimitSec: options.timeLimitSec } : {}),
    })),
    now,
    random: deps.random ?? Math.random,
  });
  await insertGame(deps.db, { id: gameId, quizVersionId, code, hostSecretHash, createdAt: new Date(now) });
  await deps.registry.create(state, hostSecretHash);
  return { gameId, code, hostSecret };
}
