import { closeRoundIfEveryoneAnswered } from "./rounds";
import { hasOpenAnswer, rankPlayers } from "./ranking";
import { accepted, refusal, type EngineResult } from "./result";
import type { GameState } from "./types";

export function nicknameKey(nickname: string): string {
  return nickname.normalize("NFKC").toLocaleLowerCase("en");
}

/**
 * Adds a player to the lobby. `nickname` must already be trimmed and length-checked
 * (the protocol schema does that); uniqueness is checked here, case-insensitively.
 */
export function addPlayer(state: GameState, input: { playerId: string; nickname: string; now: number }): EngineResult {
  if (state.phase === "podium" || state.phase === "finished") {
    return refusal("game-over", "This game has finished.");
  }
  if (state.phase !== "lobby") {
    return refusal("game-started", "This game has already started, so it can't take new players.");
  }
  if (state.players[input.playerId]) return refusal("invalid-request", "You have already joined this game.");
  const key = nicknameKey(input.nickname);
  const taken = Object.values(state.players).some((player) => !player.removed && player.nicknameKey === key);
  if (taken) {
    return refusal("nickname-taken", `Someone in this game is already called “${input.nickname}”. Pick another nickname.`);
  }
  state.players[input.playerId] = {
    id: input.playerId,
    nickname: input.nickname,
    nicknameKey: key,
    joinSeq: state.nextJoinSeq++,
    joinedAt: input.now,
    connected: true,
    removed: false,
    score: 0,
    streak: 0,
    correctCount: 0,
    correctResponseMs: 0,
    rank: null,
    previousRank: null,
    lastRound: null,
  };
  state.activePlayerCount += 1;
  state.connectedPlayerCount += 1;
  return accepted([{ type: "player-joined", playerId: input.playerId }]);
}

/** The host removes a player. Their answers stop counting; the round may now be complete. */
export function removePlayer(state: GameState, input: { playerId: string; now: number }): EngineResult {
  const player = state.players[input.playerId];
  if (!player || player.removed) return refusal("not-joined", "That player is not in this game.");
  if (state.phase === "podium" || state.phase === "finished") return refusal("game-over", "This game has finished.");
  if (player.connected) markDisconnected(state, player.id);
  if (hasOpenAnswer(state, player.id)) {
    // A removed player's answer no longer counts, not even in the totals.
    delete state.round!.answers[player.id];
    state.round!.answerCount -= 1;
  }
  player.removed = true;
  player.connected = false;
  state.activePlayerCount -= 1;
  if (state.ranking.length > 0) rankPlayers(state, false);
  return accepted([{ type: "player-removed", playerId: player.id }, ...closeRoundIfEveryoneAnswered(state, input.now)]);
}

/** A player's socket connected or went away. A disconnected player never holds a round open. */
export function setPlayerConnected(state: GameState, input: { playerId: string; connected: boolean; now: number }): EngineResult {
  const player = state.players[input.playerId];
  if (!player || player.removed) return refusal("not-joined", "That player is not in this game.");
  if (player.connected === input.connected) return accepted([]);
  if (input.connected) markConnected(state, player.id);
  else markDisconnected(state, player.id);
  player.connected = input.connected;
  return accepted([
    { type: "player-connection", playerId: player.id, connected: input.connected },
    ...closeRoundIfEveryoneAnswered(state, input.now),
  ]);
}

function markConnected(state: GameState, playerId: string): void {
  state.connectedPlayerCount += 1;
  if (hasOpenAnswer(state, playerId)) state.round!.connectedAnswerCount += 1;
}

function markDisconnected(state: GameState, playerId: string): void {
  state.connectedPlayerCount -= 1;
  if (hasOpenAnswer(state, playerId)) state.round!.connectedAnswerCount -= 1;
}
