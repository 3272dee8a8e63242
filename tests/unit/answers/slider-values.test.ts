import { describe, expect, it } from "vitest";
import { decimalsOf, formatValue, highestValue, parseTypedNumber, snapToStep, startValue, stepBy, withUnit } from "@/components/player/answers/slider-values";

describe("slider values stay on the grid inside the range", () => {
  const percent = { min: 0, max: 100, step: 5 };

  it("snaps to the nearest step and clamps to the ends", () => {
    expect(snapToStep(42, percent)).toBe(40);
    expect(snapToStep(43, percent)).toBe(45);
    expect(snapToStep(-7, percent)).toBe(0);
    expect(snapToStep(1000, percent)).toBe(100);
    expect(snapToStep(Number.NaN, percent)).toBe(0);
  });

  it("counts steps from min, not from zero", () => {
    expect(snapToStep(10, { min: 1, max: 21, step: 4 })).toBe(9);
    expect(snapToStep(-3.4, { min: -10, max: 10, step: 2 })).toBe(-4);
  });

  it("never reaches past the last step when max is off the grid (as a native range input)", () => {
    const range = { min: 0, max: 10, step: 3 };
    expect(highestValue(range)).toBe(9);
    expect(snapToStep(10, range)).toBe(9);
    expect(stepBy(9, 1, range)).toBe(9);
  });

  it("keeps decimal steps exact (no 0.30000000000000004)", () => {
    const range = { min: 0, max: 1, step: 0.1 };
    expect(snapToStep(0.29, range)).toBe(0.3);
    expect(stepBy(0.2, 1, range)).toBe(0.3);
    expect(stepBy(0.7, 2, range)).toBe(0.9);
    expect(highestValue({ min: 0.1, max: 1, step: 0.3 })).toBe(1);
  });

  it("starts in the middle, on the grid", () => {
    expect(startValue(percent)).toBe(50);
    expect(startValue({ min: 0, max: 10, step: 3 })).toBe(6);
    expect(startValue({ min: 1800, max: 2025, step: 1 })).toBe(1913);
  });

  it("steps up and down and stops at the ends", () => {
    expect(stepBy(50, 1, percent)).toBe(55);
    expect(stepBy(0, -1, percent)).toBe(0);
    expect(stepBy(100, 3, percent)).toBe(100);
  });

  it("counts the decimals a step needs", () => {
    expect(decimalsOf(10)).toBe(0);
    expect(decimalsOf(0.25)).toBe(2);
    expect(decimalsOf(1e-7)).toBe(7);
    expect(decimalsOf(-2.5)).toBe(1);
  });
});

describe("typing a slider value", () => {
  it("reads a dot or a comma as the decimal separator, and a sign", () => {
    expect(parseTypedNumber(" 3.5 ")).toBe(3.5);
    expect(parseTypedNumber("3,5")).toBe(3.5);
    expect(parseTypedNumber("-12")).toBe(-12);
    expect(parseTypedNumber("\u221212")).toBe(-12);
    expect(parseTypedNumber(".5")).toBe(0.5);
    expect(parseTypedNumber("7.")).toBe(7);
  });

  it("refuses what is not a plain number", () => {
    for (const text of ["", "-", "abc", "1e3", "1,000.5", "1.2.3", "Infinity", "0x10", "12 km"]) {
      expect(parseTypedNumber(text), text).toBeNull();
    }
  });

  it("writes the value with the decimals the step needs, in the player's decimal separator", () => {
    const range = { min: 0, max: 10, step: 0.5 };
    expect(formatValue(3, range, "en")).toBe("3.0");
    expect(formatValue(3.5, range, "fr")).toBe("3,5");
    expect(formatValue(12000, { min: 0, max: 20000, step: 1000 }, "en")).toBe("12000");
    expect(parseTypedNumber(formatValue(3.5, range, "de"))).toBe(3.5);
  });

  it("puts a space before word units and none before %, °", () => {
    expect(withUnit("12", "km")).toBe("12\u00a0km");
    expect(withUnit("50", "%")).toBe("50%");
    expect(withUnit("20", "°C")).toBe("20°C");
    expect(withUnit("7", undefined)).toBe("7");
    expect(withUnit("7", "  ")).toBe("7");
  });
});
