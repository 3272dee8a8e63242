/**
 * Classical test theory on a complete score matrix: scores[item][player], each score the player's
 * correctness on the item in [0, 1] (0/1, or partial credit). Raw numbers, unrounded; null whenever the
 * measure is undefined (too few players or items, or nothing varies), never NaN.
 */
import { sampleCorrelation, sum, variance } from "simple-statistics";

/** Correlations need at least this many players: with two, any correlation is ±1. */
export const MIN_PLAYERS_FOR_CORRELATION = 3;

/** Below this a variance counts as zero (sums of fractional credits are not exact). */
const ZERO_VARIANCE = 1e-12;

export type ReliabilityMethod = "KR-20" | "Cronbach's alpha";

/**
 * Pearson correlation of x and y; with x 0/1 it is the point-biserial correlation. Null when there
 * are fewer than MIN_PLAYERS_FOR_CORRELATION pairs or either side doesn't vary.
 */
export function correlation(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new Error("correlation needs two lists of the same length");
  if (x.length < MIN_PLAYERS_FOR_CORRELATION) return null;
  if (variance([...x]) < ZERO_VARIANCE || variance([...y]) < ZERO_VARIANCE) return null;
  return sampleCorrelation([...x], [...y]);
}

/** Each player's total over every item. */
export function totals(scores: readonly (readonly number[])[]): number[] {
  const players = scores[0]?.length ?? 0;
  return Array.from({ length: players }, (_, player) => sum(scores.map((item) => item[player]!)));
}

/**
 * Corrected item–total correlation (Moodle's discrimination index, without its ×100): the item's
 * scores against each player's total on the OTHER items (the "rest score"), so the item isn't
 * correlated with itself.
 */
export function itemRestCorrelation(scores: readonly (readonly number[])[], item: number): number | null {
  const rest = restScores(scores, item);
  return correlation(scores[item]!, rest);
}

/** Each player's total on every item but `item`. */
export function restScores(scores: readonly (readonly number[])[], item: number): number[] {
  return totals(scores.filter((_, index) => index !== item));
}

/**
 * Point-biserial of one option: chose it (1) or not (0) against the rest score (total without this
 * item). A working distractor has a negative value: weaker students chose it.
 */
export function optionPointBiserial(chose: readonly boolean[], rest: readonly number[]): number | null {
  return correlation(
    chose.map((picked) => (picked ? 1 : 0)),
    rest,
  );
}

/** True when every score is exactly 0 or 1. */
export function isDichotomous(scores: readonly (readonly number[])[]): boolean {
  return scores.every((item) => item.every((score) => score === 0 || score === 1));
}

/**
 * Cronbach's α = k/(k−1) · (1 − Σ var(item) / var(total)), population variances throughout (the
 * ratio is the same with n−1). Null with fewer than 2 items, fewer than MIN_PLAYERS_FOR_CORRELATION
 * players, or totals that don't vary.
 */
export function cronbachAlpha(scores: readonly (readonly number[])[]): number | null {
  const k = scores.length;
  const players = scores[0]?.length ?? 0;
  if (k < 2 || players < MIN_PLAYERS_FOR_CORRELATION) return null;
  const totalVariance = variance(totals(scores));
  if (totalVariance < ZERO_VARIANCE) return null;
  const itemVariances = sum(scores.map((item) => variance([...item])));
  return (k / (k - 1)) * (1 - itemVariances / totalVariance);
}

/**
 * Kuder–Richardson formula 20 for 0/1 items: k/(k−1) · (1 − Σ p·q / var(total)), p the share right,
 * q = 1 − p, var(total) the population variance. Equal to Cronbach's α on 0/1 data. Null as α is.
 */
export function kr20(scores: readonly (readonly number[])[]): number | null {
  if (!isDichotomous(scores)) throw new Error("KR-20 needs 0/1 scores; use Cronbach's alpha for partial credit");
  const k = scores.length;
  const players = scores[0]?.length ?? 0;
  if (k < 2 || players < MIN_PLAYERS_FOR_CORRELATION) return null;
  const totalVariance = variance(totals(scores));
  if (totalVariance < ZERO_VARIANCE) return null;
  const pq = sum(
    scores.map((item) => {
      const p = sum([...item]) / players;
      return p * (1 - p);
    }),
  );
  return (k / (k - 1)) * (1 - pq / totalVariance);
}

/** The test's reliability: KR-20 when every score is 0 or 1, Cronbach's α otherwise. */
export function reliability(scores: readonly (readonly number[])[]): { method: ReliabilityMethod; value: number | null } {
  return isDichotomous(scores) ? { method: "KR-20", value: kr20(scores) } : { method: "Cronbach's alpha", value: cronbachAlpha(scores) };
}
