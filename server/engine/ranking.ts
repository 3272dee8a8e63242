import { allPlayers } from "./player-order";
import type { GamePlayer, GameState, Standing } from "./types";

/** Higher score first; ties: lower total response time of correct answers, then earlier join. */
export function compareStanding(a: GamePlayer, b: GamePlayer): number {
  return b.score - a.score || a.correctResponseMs - b.correctResponseMs || a.joinSeq - b.joinSeq;
}

export function activePlayers(state: GameState): GamePlayer[] {
  return allPlayers(state).filter((player) => !player.removed);
}

/**
 * Recomputes every active player's rank: once per round (`newRound`, which also remembers the
 * previous rank for the movement arrows), and after a removal so ranks have no gaps.
 */
export function rankPlayers(state: GameState, newRound = true): void {
  const ordered = activePlayers(state).sort(compareStanding);
  ordered.forEach((player, index) => {
    if (newRound) player.previousRank = player.rank;
    player.rank = index + 1;
  });
  state.ranking = ordered.map((player) => player.id);
}

export function standings(state: GameState): Standing[] {
  return state.ranking.flatMap((playerId) => {
    const player = state.players[playerId];
    return player && !player.removed ? [{ playerId, score: player.score, rank: player.rank ?? 0 }] : [];
  });
}

export function topPlayers(state: GameState, count: number): GamePlayer[] {
  const top: GamePlayer[] = [];
  for (const playerId of state.ranking) {
    const player = state.players[playerId];
    if (player && !player.removed) top.push(player);
    if (top.length === count) break;
  }
  return top;
}

/** Whether the player has an answer in the round that is open right now. */
export function hasOpenAnswer(state: GameState, playerId: string): boolean {
  const round = state.round;
  return round !== null && round.closedAt === null && round.answers[playerId] !== undefined;
}
