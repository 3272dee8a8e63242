/**
 * A saved answer's credit, marked again for the report's item analysis: the same credit the game
 * gave it (partial for sliders, partial-scored multi-select and ordering), worked out by hand here.
 */
import { describe, expect, it } from "vitest";
import { savedAnswerCredit } from "../../../server/engine/kinds";

const options = (...correct: boolean[]) => correct.map((right) => ({ correct: right }));

describe("the credit of a saved answer", () => {
  it("a slider: full within the tolerance, then falling in a straight line to 0 a quarter of the range past it", () => {
    // Range 0–100 (a quarter = 25), right value 40, tolerance 5: full credit from 35 to 45.
    const slider = { kind: "slider", options: [], details: { slider: { min: 0, max: 100, step: 1, correct: 40, tolerance: 5 } } };
    expect(savedAnswerCredit(slider, [], { value: 43 })).toBe(1);
    expect(savedAnswerCredit(slider, [], { value: 55 })).toBeCloseTo(1 - 10 / 25, 10); // 15 away = 10 past the tolerance
    expect(savedAnswerCredit(slider, [], { value: 20 })).toBeCloseTo(1 - 15 / 25, 10);
    expect(savedAnswerCredit(slider, [], { value: 80 })).toBe(0);
  });

  it("a multi-select scored 'partial': (right picked − wrong picked) ÷ right options, never below 0", () => {
    const question = { kind: "multiple", options: options(true, true, false, true), details: { scoring: "partial" as const } };
    expect(savedAnswerCredit(question, [0, 1, 3], null)).toBe(1);
    expect(savedAnswerCredit(question, [0, 1], null)).toBeCloseTo(2 / 3, 10);
    expect(savedAnswerCredit(question, [0, 2], null)).toBe(0);
    expect(savedAnswerCredit(question, [2], null)).toBe(0);
  });

  it("a multi-select without partial scoring is all or nothing", () => {
    const question = { kind: "multiple", options: options(true, true, false) };
    expect(savedAnswerCredit(question, [0, 1], null)).toBe(1);
    expect(savedAnswerCredit(question, [0], null)).toBe(0);
  });

  it("an ordering scored 'partial': the share of items in their right place (the file's order is right)", () => {
    const question = { kind: "order", options: options(false, false, false, false), details: { scoring: "partial" as const } };
    expect(savedAnswerCredit(question, [], { order: [0, 1, 2, 3] })).toBe(1);
    expect(savedAnswerCredit(question, [], { order: [0, 1, 3, 2] })).toBe(0.5);
    expect(savedAnswerCredit(question, [], { order: [1, 0, 3, 2] })).toBe(0);
  });

  it("a malformed saved answer earns nothing rather than failing the report", () => {
    const question = { kind: "order", options: options(false, false, false), details: { scoring: "partial" as const } };
    expect(savedAnswerCredit(question, [], { order: [0, 0, 1] })).toBe(0);
    expect(savedAnswerCredit(question, [], null)).toBe(0);
  });
});
