import { describe, expect, it } from "vitest";
import {
  advanceClock,
  compareStanding,
  hostView,
  nextStep,
  personalView,
  playerRoomView,
  standings,
  submitAnswer,
  type GamePlayer,
  type GameState,
} from "../../../server/engine";
import { freshPlayer } from "../../../server/engine/players";
import { DEFAULT_T, eventTypes, join, newGame, ok, openCurrent, startAndOpen } from "../../support/engine-fixtures";

function player(overrides: Partial<GamePlayer>): GamePlayer {
  return {
    ...freshPlayer({ id: "x", nickname: "x", joinSeq: 1, joinedAt: 0, firstQuestionIndex: 0, tokenHash: "" }),
    ...overrides,
  };
}

describe("compareStanding", () => {
  it("orders by score, then lower correct response time, then earlier join", () => {
    const high = player({ id: "high", score: 2000, correctResponseMs: 9_000, joinSeq: 9 });
    const fast = player({ id: "fast", score: 1500, correctResponseMs: 100, joinSeq: 8 });
    const slowEarly = player({ id: "slowEarly", score: 1500, correctResponseMs: 400, joinSeq: 1 });
    const slowLate = player({ id: "slowLate", score: 1500, correctResponseMs: 400, joinSeq: 2 });
    const zero = player({ id: "zero", score: 0, joinSeq: 0 });
    const sorted = [zero, slowLate, slowEarly, fast, high].sort(compareStanding);
    expect(sorted.map((p) => p.id)).toEqual(["high", "fast", "slowEarly", "slowLate", "zero"]);
  });
});

/** Answers in the open round: entries are [playerId, choice, t]; then closes it by timeout. */
function round(state: GameState, answers: Array<[string, number[], number]>) {
  const opened = openCurrent(state);
  for (const [playerId, choice, t] of answers) {
    ok(submitAnswer(state, { playerId, questionIndex: state.round!.questionIndex, choice, now: opened + t }));
  }
  if (state.phase === "answering") ok(advanceClock(state, opened + DEFAULT_T));
  expect(state.phase).toBe("reveal");
  ok(nextStep(state, opened + DEFAULT_T + 1));
  expect(state.phase).toBe("leaderboard");
  return opened + DEFAULT_T + 1;
}

describe("leaderboard ties through the game", () => {
  it("equal scores: lower total response time of correct answers first, then earlier join", () => {
    const state = newGame({ questions: [{}, {}] });
    const [p1, p2, p3, p4] = join(state, 4);
    startAndOpen(state);
    // All correct within 0.5 s → 1000 each; response times differ.
    round(state, [
      [p1!, [0], 400],
      [p2!, [0], 100],
      [p3!, [0], 250],
      [p4!, [0], 250],
    ]);
    expect(state.ranking).toEqual([p2, p3, p4, p1]);
    expect([p1, p2, p3, p4].map((id) => state.players[id!]!.rank)).toEqual([4, 1, 2, 3]);
    expect(standings(state)).toEqual([
      { playerId: p2, score: 1000, rank: 1 },
      { playerId: p3, score: 1000, rank: 2 },
      { playerId: p4, score: 1000, rank: 3 },
      { playerId: p1, score: 1000, rank: 4 },
    ]);
  });

  it("nobody answered: join order", () => {
    const state = newGame({ questions: [{}] });
    const ids = join(state, 4);
    startAndOpen(state);
    round(state, []);
    expect(state.ranking).toEqual(ids);
  });

  it("the response-time tie-break only counts correct answers", () => {
    const state = newGame({ questions: [{}, {}] });
    const [p1, p2] = join(state, 2);
    startAndOpen(state);
    // Q1: p1 correct at 100 ms, p2 correct at 300 ms. Q2: p1 wrong (fast), p2 wrong (slow). Both 1000; p1 is faster on correct answers.
    round(state, [
      [p1!, [0], 100],
      [p2!, [0], 300],
    ]);
    ok(nextStep(state, 0));
    round(state, [
      [p2!, [1], 0],
      [p1!, [1], 19_000],
    ]);
    expect(state.players[p1!]!.correctResponseMs).toBe(100);
    expect(state.players[p2!]!.correctResponseMs).toBe(300);
    expect(state.ranking).toEqual([p1, p2]);
  });
});

describe("rank movement between rounds", () => {
  it("shows no change (not 'new') on the first leaderboard, then positions gained or lost", () => {
    const state = newGame({ questions: [{}, {}, {}] });
    const [a, b, c] = join(state, 3);
    startAndOpen(state);
    // Q1: a 1000, b 750, c 0.
    let now = round(state, [
      [a!, [0], 0],
      [b!, [0], 10_000],
      [c!, [1], 0],
    ]);
    expect(playerRoomView(state, now).top.map((e) => [e.playerId, e.score, e.rank, e.movement])).toEqual([
      [a, 1000, 1, 0],
      [b, 750, 2, 0],
      [c, 0, 3, 0],
    ]);
    ok(nextStep(state, now));
    // Q2: b 1000 + 100 streak → 1850; c 1000 at 200 ms → 1000; a wrong → 1000 (a ranks above c: 0 ms vs 200 ms of correct answers).
    now = round(state, [
      [b!, [0], 0],
      [c!, [0], 200],
      [a!, [2], 0],
    ]);
    expect(playerRoomView(state, now).top.map((e) => [e.playerId, e.score, e.rank, e.movement])).toEqual([
      [b, 1850, 1, 1],
      [a, 1000, 2, -1],
      [c, 1000, 3, 0],
    ]);
    expect(hostView(state, now).leaderboard).toEqual(playerRoomView(state, now).top);
    expect(personalView(state, b!)).toMatchObject({ rank: 1, score: 1850, streak: 2 });
    ok(nextStep(state, now));
    // Q3: c 1000 + 100 → 2100 jumps to 1st.
    now = round(state, [
      [c!, [0], 0],
      [a!, [3], 0],
      [b!, [3], 0],
    ]);
    expect(playerRoomView(state, now).top.map((e) => [e.playerId, e.rank, e.movement])).toEqual([
      [c, 1, 2],
      [b, 2, -1],
      [a, 3, -1],
    ]);
  });

  it("leaderboard shows the top 5; the podium and finished show the top 3 with final standings", () => {
    const state = newGame({ questions: [{}] });
    const ids = join(state, 7);
    startAndOpen(state);
    // Player i answers correctly at 1 s + i s → strictly decreasing scores in join order.
    const now = round(
      state,
      ids.map((id, i) => [id, [0], 1_000 + i * 1_000] as [string, number[], number]),
    );
    const top = playerRoomView(state, now).top;
    expect(top.map((e) => e.playerId)).toEqual(ids.slice(0, 5));
    expect(top.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(top[0]).toEqual({ playerId: ids[0], nickname: "Player1", score: 975, rank: 1, movement: 0 });
    expect(hostView(state, now).leaderboard).toHaveLength(5);

    const events = ok(nextStep(state, now + 1));
    expect(eventTypes(events)).toEqual(["phase:podium", "game-finished"]);
    const finished = events[1]!;
    if (finished.type !== "game-finished") throw new Error("expected game-finished");
    expect(finished.standings.map((s) => s.playerId)).toEqual(ids);
    expect(finished.standings.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(playerRoomView(state, now + 1).top.map((e) => e.playerId)).toEqual(ids.slice(0, 3));
    expect(hostView(state, now + 1).leaderboard.map((e) => e.playerId)).toEqual(ids.slice(0, 3));
    ok(nextStep(state, now + 2));
    expect(state.phase).toBe("finished");
    expect(playerRoomView(state, now + 2).top.map((e) => e.playerId)).toEqual(ids.slice(0, 3));
  });

  it("no leaderboard entries outside leaderboard/podium/finished", () => {
    const state = newGame({ questions: [{}, {}] });
    const [a] = join(state, 2);
    expect(playerRoomView(state, 0).top).toEqual([]);
    const opened = startAndOpen(state);
    expect(playerRoomView(state, opened).top).toEqual([]);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: opened }));
    ok(advanceClock(state, opened + DEFAULT_T));
    expect(playerRoomView(state, opened + DEFAULT_T).top).toEqual([]); // reveal
    expect(hostView(state, opened + DEFAULT_T).leaderboard).toEqual([]);
  });
});
