/**
 * Every statistic of server/reports/statistics.ts against values worked out by hand below (exact
 * fractions; cross-checked with numpy's corrcoef and var while writing this test).
 *
 * WORKED EXAMPLE 1 — six students, four right/wrong items (scores[item][student]):
 *
 *             I1 I2 I3 I4 | total
 *     S1       1  1  1  1 |   4
 *     S2       1  1  1  0 |   3
 *     S3       1  1  0  1 |   3
 *     S4       1  0  1  0 |   2
 *     S5       0  1  0  0 |   1
 *     S6       0  0  0  0 |   0
 *
 *   p (share right) = 4/6, 4/6, 3/6, 2/6;  p·q = 8/36, 8/36, 9/36, 8/36;  Σ p·q = 33/36.
 *   Totals 4,3,3,2,1,0: mean 13/6, Σx² = 39, population variance = 39/6 − (13/6)² = 65/36.
 *   KR-20 = k/(k−1) · (1 − Σpq/σ²) = 4/3 · (1 − 33/65) = 4/3 · 32/65 = 128/195 ≈ 0.6564.
 *
 *   Item–rest (item vs total of the OTHER items), r = Σdxdy / √(Σdx² · Σdy²):
 *   I1 = 1,1,1,1,0,0 vs rest 3,2,2,1,1,0: Σdxdy = 8 − 6·(2/3)·(3/2) = 2, Σdx² = 6·(2/3)·(1/3) = 4/3,
 *       Σdy² = 19 − 6·(3/2)² = 11/2 → r = 2/√(22/3) = √(6/11) ≈ 0.7385.
 *   I2 = 1,1,1,0,1,0 vs rest 3,2,2,2,0,0: Σdxdy = 7 − 6 = 1, Σdx² = 4/3, Σdy² = 21 − 13.5 = 15/2 → r = 1/√10 ≈ 0.3162.
 *   I3 = 1,1,0,1,0,0 vs rest 3,2,3,1,1,0: Σdxdy = 6 − 5 = 1, Σdx² = 3/2, Σdy² = 24 − 50/3 = 22/3 → r = 1/√11 ≈ 0.3015.
 *   I4 = 1,0,1,0,0,0 vs rest 3,3,2,2,1,0: Σdxdy = 5 − 11/3 = 4/3, Σdx² = 4/3, Σdy² = 27 − 121/6 = 41/6 → r = 4/√82 ≈ 0.4417.
 *
 *   I1 as a choice question: option A right; S5 chose B, S6 chose C. Against I1's rest score 3,2,2,1,1,0:
 *   chose B = 0,0,0,0,1,0: Σdxdy = 1 − 6·(1/6)·(3/2) = −1/2, Σdx² = 6·(1/6)·(5/6) = 5/6 → r = −(1/2)/√(55/12) = −√(3/55) ≈ −0.2335.
 *   chose C = 0,0,0,0,0,1: Σdxdy = 0 − 3/2 = −3/2 → r = −(3/2)/√(55/12) = −√(27/55) ≈ −0.7006.
 *
 * WORKED EXAMPLE 2 — four students, three items with partial credit (0, ½, 1):
 *
 *             I1   I2   I3  | total
 *     S1      1    1    ½   |  2½
 *     S2      1    ½    ½   |  2
 *     S3      ½    ½    0   |  1
 *     S4      0    0    0   |  0
 *
 *   Population variances: I1 = 2.25/4 − 0.625² = 11/64, I2 = 1.5/4 − 0.5² = 8/64, I3 = 0.5/4 − 0.25² = 4/64;
 *   Σ = 23/64. Totals: 11.25/4 − 1.375² = 59/64.
 *   Cronbach's α = 3/2 · (1 − 23/59) = 3/2 · 36/59 = 54/59 ≈ 0.9153.
 *   I2 = 1,½,½,0 vs rest 1½,1½,½,0: deviations x ½,0,0,−½ and y ⅝,⅝,−⅜,−⅞: Σdxdy = 5/16 + 7/16 = 3/4,
 *   Σdx² = 1/2, Σdy² = 27/16 → r = (3/4)/√(27/32) = √(2/3) ≈ 0.8165.
 */
import { describe, expect, it } from "vitest";
import {
  correlation,
  cronbachAlpha,
  isDichotomous,
  itemRestCorrelation,
  kr20,
  optionPointBiserial,
  reliability,
  restScores,
  totals,
} from "../../../server/reports/statistics";

// scores[item][student], students S1..S6 in order.
const RIGHT_WRONG = [
  [1, 1, 1, 1, 0, 0],
  [1, 1, 1, 0, 1, 0],
  [1, 1, 0, 1, 0, 0],
  [1, 0, 1, 0, 0, 0],
];
const PARTIAL = [
  [1, 1, 0.5, 0],
  [1, 0.5, 0.5, 0],
  [0.5, 0.5, 0, 0],
];
const PRECISION = 12; // decimal places

describe("KR-20 and Cronbach's alpha", () => {
  it("KR-20 of the six-student example is 128/195", () => {
    expect(totals(RIGHT_WRONG)).toEqual([4, 3, 3, 2, 1, 0]);
    expect(kr20(RIGHT_WRONG)).toBeCloseTo(128 / 195, PRECISION);
  });

  it("Cronbach's alpha equals KR-20 on right/wrong scores", () => {
    expect(cronbachAlpha(RIGHT_WRONG)).toBeCloseTo(128 / 195, PRECISION);
  });

  it("Cronbach's alpha of the partial-credit example is 54/59", () => {
    expect(cronbachAlpha(PARTIAL)).toBeCloseTo(54 / 59, PRECISION);
  });

  it("reliability picks KR-20 for 0/1 scores and alpha as soon as one score is partial", () => {
    expect(isDichotomous(RIGHT_WRONG)).toBe(true);
    expect(isDichotomous(PARTIAL)).toBe(false);
    expect(reliability(RIGHT_WRONG)).toEqual({ method: "KR-20", value: kr20(RIGHT_WRONG) });
    expect(reliability(PARTIAL)).toEqual({ method: "Cronbach's alpha", value: cronbachAlpha(PARTIAL) });
    expect(() => kr20(PARTIAL)).toThrow(/0\/1/);
  });

  it("can be negative (well below −1) when the items disagree", () => {
    // Items 1,0,1,1 and 0,1,0,1 (totals 1,1,1,2): p = 3/4 and 1/2, Σpq = 3/16 + 4/16 = 7/16;
    // totals: Σx² = 7, variance = 7/4 − (5/4)² = 3/16. KR-20 = 2·(1 − (7/16)/(3/16)) = 2·(1 − 7/3) = −8/3.
    expect(kr20([[1, 0, 1, 1], [0, 1, 0, 1]])).toBeCloseTo(-8 / 3, PRECISION);
  });

  it("has no value (not NaN) with fewer than 2 items, fewer than 3 players, or totals that don't vary", () => {
    expect(kr20([[1, 0, 1, 0]])).toBeNull(); // one item
    expect(cronbachAlpha([])).toBeNull(); // no items
    expect(kr20([[1, 0], [1, 0]])).toBeNull(); // two players
    expect(kr20([[1, 0, 1], [0, 1, 0]])).toBeNull(); // totals 1,1,1
    expect(cronbachAlpha([[0.5, 0.5, 0.5], [0.5, 0.5, 0.5]])).toBeNull();
    expect(reliability([[1, 1, 1]])).toEqual({ method: "KR-20", value: null });
  });
});

describe("corrected item–rest correlation (Moodle's discrimination index)", () => {
  it("matches the hand-computed values of the six-student example", () => {
    expect(restScores(RIGHT_WRONG, 0)).toEqual([3, 2, 2, 1, 1, 0]);
    const expected = [Math.sqrt(6 / 11), 1 / Math.sqrt(10), 1 / Math.sqrt(11), 4 / Math.sqrt(82)];
    expected.forEach((value, item) => expect(itemRestCorrelation(RIGHT_WRONG, item)).toBeCloseTo(value, PRECISION));
  });

  it("works on partial credit", () => {
    expect(itemRestCorrelation(PARTIAL, 1)).toBeCloseTo(Math.sqrt(2 / 3), PRECISION);
  });

  it("is lower than the uncorrected item–total correlation, which counts the item on both sides", () => {
    const uncorrected = correlation(RIGHT_WRONG[0]!, totals(RIGHT_WRONG))!;
    expect(itemRestCorrelation(RIGHT_WRONG, 0)!).toBeLessThan(uncorrected);
  });

  it("has no value when everyone got the item right, or the rest scores are all equal", () => {
    expect(itemRestCorrelation([[1, 1, 1, 1], [1, 0, 1, 0]], 0)).toBeNull();
    expect(itemRestCorrelation([[1, 0, 1, 0], [1, 1, 1, 1]], 0)).toBeNull();
  });
});

describe("point-biserial of an option (chose it vs rest score)", () => {
  const rest = restScores(RIGHT_WRONG, 0);
  it("matches the hand-computed values: both distractors drew weaker students (negative)", () => {
    expect(optionPointBiserial([false, false, false, false, true, false], rest)).toBeCloseTo(-Math.sqrt(3 / 55), PRECISION);
    expect(optionPointBiserial([false, false, false, false, false, true], rest)).toBeCloseTo(-Math.sqrt(27 / 55), PRECISION);
  });

  it("of the right option equals the item–rest correlation of a 0/1 item", () => {
    expect(optionPointBiserial([true, true, true, true, false, false], rest)).toBeCloseTo(Math.sqrt(6 / 11), PRECISION);
  });

  it("has no value for an option nobody (or everybody) chose", () => {
    expect(optionPointBiserial([false, false, false, false, false, false], rest)).toBeNull();
    expect(optionPointBiserial([true, true, true, true, true, true], rest)).toBeNull();
  });
});

describe("correlation", () => {
  it("needs three pairs: with two, any correlation would be ±1", () => {
    expect(correlation([0, 1], [1, 2])).toBeNull();
    expect(correlation([0, 1, 1], [1, 2, 3])).toBeCloseTo(Math.sqrt(3) / 2, PRECISION); // Σdxdy = 1, Σdx² = 2/3, Σdy² = 2
  });

  it("treats the tiny variance left by adding fractions as none", () => {
    const almostEqual = [0.1 + 0.2, 0.3, 0.30000000000000004];
    expect(correlation(almostEqual, [1, 2, 3])).toBeNull();
  });
});
