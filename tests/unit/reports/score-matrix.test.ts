/**
 * analyseScoreMatrix on worked example 1 of statistics.test.ts (six students S1..S6, four 0/1
 * items; its hand-computed item–rest values, point-biserials and KR-20 = 128/195 are derived there),
 * given in a leaderboard order that is NOT the order of total correctness, plus two players who must
 * not enter the correlations:
 *   Finn joined late (not in the game for I1): he counts for facility and the groups, not the correlations;
 *   Zed was removed from the game (ranked: false): he counts for facility only.
 *
 *   columns (leaderboard order):  S3  S1  S2  S6  S4  S5  Finn  Zed
 *   I1 (choice, A right)           1   1   1   0   1   0   —     1      S6 chose C, S5 chose B
 *   I2                             1   1   1   0   0   1   1     1
 *   I3                             0   1   1   0   1   0   1     1
 *   I4                             1   1   0   0   0   0   1     1
 *   total correctness              3   4   3   0   2   1   3
 *
 * Groups: 7 ranked players → round(0.27 × 7) = round(1.89) = 2 each. By total: S1 4, then S3, S2, Finn
 * on 3 (leaderboard order), S4 2, S5 1, S6 0 → top S1 + S3, bottom S5 + S6.
 * Facility (everyone in the game for the item, Zed included): I1 5/7, I2 6/8, I3 5/8, I4 4/8.
 * D (share right, top − bottom): I1 2/2 − 0/2 = 1; I2 2/2 − 1/2 = 0.5; I3 1/2 − 0/2 = 0.5; I4 2/2 − 0/2 = 1.
 */
import { describe, expect, it } from "vitest";
import { analyseScoreMatrix, type ScoreMatrix } from "../../../server/reports/score-matrix";

const PRECISION = 12;
const ranked = { ranked: true };

const matrix: ScoreMatrix = {
  players: [ranked, ranked, ranked, ranked, ranked, ranked, ranked, { ranked: false }],
  items: [
    {
      scores: [1, 1, 1, 0, 1, 0, null, 1],
      options: { correct: [true, false, false], choices: [[0], [0], [0], [2], [0], [1], null, [0]] },
    },
    { scores: [1, 1, 1, 0, 0, 1, 1, 1] },
    { scores: [0, 1, 1, 0, 1, 0, 1, 1] },
    { scores: [1, 1, 0, 0, 0, 0, 1, 1] },
  ],
};

describe("analyseScoreMatrix", () => {
  const analysis = analyseScoreMatrix(matrix);

  it("forms the 27 % groups from total correctness, ties in leaderboard order, removed players left out", () => {
    expect(analysis.groupSize).toBe(2);
    expect(analysis.groupOf).toEqual(["top", "top", null, "bottom", null, "bottom", null, null]);
  });

  it("computes facility over everyone in the game for the question", () => {
    expect(analysis.items.map((item) => item.facility)).toEqual([5 / 7, 6 / 8, 5 / 8, 4 / 8]);
  });

  it("computes D from the groups' scores", () => {
    expect(analysis.items.map((item) => item.discrimination.index)).toEqual([1, 0.5, 0.5, 1]);
    expect(analysis.items[1]).toMatchObject({ top: { size: 2, correct: 2 }, bottom: { size: 2, correct: 1 } });
  });

  it("computes correlations and KR-20 on the six students who played every question (worked example 1)", () => {
    expect(analysis.completePlayers).toBe(6);
    const itemRest = [Math.sqrt(6 / 11), 1 / Math.sqrt(10), 1 / Math.sqrt(11), 4 / Math.sqrt(82)];
    analysis.items.forEach((item, index) => expect(item.itemRest).toBeCloseTo(itemRest[index]!, PRECISION));
    expect(analysis.reliability.method).toBe("KR-20");
    expect(analysis.reliability.value).toBeCloseTo(128 / 195, PRECISION);
  });

  it("computes each option's point-biserial against the rest score; items without options have none", () => {
    const [right, b, c] = analysis.items[0]!.optionPointBiserials;
    expect(right).toBeCloseTo(Math.sqrt(6 / 11), PRECISION);
    expect(b).toBeCloseTo(-Math.sqrt(3 / 55), PRECISION);
    expect(c).toBeCloseTo(-Math.sqrt(27 / 55), PRECISION);
    expect(analysis.items[1]!.optionPointBiserials).toEqual([]);
  });

  it("uses partial credit as given (worked example 2 of statistics.test.ts): Cronbach's alpha 54/59, D from mean scores", () => {
    const partial = analyseScoreMatrix({
      players: [ranked, ranked, ranked, ranked],
      items: [{ scores: [1, 1, 0.5, 0] }, { scores: [1, 0.5, 0.5, 0] }, { scores: [0.5, 0.5, 0, 0] }],
    });
    expect(partial.reliability.method).toBe("Cronbach's alpha");
    expect(partial.reliability.value).toBeCloseTo(54 / 59, PRECISION);
    expect(partial.items[1]!.itemRest).toBeCloseTo(Math.sqrt(2 / 3), PRECISION);
    // 4 players → groups of 1: top S1 (total 2½), bottom S4 (0). I3: ½ − 0 = 0.5.
    expect(partial.items[2]!.discrimination.index).toBe(0.5);
    expect(partial.items.map((item) => item.facility)).toEqual([2.5 / 4, 2 / 4, 1 / 4]);
  });

  it("gives nulls, never NaN, for one question, or no players at all", () => {
    const single = analyseScoreMatrix({ players: [ranked, ranked, ranked], items: [{ scores: [1, 0, 1], options: { correct: [true, false], choices: [[0], [1], [0]] } }] });
    expect(single.items[0]).toMatchObject({ facility: 2 / 3, itemRest: null, optionPointBiserials: [null, null] });
    expect(single.reliability).toEqual({ method: "KR-20", value: null });

    const empty = analyseScoreMatrix({ players: [], items: [{ scores: [] }, { scores: [] }] });
    expect(empty.items.map((item) => [item.facility, item.itemRest, item.discrimination.index])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
    expect(empty).toMatchObject({ groupSize: 0, completePlayers: 0, reliability: { value: null } });

    // Only polls: nothing scored, so nobody is put in a group.
    const pollsOnly = analyseScoreMatrix({ players: [ranked, ranked, ranked, ranked], items: [] });
    expect(pollsOnly).toMatchObject({ items: [], groupSize: 0, groupOf: [null, null, null, null], reliability: { method: "KR-20", value: null } });
  });
});
