/**
 * Team mode. The host picks a team size (2–6) and how teams are made:
 * - "balanced": at the start the server deals the players out in join order, one to each team in
 *   turn, into ceil(players / size) teams (sizes differ by at most one; friends who join one after
 *   the other land in different teams);
 * - "pick": in the lobby each phone picks one of the teams on offer (a team holds `size` players);
 *   at the start whoever hasn't picked goes to the smallest team, new teams being made while every
 *   team is full.
 * Late joiners go to the team with the fewest members in the game now (connected), never to a team
 * that has dropped out. A team drops out of the team ranking while none of its members is in the
 * game (all removed, or all away: their phones disconnected); it is back, with its points, when
 * one of them comes back.
 *
 * A team's points for a round are the average (rounded) of the round points of its members who
 * were in that round (those who joined during it play from the next one; a member who didn't
 * answer counts as 0), so a bigger team has no edge. Its score is the sum of its round points.
 */
import { MAX_PICKABLE_TEAMS } from "../../src/protocol/teams";
import { accepted, refusal, type EngineResult } from "./result";
import type { GamePlayer, GameState, GameTeam, GameTeams } from "./types";

export interface TeamOptions {
  size: number;
  assignment: GameTeams["assignment"];
  talkMs: number;
}

export function newTeams(options: TeamOptions): GameTeams {
  return { size: options.size, assignment: options.assignment, talkMs: options.talkMs, formed: false, list: [], ranking: [], bySize: [] };
}

function newTeam(index: number): GameTeam {
  return { index, memberCount: 0, presentCount: 0, score: 0, rank: null, previousRank: null, lastRoundPoints: 0 };
}

/** Whether the player counts as in the game now for their team: not removed and connected. */
function isPresent(player: GamePlayer): boolean {
  return !player.removed && player.connected;
}

function teamAt(teams: GameTeams, index: number): GameTeam {
  while (teams.list.length <= index) teams.list.push(newTeam(teams.list.length));
  return teams.list[index]!;
}

function listBySize(teams: GameTeams, team: GameTeam): void {
  (teams.bySize[team.presentCount] ??= []).push(team.index);
}

function addMember(teams: GameTeams, player: GamePlayer, index: number): void {
  const team = teamAt(teams, index);
  player.team = index;
  team.memberCount += 1;
  if (isPresent(player)) team.presentCount += 1;
  listBySize(teams, team);
}

function dropMember(teams: GameTeams, player: GamePlayer): void {
  const team = player.team === undefined ? undefined : teams.list[player.team];
  if (!team) return;
  team.memberCount -= 1;
  if (isPresent(player)) team.presentCount -= 1;
  listBySize(teams, team);
}

/**
 * Buckets of teams by a count (`bySize[n]`: teams that had n when listed); the smallest non-zero
 * one, ties the one listed last, or null. O(1) amortised: stale entries are dropped as they are met.
 */
function smallestListed(teams: GameTeams, bySize: number[][], countOf: (team: GameTeam) => number): GameTeam | null {
  for (let size = 1; size < bySize.length; size++) {
    const listed = bySize[size];
    while (listed && listed.length > 0) {
      const team = teams.list[listed[listed.length - 1]!]!;
      if (countOf(team) === size) return team;
      listed.pop();
    }
  }
  return null;
}

/**
 * The team with the fewest members in the game now, among teams that have any (a team that
 * dropped out is never picked: the newcomer would play alone on its points), or a new team.
 */
function smallestTeam(teams: GameTeams): GameTeam {
  return smallestListed(teams, teams.bySize, (team) => team.presentCount) ?? teamAt(teams, teams.list.length);
}

/** How many teams a pick-mode lobby offers now: room for everyone in and the next one, at least two, at most one per colour. */
export function offeredTeamCount(state: GameState): number {
  const teams = state.teams!;
  const needed = Math.ceil((state.activePlayerCount + 1) / teams.size);
  return Math.min(MAX_PICKABLE_TEAMS, Math.max(2, needed, teams.list.length));
}

/** The teams a phone may pick from in the lobby, with how many are in each (bounded: at most one per colour). */
export function teamChoices(state: GameState): Array<{ team: number; members: number; full: boolean }> {
  const teams = state.teams!;
  return Array.from({ length: offeredTeamCount(state) }, (_, team) => {
    const members = teams.list[team]?.memberCount ?? 0;
    return { team, members, full: members >= teams.size };
  });
}

/** A phone picks its team in the lobby (pick mode), or moves to another one. */
export function pickTeam(state: GameState, input: { playerId: string; team: number }): EngineResult {
  const teams = state.teams;
  const player = state.players[input.playerId];
  if (!player || player.removed) return refusal("not-joined", "Join the game before picking a team.");
  if (!teams || teams.assignment !== "pick") return refusal("not-allowed", "In this game the teams are made for you.");
  if (state.phase !== "lobby") return refusal("game-started", "The teams are made: the game has started.");
  if (!Number.isInteger(input.team) || input.team < 0 || input.team >= offeredTeamCount(state)) return refusal("invalid-request", "That team isn't one of the teams on offer.");
  if (player.team === input.team) return accepted([]);
  if ((teams.list[input.team]?.memberCount ?? 0) >= teams.size) return refusal("team-full", "That team is full. Pick another one.");
  dropMember(teams, player);
  addMember(teams, player, input.team);
  return accepted([{ type: "team-picked", playerId: player.id, team: input.team }]);
}

/**
 * At the start: everyone without a team gets one. Balanced: dealt out in join order; pick: each
 * to the smallest team, making new ones while every team is full. Teams left empty stay out.
 */
export function formTeams(state: GameState): Array<{ playerId: string; team: number }> {
  const teams = state.teams!;
  teams.formed = true;
  const waiting: GamePlayer[] = [];
  for (const id in state.players) {
    const player = state.players[id]!;
    if (!player.removed && player.team === undefined) waiting.push(player);
  }
  const teamCount = Math.max(1, Math.ceil(state.activePlayerCount / teams.size));
  if (teams.assignment === "balanced") {
    waiting.forEach((player, at) => addMember(teams, player, at % teamCount));
  } else {
    for (let index = 0; index < teamCount; index++) teamAt(teams, index);
    // By member count, away members included (a picked place is taken): empty teams first (the
    // smallest-team search only looks at teams that have members), then the smallest.
    const bySize: number[][] = [];
    const list = (team: GameTeam) => (bySize[team.memberCount] ??= []).push(team.index);
    teams.list.forEach(list);
    const empty = teams.list.filter((team) => team.memberCount === 0).map((team) => team.index);
    let nextEmpty = 0;
    for (const player of waiting) {
      const smallest = nextEmpty < empty.length ? null : smallestListed(teams, bySize, (team) => team.memberCount);
      const index = nextEmpty < empty.length ? empty[nextEmpty++]! : !smallest || smallest.memberCount >= teams.size ? teams.list.length : smallest.index;
      addMember(teams, player, index);
      list(teams.list[index]!);
    }
  }
  return waiting.map((player) => ({ playerId: player.id, team: player.team! }));
}

/** A player joining after the start joins the team with the fewest members in the game now. */
export function placeLateJoiner(state: GameState, player: GamePlayer): void {
  const teams = state.teams;
  if (!teams || !teams.formed) return;
  addMember(teams, player, smallestTeam(teams).index);
  if (isRanked(state) && teams.list[player.team!]!.presentCount === 1) rankTeams(state, false);
}

/**
 * A member's phone connected or went away (call after `player.connected` changed). The team drops
 * out of the ranking when its last member in the game goes, and is back when one returns. O(1)
 * unless the team drops out or comes back.
 */
export function teamMemberPresence(state: GameState, player: GamePlayer): void {
  const teams = state.teams;
  const team = teams && player.team !== undefined ? teams.list[player.team] : undefined;
  if (!teams || !team || player.removed) return;
  team.presentCount += player.connected ? 1 : -1;
  listBySize(teams, team);
  // Only when the team drops out (last one away) or comes back (first one back).
  if (team.presentCount === (player.connected ? 1 : 0) && isRanked(state)) rankTeams(state, false);
}

/** Whether a round has closed, so the teams have a ranking to keep up to date. */
function isRanked(state: GameState): boolean {
  const round = state.round;
  return state.teams!.formed && round !== null && (round.closedAt !== null || round.questionIndex > 0);
}

/** A member was removed or taken back: their team has one fewer (and drops out at none). */
export function teamMemberLeft(state: GameState, player: GamePlayer): void {
  const teams = state.teams;
  if (!teams || player.team === undefined) return;
  dropMember(teams, player);
  if (isRanked(state)) rankTeams(state, false);
}

/** A removed member was let back in (away until their phone joins again). */
export function teamMemberBack(state: GameState, player: GamePlayer): void {
  const teams = state.teams;
  const team = teams && player.team !== undefined ? teams.list[player.team] : undefined;
  if (!teams || !team) return;
  team.memberCount += 1;
  if (isPresent(player)) team.presentCount += 1;
  listBySize(teams, team);
  if (isRanked(state)) rankTeams(state, false);
}

/** Adds up a closed round per team: call `add` for every member in the round, then `close`. */
export function roundTally(state: GameState) {
  const teams = state.teams;
  if (!teams) return null;
  const sums = new Array<number>(teams.list.length).fill(0);
  const counts = new Array<number>(teams.list.length).fill(0);
  return {
    add(player: GamePlayer, points: number) {
      if (player.team === undefined) return;
      sums[player.team] = (sums[player.team] ?? 0) + points;
      counts[player.team] = (counts[player.team] ?? 0) + 1;
    },
    close() {
      for (const team of teams.list) {
        const count = counts[team.index] ?? 0;
        team.lastRoundPoints = count > 0 ? teamRoundPoints(sums[team.index]!, count) : 0;
        team.score += team.lastRoundPoints;
      }
      rankTeams(state, true);
    },
  };
}

/** A team's points for a round: its members' average, rounded to a whole point. */
export function teamRoundPoints(memberPointsSum: number, membersInRound: number): number {
  return membersInRound > 0 ? Math.round(memberPointsSum / membersInRound) : 0;
}

/** Higher score first; ties: the team made first. */
function compareTeams(a: GameTeam, b: GameTeam): number {
  return b.score - a.score || a.index - b.index;
}

/** Ranks the teams with a member in the game (once per round, and after a team drops out or comes back). */
export function rankTeams(state: GameState, newRound: boolean): void {
  const teams = state.teams;
  if (!teams) return;
  const playing = teams.list.filter((team) => team.presentCount > 0).sort(compareTeams);
  for (const team of teams.list) {
    if (newRound) team.previousRank = team.rank;
    if (team.presentCount === 0) team.rank = null;
  }
  playing.forEach((team, at) => (team.rank = at + 1));
  teams.ranking = playing.map((team) => team.index);
}

/** The teams' member counts and size lists again from the players (after a restart). */
export function rebuildTeams(state: GameState): void {
  const teams = state.teams;
  if (!teams) return;
  for (const team of teams.list) {
    team.memberCount = 0;
    team.presentCount = 0;
  }
  teams.bySize = [];
  for (const id in state.players) {
    const player = state.players[id]!;
    if (player.removed || player.team === undefined) continue;
    const team = teamAt(teams, player.team);
    team.memberCount += 1;
    if (isPresent(player)) team.presentCount += 1;
  }
  for (const team of teams.list) listBySize(teams, team);
  if (isRanked(state)) rankTeams(state, false);
}

/** When the team talk of the open question begins (its read time over), or null without one. */
export function talkStartsAt(state: GameState, readTimeMs: number): number | null {
  const round = state.round;
  if (!round || !state.teams || state.teams.talkMs <= 0) return null;
  return round.readStartedAt + readTimeMs;
}

/** The read time of a question, with the team talk on top in team mode. */
export function readDurationMs(state: GameState, readTimeMs: number): number {
  return readTimeMs + (state.teams?.talkMs ?? 0);
}
