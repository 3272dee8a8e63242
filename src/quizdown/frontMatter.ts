/**
 * The optional YAML front matter at the very top of a quizdown file: quiz-wide settings.
 */
import { isYamlFence, matchHeading, matchListItem } from "./lines";
import {
  READ_TIME_RANGE,
  TIME_LIMIT_RANGE,
  checkBoolean,
  checkPositiveInteger,
  checkSeconds,
  checkColor,
  checkText,
  settingName,
  type Checked,
} from "./settings";
import { DEFAULT_READ_TIME_SEC, DEFAULT_TIME_LIMIT_SEC, type QuizSettings, type QuizdownProblem } from "./types";
import { shorten } from "./messages";
import { readYamlBlock, type YamlBlockName } from "./yamlBlock";
import { stageTheme } from "./theme";

export interface FrontMatter {
  settings: QuizSettings;
  title?: string;
  /** 0-based index of the first line after the front matter (0 when there is none). */
  bodyStart: number;
  errors: QuizdownProblem[];
  warnings: QuizdownProblem[];
}

export function defaultSettings(): QuizSettings {
  return {
    shuffleQuestions: false,
    shuffleAnswers: true,
    timeLimitSec: DEFAULT_TIME_LIMIT_SEC,
    readTimeSec: DEFAULT_READ_TIME_SEC,
  };
}

const WHAT: YamlBlockName = { text: "The settings block at the top of the file", params: { block: "top", from: 1, to: 1 } };

export function readFrontMatter(lines: string[]): FrontMatter {
  const result: FrontMatter = { settings: defaultSettings(), bodyStart: 0, errors: [], warnings: [] };
  if (lines.length === 0 || !isYamlFence(lines[0]!)) return result;

  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (isYamlFence(line) || line.trimEnd() === "...") {
      close = i;
      break;
    }
    // An answer option can't be part of the settings: the block was never closed.
    // (Headings can't be used as the stop sign: `# …` is also a YAML comment.)
    if (matchListItem(line)?.checked != null) break;
  }
  if (close === -1) {
    result.errors.push({
      line: 1,
      message: `${WHAT.text} (starting on line 1) is never closed: add a line with just --- after the last setting.`,
      code: "frontMatterUnclosed",
      params: {},
    });
    // Carry on from the first heading so problems in the questions are reported too.
    const firstHeading = lines.findIndex((line, i) => i > 0 && matchHeading(line) !== null);
    result.bodyStart = firstHeading === -1 ? lines.length : firstHeading;
    return result;
  }
  result.bodyStart = close + 1;

  const block = readYamlBlock(lines, 0, close, WHAT);
  result.errors.push(...block.errors);
  const seen = new Map<string, string>();
  const settingLines: Record<string, number> = {};
  for (const { key, value, line } of block.entries) {
    const name = settingName(key);
    if (name === null) {
      result.warnings.push({ line, message: `Unknown setting "${shorten(key)}" on line ${line} is ignored.`, code: "unknownSetting", params: { setting: shorten(key), line } });
      continue;
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      result.warnings.push({
        line,
        message: `The setting "${key}" on line ${line} repeats "${earlier}"; the later one is used.`,
        code: "repeatedSetting",
        params: { setting: key, line, earlier },
      });
    }
    seen.set(name, key);
    settingLines[name] = line;
    applySetting(result, name, key, value, line);
  }
  // The colours theme the big screen: say so when one had to change to keep text readable.
  for (const note of stageTheme(result.settings).notes) result.warnings.push({ line: settingLines[note.setting] ?? 1, message: note.message, code: note.code, params: note.params });
  return result;
}

function applySetting(fm: FrontMatter, name: string, key: string, value: unknown, line: number): void {
  const s = fm.settings;
  const take = <T>(checked: Checked<T>, set: (v: T) => void) => {
    if (checked.ok) set(checked.value);
    else fm.errors.push({ line, message: checked.message, code: checked.code, params: checked.params });
  };
  switch (name) {
    case "shuffleQuestions":
      return take(checkBoolean(value, key, line), (v) => (s.shuffleQuestions = v));
    case "shuffleAnswers":
      return take(checkBoolean(value, key, line), (v) => (s.shuffleAnswers = v));
    case "nQuestions":
      return take(checkPositiveInteger(value, key, line), (v) => (s.nQuestions = v));
    case "primaryColor":
      return take(checkColor(value, key, line), (v) => (s.primaryColor = v));
    case "secondaryColor":
      return take(checkColor(value, key, line), (v) => (s.secondaryColor = v));
    case "textColor":
      return take(checkColor(value, key, line), (v) => (s.textColor = v));
    case "locale":
      return take(checkText(value, key, line), (v) => (s.locale = v));
    case "title":
      return take(checkText(value, key, line), (v) => (fm.title = v));
    case "timeLimit":
      return take(checkSeconds(value, key, line, TIME_LIMIT_RANGE), (v) => (s.timeLimitSec = v));
    case "readTime":
      return take(checkSeconds(value, key, line, READ_TIME_RANGE), (v) => (s.readTimeSec = v));
  }
}
