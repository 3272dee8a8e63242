/** At start: every game that was running when the process died resumes where it was. */
import { getGameAuth, listPlayers, listRoundAnswers, type Database } from "../db";
import { prepareAfterRestart, restoreAnswer, restorePlayers, type GameState } from "../engine";
import type { LiveGameStore, Logger } from "./ports";
import type { RoomRegistry } from "./registry";

const OVER = new Set(["finished", "ended_early", "host_left"]);

export async function restoreLiveGames(deps: { db: Database; registry: RoomRegistry; store: LiveGameStore; log: Logger; now?: () => number }): Promise<number> {
  const { registry, store, log } = deps;
  let restored = 0;
  for (const state of await store.list()) {
    try {
      const hostSecretHash = await restoreGameState(deps, state);
      if (hostSecretHash === null) continue;
      registry.open(state, hostSecretHash);
      restored++;
    } catch (error) {
      log.error(`could not resume game ${state.code} (${state.gameId})`, error);
    }
  }
  return restored;
}

/**
 * Brings one saved game state up to date from the database (players, this round's stored answers)
 * and readies its clock; returns its host secret hash, or null for a game that is over (its saved
 * state is removed). Also used by a node that takes over a game whose owner died.
 */
export async function restoreGameState(deps: { db: Database; store: LiveGameStore; now?: () => number }, state: GameState): Promise<string | null> {
  const { db, store } = deps;
  const auth = await getGameAuth(db, state.gameId);
  if (!auth || OVER.has(auth.status)) {
    await store.remove(state.gameId);
    return null;
  }
  const storedPlayers = await listPlayers(db, state.gameId);
  restorePlayers(
    state,
    storedPlayers.map((player) => ({
      id: player.id,
      nickname: player.nickname,
      joinSeq: player.joinSeq,
      joinedAt: player.joinedAt.getTime(),
      removed: player.removedAt !== null,
      tokenHash: player.tokenHash ?? "",
      team: player.team,
      deviceHash: player.deviceHash,
    })),
  );
  const round = state.round;
  if (round && round.closedAt === null) {
    for (const answer of await listRoundAnswers(db, state.gameId, round.questionIndex)) {
      restoreAnswer(state, {
        playerId: answer.playerId,
        answerId: answer.clientAnswerId ?? `${answer.playerId}:${round.questionIndex}`,
        choices: answer.choices,
        raw: answer.answer,
        receivedAt: answer.answeredAt.getTime(),
      });
    }
  }
  prepareAfterRestart(state, (deps.now ?? Date.now)());
  return auth.hostSecretHash;
}
