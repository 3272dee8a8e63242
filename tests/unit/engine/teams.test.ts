import { describe, expect, it } from "vitest";
import {
  addPlayer,
  advanceClock,
  endGame,
  hostView,
  nextDeadline,
  nextStep,
  personalView,
  pickTeam,
  playerRoomView,
  prepareAfterRestart,
  readmitPlayer,
  removePlayer,
  setPlayerConnected,
  startGame,
  submitAnswer,
  teamRoundPoints,
  type GameState,
} from "../../../server/engine";
import { packGameState, unpackGameState } from "../../../server/rooms/snapshot";
import { restorePlayer } from "../../../server/engine/restore";
import { DEFAULT_READ, join, newGame, ok, openCurrent, T0 } from "../../support/engine-fixtures";

const balanced = (size = 3, talkMs = 0) => newGame({ teams: { size, assignment: "balanced", talkMs } });
const picking = (size = 2) => newGame({ teams: { size, assignment: "pick", talkMs: 0 } });

function teamSizes(state: GameState): number[] {
  return state.teams!.list.map((team) => team.memberCount);
}

function membersOf(state: GameState, team: number): string[] {
  return Object.values(state.players).filter((player) => player.team === team && !player.removed).map((player) => player.id);
}

describe("team assignment", () => {
  it("deals the players out at the start in join order, into ceil(players / size) teams whose sizes differ by at most one", () => {
    const state = balanced(3);
    const ids = join(state, 10);
    expect(Object.values(state.players).every((player) => player.team === undefined)).toBe(true);
    const events = ok(startGame(state, T0 + 1000));
    expect(teamSizes(state)).toEqual([3, 3, 2, 2]);
    expect(membersOf(state, 0)).toEqual([ids[0], ids[4], ids[8]]);
    const formed = events.find((event) => event.type === "teams-formed");
    expect(formed && formed.type === "teams-formed" && formed.assignments).toHaveLength(10);
  });

  it("makes one team when there are fewer players than the size", () => {
    const state = balanced(4);
    join(state, 3);
    ok(startGame(state, T0 + 1000));
    expect(teamSizes(state)).toEqual([3]);
  });

  it("lets phones pick a team in the lobby, refuses a full one, and places whoever didn't pick in the smallest team at the start", () => {
    const state = picking(2);
    const [a, b, c, d, e] = join(state, 5);
    ok(pickTeam(state, { playerId: a!, team: 1 }));
    ok(pickTeam(state, { playerId: b!, team: 1 }));
    const full = pickTeam(state, { playerId: c!, team: 1 });
    expect(full.ok === false && full.code).toBe("team-full");
    ok(pickTeam(state, { playerId: c!, team: 0 }));
    // Moving to another team frees the place in the first.
    ok(pickTeam(state, { playerId: c!, team: 2 }));
    expect(teamSizes(state)).toEqual([0, 2, 1]);
    expect(personalView(state, d!)!.teamChoices!.map((choice) => choice.full)).toEqual([false, true, false]);
    ok(startGame(state, T0 + 1000));
    // 5 players, teams of 2: 3 teams; the empty one is filled first, then the smallest.
    expect(teamSizes(state).sort()).toEqual([1, 2, 2]);
    expect(state.players[d!]!.team).toBe(0);
    expect([0, 2]).toContain(state.players[e!]!.team);
    expect(pickTeam(state, { playerId: a!, team: 0 }).ok).toBe(false);
  });

  it("refuses a pick in a balanced game and a team that isn't on offer", () => {
    const state = balanced();
    const [a] = join(state, 1);
    expect(pickTeam(state, { playerId: a!, team: 0 }).ok).toBe(false);
    const picks = picking(2);
    const [b] = join(picks, 1);
    expect(pickTeam(picks, { playerId: b!, team: 12 }).ok).toBe(false);
  });

  it("puts late joiners in the smallest team still playing", () => {
    const state = balanced(3);
    join(state, 7);
    ok(startGame(state, T0 + 1000));
    expect(teamSizes(state)).toEqual([3, 2, 2]);
    const [late1] = join(state, 1, T0 + 2000);
    const [late2] = join(state, 1, T0 + 2001);
    expect(state.players[late1!]!.team).not.toBe(0);
    expect(state.players[late2!]!.team).not.toBe(0);
    expect(state.players[late2!]!.team).not.toBe(state.players[late1!]!.team);
    expect(teamSizes(state)).toEqual([3, 3, 3]);
    join(state, 1, T0 + 2002);
    expect(teamSizes(state).sort()).toEqual([3, 3, 4]);
  });

  it("drops a team out of the ranking once all its members are removed, and a late joiner doesn't revive it", () => {
    const state = balanced(2);
    join(state, 4);
    ok(startGame(state, T0 + 1000));
    openCurrent(state);
    ok(advanceClock(state, nextDeadline(state)!));
    expect(state.teams!.ranking).toHaveLength(2);
    for (const id of membersOf(state, 1)) ok(removePlayer(state, { playerId: id, now: T0 + 40_000 }));
    expect(state.teams!.ranking).toEqual([0]);
    expect(state.teams!.list[1]!.rank).toBeNull();
    const [late] = join(state, 1, T0 + 41_000);
    expect(state.players[late!]!.team).toBe(0);
    const back = membersOf(state, 1)[0] ?? Object.values(state.players).find((player) => player.team === 1)!.id;
    ok(readmitPlayer(state, { playerId: back }));
    // Let back in, the player is away until their phone joins again: then the team is back.
    expect(state.teams!.ranking).toEqual([0]);
    ok(setPlayerConnected(state, { playerId: back, connected: true, now: T0 + 42_000 }));
    expect(state.teams!.ranking).toContain(1);
  });
});

describe("teams whose members all left", () => {
  /** Four players in teams of two, one question closed: team 0 = a, c; team 1 = b, d. */
  function afterFirstQuestion() {
    const state = balanced(2);
    const [a, b, c, d] = join(state, 4);
    ok(startGame(state, T0 + 1000));
    const opened = openCurrent(state);
    ok(submitAnswer(state, { playerId: b!, questionIndex: 0, choice: [0], now: opened + 500 }));
    ok(advanceClock(state, nextDeadline(state)!));
    return { state, a: a!, b: b!, c: c!, d: d! };
  }
  const away = (state: GameState, playerId: string, now = T0 + 40_000) => ok(setPlayerConnected(state, { playerId, connected: false, now }));
  const back = (state: GameState, playerId: string, now = T0 + 41_000) => ok(setPlayerConnected(state, { playerId, connected: true, now }));

  it("drops a team out of the ranking and the boards while none of its members is connected, and brings it back with its points", () => {
    const { state, b, d } = afterFirstQuestion();
    expect(state.teams!.ranking).toEqual([1, 0]);
    const points = state.teams!.list[1]!.score;
    expect(points).toBeGreaterThan(0);
    away(state, b);
    expect(state.teams!.ranking).toEqual([1, 0]);
    away(state, d);
    expect(state.teams!.ranking).toEqual([0]);
    expect(state.teams!.list[1]!.rank).toBeNull();
    ok(nextStep(state, T0 + 42_000));
    expect(playerRoomView(state, T0 + 42_000).topTeams!.map((team) => team.team)).toEqual([0]);
    expect(hostView(state, T0 + 42_000).teams!.map((team) => team.team)).toEqual([0]);
    back(state, d, T0 + 43_000);
    expect(state.teams!.ranking).toEqual([1, 0]);
    expect(state.teams!.list[1]!).toMatchObject({ score: points, rank: 1 });
    expect(playerRoomView(state, T0 + 43_000).topTeams!.map((team) => team.team)).toEqual([1, 0]);
  });

  it("leaves a team that left off the podium", () => {
    const { state, b, d } = afterFirstQuestion();
    away(state, b);
    away(state, d);
    ok(endGame(state, T0 + 50_000));
    expect(playerRoomView(state, T0 + 50_000).topTeams!.map((team) => team.team)).toEqual([0]);
  });

  it("sends late joiners to the team with the fewest members connected, never to a team that dropped out", () => {
    const state = balanced(2);
    const [a, b, c, d, e, f] = join(state, 6);
    ok(startGame(state, T0 + 1000));
    // Teams: 0 = a, d; 1 = b, e; 2 = c, f.
    expect([a, d].map((id) => state.players[id!]!.team)).toEqual([0, 0]);
    expect([b, e, c, f].map((id) => state.players[id!]!.team)).toEqual([1, 1, 2, 2]);
    away(state, c!);
    away(state, f!);
    away(state, b!);
    const [late] = join(state, 1, T0 + 2000);
    // Team 2 has nobody in the game: the newcomer goes to team 1, where one of two is left.
    expect(state.players[late!]!.team).toBe(1);
  });
});

describe("team scoring", () => {
  it("gives a team the rounded average of its members' points in the round; a member who didn't answer counts as 0", () => {
    expect(teamRoundPoints(1000 + 500, 2)).toBe(750);
    expect(teamRoundPoints(1000, 3)).toBe(333);
    expect(teamRoundPoints(0, 0)).toBe(0);

    const state = balanced(2);
    const [a, b, c, d] = join(state, 4);
    ok(startGame(state, T0 + 1000));
    // Teams: 0 = a, c; 1 = b, d.
    const opened = openCurrent(state);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: opened + 1000 }));
    ok(submitAnswer(state, { playerId: c!, questionIndex: 0, choice: [1], now: opened + 1000 }));
    ok(submitAnswer(state, { playerId: b!, questionIndex: 0, choice: [0], now: opened + 2000 }));
    ok(advanceClock(state, nextDeadline(state)!));
    const [team0, team1] = state.teams!.list;
    expect(team0!.lastRoundPoints).toBe(Math.round(state.players[a!]!.score / 2));
    expect(team1!.lastRoundPoints).toBe(Math.round(state.players[b!]!.score / 2));
    expect(state.players[d!]!.score).toBe(0);
    expect(state.teams!.ranking).toEqual([0, 1]);
    expect(team0!.rank).toBe(1);
  });

  it("doesn't count a late joiner in the round they joined during, so they don't pull their team down", () => {
    const state = balanced(2);
    const [a, b] = join(state, 2);
    ok(startGame(state, T0 + 1000));
    const opened = openCurrent(state);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: opened + 500 }));
    const [late] = join(state, 1, opened + 600);
    expect(state.players[late!]!.team).toBe(0);
    ok(submitAnswer(state, { playerId: b!, questionIndex: 0, choice: [0], now: opened + 700 }));
    expect(state.phase).toBe("reveal");
    expect(state.teams!.list[0]!.lastRoundPoints).toBe(Math.round((state.players[a!]!.score + state.players[b!]!.score) / 2));
  });

  it("shows the team ranking on the leaderboard and podium, the phone its team and rank, the host every team", () => {
    const state = balanced(2);
    const [a] = join(state, 4);
    ok(startGame(state, T0 + 1000));
    const opened = openCurrent(state);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: opened + 500 }));
    ok(advanceClock(state, nextDeadline(state)!));
    ok(nextStep(state, T0 + 60_000));
    const room = playerRoomView(state, T0 + 60_000);
    expect(room.topTeams!.map((team) => team.team)).toEqual([0, 1]);
    expect(room.teamMode).toEqual({ size: 2, assignment: "balanced", talkMs: 0 });
    const you = personalView(state, a!)!;
    expect(you.team).toMatchObject({ team: 0, rank: 1, members: 2 });
    expect(you.teamCount).toBe(2);
    expect(hostView(state, T0 + 60_000).teams).toHaveLength(2);
    expect(hostView(state, T0 + 60_000).players.every((player) => player.team !== undefined)).toBe(true);
  });
});

describe("team talk", () => {
  it("adds the talk time to every question's read time", () => {
    const state = balanced(2, 7_000);
    join(state, 2);
    ok(startGame(state, T0));
    expect(nextDeadline(state)).toBe(T0 + DEFAULT_READ);
    expect(playerRoomView(state, T0).countdown!.totalMs).toBe(DEFAULT_READ + 7_000);
    ok(advanceClock(state, T0 + DEFAULT_READ));
    expect(state.phase).toBe("question-read");
    expect(nextDeadline(state)).toBe(T0 + DEFAULT_READ + 7_000);
    ok(advanceClock(state, T0 + DEFAULT_READ + 7_000));
    expect(state.phase).toBe("answering");
  });

  it("shows the question's options on the phones and the big screen during the team talk, with answers still refused", () => {
    const state = balanced(2, 7_000);
    const [a] = join(state, 2);
    ok(startGame(state, T0));
    // The read time: the question without its options, as in a game without teams.
    expect(playerRoomView(state, T0).question!.options).toBeNull();
    expect(hostView(state, T0).question!.options).toBeNull();
    const events = ok(advanceClock(state, T0 + DEFAULT_READ));
    expect(events.map((event) => event.type)).toEqual(["team-talk-started"]);
    const options = state.questions[0]!.options.map((option) => ({ html: option.html }));
    expect(playerRoomView(state, T0 + DEFAULT_READ).question!.options).toEqual(options);
    expect(hostView(state, T0 + DEFAULT_READ).question!.options).toEqual(options);
    const early = submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: T0 + DEFAULT_READ + 1000 });
    expect(early.ok === false && early.code).toBe("not-accepting");
    // Never the right answer before the reveal.
    expect(JSON.stringify(playerRoomView(state, T0 + DEFAULT_READ))).not.toContain("correct");
  });

  it("starts the team talk with the question when there is no read time, and a late clock opens answers too", () => {
    const state = newGame({ settings: { readTimeSec: 0 }, teams: { size: 2, assignment: "balanced", talkMs: 5_000 } });
    join(state, 2);
    ok(startGame(state, T0));
    expect(state.phase).toBe("question-read");
    expect(playerRoomView(state, T0).question!.options).not.toBeNull();
    expect(nextDeadline(state)).toBe(T0 + 5_000);

    const late = balanced(2, 7_000);
    join(late, 2);
    ok(startGame(late, T0));
    ok(advanceClock(late, T0 + DEFAULT_READ + 9_000));
    expect(late.phase).toBe("answering");
  });
});

describe("team restore", () => {
  it("keeps each player's team and the team scores through a snapshot and a restart", () => {
    const state = balanced(2);
    const ids = join(state, 4);
    ok(startGame(state, T0 + 1000));
    const opened = openCurrent(state);
    ok(submitAnswer(state, { playerId: ids[0]!, questionIndex: 0, choice: [0], now: opened + 500 }));
    ok(advanceClock(state, nextDeadline(state)!));
    const restored = unpackGameState(JSON.parse(JSON.stringify(packGameState(state))));
    for (const [seq, id] of ids.entries()) restorePlayer(restored, { id, nickname: `Player${seq + 1}`, joinSeq: seq + 1, joinedAt: T0, removed: false, tokenHash: "" });
    prepareAfterRestart(restored, T0 + 90_000);
    expect(ids.map((id) => restored.players[id]!.team)).toEqual(ids.map((id) => state.players[id]!.team));
    expect(restored.teams!.list.map((team) => [team.memberCount, team.score])).toEqual(state.teams!.list.map((team) => [team.memberCount, team.score]));
    const [late] = ["late-1"];
    ok(addPlayer(restored, { playerId: late!, nickname: "Latecomer", now: T0 + 91_000 }));
    expect(restored.players[late!]!.team).toBeDefined();
  });
});
