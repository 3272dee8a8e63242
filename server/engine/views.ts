/**
 * Projections of the full game state into what one audience may see (boardgame.io's player-view).
 * Only these projections go on the wire. The correct options and explanations appear only in the
 * reveal view, which exists only once a round has closed.
 */
import type {
  Countdown,
  GameViewBase,
  HostView,
  LeaderboardEntry,
  PersonalView,
  PlayerRoomView,
  QuestionView,
  RevealView,
  SliderView,
  TeamStanding,
} from "../../src/protocol";
import { readTypedNumber } from "../../src/quizdown/typedAnswer";
import { allPlayers } from "./player-order";
import { activePlayers, topPlayers } from "./ranking";
import { readDurationMs, teamChoices } from "./teams";
import type { GamePlayer, GameQuestion, GameState, GameTeam } from "./types";

const LEADERBOARD_SIZE = 5;
/**
 * The host's player list names at most this many players; a bigger game sends its counts, the
 * players who need the host (offline, asking to come back on a new device) and the latest joiners.
 * Host views go out up to 4× a second while a class joins, so their size must not grow with it.
 */
export const HOST_PLAYER_LIST_LIMIT = 100;
const PODIUM_SIZE = 3;

/** Who a view is for: the host sees the question's text always; phones only when the host shows it there. */
type Audience = "host" | "players";

function questionView(state: GameState, audience: Audience): QuestionView | null {
  const round = state.round;
  if (!round || state.phase === "lobby" || state.phase === "podium" || state.phase === "finished") return null;
  const question = state.questions[round.questionIndex]!;
  // Hidden on phones: the text never leaves the server for them (not just hidden by the page).
  const textHidden = audience === "players" && state.questionOnPhones === false;
  // Team talk: the options show so the team can discuss them; answers stay closed until it ends.
  const optionsVisible = state.phase !== "question-read" || round.talkStartedAt !== undefined;
  return questionProjection(question, round.questionIndex, state.questions.length, { optionsVisible, textHidden });
}

/** One question as a screen may see it (never the right answer): the live game's and the homework's. */
export function questionProjection(
  question: GameQuestion,
  index: number,
  total: number,
  { optionsVisible, textHidden }: { optionsVisible: boolean; textHidden: boolean },
): QuestionView {
  return {
    index,
    total,
    kind: question.kind,
    promptHtml: textHidden ? "" : question.promptHtml,
    bodyHtml: textHidden ? "" : question.bodyHtml,
    ...(question.hintHtml && !textHidden ? { hintHtml: question.hintHtml } : {}),
    ...(textHidden ? { textHidden: true as const } : {}),
    // Option text only: never `correct`, never the explanations. An ordering question's items come
    // in their display order, which setup makes sure is never the right one.
    options: optionsVisible ? question.options.map((option) => ({ html: option.html })) : null,
    timeLimitMs: question.timeLimitMs,
    ...(question.points === "double" || question.points === "none" ? { points: question.points } : {}),
    ...(question.slider ? { slider: sliderRange(question.slider) } : {}),
    ...(question.typed ? { numeric: question.typed.accepted.every((answer) => readTypedNumber(answer) !== null) } : {}),
  };
}

/** The slider as phones see it: the range, never the right value or the tolerance. */
function sliderRange({ min, max, step, unit }: NonNullable<GameQuestion["slider"]>): SliderView {
  return unit !== undefined ? { min, max, step, unit } : { min, max, step };
}

function countdown(state: GameState, now: number): Countdown | null {
  const round = state.round;
  if (!round || (state.phase !== "question-read" && state.phase !== "answering")) return null;
  const question = state.questions[round.questionIndex]!;
  const reading = state.phase === "question-read";
  const readMs = readDurationMs(state, question.readTimeMs);
  const totalMs = reading ? readMs : question.timeLimitMs;
  const due = reading ? round.readStartedAt + readMs : round.deadline!;
  if (state.paused) {
    const remainingMs = Math.max(0, due - state.paused.at);
    return { endsAt: now + remainingMs, remainingMs, totalMs, running: false };
  }
  return { endsAt: due, remainingMs: Math.max(0, due - now), totalMs, running: true };
}

function revealView(state: GameState): RevealView | null {
  const round = state.round;
  if (state.phase !== "reveal" || !round || !round.counts) return null;
  const question = state.questions[round.questionIndex]!;
  const summary = round.summary;
  const { correct, ...key } = answerKey(question, summary?.average ?? null);
  return {
    questionIndex: round.questionIndex,
    // Right after the index, as before: the wire check reads a reveal's fields in this order.
    correct,
    counts: round.counts,
    // Rounds closed by an older build have no summary: count from the correct options.
    correctCount: summary?.correctCount ?? question.correct.reduce((sum, option) => sum + (round.counts![option] ?? 0), 0),
    answered: round.answerCount,
    eligible: round.eligible,
    ...key,
  };
}

/** A question's right answer and explanations, as a reveal shows them (`average`: the players' slider average). */
export function answerKey(question: GameQuestion, average: number | null): Pick<RevealView, "correct" | "explanations" | "accepted" | "slider"> {
  return {
    correct: question.correct,
    explanations: question.options.flatMap((option, index) => (option.commentHtml ? [{ option: index, html: option.commentHtml }] : [])),
    ...(question.typed ? { accepted: question.typed.accepted } : {}),
    ...(question.slider ? { slider: { ...sliderRange(question.slider), correct: question.slider.correct, tolerance: question.slider.tolerance, average } } : {}),
  };
}

/**
 * A player's move since the previous leaderboard: null ("new") only for a player who was not on a
 * board before while others were, i.e. joined late. On the first board (after question 1) nobody
 * had a rank yet, so nobody is "new": everyone shows no change.
 */
function leaderboardEntry(player: GamePlayer, firstBoard: boolean): LeaderboardEntry {
  const playedFirst = firstBoard && player.firstQuestionIndex === 0;
  const movement =
    player.rank === null ? null : player.previousRank !== null ? player.previousRank - player.rank : playedFirst ? 0 : null;
  return { playerId: player.id, nickname: player.nickname, score: player.score, rank: player.rank ?? 0, movement };
}

/** Whether the ranking shown is the first one of the game (no earlier question had closed). */
function isFirstBoard(state: GameState): boolean {
  return (state.round?.questionIndex ?? 0) === 0;
}

function leaderboard(state: GameState): LeaderboardEntry[] {
  const size = state.phase === "leaderboard" ? LEADERBOARD_SIZE : state.phase === "podium" || state.phase === "finished" ? PODIUM_SIZE : 0;
  if (size === 0) return [];
  const firstBoard = isFirstBoard(state);
  return topPlayers(state, size).map((player) => leaderboardEntry(player, firstBoard));
}

function teamStanding(team: GameTeam, firstBoard: boolean): TeamStanding {
  const movement = team.rank === null ? null : team.previousRank !== null ? team.previousRank - team.rank : firstBoard ? 0 : null;
  return { team: team.index, score: team.score, rank: team.rank, members: team.memberCount, movement, lastRoundPoints: team.lastRoundPoints };
}

/** Team mode: the top teams for the leaderboard (5) and the podium (3), as the players' leaderboard. */
function topTeams(state: GameState): TeamStanding[] {
  const teams = state.teams!;
  const size = state.phase === "leaderboard" ? LEADERBOARD_SIZE : state.phase === "podium" || state.phase === "finished" ? PODIUM_SIZE : 0;
  const firstBoard = isFirstBoard(state);
  return teams.ranking.slice(0, size).map((index) => teamStanding(teams.list[index]!, firstBoard));
}

/** Team mode, host: ranked teams best first, then teams not ranked yet (the lobby's picks), at most HOST_PLAYER_LIST_LIMIT. */
function hostTeams(state: GameState): TeamStanding[] {
  const teams = state.teams!;
  const firstBoard = isFirstBoard(state);
  const listed = teams.ranking.length > 0 ? teams.ranking.map((index) => teams.list[index]!) : teams.list.filter((team) => team.memberCount > 0);
  return listed.slice(0, HOST_PLAYER_LIST_LIMIT).map((team) => teamStanding(team, firstBoard));
}

/**
 * How many players can answer the open question: those connected who were in the game when it
 * opened (late joiners play from the next one), plus those who answered and then went away, so
 * the host's "answered / can answer" never shows more answers than players. O(1).
 */
export function answerEligibleCount(state: GameState): number {
  const round = state.round;
  if (!round || round.closedAt !== null) return 0;
  return state.connectedPlayerCount - round.connectedLateCount + (round.answerCount - round.connectedAnswerCount);
}

function baseView(state: GameState, now: number, audience: Audience): GameViewBase {
  return {
    gameId: state.gameId,
    phase: state.phase,
    quizTitle: state.quizTitle,
    questionCount: state.questions.length,
    question: questionView(state, audience),
    countdown: countdown(state, now),
    reveal: revealView(state),
    playerCount: state.activePlayerCount,
    endedEarly: state.endedEarly,
    paused: state.paused !== null,
    nextGameCode: state.nextGameCode ?? null,
    ...(state.teams ? { teamMode: { size: state.teams.size, assignment: state.teams.assignment, talkMs: state.teams.talkMs } } : {}),
  };
}

export function playerRoomView(state: GameState, now: number): PlayerRoomView {
  return {
    ...baseView(state, now, "players"),
    top: leaderboard(state),
    ...(state.teams ? { topTeams: topTeams(state) } : {}),
    ...(isPickingTeams(state) ? { teamChoices: teamChoices(state) } : {}),
  };
}

/** Team mode, pick in the lobby: phones choose their teams now. */
export function isPickingTeams(state: GameState): boolean {
  return state.teams?.assignment === "pick" && state.phase === "lobby";
}

export function personalView(state: GameState, playerId: string): PersonalView | null {
  const player = state.players[playerId];
  if (!player) return null;
  const round = state.round;
  const locked = round && round.closedAt === null && round.answers[playerId] ? round.questionIndex : null;
  return {
    playerId: player.id,
    nickname: player.nickname,
    score: player.score,
    streak: player.streak,
    rank: player.rank,
    playerCount: state.activePlayerCount,
    lockedQuestionIndex: locked,
    lastRound: player.lastRound,
    firstQuestionIndex: player.firstQuestionIndex,
    ...(state.teams ? personalTeam(state, player) : {}),
  };
}

/** Team mode: the player's team and, in a pick-mode lobby, the teams on offer (at most one per colour). O(1). */
function personalTeam(state: GameState, player: GamePlayer): Pick<PersonalView, "team" | "teamCount" | "teamChoices"> {
  const teams = state.teams!;
  const team = player.team === undefined ? undefined : teams.list[player.team];
  const picking = isPickingTeams(state);
  return {
    team: team ? teamStanding(team, isFirstBoard(state)) : null,
    teamCount: teams.ranking.length,
    ...(picking ? { teamChoices: teamChoices(state) } : {}),
  };
}

/** The players the host removed, in join order: the latest HOST_PLAYER_LIST_LIMIT of them in a big game. */
function removedPlayers(state: GameState): { listed: Array<{ id: string; nickname: string }>; notListed: number } {
  const removed = allPlayers(state).filter((player) => player.removed);
  const listed = removed.slice(Math.max(0, removed.length - HOST_PLAYER_LIST_LIMIT)).map((player) => ({ id: player.id, nickname: player.nickname }));
  return { listed, notListed: removed.length - listed.length };
}

/** Everyone in join order while they fit; else those needing attention first, then the latest joiners. */
function listedPlayers(state: GameState): GamePlayer[] {
  const players = activePlayers(state);
  if (players.length <= HOST_PLAYER_LIST_LIMIT) return players;
  // Those asking to come back on a new device first: they are waiting for the teacher.
  const asking = players.filter((player) => player.takeoverRequested);
  const offline = players.filter((player) => !player.connected && !player.takeoverRequested);
  const attention = [...asking, ...offline].slice(0, HOST_PLAYER_LIST_LIMIT / 2);
  const listed = new Set(attention);
  for (let i = players.length - 1; i >= 0 && listed.size < HOST_PLAYER_LIST_LIMIT; i--) listed.add(players[i]!);
  return [...listed].sort((a, b) => a.joinSeq - b.joinSeq);
}

export function hostView(state: GameState, now: number): HostView {
  const players = listedPlayers(state);
  const removed = removedPlayers(state);
  return {
    ...baseView(state, now, "host"),
    code: state.code,
    theme: state.theme ?? null,
    leaderboard: leaderboard(state),
    players: players.map((player) => ({
      id: player.id,
      nickname: player.nickname,
      connected: player.connected,
      takeoverRequested: player.takeoverRequested,
      ...(player.team !== undefined ? { team: player.team } : {}),
    })),
    playersNotListed: state.activePlayerCount - players.length,
    removedPlayers: removed.listed,
    removedNotListed: removed.notListed,
    connectedCount: state.connectedPlayerCount,
    answerCount: state.round?.answerCount ?? 0,
    answerEligible: answerEligibleCount(state),
    locked: state.locked,
    ...(state.generatedNicknames ? { generatedNicknames: true as const } : {}),
    ...(state.teams ? { teams: hostTeams(state) } : {}),
    ...(state.phase === "reveal" && state.round?.summary?.wrongAnswers ? { wrongAnswers: state.round.summary.wrongAnswers } : {}),
  };
}
