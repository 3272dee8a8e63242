/**
 * Play again: after the podium the host starts a new game (the same quiz, or the questions the
 * class found hard) and this game's players follow it on their phones without typing anything.
 * This game only remembers the new game's code; each phone asks to move (see nextGameFor).
 */
import { accepted, refusal, type EngineResult } from "./result";
import type { GameState } from "./types";

/** Host: the new game this game's players are invited to, once this one is over. */
export function offerNextGame(state: GameState, code: string): EngineResult {
  if (state.phase !== "podium" && state.phase !== "finished") return refusal("not-allowed", "Play again once this game has reached its podium.");
  state.nextGameCode = code;
  return accepted([{ type: "next-game-offered", code }]);
}

/** A player's way into the next game: its code and the nickname they play under. */
export function nextGameFor(state: GameState, playerId: string): { ok: true; code: string; nickname: string } | ReturnType<typeof refusal> {
  const player = state.players[playerId];
  if (!player) return refusal("not-joined", "Join a game first.");
  if (player.removed) return refusal("removed", "The host removed you from this game.");
  if (!state.nextGameCode) return refusal("game-over", "Your teacher hasn't started another game yet.");
  return { ok: true, code: state.nextGameCode, nickname: player.nickname };
}
