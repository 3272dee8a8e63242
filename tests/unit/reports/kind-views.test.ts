import { describe, expect, it } from "vitest";
import { kindReport } from "../../../server/reports/kind-views";

const options = (...texts: string[]) => texts.map((text) => ({ html: `<p>${text}</p>` }));

describe("report views that fit the kind", () => {
  it("ordering: how often each item was out of place, most first", () => {
    const view = kindReport({ kind: "order", options: options("A", "B", "C") }, [
      { correct: true, raw: { order: [0, 1, 2] } },
      { correct: false, raw: { order: [1, 0, 2] } },
      { correct: false, raw: { order: [2, 0, 1] } },
    ]);
    expect(view).toEqual({ kind: "order", items: [{ index: 0, text: "A", misplaced: 2 }, { index: 1, text: "B", misplaced: 2 }, { index: 2, text: "C", misplaced: 1 }] });
  });

  it("type answer: answers grouped after normalising, the first spelling shown", () => {
    const view = kindReport({ kind: "typed", options: [], details: { typed: { accepted: ["Paris"] } } }, [
      { correct: false, raw: { text: "Lyon" } },
      { correct: true, raw: { text: "paris" } },
      { correct: false, raw: { text: "LYON!" } },
      { correct: true, raw: { text: "Paris" } },
      { correct: true, raw: { text: "París" } },
    ]);
    expect(view).toEqual({ kind: "typed", accepted: ["Paris"], groups: [{ text: "paris", count: 3, correct: true }, { text: "Lyon", count: 2, correct: false }] });
  });

  it("slider: ten bins over the range, the ends included", () => {
    const view = kindReport({ kind: "slider", options: [], details: { slider: { min: 0, max: 100, step: 1, correct: 60, tolerance: 0 } } }, [0, 9, 10, 60, 65, 100].map((value) => ({ correct: value === 60, raw: { value } })));
    expect(view?.kind === "slider" && view.bins.map((bin) => bin.count)).toEqual([2, 1, 0, 0, 0, 0, 2, 0, 0, 1]);
  });

  it("choice questions and polls have none", () => {
    expect(kindReport({ kind: "poll", options: options("A", "B") }, [{ correct: false, raw: null }])).toBeUndefined();
  });
});
