import { isGeneratedNickname } from "../../src/protocol/generated-nickname";
import { nicknameKeys } from "../../src/protocol/nickname-skeleton";
import { closeRoundIfEveryoneAnswered } from "./rounds";
import { playerAdded, playersDeleted } from "./player-order";
import { hasOpenAnswer, rankPlayers } from "./ranking";
import { accepted, refusal, type EngineResult } from "./result";
import { placeLateJoiner, teamMemberBack, teamMemberLeft, teamMemberPresence } from "./teams";
import type { GamePlayer, GameState } from "./types";

/** The main key a nickname is taken under: lookalikes, case and accents folded. */
export function nicknameKey(nickname: string): string {
  return nicknameKeys(nickname)[0]!;
}

/**
 * A player record at 0 points, connected, as a join (or a restore) creates it.
 *
 * Written out field by field: a record made by object spread (`{ ...fields, score: 0 }`) gets a
 * shape V8 reads ~100× slower, which at 10,000 players turned every pass over the players (closing a
 * round, ranking, the phones' views) from microseconds into milliseconds.
 */
export function freshPlayer(
  fields: Pick<GamePlayer, "id" | "nickname" | "joinSeq" | "joinedAt" | "firstQuestionIndex" | "tokenHash"> & { deviceHash?: string },
): GamePlayer {
  const player: GamePlayer = {
    id: fields.id,
    nickname: fields.nickname,
    nicknameKey: nicknameKey(fields.nickname),
    joinSeq: fields.joinSeq,
    joinedAt: fields.joinedAt,
    connected: true,
    removed: false,
    score: 0,
    streak: 0,
    correctCount: 0,
    correctResponseMs: 0,
    rank: null,
    previousRank: null,
    lastRound: null,
    firstQuestionIndex: fields.firstQuestionIndex,
    tokenHash: fields.tokenHash,
    takeoverRequested: false,
    takeoverAllowed: false,
  };
  if (fields.deviceHash) player.deviceHash = fields.deviceHash;
  return player;
}

/** Whether the player joined during the open round and only plays from the next question. */
function joinedDuringOpenRound(state: GameState, player: GamePlayer): boolean {
  const round = state.round;
  return round !== null && round.closedAt === null && player.firstQuestionIndex > round.questionIndex;
}

/** Puts a player's nickname keys (and, if removed, their device) in the game's lookup tables. */
export function indexPlayer(state: GameState, player: GamePlayer): void {
  for (const key of nicknameKeys(player.nickname)) state.nicknameIndex[key] ??= player.id;
  if (player.removed && player.deviceHash) state.removedDevices[player.deviceHash] = player.id;
}

/** The players whose nickname looks like this one (at most one per key: O(1)). */
function namesakesOf(state: GameState, nickname: string): GamePlayer[] {
  const found: GamePlayer[] = [];
  for (const key of nicknameKeys(nickname)) {
    const id = state.nicknameIndex[key];
    const player = id === undefined ? undefined : state.players[id];
    if (player && !found.includes(player)) found.push(player);
  }
  return found;
}

const LOCKED = "This game is locked, so it can't take new players. Ask your teacher to unlock it.";
const NOT_GENERATED = "In this game everyone plays under a drawn name. Press “Suggest a name” to draw one, then Join.";

const REMOVED_DEVICE = "The host removed this phone from this game. If that was a mistake, ask your teacher to let you back in.";

/**
 * Adds a player: in the lobby, or late (unless the host locked the game), starting at 0 and
 * playing from the next question. `nickname` must already be checked and normalised (the
 * protocol schema does that); uniqueness is checked here, by lookalike key, in O(1).
 *
 * A player the host removed stays out: a join from the same device, or under a name that looks
 * like theirs, is refused (the host can let them back in: `readmitPlayer`).
 *
 * A nickname that belongs to a player who is away is not simply refused: the attempt is shown to
 * the host (`takeover-requested`), and once the host allows it the same join takes that player
 * over (`player-taken-over`, same score, new token).
 */
export function addPlayer(
  state: GameState,
  input: { playerId: string; nickname: string; tokenHash?: string; deviceHash?: string; now: number },
): EngineResult {
  if (state.phase === "podium" || state.phase === "finished") {
    return refusal("game-over", "This game has finished.");
  }
  if (state.players[input.playerId]) return refusal("invalid-request", "You have already joined this game.");
  if (input.deviceHash && state.removedDevices[input.deviceHash]) return refusal("removed", REMOVED_DEVICE);
  if (state.generatedNicknames && !isGeneratedNickname(input.nickname)) {
    // A locked game answers as it would any other newcomer: a sweep of codes learns nothing here.
    return state.locked ? refusal("locked", LOCKED) : refusal("nickname-not-generated", NOT_GENERATED);
  }
  const namesakes = namesakesOf(state, input.nickname);
  const removed = namesakes.find((player) => player.removed);
  if (removed) {
    return refusal("removed", `The host removed “${removed.nickname}” from this game. Pick another nickname, or ask your teacher to let you back in.`);
  }
  const connected = namesakes.find((player) => player.connected);
  if (connected) {
    return refusal("nickname-taken", `Someone in this game is already called “${connected.nickname}”. Pick another nickname.`);
  }
  const namesake = namesakes[0];
  if (namesake) {
    if (namesake.takeoverAllowed) {
      namesake.tokenHash = input.tokenHash ?? "";
      if (input.deviceHash) namesake.deviceHash = input.deviceHash;
      namesake.takeoverAllowed = false;
      namesake.takeoverRequested = false;
      return accepted([{ type: "player-taken-over", playerId: namesake.id }]);
    }
    if (namesake.takeoverRequested) return accepted([]);
    namesake.takeoverRequested = true;
    return accepted([{ type: "takeover-requested", playerId: namesake.id }]);
  }
  if (state.locked) return refusal("locked", LOCKED);

  const player = freshPlayer({
    id: input.playerId,
    nickname: input.nickname,
    joinSeq: state.nextJoinSeq++,
    joinedAt: input.now,
    firstQuestionIndex: state.round ? state.round.questionIndex + 1 : 0,
    tokenHash: input.tokenHash ?? "",
    ...(input.deviceHash ? { deviceHash: input.deviceHash } : {}),
  });
  state.players[player.id] = player;
  playerAdded(state, player);
  indexPlayer(state, player);
  placeLateJoiner(state, player);
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
  player.takeoverRequested = false;
  player.takeoverAllowed = false;
  if (player.deviceHash) state.removedDevices[player.deviceHash] = player.id;
  state.activePlayerCount -= 1;
  teamMemberLeft(state, player);
  if (state.ranking.length > 0) rankPlayers(state, false);
  return accepted([{ type: "player-removed", playerId: player.id }, ...closeRoundIfEveryoneAnswered(state, input.now)]);
}

/**
 * Takes back a join as if it had never happened: the player is not counted in this or later rounds,
 * is off the leaderboard, and their nickname (every lookalike key) and device are free again. For a
 * join the phone never got: its save failed, or its acknowledgement never reached the phone and the
 * phone did not come back for it. A player who answered is refused (their phone did have the token,
 * so the join did happen); a player the host removed meanwhile is taken back too (they never got in).
 */
export function withdrawPlayer(state: GameState, input: { playerId: string; now: number }): EngineResult {
  const player = state.players[input.playerId];
  const answered = player !== undefined && (player.lastRound?.answered === true || player.score > 0 || hasOpenAnswer(state, player.id));
  if (!player || answered) return refusal("not-joined", "That player can't be taken back.");
  if (!player.removed) {
    if (player.connected) markDisconnected(state, player);
    state.activePlayerCount -= 1;
    teamMemberLeft(state, player);
  }
  const rankAt = state.ranking.indexOf(player.id);
  if (rankAt >= 0) {
    state.ranking.splice(rankAt, 1);
    for (let index = rankAt; index < state.ranking.length; index++) state.players[state.ranking[index]!]!.rank = index + 1;
  }
  for (const key of nicknameKeys(player.nickname)) if (state.nicknameIndex[key] === player.id) delete state.nicknameIndex[key];
  if (player.deviceHash && state.removedDevices[player.deviceHash] === player.id) delete state.removedDevices[player.deviceHash];
  delete state.players[player.id];
  playersDeleted(state);
  if (player.joinSeq === state.nextJoinSeq - 1) state.nextJoinSeq -= 1;
  return accepted([{ type: "player-withdrawn", playerId: player.id }, ...closeRoundIfEveryoneAnswered(state, input.now)]);
}

/**
 * The host undoes a removal. The player is back with their score, away until their phone joins
 * again under their nickname: that join takes them over at once (no second approval needed).
 */
export function readmitPlayer(state: GameState, input: { playerId: string }): EngineResult {
  const player = state.players[input.playerId];
  if (!player || !player.removed) return refusal("not-joined", "That player was not removed from this game.");
  if (state.phase === "podium" || state.phase === "finished") return refusal("game-over", "This game has finished.");
  player.removed = false;
  player.connected = false;
  player.takeoverRequested = false;
  player.takeoverAllowed = true;
  if (player.deviceHash && state.removedDevices[player.deviceHash] === player.id) delete state.removedDevices[player.deviceHash];
  state.activePlayerCount += 1;
  teamMemberBack(state, player);
  if (state.ranking.length > 0 || player.rank !== null) rankPlayers(state, false);
  return accepted([{ type: "player-readmitted", playerId: player.id }]);
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
  teamMemberPresence(state, player);
}

function markDisconnected(state: GameState, player: GamePlayer): void {
  player.connected = false;
  state.connectedPlayerCount -= 1;
  if (hasOpenAnswer(state, player.id)) state.round!.connectedAnswerCount -= 1;
  if (joinedDuringOpenRound(state, player)) state.round!.connectedLateCount -= 1;
  teamMemberPresence(state, player);
}
