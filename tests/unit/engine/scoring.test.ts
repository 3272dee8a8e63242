import { describe, expect, it } from "vitest";
import {
  FULL_POINTS_WINDOW_MS,
  MAX_POINTS,
  advanceClock,
  isCorrectChoice,
  nextStep,
  pointsForCorrectAnswer,
  streakBonus,
  submitAnswer,
  type GameState,
} from "../../../server/engine";
import { DEFAULT_T, join, newGame, ok, openCurrent, roundClosed, startAndOpen } from "../../support/engine-fixtures";

/** The spec's formula in exact integer arithmetic: round(1000 × (1 − (t ÷ T) ÷ 2)), halves rounded up. */
function referencePoints(t: number, T: number): number {
  if (t <= 500) return 1000;
  // 1000 − 500t/T = (1000T − 500t)/T ; round half up = floor((2·num + T) / (2T))
  const num = 1000 * T - 500 * Math.min(t, T);
  return Math.floor((2 * num + T) / (2 * T));
}

describe("pointsForCorrectAnswer", () => {
  it.each([
    [0, 20_000, 1000],
    [1, 20_000, 1000],
    [500, 20_000, 1000],
    [501, 20_000, 987], // 1000 × (1 − 0.0125…) = 987.475
    [1_000, 20_000, 975],
    [10_000, 20_000, 750], // T/2
    [15_000, 20_000, 625],
    [19_999, 20_000, 500], // 500.025
    [20_000, 20_000, 500], // T
    [501, 10_000, 975], // 974.95
    [5_000, 10_000, 750],
    [10_000, 10_000, 500],
    [30_000, 60_000, 750],
  ])("t=%i, T=%i → %i", (t, T, expected) => {
    expect(pointsForCorrectAnswer(t, T)).toBe(expected);
    expect(referencePoints(t, T)).toBe(expected);
  });

  it("never goes below half points, even past the limit", () => {
    expect(pointsForCorrectAnswer(25_000, 20_000)).toBe(500);
  });

  it("exposes the documented constants", () => {
    expect(MAX_POINTS).toBe(1000);
    expect(FULL_POINTS_WINDOW_MS).toBe(500);
  });

  it("is monotonically non-increasing in t", () => {
    let last = Infinity;
    for (let t = 0; t <= DEFAULT_T; t += 7) {
      const points = pointsForCorrectAnswer(t, DEFAULT_T);
      expect(points).toBeLessThanOrEqual(last);
      last = points;
    }
  });

  // Exact-half values (1000 − 500t/T ends in .5) must round the same way every time. With T = 20 s,
  // t = 540 gives 986.5 → 987 (rounded up), so t = 5140 (871.5) must give 872, not 871.
  it("rounds exact halves consistently (no floating-point drift)", () => {
    expect(pointsForCorrectAnswer(540, 20_000)).toBe(987);
    expect(pointsForCorrectAnswer(5_140, 20_000)).toBe(872);
    expect(pointsForCorrectAnswer(1_285, 5_000)).toBe(872);
    const mismatches: string[] = [];
    for (const T of [5_000, 10_000, 20_000, 30_000]) {
      for (let t = 0; t <= T; t++) {
        const got = pointsForCorrectAnswer(t, T);
        const want = referencePoints(t, T);
        if (got !== want) mismatches.push(`t=${t} T=${T}: ${got} (want ${want})`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});

describe("streakBonus", () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 100],
    [3, 200],
    [4, 300],
    [5, 400],
    [6, 500],
    [7, 500],
    [50, 500],
  ])("streak %i → +%i", (streak, bonus) => {
    expect(streakBonus(streak)).toBe(bonus);
  });
});

describe("isCorrectChoice", () => {
  it("is an exact set match", () => {
    expect(isCorrectChoice([0, 2], [0, 2])).toBe(true);
    expect(isCorrectChoice([0], [0, 2])).toBe(false);
    expect(isCorrectChoice([0, 1, 2], [0, 2])).toBe(false);
    expect(isCorrectChoice([1, 3], [0, 2])).toBe(false);
    expect(isCorrectChoice([], [0])).toBe(false);
    expect(isCorrectChoice([1], [1])).toBe(true);
  });
});

/** Plays one round where each entry answers at opened + t (or not at all), then closes it by timeout. */
function playRound(state: GameState, answers: Record<string, { choice: number[]; t: number } | null>) {
  const opened = openCurrent(state);
  const questionIndex = state.round!.questionIndex;
  for (const [playerId, answer] of Object.entries(answers)) {
    if (answer && state.phase === "answering") {
      ok(submitAnswer(state, { playerId, questionIndex, choice: answer.choice, now: opened + answer.t }));
    }
  }
  const events = state.phase === "answering" ? ok(advanceClock(state, state.round!.deadline!)) : [];
  expect(state.phase).toBe("reveal");
  return { opened, events };
}

function toNextQuestion(state: GameState, now: number) {
  ok(nextStep(state, now)); // leaderboard
  ok(nextStep(state, now)); // next question
}

describe("scoring through the game", () => {
  it("scores t = 0, 500, 501, T/2 and T (the deadline itself is still on time)", () => {
    const state = newGame();
    const ids = join(state, 6);
    const opened = startAndOpen(state);
    const times = [0, 500, 501, 10_000, 20_000];
    times.forEach((t, i) => ok(submitAnswer(state, { playerId: ids[i]!, questionIndex: 0, choice: [0], now: opened + t })));
    ok(advanceClock(state, opened + DEFAULT_T));
    expect(ids.map((id) => state.players[id]!.score)).toEqual([1000, 1000, 987, 750, 500, 0]);
    expect(ids.map((id) => state.players[id]!.lastRound?.responseMs ?? null)).toEqual([0, 500, 501, 10_000, 20_000, null]);
  });

  it("uses the per-question time limit as T", () => {
    const state = newGame({ questions: [{ timeLimitSec: 10 }] });
    const [a] = join(state, 1);
    const opened = startAndOpen(state);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: opened + 5_000 }));
    expect(state.players[a!]!.score).toBe(750);
  });

  it("wrong and missing answers score 0", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    startAndOpen(state);
    playRound(state, { [a!]: { choice: [3], t: 0 }, [b!]: null });
    expect(state.players[a!]).toMatchObject({ score: 0, streak: 0, correctCount: 0, correctResponseMs: 0 });
    expect(state.players[a!]!.lastRound).toMatchObject({ answered: true, correct: false, points: 0, choice: [3] });
    expect(state.players[b!]).toMatchObject({ score: 0, streak: 0 });
    expect(state.players[b!]!.lastRound).toEqual({ questionIndex: 0, answered: false, choice: [], correct: false, points: 0, streak: 0, responseMs: null });
  });

  it("streak bonus for 7 correct answers in a row: +0, +100, +200, +300, +400, +500, +500", () => {
    const state = newGame({ questions: Array.from({ length: 7 }, () => ({})) });
    const [a] = join(state, 1);
    startAndOpen(state);
    const perRound: number[] = [];
    const streaks: number[] = [];
    for (let q = 0; q < 7; q++) {
      const { events } = playRoundEarly(state, a!, [0], 0);
      perRound.push(state.players[a!]!.lastRound!.points);
      streaks.push(state.players[a!]!.streak);
      const saved = roundClosed(events).answers[0]!;
      expect(saved).toMatchObject({ points: perRound[q], streak: q + 1, correct: true });
      if (q < 6) toNextQuestion(state, 0);
    }
    expect(perRound).toEqual([1000, 1100, 1200, 1300, 1400, 1500, 1500]);
    expect(streaks).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(state.players[a!]!.score).toBe(9000);
    expect(state.players[a!]!.correctCount).toBe(7);
  });

  it("a wrong answer resets the streak; a missing answer resets it too", () => {
    const state = newGame({ questions: Array.from({ length: 7 }, () => ({})) });
    const [a] = join(state, 1);
    startAndOpen(state);
    // correct, correct, WRONG, correct, correct, MISSING, correct
    const plan: Array<number[] | null> = [[0], [0], [1], [0], [0], null, [0]];
    const points: number[] = [];
    const streaks: number[] = [];
    plan.forEach((choice, q) => {
      if (choice) playRoundEarly(state, a!, choice, 0);
      else playRound(state, {});
      points.push(state.players[a!]!.lastRound!.points);
      streaks.push(state.players[a!]!.streak);
      if (q < plan.length - 1) toNextQuestion(state, 0);
    });
    expect(streaks).toEqual([1, 2, 0, 1, 2, 0, 1]);
    expect(points).toEqual([1000, 1100, 0, 1000, 1100, 0, 1000]);
    expect(state.players[a!]!.score).toBe(5200);
  });

  it("multi-select is correct only for the exact set (order of the request does not matter)", () => {
    const state = newGame({ questions: [{ kind: "multiple", correct: [0, 2] }] });
    const ids = join(state, 6);
    const opened = startAndOpen(state);
    const choices = [[0, 2], [2, 0], [0], [0, 1, 2], [1, 3], [0, 1, 2, 3]];
    choices.forEach((choice, i) => ok(submitAnswer(state, { playerId: ids[i]!, questionIndex: 0, choice, now: opened })));
    expect(state.phase).toBe("reveal");
    expect(ids.map((id) => state.players[id]!.lastRound!.correct)).toEqual([true, true, false, false, false, false]);
    expect(ids.map((id) => state.players[id]!.score)).toEqual([1000, 1000, 0, 0, 0, 0]);
    expect(state.players[ids[1]!]!.lastRound!.choice).toEqual([0, 2]);
    expect(state.round!.counts).toEqual([5, 3, 4, 2]);
  });

  it("a multiple-choice question with a single correct option accepts one pick", () => {
    const state = newGame({ questions: [{ kind: "multiple", correct: [1] }] });
    const [a, b] = join(state, 2);
    const opened = startAndOpen(state);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [1], now: opened }));
    ok(submitAnswer(state, { playerId: b!, questionIndex: 0, choice: [1, 2], now: opened }));
    expect(state.players[a!]!.score).toBe(1000);
    expect(state.players[b!]!.score).toBe(0);
  });

  it("tracks correctResponseMs as the sum of correct answers' response times only", () => {
    const state = newGame({ questions: [{}, {}, {}] });
    const [a] = join(state, 1);
    startAndOpen(state);
    playRoundEarly(state, a!, [0], 1_200);
    toNextQuestion(state, 0);
    playRoundEarly(state, a!, [1], 3_000); // wrong: not counted
    toNextQuestion(state, 0);
    playRoundEarly(state, a!, [0], 800);
    expect(state.players[a!]!.correctResponseMs).toBe(2_000);
    expect(state.players[a!]!.correctCount).toBe(2);
  });
});

/** One player answers at opened + t; with a single player the round closes on that answer. */
function playRoundEarly(state: GameState, playerId: string, choice: number[], t: number) {
  const opened = openCurrent(state);
  const events = ok(submitAnswer(state, { playerId, questionIndex: state.round!.questionIndex, choice, now: opened + t }));
  expect(state.phase).toBe("reveal");
  return { opened, events };
}
