/**
 * A question heading: the prompt text plus an optional trailing attribute block
 * `{timeLimit=30 readTime=2}` with per-question overrides.
 */
import { READ_TIME_RANGE, TIME_LIMIT_RANGE, checkSeconds, settingName } from "./settings";
import { shorten } from "./messages";
import type { QuizdownProblem } from "./types";

export interface HeadingParts {
  prompt: string;
  timeLimitSec?: number;
  readTimeSec?: number;
  errors: QuizdownProblem[];
  warnings: QuizdownProblem[];
}

/**
 * Splits the heading text. A trailing `{…}` is treated as settings only when it names
 * `timeLimit` or `readTime`, so prompts like "What does `{}` mean?" are left alone.
 */
export function parseHeadingText(text: string, line: number): HeadingParts {
  const parts: HeadingParts = { prompt: text.trim(), errors: [], warnings: [] };
  const block = trailingBraces(parts.prompt);
  if (!block) return parts;

  // Tokens are `key=value`, separated by spaces, commas or semicolons.
  const tokens = block.inner.split(/[\s,;]+/).filter((t) => t !== "");
  const pairs: { key: string; raw: string }[] = [];
  let unreadable = false;
  for (const token of tokens) {
    const m = /^([A-Za-z_][\w-]*)=(.+)$/.exec(token);
    if (m) pairs.push({ key: m[1]!, raw: m[2]!.replace(/^["']|["']$/g, "") });
    else unreadable = true;
  }
  const known = pairs.filter((p) => {
    const name = settingName(p.key);
    return name === "timeLimit" || name === "readTime";
  });
  if (known.length === 0) return parts;

  parts.prompt = parts.prompt.slice(0, block.start).trim();
  if (unreadable) {
    parts.errors.push({
      line,
      message: `The settings {${shorten(block.inner.trim())}} at the end of the heading on line ${line} can't be read. Write them like {timeLimit=30 readTime=2}.`,
      code: "headingAttributesUnreadable",
      params: { settings: shorten(block.inner.trim()), line },
    });
  }
  for (const { key, raw } of pairs) {
    const name = settingName(key);
    if (name !== "timeLimit" && name !== "readTime") {
      parts.warnings.push({
        line,
        message: `Unknown question setting "${key}" on line ${line} is ignored; only timeLimit and readTime can be set on a question.`,
        code: "headingUnknownSetting",
        params: { setting: key, line },
      });
      continue;
    }
    const value = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    const checked =
      name === "timeLimit"
        ? checkSeconds(value, key, line, TIME_LIMIT_RANGE)
        : checkSeconds(value, key, line, READ_TIME_RANGE);
    if (!checked.ok) parts.errors.push({ line, message: checked.message, code: checked.code, params: checked.params });
    else if (name === "timeLimit") parts.timeLimitSec = checked.value;
    else parts.readTimeSec = checked.value;
  }
  return parts;
}

/** The `{…}` at the very end of the text (no nested braces), with its start index. */
function trailingBraces(text: string): { start: number; inner: string } | null {
  if (!text.endsWith("}")) return null;
  const start = text.lastIndexOf("{");
  if (start === -1) return null;
  const inner = text.slice(start + 1, -1);
  return inner.includes("}") ? null : { start, inner };
}
