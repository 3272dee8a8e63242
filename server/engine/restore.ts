/**
 * Bringing a game back after the server process died. The saved state is as of the last phase
 * change; players who joined and answers given since then come from their own tables.
 */
import type { RawAnswer } from "../../src/protocol";
import { answerFromSaved, readAnswer } from "./kinds";
import { scoreAnswer } from "./rounds";
import { allPlayers, playerAdded, playersDeleted } from "./player-order";
import { freshPlayer, indexPlayer, nicknameKey } from "./players";
import { rankPlayers } from "./ranking";
import { rebuildTeams } from "./teams";
import type { GamePlayer, GameState } from "./types";

/** A round still open after a restart gets at least this long, so phones can reconnect and answer. */
export const RESTART_GRACE_MS = 5_000;

export interface StoredPlayer {
  id: string;
  nickname: string;
  joinSeq: number;
  joinedAt: number;
  removed: boolean;
  tokenHash: string;
  /** Team mode: the player's team, once they have one. */
  team?: number | null;
  /** Hash of the phone's device id, when it sent one. */
  deviceHash?: string | null;
}

/**
 * The lookup tables are derived from the players: rebuilt from them when the snapshot has none
 * (it was saved by an older version), so a restored game checks nicknames as a live one does.
 */
export function ensureIndexes(state: GameState): void {
  if (state.nicknameIndex && state.removedDevices) return;
  state.nicknameIndex = {};
  state.removedDevices = {};
  for (const player of Object.values(state.players)) indexPlayer(state, player);
}

/** Derives the lookup tables again from the players (after some were dropped). */
export function rebuildIndexes(state: GameState): void {
  state.nicknameIndex = undefined as unknown as GameState["nicknameIndex"];
  state.removedDevices = undefined as unknown as GameState["removedDevices"];
  ensureIndexes(state);
}

/**
 * Adds a player saved after the snapshot was taken, and brings removals (and their undoing) and
 * tokens up to date.
 */
export function restorePlayer(state: GameState, stored: StoredPlayer): void {
  ensureIndexes(state);
  const existing = state.players[stored.id] ?? playerAsJoined(state, stored);
  if (existing) {
    // The device's hash is in the player's row; a snapshot saved before it was kept there has its own.
    if (!existing.deviceHash && stored.deviceHash) existing.deviceHash = stored.deviceHash;
    if (existing.nickname === "") {
      // A compact snapshot keeps only scores; who the player is comes from their stored row.
      existing.nickname = stored.nickname;
      existing.nicknameKey = nicknameKey(stored.nickname);
      existing.joinSeq = stored.joinSeq;
      existing.joinedAt = stored.joinedAt;
      // Rows come in join order, so the first joiner keeps a name as in the live game.
      indexPlayer(state, existing);
    }
    existing.tokenHash = stored.tokenHash;
    if (existing.team === undefined && stored.team != null) existing.team = stored.team;
    if (!stored.removed && existing.removed) {
      // Let back in by the host after the snapshot: back in, and their next join takes them over.
      existing.removed = false;
      existing.takeoverAllowed = true;
      if (existing.deviceHash && state.removedDevices[existing.deviceHash] === existing.id) delete state.removedDevices[existing.deviceHash];
      state.activePlayerCount += 1;
      if (state.ranking.length > 0 || existing.rank !== null) rankPlayers(state, false);
    }
    if (stored.removed && !existing.removed) {
      const round = state.round;
      if (round && round.closedAt === null && round.answers[existing.id]) {
        delete round.answers[existing.id];
        round.answerCount -= 1;
      }
      existing.removed = true;
      if (existing.deviceHash) state.removedDevices[existing.deviceHash] = existing.id;
      state.activePlayerCount -= 1;
      if (state.ranking.length > 0) rankPlayers(state, false);
    }
    return;
  }
  const player = freshPlayer({
    id: stored.id,
    nickname: stored.nickname,
    joinSeq: stored.joinSeq,
    joinedAt: stored.joinedAt,
    firstQuestionIndex: state.round ? state.round.questionIndex + 1 : 0,
    tokenHash: stored.tokenHash,
    ...(stored.deviceHash ? { deviceHash: stored.deviceHash } : {}),
  });
  player.connected = false;
  player.removed = stored.removed;
  if (stored.team != null) player.team = stored.team;
  state.players[stored.id] = player;
  indexPlayer(state, player);
  playerAdded(state, player);
  state.nextJoinSeq = Math.max(state.nextJoinSeq, stored.joinSeq + 1);
  if (!stored.removed) {
    state.activePlayerCount += 1;
    if (state.ranking.length > 0) {
      state.ranking.push(stored.id);
      state.players[stored.id]!.rank = state.ranking.length;
    }
  }
}

/**
 * A player who was in the game when the snapshot was taken (joined before its `nextJoinSeq`) but
 * is not in it: a snapshot leaves out players with nothing but their join to show (see
 * server/rooms/snapshot.ts), and they come back as they joined, from their stored row. The
 * snapshot's counts already include them. Any other player missing from it joined after it.
 */
function playerAsJoined(state: GameState, stored: StoredPlayer): GamePlayer | undefined {
  if (stored.joinSeq >= state.nextJoinSeq) return undefined;
  const player = freshPlayer({
    id: stored.id,
    nickname: "",
    joinSeq: 0,
    joinedAt: 0,
    firstQuestionIndex: 0,
    tokenHash: "",
    ...(stored.deviceHash ? { deviceHash: stored.deviceHash } : {}),
  });
  player.connected = false;
  state.players[stored.id] = player;
  playerAdded(state, player);
  return player;
}

/**
 * Brings the snapshot's players up to date with every stored player row of the game (in join
 * order): adds, fills in and removes as restorePlayer and forgetUnsavedPlayers do.
 */
export function restorePlayers(state: GameState, stored: readonly StoredPlayer[]): void {
  for (const player of stored) restorePlayer(state, player);
  forgetUnsavedPlayers(state, new Set(stored.map((player) => player.id)));
  orderPlayersByJoin(state);
}

/**
 * Restored players in join order again: those a snapshot left out come back after the ones it
 * lists, and the phones' messages and the players' lists go in join order.
 */
function orderPlayersByJoin(state: GameState): void {
  const players = Object.values(state.players);
  if (players.every((player, i) => i === 0 || players[i - 1]!.joinSeq < player.joinSeq)) return;
  players.sort((a, b) => a.joinSeq - b.joinSeq);
  const ordered: GameState["players"] = {};
  for (const player of players) ordered[player.id] = player;
  state.players = ordered;
  playersDeleted(state);
}

/**
 * Drops players the snapshot knows but the players table doesn't: they joined just before the
 * crash and their join was never acknowledged (their phone joins again), so nothing of theirs
 * was ever stored. Call after restorePlayer has seen every stored row.
 */
export function forgetUnsavedPlayers(state: GameState, storedIds: ReadonlySet<string>): void {
  let forgotten = false;
  for (const id of Object.keys(state.players)) {
    if (storedIds.has(id)) continue;
    delete state.players[id];
    playersDeleted(state);
    forgotten = true;
  }
  // The snapshot's counts and open round also include players it left out (see playerAsJoined):
  // one whose row was never stored is not in the game either.
  state.activePlayerCount = allPlayers(state).filter((player) => !player.removed).length;
  const round = state.round;
  if (round) {
    for (const id of Object.keys(round.answers)) {
      if (state.players[id]) continue;
      delete round.answers[id];
      round.answerCount -= 1;
    }
  }
  if (!forgotten) return;
  rebuildIndexes(state);
  if (state.ranking.length > 0) {
    state.ranking = state.ranking.filter((id) => state.players[id] !== undefined);
    rankPlayers(state, false);
  }
}

/** Puts back an answer that was acknowledged (so durable) after the snapshot of the open round. */
export function restoreAnswer(state: GameState, stored: { playerId: string; answerId: string; choices: number[]; raw?: RawAnswer | null; receivedAt: number }): void {
  const round = state.round;
  const player = state.players[stored.playerId];
  if (!round || round.closedAt !== null || round.openedAt === null || !player || player.removed || round.answers[player.id]) return;
  const question = state.questions[round.questionIndex]!;
  const read = readAnswer(question, answerFromSaved(question, stored.choices, stored.raw));
  if ("ok" in read) return; // saved by a build that accepted it: nothing sensible to mark
  round.answers[player.id] = scoreAnswer(state, player.id, stored.answerId, read, stored.receivedAt);
  round.answerCount += 1;
}

/**
 * Nobody is connected right after a restart; phones and the host come back by themselves. A
 * round whose deadline passed during the downtime closes with the answers it has (the room's
 * clock does that at once); one that is still open keeps its deadline, but gets at least
 * RESTART_GRACE_MS.
 */
export function prepareAfterRestart(state: GameState, now: number): void {
  ensureIndexes(state);
  rebuildTeams(state);
  for (const player of Object.values(state.players)) player.connected = false;
  state.connectedPlayerCount = 0;
  const round = state.round;
  if (!round || round.closedAt !== null) return;
  round.connectedAnswerCount = 0;
  round.connectedLateCount = 0;
  if (state.phase === "answering" && !state.paused && round.deadline !== null && round.deadline > now) {
    round.deadline = Math.max(round.deadline, now + RESTART_GRACE_MS);
  }
  // The first phones back must not close the round on everyone still reconnecting.
  round.earlyCloseNotBefore = now + RESTART_GRACE_MS;}
