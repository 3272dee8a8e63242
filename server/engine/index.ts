export * from "./types";
export * from "./scoring";
export { createGame, shuffled, type NewGameInput, type RandomSource } from "./setup";
export { addPlayer, removePlayer, setPlayerConnected, nicknameKey } from "./players";
export { startGame, advanceClock, nextDeadline, submitAnswer, skipQuestion, nextStep, endGame } from "./rounds";
export { compareStanding, rankPlayers, standings } from "./ranking";
export { playerRoomView, personalView, hostView } from "./views";
export type { EngineResult } from "./result";
