/**
 * Plain-words readings of the correlation measures, from their values rounded to two decimals.
 * - Item–rest correlation: the Ebel & Frisbie (1991) bands the discrimination index D uses
 *   (≥ 0.40 very good, 0.30–0.39 good, 0.20–0.29 fair, below 0.20 poor), as commonly applied to the
 *   point-biserial too.
 * - Reliability (KR-20 / Cronbach's α): George & Mallery (2003): ≥ 0.9 excellent, ≥ 0.8 good,
 *   ≥ 0.7 acceptable, ≥ 0.6 questionable, ≥ 0.5 poor, below 0.5 unacceptable.
 */
import { NOT_ENOUGH_DATA, roundTo2 } from "./item-analysis";
import type { ReliabilityMethod } from "./statistics";
import type { ReportMeasure, ReportReliability } from "./types";

const ITEM_REST_BANDS: Array<{ atLeast: number; label: string; reading: string }> = [
  { atLeast: 0.4, label: "very good", reading: "Students who did well on the rest of the quiz got this one right far more often: keep it." },
  { atLeast: 0.3, label: "good", reading: "Students who did well on the rest of the quiz tended to get this one right." },
  { atLeast: 0.2, label: "fair", reading: "Only loosely in step with the rest of the quiz: it could be sharpened." },
  { atLeast: 0, label: "poor", reading: "Hardly in step with the rest of the quiz: it may test something else, or be a lucky guess either way." },
  {
    atLeast: -Infinity,
    label: "negative",
    reading: "Students who did worse on the rest of the quiz did better on this one — check the answer key and the wording.",
  },
];

/** The corrected item–rest correlation of one question, rounded, labelled and read. */
export function itemRestMeasure(value: number | null): ReportMeasure {
  if (value === null) {
    return {
      value: null,
      label: NOT_ENOUGH_DATA,
      reading: "Needs at least 3 players who played every question, a second scored question, and answers that differ (not all right or all wrong).",
    };
  }
  const rounded = roundTo2(value);
  const band = ITEM_REST_BANDS.find((entry) => rounded >= entry.atLeast)!;
  return { value: rounded, label: band.label, reading: band.reading };
}

/** A distractor's point-biserial, rounded; null stays null. */
export function roundedPointBiserial(value: number | null): number | null {
  return value === null ? null : roundTo2(value);
}

const RELIABILITY_BANDS: Array<{ atLeast: number; label: string; reading: string }> = [
  { atLeast: 0.9, label: "excellent", reading: "The questions measure the same thing very consistently: the total score ranks students dependably." },
  { atLeast: 0.8, label: "good", reading: "The questions measure the same thing consistently: the total score ranks students well." },
  { atLeast: 0.7, label: "acceptable", reading: "Consistent enough for a class quiz: the total score is a fair guide, not a verdict." },
  {
    atLeast: 0.6,
    label: "questionable",
    reading: "The total score ranks students only roughly. Short quizzes and quizzes mixing topics often land here.",
  },
  {
    atLeast: 0.5,
    label: "poor",
    reading: "The questions don't hang together well: read the total as a rough hint. More questions on one topic raise it.",
  },
  {
    atLeast: -Infinity,
    label: "unacceptable",
    reading:
      "The total score says little about what students know: the questions may test different things, or some may be flawed — look at those with a low or negative item–rest correlation.",
  },
];

/** The test's reliability, rounded, labelled and read. */
export function reliabilityMeasure(
  reliability: { method: ReliabilityMethod; value: number | null },
  counts: { itemCount: number; playerCount: number },
): ReportReliability {
  if (reliability.value === null) {
    return {
      method: reliability.method,
      value: null,
      label: NOT_ENOUGH_DATA,
      reading: "Needs at least 2 scored questions, 3 players who played all of them, and total scores that differ.",
      ...counts,
    };
  }
  const value = roundTo2(reliability.value);
  const band = RELIABILITY_BANDS.find((entry) => value >= entry.atLeast)!;
  return { method: reliability.method, value, label: band.label, reading: band.reading, ...counts };
}
