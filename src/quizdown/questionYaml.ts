/**
 * quizdown's per-question YAML block: a `---` … `---` block right under a question heading.
 * Supported keys: timeLimit, readTime, shuffleAnswers, and the question-kind keys of
 * kindSettings.ts (kind, answer, answers, points, scoring, min, max, step, unit, tolerance);
 * anything else is ignored with a warning.
 */
import { kindKeyName, type KindEntries } from "./kindSettings";
import { isBlank, isYamlFence } from "./lines";
import { READ_TIME_RANGE, TIME_LIMIT_RANGE, checkBoolean, checkSeconds, settingName } from "./settings";
import type { QuizdownProblem } from "./types";
import { readYamlBlock } from "./yamlBlock";

export interface QuestionYaml {
  /** 0-based index of the first line after the block (= `from` when there is no block). */
  next: number;
  timeLimitSec?: number;
  readTimeSec?: number;
  shuffleAnswers?: boolean;
  /** The question-kind keys, read by kindSettings.ts once the options are known. */
  kindEntries: KindEntries;
  errors: QuizdownProblem[];
  warnings: QuizdownProblem[];
}

/** Looks for the block starting at `from` (blank lines allowed before it) and before `end`. */
export function readQuestionYaml(lines: string[], from: number, end: number): QuestionYaml {
  const result: QuestionYaml = { next: from, kindEntries: {}, errors: [], warnings: [] };
  let open = from;
  while (open < end && isBlank(lines[open]!)) open++;
  if (open >= end || !isYamlFence(lines[open]!)) return result;
  let close = -1;
  for (let i = open + 1; i < end; i++) {
    if (isYamlFence(lines[i]!)) {
      close = i;
      break;
    }
  }
  // A lone `---`, or two around ordinary text, are horizontal rules, not settings.
  if (close === -1 || !lines.slice(open + 1, close).some(namesSetting)) return result;

  result.next = close + 1;
  const block = readYamlBlock(lines, open, close, {
    text: `The question settings on lines ${open + 1}-${close + 1}`,
    params: { block: "question", from: open + 1, to: close + 1 },
  });
  result.errors.push(...block.errors);
  for (const { key, value, line } of block.entries) {
    const name = settingName(key);
    if (name === "timeLimit") {
      const c = checkSeconds(value, key, line, TIME_LIMIT_RANGE);
      if (c.ok) result.timeLimitSec = c.value;
      else result.errors.push({ line, message: c.message, code: c.code, params: c.params });
    } else if (name === "readTime") {
      const c = checkSeconds(value, key, line, READ_TIME_RANGE);
      if (c.ok) result.readTimeSec = c.value;
      else result.errors.push({ line, message: c.message, code: c.code, params: c.params });
    } else if (name === "shuffleAnswers") {
      const c = checkBoolean(value, key, line);
      if (c.ok) result.shuffleAnswers = c.value;
      else result.errors.push({ line, message: c.message, code: c.code, params: c.params });
    } else if (kindKeyName(key) !== null) {
      result.kindEntries[kindKeyName(key)!] = { key, value, line };
    } else {
      result.warnings.push({
        line,
        message: `The setting "${key}" on line ${line} can't be set for a single question and is ignored.`,
        code: "questionSettingNotAllowed",
        params: { setting: key, line },
      });
    }
  }
  return result;
}

function namesSetting(line: string): boolean {
  const m = /^\s*([A-Za-z_][\w-]*)\s*:/.exec(line);
  return !!m && (settingName(m[1]!) !== null || kindKeyName(m[1]!) !== null);
}
