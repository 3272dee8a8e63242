export * from "./types";
export * from "./scoring";
export { createGame, shuffled, type NewGameInput, type RandomSource } from "./setup";
export { addPlayer, withdrawPlayer, removePlayer, readmitPlayer, setPlayerConnected, allowTakeover, setLocked, nicknameKey } from "./players";
export {
  startGame,
  advanceClock,
  nextDeadline,
  submitAnswer,
  scoreAnswer,
  skipQuestion,
  nextStep,
  endGame,
  pauseGame,
  resumeGame,
} from "./rounds";
export { compareStanding, rankPlayers, standings } from "./ranking";
export { allPlayers } from "./player-order";
export { offerNextGame, nextGameFor } from "./play-again";
export { pickTeam, teamRoundPoints, type TeamOptions } from "./teams";
export { playerRoomView, personalView, hostView, answerEligibleCount, isPickingTeams } from "./views";
export type { EngineResult } from "./result";
export { restorePlayer, restoreAnswer, forgetUnsavedPlayers, restorePlayers, prepareAfterRestart, ensureIndexes, rebuildIndexes, RESTART_GRACE_MS, type StoredPlayer } from "./restore";
