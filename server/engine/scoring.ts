/** Scoring rules (documented in the README). */
import type { PointsSetting, SliderSettings } from "../../src/quizdown/types";

export const MAX_POINTS = 1000;
/** Answers received within this many ms of answers opening get the full points. */
export const FULL_POINTS_WINDOW_MS = 500;
export const STREAK_STEP = 100;
export const STREAK_BONUS_CAP = 500;

/** Points for a correct answer received `responseMs` after answers opened, with `timeLimitMs` to answer. */
export function pointsForCorrectAnswer(responseMs: number, timeLimitMs: number): number {
  if (responseMs <= FULL_POINTS_WINDOW_MS) return MAX_POINTS;
  // Same value as round(1000 × (1 − (t ÷ T) ÷ 2)), arranged so exact halves don't suffer float error.
  return Math.round(MAX_POINTS - (MAX_POINTS * Math.min(responseMs, timeLimitMs)) / (2 * timeLimitMs));
}

/** Bonus for a correct answer that makes the streak `streak` long (streak counts this answer). */
export function streakBonus(streak: number): number {
  if (streak < 2) return 0;
  return Math.min(STREAK_STEP * (streak - 1), STREAK_BONUS_CAP);
}

/** Correct only when the chosen set equals the correct set. Both arrays ascending and distinct. */
export function isCorrectChoice(choice: readonly number[], correct: readonly number[]): boolean {
  return choice.length === correct.length && choice.every((value, i) => value === correct[i]);
}

/** A slider answer outside the tolerance loses all its points this share of the slider's range further out. */
export const SLIDER_ZERO_SHARE = 0.25;

/** Before the points setting and credit: 1000 when speed doesn't count, else by time as above. */
export function basePoints(responseMs: number, timeLimitMs: number, pointsForSpeed: boolean): number {
  return pointsForSpeed ? pointsForCorrectAnswer(responseMs, timeLimitMs) : MAX_POINTS;
}

/** standard ×1, double ×2, none ×0. */
export function pointsMultiplier(points: PointsSetting | undefined): number {
  return points === "double" ? 2 : points === "none" ? 0 : 1;
}

/** Partial credit for a multi-select answer: (right picked − wrong picked) ÷ right options, never below 0. */
export function multipleCredit(choice: readonly number[], correct: readonly number[]): number {
  if (correct.length === 0) return 0;
  const right = choice.filter((option) => correct.includes(option)).length;
  return Math.max(0, (right - (choice.length - right)) / correct.length);
}

/** Partial credit for an ordering answer: the share of items in their right place. */
export function orderCredit(order: readonly number[], correct: readonly number[]): number {
  if (correct.length === 0) return 0;
  return correct.filter((item, position) => order[position] === item).length / correct.length;
}

/**
 * Closeness of a slider value: 1 within the tolerance, then falling in a straight line to 0 at
 * SLIDER_ZERO_SHARE of the slider's range beyond the tolerance.
 */
export function sliderCredit(value: number, slider: Pick<SliderSettings, "min" | "max" | "correct" | "tolerance">): number {
  const miss = Math.abs(value - slider.correct) - slider.tolerance;
  if (miss <= 1e-9) return 1;
  const zeroAt = SLIDER_ZERO_SHARE * (slider.max - slider.min);
  return Math.max(0, 1 - miss / zeroAt);
}

/**
 * Points for one answer: round(base × multiplier × credit), plus the streak bonus when it is fully
 * right. Polls and "points: none" questions are scored elsewhere as 0 (see isNeutralQuestion).
 */
export function answerPoints(input: {
  credit: number;
  correct: boolean;
  streak: number;
  responseMs: number;
  timeLimitMs: number;
  pointsForSpeed: boolean;
  points: PointsSetting | undefined;
}): number {
  const multiplier = pointsMultiplier(input.points);
  if (multiplier === 0 || input.credit <= 0) return 0;
  const earned = Math.round(basePoints(input.responseMs, input.timeLimitMs, input.pointsForSpeed) * multiplier * input.credit);
  return earned + (input.correct ? streakBonus(input.streak) : 0);
}
