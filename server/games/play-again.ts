/**
 * Play again after a podium: a new game of the same quiz version with the same host options (or
 * only the questions the class found hard), whose code the finished game hands to its phones so
 * they follow without typing (server/engine/play-again.ts, the player:play-again event).
 */
import { findReplayableGame, roundCorrectness, type Database } from "../db";
import { HARD_QUESTION_PERCENT } from "../reports/types";
import type { RoomDirectory } from "../rooms/room-directory";
import { createLiveGame, GameSetupError, type GameOptions, type LiveGameTicket } from "./create-live-game";

export type ReplayQuestions = "all" | "hard";

const NOT_FOUND = "There is no saved game with that id.";
const OVER = new Set(["finished", "ended_early", "host_left"]);

/**
 * The questions to play again: those fewer than HARD_QUESTION_PERCENT got right (the report's
 * "hard" ones) or, when none was, those below the class's average; none when all went well.
 */
export function hardQuestionIds(rounds: Array<{ questionId: string; percentCorrect: number }>): string[] {
  const hard = rounds.filter((round) => round.percentCorrect < HARD_QUESTION_PERCENT);
  if (hard.length > 0) return [...new Set(hard.map((round) => round.questionId))];
  const average = rounds.reduce((sum, round) => sum + round.percentCorrect, 0) / Math.max(1, rounds.length);
  return [...new Set(rounds.filter((round) => round.percentCorrect < average).map((round) => round.questionId))];
}

export async function playAgain(
  deps: { db: Database; registry: RoomDirectory },
  input: { gameId: string; ownerId: string; questions: ReplayQuestions },
): Promise<LiveGameTicket & { playersFollow: boolean }> {
  const game = await findReplayableGame(deps.db, input.gameId, input.ownerId);
  if (!game) throw new GameSetupError(NOT_FOUND, true);
  if (!OVER.has(game.status)) throw new GameSetupError("Play again once this game has reached its podium.");
  const options = game.options as GameOptions;
  let next: GameOptions = options;
  if (input.questions === "hard") {
    const questionIds = hardQuestionIds(await roundCorrectness(deps.db, input.gameId));
    if (questionIds.length === 0) throw new GameSetupError("The class got every question about equally right: there are no hard questions to play again. Play the whole quiz again instead.");
    // Every hard question plays, in the quiz's order unless the host shuffles.
    const { questionCount: _all, ...rest } = options;
    next = { ...rest, questionIds };
  }
  const ticket = await createLiveGame(deps, { quizVersionId: game.quizVersionId, ownerId: input.ownerId }, next);
  const finished = await deps.registry.findById(input.gameId);
  const offered = finished ? await finished.offerNextGame(ticket.code) : null;
  // The finished game's room may have closed already (10 minutes after the end): phones then join by the code.
  return { ...ticket, playersFollow: offered?.ok === true };
}
