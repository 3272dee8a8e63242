/**
 * The options list of a question: where it starts and what each option holds.
 *
 *   - [x] Right            bulleted checkboxes: single (one [x]) or multiple (several [x])
 *       > Why              an indented `>` under an option is its comment
 *   1. [ ] / 1. [x] …      numbered checkboxes: single choice
 *   1. First / 2. Second   numbered without boxes: ordering question
 */
import type { ProblemText, QuestionLabel } from "./problems";
import {
  fencePosition,
  indentWidth,
  isBlank,
  matchFenceOpen,
  matchListItem,
  matchQuote,
  type Fence,
  type ListItem,
} from "./lines";
import type { QuizdownProblem } from "./types";

export interface OptionDraft {
  line: number;
  indent: number;
  checked: boolean;
  text: string[];
  comment: string[];
  /** A comment line was the last content line (lazy continuation allowed). */
  commentOpen: boolean;
}

export interface ListStyle {
  ordered: boolean;
  boxed: boolean;
}

export interface OptionList {
  options: OptionDraft[];
  style: ListStyle | null;
  /** Option lines already reported as malformed (not in `options`). */
  rejected: number;
}

/**
 * The options list starts at the first top-level `[ ]`/`[x]` item. Without any, a numbered
 * list without boxes is an ordering question. Lists earlier in the body stay in the body.
 */
export function findOptionsStart(lines: string[], from: number, end: number): { index: number; unboxedLine?: number } {
  let fence: Fence | null = null;
  let firstNumbered = -1;
  let firstBullet = -1;
  for (let i = from; i < end; i++) {
    const text = lines[i]!;
    if (fence) {
      const where = fencePosition(text, fence);
      if (where !== "outside") {
        if (where === "closing") fence = null;
        continue;
      }
      fence = null;
    }
    fence = matchFenceOpen(text);
    if (fence) continue;
    const item = matchListItem(text);
    if (!item) continue;
    if (item.checked !== null) return { index: i };
    if (item.ordered && firstNumbered === -1) firstNumbered = i;
    if (!item.ordered && firstBullet === -1) firstBullet = i;
  }
  if (firstNumbered !== -1) return { index: firstNumbered };
  return firstBullet === -1 ? { index: -1 } : { index: -1, unboxedLine: firstBullet + 1 };
}

export function readOptions(
  lines: string[],
  from: number,
  end: number,
  label: QuestionLabel,
  errors: QuizdownProblem[],
): OptionList {
  const options: OptionDraft[] = [];
  let rejected = 0;
  let style: ListStyle | null = null;
  let fence: Fence | null = null; // a stray code block among the options
  // One message per stray block; a stray `>` quote gets its own (more specific) message.
  let strayReported: "text" | "quote" | null = null;
  let afterBlank = false;

  for (let i = from; i < end; i++) {
    const text = lines[i]!;
    const lineNo = i + 1;
    if (fence) {
      if (fencePosition(text, fence) === "closing") fence = null;
      continue; // a stray top-level block: already reported
    }
    const current = options[options.length - 1];
    if (isBlank(text)) {
      afterBlank = true;
      strayReported = null;
      if (current) current.commentOpen = false;
      continue;
    }
    const wasAfterBlank = afterBlank;
    afterBlank = false;

    const item = matchListItem(text);
    const nested = current !== undefined && indentWidth(text) > current.indent;
    if (item && (!nested || item.checked !== null)) {
      strayReported = null;
      style ??= { ordered: item.ordered, boxed: item.checked !== null };
      const problem = styleProblem(style, item, lineNo, label);
      if (problem) {
        errors.push({ line: lineNo, ...problem });
        rejected++;
        continue;
      }
      options.push({
        line: lineNo,
        indent: item.indent,
        checked: item.checked === true,
        text: item.text === "" ? [] : [item.text],
        comment: [],
        commentOpen: false,
      });
      continue;
    }

    if (current && nested) {
      const quote = matchQuote(text);
      if (quote !== null) {
        if (current.comment.length > 0 && !current.commentOpen) current.comment.push("");
        current.comment.push(quote);
        current.commentOpen = true;
      } else if (current.commentOpen) {
        current.comment.push(text.trim());
      } else {
        if (wasAfterBlank && current.text.length > 0) current.text.push("");
        current.text.push(text.trim());
      }
      continue;
    }

    if (current?.commentOpen && matchQuote(text) === null && !matchFenceOpen(text)) {
      current.comment.push(text.trim()); // lazy continuation of a comment
      continue;
    }

    const strayKind = matchQuote(text) === null ? "text" : "quote";
    if (strayReported !== strayKind) errors.push({ line: lineNo, ...strayMessage(text, lineNo, label, style) });
    strayReported = strayKind;
    fence = matchFenceOpen(text);
  }
  return { options, style, rejected };
}

function styleProblem(style: ListStyle, item: ListItem, line: number, label: QuestionLabel): ProblemText | null {
  const boxed = item.checked !== null;
  if (style.boxed && !boxed) {
    const marker = style.ordered ? "1." : "-";
    return {
      message: `Line ${line} is an option of ${label.text} without a box. Write "${marker} [ ] text" for a wrong answer or "${marker} [x] text" for a right one.`,
      code: "optionWithoutBox",
      params: { ...label.params, line, marker },
    };
  }
  if (!style.boxed && boxed) {
    return {
      message: `Line ${line} has a [ ] box, but ${label.text} is an ordering question (a numbered list without boxes). Use boxes on all options or on none.`,
      code: "orderWithBox",
      params: { ...label.params, line },
    };
  }
  if (style.ordered !== item.ordered) {
    return {
      message: `Line ${line} mixes numbered and bulleted options in ${label.text}. Use the same style for every option: all "- [ ]" or all "1. [ ]".`,
      code: "mixedOptionStyles",
      params: { ...label.params, line },
    };
  }
  return null;
}

function strayMessage(text: string, line: number, label: QuestionLabel, style: ListStyle | null): ProblemText {
  const start = `Line ${line} is among the options of ${label.text} but is not an option.`;
  const params = { ...label.params, line };
  if (matchQuote(text) !== null) {
    return {
      message: `${start} To explain an option, indent the > line under that option (e.g. with 4 spaces); a hint goes above the options.`,
      code: "strayQuote",
      params,
    };
  }
  const numbered = style !== null && !style.boxed;
  const example = numbered ? `"1. text"` : `"- [ ] text" or "- [x] text"`;
  return { message: `${start} Options look like ${example}; other text must go above the options.`, code: numbered ? "strayTextNumbered" : "strayText", params };
}
