import { closeRoundIfEveryoneAnswered } from "./rounds";
import { hasOpenAnswer, rankPlayers } from "./ranking";
import { accepted, refusal, type EngineResult } from "./result";
import type { GamePlayer, GameState } from "./types";

export function nicknameKey(nickname: string): string {
  return nickname.normalize("NFKC").toLocaleLowerCase("en");
}

/** A player record at 0 points, connected, as a join (or a restore) creates it. */
export function freshPlayer(fields: Pick<GamePlayer, "id" | "nickname" | "joinSeq" | "joinedAt" | "firstQuestionIndex" | "tokenHash">): GamePlayer {
  return {
    ...fields,
    nicknameKey: nicknameKey(fields.nickname),
    connected: true,
    removed: false,
    score: 0,
    streak: 0,
    correctCount: 0,
    correctResponseMs: 0,
    rank: null,
    previousRank: null,
    lastRound: null,
    takeoverRequested: false,
    takeoverAllowed: false,
  };
}

/** Whether the player joined during the open round and only plays from the next question. */
function joinedDuringOpenRound(state: GameState, player: GamePlayer): boolean {
  const round = state.round;
  return round !== null && round.closedAt === null && player.firstQuestionIndex > round.questionIndex;
}

/**
 * Adds a player: in the lobby, or late (unless the host locked the game), starting at 0 and
 * playing from the next question. `nickname` must already be trimmed and length-checked (the
 * protocol schema does that); uniqueness is checked here, case-insensitively.
 *
 * A nickname that belongs to a player who is away is not simply refused: the attempt is shown to
 * the host (`takeover-requested`), and once the host allows it the same join takes that player
 * over (`player-taken-over`, same score, new token).
 */
export function addPlayer(state: GameState, input: { playerId: string; nickname: string; tokenHash?: string; now: number }): EngineResult {
  if (state.phase === "podium" || state.phase === "finished") {
    return refusal("game-over", "This game has finished.");
  }
  if (state.players[input.playerId]) return refusal("invalid-request", "You have already joined this game.");
  const key = nicknameKey(input.nickname);
  const namesake = Object.values(state.players).find((player) => !player.removed && player.nicknameKey === key);
  if (namesake) {
    if (namesake.connected) {
      return refusal("nickname-taken", `Someone in this game is already called “${input.nickname}”. Pick another nickname.`);
    }
    if (namesake.takeoverAllowed) {
      namesake.tokenHash = input.tokenHash ?? "";
      namesake.takeoverAllowed = false;
      namesake.takeoverRequested = false;
      return accepted([{ type: "player-taken-over", playerId: namesake.id }]);
    }
    if (namesake.takeoverRequested) return accepted([]);
    namesake.takeoverRequested = true;
    return accepted([{ type: "takeover-requested", playerId: namesake.id }]);
  }
  if (state.locked) return refusal("locked", "This game is locked, so it can't take new players. Ask your teacher to unlock it.");

  const player = freshPlayer({
    id: input.playerId,
    nickname: input.nickname,
    joinSeq: state.nextJoinSeq++,
    joinedAt: input.now,
    firstQuestionIndex: state.round ? state.round.questionIndex + 1 : 0,
    tokenHash: input.tokenHash ?? "",
  });
  state.players[player.id] = player;
  state.activePlayerCount += 1;
  state.connectedPlayerCount += 1;
  if (joinedDuringOpenRound(state, player)) state.round!.connectedLateCount += 1;
  if (state.ranking.length > 0) {
    // A late joiner appears on the leaderboard at once, with 0 points.
    player.rank = state.ranking.length + 1;
    state.ranking.push(player.id);
  }
  return accepted([{ type: "player-joined", playerId: player.id }]);
}

/** The host removes a player. Their answers stop counting; the round may now be complete. */
export function removePlayer(state: GameState, input: { playerId: string; now: number }): EngineResult {
  const player = state.players[input.playerId];
  if (!player || player.removed) return refusal("not-joined", "That player is not in this game.");
  if (state.phase === "podium" || state.phase === "finished") return refusal("game-over", "This game has finished.");
  if (player.connected) markDisconnected(state, player);
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

/**
 * Takes back a join that never reached the phone (its connection died before the join was saved
 * and it did not come back for it): the player is gone as if they had never joined — not counted
 * in later rounds, not on the leaderboard, their nickname free again. Only a player who never
 * answered can be withdrawn (the phone never had the token it needs to answer).
 */
export function withdrawPlayer(state: GameState, input: { playerId: string; now: number }): EngineResult {
  const player = state.players[input.playerId];
  const answered = player?.lastRound?.answered === true || (player !== undefined && (player.score > 0 || hasOpenAnswer(state, player.id)));
  if (!player || player.removed || answered) {
    return refusal("not-joined", "That player can't be taken back.");
  }
  if (player.connected) markDisconnected(state, player);
  delete state.players[player.id];
  state.activePlayerCount -= 1;
  if (state.ranking.includes(player.id)) rankPlayers(state, false);
  return accepted([{ type: "player-withdrawn", playerId: player.id }, ...closeRoundIfEveryoneAnswered(state, input.now)]);
}

/** A player's socket connected or went away. A disconnected player never holds a round open. */
export function setPlayerConnected(state: GameState, input: { playerId: string; connected: boolean; now: number }): EngineResult {
  const player = state.players[input.playerId];
  if (!player || player.removed) return refusal("not-joined", "That player is not in this game.");
  if (player.connected === input.connected) return accepted([]);
  if (input.connected) markConnected(state, player);
  else markDisconnected(state, player);
  if (input.connected) {
    // Back on its own device: no takeover is pending or allowed any more.
    player.takeoverRequested = false;
    player.takeoverAllowed = false;
  }
  return accepted([
    { type: "player-connection", playerId: player.id, connected: input.connected },
    ...closeRoundIfEveryoneAnswered(state, input.now),
  ]);
}

/** The host lets the next join with this (away) player's nickname take the player over. */
export function allowTakeover(state: GameState, input: { playerId: string }): EngineResult {
  const player = state.players[input.playerId];
  if (!player || player.removed) return refusal("not-joined", "That player is not in this game.");
  if (player.connected) return refusal("not-allowed", `${player.nickname} is still connected on their own device.`);
  player.takeoverAllowed = true;
  player.takeoverRequested = false;
  return accepted([{ type: "takeover-allowed", playerId: player.id }]);
}

/** The host locks (no new players) or unlocks the game. */
export function setLocked(state: GameState, locked: boolean): EngineResult {
  if (state.phase === "finished") return refusal("game-over", "This game has finished.");
  if (state.locked === locked) return accepted([]);
  state.locked = locked;
  return accepted([{ type: "lock-changed", locked }]);
}

function markConnected(state: GameState, player: GamePlayer): void {
  player.connected = true;
  state.connectedPlayerCount += 1;
  if (hasOpenAnswer(state, player.id)) state.round!.connectedAnswerCount += 1;
  if (joinedDuringOpenRound(state, player)) state.round!.connectedLateCount += 1;
}

function markDisconnected(state: GameState, player: GamePlayer): void {
  player.connected = false;
  state.connectedPlayerCount -= 1;
  if (hasOpenAnswer(state, player.id)) state.round!.connectedAnswerCount -= 1;
  if (joinedDuringOpenRound(state, player)) state.round!.connectedLateCount -= 1;
}
