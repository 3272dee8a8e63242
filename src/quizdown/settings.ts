/**
 * Setting names and value checks shared by the front matter, per-question YAML blocks
 * and `{timeLimit=… readTime=…}` heading attributes.
 */

import { shorten } from "./messages";
import { readColor } from "./theme";
import { shownValue, type ProblemText } from "./problems";

/** Canonical setting names. */
export type SettingName =
  | "shuffleQuestions"
  | "shuffleAnswers"
  | "nQuestions"
  | "primaryColor"
  | "secondaryColor"
  | "textColor"
  | "locale"
  | "title"
  | "timeLimit"
  | "readTime";

const CANONICAL: readonly SettingName[] = [
  "shuffleQuestions",
  "shuffleAnswers",
  "nQuestions",
  "primaryColor",
  "secondaryColor",
  "textColor",
  "locale",
  "title",
  "timeLimit",
  "readTime",
];

/**
 * Maps a key as written to its canonical name. Case, `_` and `-` are ignored, so
 * `shuffle_questions`, `shuffleQuestions` and `time-limit` are all recognised.
 */
export function settingName(key: string): SettingName | null {
  const norm = key.toLowerCase().replace(/[_-]/g, "");
  return CANONICAL.find((name) => name.toLowerCase() === norm) ?? null;
}

export const TIME_LIMIT_RANGE = { min: 5, max: 240 } as const;
export const READ_TIME_RANGE = { min: 0, max: 30 } as const;

export type Checked<T> = { ok: true; value: T } | ({ ok: false } & ProblemText);

/** Builds the "<key> (line N)" prefix used by every settings message. */
function where(key: string, line: number): string {
  return `The setting "${shorten(key)}" (line ${line})`;
}

export function checkBoolean(value: unknown, key: string, line: number): Checked<boolean> {
  if (typeof value === "boolean") return { ok: true, value };
  return { ok: false, message: `${where(key, line)} must be true or false, not ${show(value)}.`, code: "settingBoolean", params: { ...named(key, line), ...shownValue(value) } };
}

export function checkText(value: unknown, key: string, line: number): Checked<string> {
  if (typeof value === "string" && value.trim() !== "") return { ok: true, value: value.trim() };
  return {
    ok: false,
    message: `${where(key, line)} must be a piece of text, not ${show(value)}. Put it in quotes, e.g. ${key}: "…".`,
    code: "settingText",
    params: { ...named(key, line), key, ...shownValue(value) },
  };
}

/** A CSS colour (#1e40af, rgb(…), hsl(…) or a name such as navy), stored as "#rrggbb". */
export function checkColor(value: unknown, key: string, line: number): Checked<string> {
  if (value === null || value === undefined) {
    return {
      ok: false,
      message: `${where(key, line)} has no colour. Put a colour in quotes, e.g. ${key}: "#1e40af" (without quotes, # starts a comment).`,
      code: "settingNoColour",
      params: { ...named(key, line), key },
    };
  }
  const colour = typeof value === "string" ? readColor(value) : null;
  if (colour !== null) return { ok: true, value: colour };
  return {
    ok: false,
    message: `${where(key, line)} must be a colour such as "#1e40af", "rgb(30, 64, 175)" or navy (not see-through), not ${show(value)}.`,
    code: "settingColour",
    params: { ...named(key, line), ...shownValue(value) },
  };
}

export function checkSeconds(
  value: unknown,
  key: string,
  line: number,
  range: { min: number; max: number },
): Checked<number> {
  if (typeof value === "number" && Number.isInteger(value) && value >= range.min && value <= range.max) {
    return { ok: true, value };
  }
  return {
    ok: false,
    message: `${where(key, line)} must be a whole number of seconds from ${range.min} to ${range.max}, not ${show(value)}.`,
    code: "settingSeconds",
    params: { ...named(key, line), min: range.min, max: range.max, ...shownValue(value) },
  };
}

export function checkPositiveInteger(value: unknown, key: string, line: number): Checked<number> {
  if (typeof value === "number" && Number.isInteger(value) && value >= 1) return { ok: true, value };
  return {
    ok: false,
    message: `${where(key, line)} must be a whole number of at least 1, not ${show(value)}.`,
    code: "settingPositive",
    params: { ...named(key, line), ...shownValue(value) },
  };
}

/** The values of where(): the setting's name as written (shortened) and its line. */
function named(key: string, line: number) {
  return { setting: shorten(key), line };
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (typeof value === "string") return `"${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  return "a group of settings";
}
