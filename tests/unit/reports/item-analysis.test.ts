import { describe, expect, it } from "vitest";
import { discrimination, distractorReading, itemAnalysisGroupSize } from "../../../server/reports/item-analysis";
import { htmlToPlainText } from "../../../server/reports/plain-text";
import { itemRestMeasure, reliabilityMeasure, roundedPointBiserial } from "../../../server/reports/readings";
import { answerScore, hasDistractors, isPoll } from "../../../server/reports/scoring-view";
import { statusLabel } from "../../../server/reports/status-label";

describe("itemAnalysisGroupSize", () => {
  it.each([
    [0, 0],
    [1, 0], // fewer than 2 ranked players: no groups
    [2, 1], // round(0.54) = 1 → max(1, 1)
    [3, 1], // round(0.81)
    [5, 1], // round(1.35)
    [6, 2], // round(1.62)
    [10, 3], // round(2.7)
    [20, 5], // round(5.4)
    [30, 8], // round(8.1)
    [100, 27],
  ])("%i players → groups of %i", (players, size) => {
    expect(itemAnalysisGroupSize(players)).toBe(size);
  });
});

describe("discrimination labels (Ebel)", () => {
  const index = (topCorrect: number, bottomCorrect: number, size = 100) => discrimination({ correct: topCorrect, size }, { correct: bottomCorrect, size });

  it.each([
    [40, 0, 0.4, "very good"],
    [39, 0, 0.39, "good"],
    [30, 0, 0.3, "good"],
    [29, 0, 0.29, "fair"],
    [20, 0, 0.2, "fair"],
    [19, 0, 0.19, "poor"],
    [50, 50, 0, "poor"],
    [0, 1, -0.01, "negative"],
    [0, 100, -1, "negative"],
  ])("top %i%% − bottom %i%% = %d → %s", (top, bottom, value, label) => {
    expect(index(top, bottom)).toMatchObject({ index: value, label });
  });

  it("rounds to two decimals, halves away from zero", () => {
    expect(discrimination({ correct: 1, size: 3 }, { correct: 0, size: 3 }).index).toBe(0.33); // 0.333…
    expect(discrimination({ correct: 1, size: 8 }, { correct: 0, size: 8 }).index).toBe(0.13); // 0.125
    expect(discrimination({ correct: 0, size: 8 }, { correct: 1, size: 8 }).index).toBe(-0.13); // −0.125
  });

  it("gives every band its own plain reading", () => {
    const readings = [1, 0.35, 0.25, 0.1, -0.5].map((d) => discrimination({ correct: Math.max(0, d) * 100, size: 100 }, { correct: Math.max(0, -d) * 100, size: 100 }).reading);
    expect(new Set(readings).size).toBe(5);
  });

  it("has no index when a group has nobody in the round", () => {
    expect(discrimination({ correct: 0, size: 0 }, { correct: 1, size: 2 })).toMatchObject({ index: null, label: "not enough data" });
  });
});

describe("distractorReading", () => {
  const groups = [{ correct: 0, size: 4 }, { correct: 0, size: 2 }] as const;
  it("compares shares of each group, not counts", () => {
    // 2 of 4 top (50 %) vs 1 of 2 bottom (50 %): alike, though the counts differ.
    expect(distractorReading({ picked: 3, pickedTop: 2, pickedBottom: 1 }, ...groups)).toBe("Drew strong and weak students alike.");
    // 1 of 4 (25 %) vs 1 of 2 (50 %): mostly weaker.
    expect(distractorReading({ picked: 2, pickedTop: 1, pickedBottom: 1 }, ...groups)).toMatch(/^Works as a distractor/);
    // 3 of 4 (75 %) vs 1 of 2 (50 %): fooled the strongest.
    expect(distractorReading({ picked: 4, pickedTop: 3, pickedBottom: 1 }, ...groups)).toMatch(/^This distractor fooled the strongest/);
    expect(distractorReading({ picked: 0, pickedTop: 0, pickedBottom: 0 }, ...groups)).toBe("Nobody chose it: it isn't drawing anyone.");
  });
});

describe("htmlToPlainText", () => {
  it("drops tags and decodes entities", () => {
    expect(htmlToPlainText("Is <code>a &lt; b</code> &amp;&amp; <strong>H</strong>2O &#233;t&#xE9;&nbsp;?")).toBe("Is a < b && H2O été ?");
    expect(htmlToPlainText("<p>one</p><p>two<br>three</p>")).toBe("one two three");
    expect(htmlToPlainText("&bogus; &#99999999;")).toBe("&bogus; &#99999999;");
  });
});

describe("statusLabel", () => {
  it("names every status in plain words", () => {
    expect(["lobby", "running", "finished", "ended_early", "host_left"].map((s) => statusLabel(s as never))).toEqual([
      "waiting in lobby",
      "in progress",
      "finished",
      "ended early",
      "interrupted",
    ]);
  });
});

describe("readings of the correlation measures", () => {
  it.each([
    [0.4, "very good"],
    [0.399, "very good"], // rounds to 0.40 first, like D
    [0.39, "good"],
    [0.3, "good"],
    [0.29, "fair"],
    [0.2, "fair"],
    [0.19, "poor"],
    [0, "poor"],
    [-0.004, "poor"], // rounds to 0
    [-0.01, "negative"],
  ])("item–rest %d → %s (Ebel & Frisbie bands)", (value, label) => {
    expect(itemRestMeasure(value).label).toBe(label);
  });

  it.each([
    [0.95, "excellent"],
    [0.9, "excellent"],
    [0.89, "good"],
    [0.8, "good"],
    [0.79, "acceptable"],
    [0.7, "acceptable"],
    [0.69, "questionable"],
    [0.6, "questionable"],
    [0.59, "poor"],
    [0.5, "poor"],
    [0.49, "unacceptable"],
    [-3, "unacceptable"],
  ])("reliability %d → %s (George & Mallery bands)", (value, label) => {
    expect(reliabilityMeasure({ method: "KR-20", value }, { itemCount: 5, playerCount: 20 })).toMatchObject({ value, label, itemCount: 5, playerCount: 20 });
  });

  it("says 'not enough data' in words when a measure can't be computed", () => {
    expect(itemRestMeasure(null)).toMatchObject({ value: null, label: "not enough data" });
    expect(reliabilityMeasure({ method: "Cronbach's alpha", value: null }, { itemCount: 1, playerCount: 3 })).toMatchObject({
      method: "Cronbach's alpha",
      value: null,
      label: "not enough data",
      reading: expect.stringMatching(/at least 2 scored questions/),
    });
    expect(roundedPointBiserial(-0.2335)).toBe(-0.23);
    expect(roundedPointBiserial(null)).toBeNull();
  });
});

describe("isPoll and answerScore", () => {
  const options = (...correct: boolean[]) => correct.map((c) => ({ html: "x", correct: c }));
  it("treats a poll kind, and a choice question with no right option, as a poll; ordering is scored", () => {
    expect(isPoll({ kind: "poll" as never, promptHtml: "", options: options(false, false) })).toBe(true);
    expect(isPoll({ kind: "single", promptHtml: "", options: options(false, false) })).toBe(true);
    expect(isPoll({ kind: "single", promptHtml: "", options: options(true, false) })).toBe(false);
    expect(isPoll({ kind: "order", promptHtml: "", options: options(false, false, false) })).toBe(false);
    expect(hasDistractors({ kind: "order", promptHtml: "", options: options(false, false, false) })).toBe(false);
    expect(hasDistractors({ kind: "multiple", promptHtml: "", options: options(true, true, false) })).toBe(true);
  });

  it("reads the partial score when there is one, clamped to [0, 1], else 1 or 0", () => {
    expect([answerScore({ correct: true }), answerScore({ correct: false }), answerScore({ correct: false, score: 0.25 })]).toEqual([1, 0, 0.25]);
    expect([answerScore({ correct: true, score: 7 }), answerScore({ correct: true, score: -1 }), answerScore({ correct: true, score: Number.NaN })]).toEqual([1, 0, 0]);
  });
});
