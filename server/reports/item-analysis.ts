/**
 * Item analysis (upper–lower groups): how well each question tells the strongest students from the
 * weakest. Top and bottom group = ITEM_ANALYSIS_GROUP_SHARE of the ranked players each (27 %, Kelley);
 * labels follow Ebel's guidelines for the discrimination index.
 */
import { ITEM_ANALYSIS_GROUP_SHARE, type ReportDiscrimination } from "./types";

/**
 * Players in each of the top and bottom groups; 0 when there is no item analysis: fewer than two
 * ranked players, or groups that would overlap (can't happen with a 27 % share, kept as a guard).
 */
export function itemAnalysisGroupSize(rankedPlayers: number): number {
  if (rankedPlayers < 2) return 0;
  const size = Math.max(1, Math.round(ITEM_ANALYSIS_GROUP_SHARE * rankedPlayers));
  return rankedPlayers < 2 * size ? 0 : size;
}

/** The group members who were in the game for the question, and their summed score (correct answers for 0/1 questions). */
export interface GroupTally {
  correct: number;
  size: number;
}

/** The label of every measure that can't be computed (too few players, nothing varies, …). */
export const NOT_ENOUGH_DATA = "not enough data";

const READINGS: Array<{ atLeast: number; label: string; reading: string }> = [
  { atLeast: 0.4, label: "very good", reading: "Tells the strongest students from the weakest very well: keep it." },
  { atLeast: 0.3, label: "good", reading: "Tells the strongest students from the weakest well." },
  { atLeast: 0.2, label: "fair", reading: "Tells the strongest students from the weakest only somewhat: it could be sharpened." },
  {
    atLeast: 0,
    label: "poor",
    reading: "Hardly tells the strongest students from the weakest: fine as a warm-up, otherwise rework the question or its options.",
  },
  {
    atLeast: -Infinity,
    label: "negative",
    reading: "Weaker students got this right more often than the strongest — check the answer key and the wording.",
  },
];

/**
 * D = mean score of the top group − mean score of the bottom group (share right − share right for
 * 0/1 questions). `correct` is the group's summed correctness, so partial credit counts as given.
 */
export function discrimination(top: GroupTally, bottom: GroupTally): ReportDiscrimination {
  const tallies = { topCorrect: top.correct, topSize: top.size, bottomCorrect: bottom.correct, bottomSize: bottom.size };
  if (top.size === 0 || bottom.size === 0) {
    return {
      ...tallies,
      index: null,
      label: NOT_ENOUGH_DATA,
      reading: "Too few players (of the strongest and of the weakest) answered this question to compare them.",
    };
  }
  // One division (of whole numbers for 0/1 questions), so 0.3 comes out as exactly the literal 0.3 compared below.
  const index = roundTo2((top.correct * bottom.size - bottom.correct * top.size) / (top.size * bottom.size));
  const band = READINGS.find((entry) => index >= entry.atLeast)!;
  return { ...tallies, index, label: band.label, reading: band.reading };
}

/** Rounds half away from zero, so -0.125 and 0.125 round alike; never returns -0. */
export function roundTo2(value: number): number {
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * 100)) / 100;
  return rounded === 0 ? 0 : rounded;
}

/** A short reading of one wrong option, from who chose it. */
export function distractorReading(picks: { picked: number; pickedTop: number; pickedBottom: number }, top: GroupTally, bottom: GroupTally): string {
  if (picks.picked === 0) return "Nobody chose it: it isn't drawing anyone.";
  if (top.size === 0 || bottom.size === 0) return "Too few players to tell whom it drew.";
  // Compare shares pickedTop/top.size and pickedBottom/bottom.size without dividing.
  const topWeight = picks.pickedTop * bottom.size;
  const bottomWeight = picks.pickedBottom * top.size;
  if (topWeight > bottomWeight) return "This distractor fooled the strongest students: check it isn't also right, or the question misleading.";
  if (bottomWeight > topWeight) return "Works as a distractor: it drew mostly weaker students.";
  if (topWeight > 0) return "Drew strong and weak students alike.";
  return "Only students in the middle of the ranking chose it.";
}
