import { randomUUID } from "node:crypto";
import { addPlayer, finishGame, markGameStarted, removePlayer, saveRound, type Database } from "../db";
import type { GamePersistence } from "./ports";

/** Saves what the rooms report through the Drizzle repositories. */
export function databasePersistence(db: Database): GamePersistence {
  return {
    addPlayer: (player) => addPlayer(db, player),
    removePlayer: (playerId, at) => removePlayer(db, playerId, at),
    markStarted: (gameId, at) => markGameStarted(db, gameId, at),
    finish: (gameId, result) => finishGame(db, gameId, result),
    saveRound: (gameId, round) =>
      saveRound(db, {
        round: {
          gameId,
          roundIndex: round.roundIndex,
          questionId: round.questionId,
          optionOrder: round.optionOrder,
          openedAt: new Date(round.openedAt),
          closedAt: new Date(round.closedAt),
          eligiblePlayers: round.eligiblePlayers,
        },
        answers: round.answers.map((answer) => ({
          id: randomUUID(),
          gameId,
          questionId: round.questionId,
          playerId: answer.playerId,
          roundIndex: round.roundIndex,
          choices: answer.choices,
          correct: answer.correct,
          points: answer.points,
          streak: answer.streak,
          responseMs: answer.responseMs,
          answeredAt: new Date(answer.answeredAt),
        })),
      }),
  };
}
