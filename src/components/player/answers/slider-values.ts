/**
 * Pure value rules for a slider answer: the slider only ever holds min + k·step within [min, max],
 * like a native range input, and prints it with as many decimals as the step needs.
 */

export interface SliderRange {
  min: number;
  max: number;
  step: number;
}

/** Decimals written in a number: 0.25 → 2, 10 → 0, 1e-7 → 7. */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const [mantissa = "", exponent] = Math.abs(value).toExponential().split("e");
  const fraction = mantissa.split(".")[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

function precisionOf({ min, step }: SliderRange): number {
  return Math.max(decimalsOf(step), decimalsOf(min));
}

/** The largest value the slider can reach: max itself, or the last step below it when max is off the grid. */
export function highestValue(range: SliderRange): number {
  const { min, max, step } = range;
  if (!(step > 0) || max <= min) return min;
  return round(min + Math.floor(round((max - min) / step, 9)) * step, precisionOf(range));
}

/** The nearest value on the grid, inside the range (NaN becomes min). */
export function snapToStep(value: number, range: SliderRange): number {
  const { min, step } = range;
  if (Number.isNaN(value) || !(step > 0)) return min;
  const top = highestValue(range);
  const clamped = Math.min(top, Math.max(min, value));
  return Math.min(top, round(min + Math.round(round((clamped - min) / step, 9)) * step, precisionOf(range)));
}

/** Where the slider starts: the middle, on the grid (it says nothing about the answer). */
export function startValue(range: SliderRange): number {
  return snapToStep((range.min + highestValue(range)) / 2, range);
}

/** One step up (`steps` > 0) or down, staying inside the range. */
export function stepBy(value: number, steps: number, range: SliderRange): number {
  return snapToStep(value + steps * range.step, range);
}

/**
 * Reads what a player typed: digits with at most one decimal separator ("." or ","), an optional
 * leading sign, spaces around ignored. Anything else (grouping, exponents, words) is null.
 */
export function parseTypedNumber(text: string): number | null {
  const trimmed = text.trim().replace(/^[\u2212\u2013]/, "-");
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed)) return null;
  const value = Number(trimmed.replace(",", "."));
  return Number.isFinite(value) ? value : null;
}

/** The value in the player's own way of writing decimals, without grouping, so it can be typed back. */
export function formatValue(value: number, range: SliderRange, locale?: string): string {
  const digits = precisionOf(range);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(value);
}

/** Units written straight after the number (50%, 20°); every other unit gets a space (12 km). */
export function withUnit(formatted: string, unit: string | undefined): string {
  const trimmed = unit?.trim() ?? "";
  if (trimmed === "") return formatted;
  return /^[%‰°′″]/.test(trimmed) ? `${formatted}${trimmed}` : `${formatted}\u00a0${trimmed}`;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
