/**
 * Item analysis of any set of scored questions, from an items × players matrix of correctness scores
 * in [0, 1] (0/1, or the partial credit of a kind that gives it) — never from speed-weighted points.
 * Any question kind feeds it the same way; polls are left out by the caller (they have no right answer).
 *
 * Who counts for what:
 * - facility: every player who was in the game for the question (a missing answer scores 0);
 * - upper/lower 27 % groups: players on the final leaderboard, ranked by total correctness;
 * - correlations and reliability: leaderboard players who were in the game for EVERY scored question
 *   (late joiners would otherwise look weak for questions they never saw).
 */
import { discrimination, itemAnalysisGroupSize, type GroupTally } from "./item-analysis";
import { itemRestCorrelation, optionPointBiserial, reliability, restScores, type ReliabilityMethod } from "./statistics";
import type { ReportDiscrimination } from "./types";

export interface ScoreMatrixItem {
  /** scores[player] in [0, 1]; null when the player wasn't in the game for this question. */
  scores: ReadonlyArray<number | null>;
  /**
   * For questions answered by picking options: the options that are right, and what each player
   * chose (option indexes; empty when they didn't answer; null when not in the game for it).
   */
  options?: { correct: readonly boolean[]; choices: ReadonlyArray<readonly number[] | null> };
}

export interface ScoreMatrix {
  /**
   * One entry per player (the columns of every item), in final-leaderboard order: ties in total
   * correctness keep this order when forming the groups. `ranked` is false for players removed from
   * the game: their answers count towards facility only.
   */
  players: ReadonlyArray<{ ranked: boolean }>;
  items: readonly ScoreMatrixItem[];
}

export interface ItemStatistics {
  /** Mean score of the players who were in the game for it (the share right for 0/1 items), 0..1; null when nobody was. */
  facility: number | null;
  top: GroupTally;
  bottom: GroupTally;
  discrimination: ReportDiscrimination;
  /** Corrected item–rest correlation, −1..1; null when undefined. */
  itemRest: number | null;
  /** Point-biserial of each option (chose it vs rest score), by option index; null when undefined. Empty without options. */
  optionPointBiserials: Array<number | null>;
}

export interface ScoreMatrixAnalysis {
  items: ItemStatistics[];
  /** Per player (same order as the input): the 27 % group they are in. */
  groupOf: Array<"top" | "bottom" | null>;
  groupSize: number;
  /** Players whose scores enter the correlations and the reliability. */
  completePlayers: number;
  reliability: { method: ReliabilityMethod; value: number | null };
}

export function analyseScoreMatrix(matrix: ScoreMatrix): ScoreMatrixAnalysis {
  const { players, items } = matrix;
  const groupOf = upperLowerGroups(matrix);
  const groupSize = groupOf.filter((group) => group === "top").length;

  const complete = players.map((_, p) => p).filter((p) => players[p]!.ranked && items.every((item) => item.scores[p] != null));
  const scores = items.map((item) => complete.map((p) => item.scores[p]!));

  const analysed = items.map((item, index): ItemStatistics => {
    const tally = (group: "top" | "bottom"): GroupTally => {
      const present = players.map((_, p) => p).filter((p) => groupOf[p] === group && item.scores[p] != null);
      return { size: present.length, correct: sumOf(present.map((p) => item.scores[p]!)) };
    };
    const top = tally("top");
    const bottom = tally("bottom");
    const present = item.scores.filter((score): score is number => score !== null);
    const rest = items.length >= 2 ? restScores(scores, index) : [];
    const options = item.options;
    return {
      facility: present.length > 0 ? sumOf(present) / present.length : null,
      top,
      bottom,
      discrimination: discrimination(top, bottom),
      itemRest: items.length >= 2 ? itemRestCorrelation(scores, index) : null,
      optionPointBiserials: options
        ? options.correct.map((_, option) =>
            items.length >= 2 ? optionPointBiserial(complete.map((p) => options.choices[p]?.includes(option) ?? false), rest) : null,
          )
        : [],
    };
  });

  return { items: analysed, groupOf, groupSize, completePlayers: complete.length, reliability: reliability(scores) };
}

/**
 * The top and bottom ITEM_ANALYSIS_GROUP_SHARE of the leaderboard players by total correctness
 * (questions they weren't in the game for count 0); equal totals keep the input (leaderboard) order.
 */
function upperLowerGroups({ players, items }: ScoreMatrix): Array<"top" | "bottom" | null> {
  const groupOf: Array<"top" | "bottom" | null> = players.map(() => null);
  const ranked = players.map((_, p) => p).filter((p) => players[p]!.ranked);
  const total = (p: number) => sumOf(items.map((item) => item.scores[p] ?? 0));
  const order = ranked.map((p) => ({ p, total: total(p) })).sort((a, b) => b.total - a.total); // stable: ties keep leaderboard order
  const size = items.length === 0 ? 0 : itemAnalysisGroupSize(order.length); // nothing scored (only polls): no groups
  for (const [position, { p }] of order.entries()) {
    if (position < size) groupOf[p] = "top";
    else if (position >= order.length - size) groupOf[p] = "bottom";
  }
  return groupOf;
}

function sumOf(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
