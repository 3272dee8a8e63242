/** Scoring rules (documented in the README). */

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
