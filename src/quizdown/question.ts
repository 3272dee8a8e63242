/**
 * One question: the lines from its heading up to the next heading.
 *
 *   ## Prompt {timeLimit=30}      heading (+ optional per-question overrides)
 *   ---                           optional quizdown per-question YAML block
 *   Body markdown…                body (bodyHtml)
 *   > Hint…                       top-level blockquote before the options (hintHtml)
 *   - [x] Right                   options: `- [ ]`/`- [x]`, `1. [ ]`/`1. [x]`, or `1. text` (ordering)
 *       > Why it is right         indented blockquote under an option (commentHtml)
 */
import { parseHeadingText } from "./heading";
import {
  closesFence,
  indentWidth,
  isBlank,
  matchFenceOpen,
  matchListItem,
  matchQuote,
  type Fence,
  type ListItem,
} from "./lines";
import { renderInlineMarkdown, renderMarkdown } from "./markdown";
import { describeQuestion, shorten } from "./messages";
import { readQuestionYaml } from "./questionYaml";
import type { QuestionKind, QuizOption, QuizQuestion, QuizdownProblem } from "./types";

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 8;

export interface QuestionParse {
  question: QuizQuestion;
  errors: QuizdownProblem[];
  warnings: QuizdownProblem[];
}

interface OptionDraft {
  line: number;
  indent: number;
  checked: boolean;
  text: string[];
  comment: string[];
  /** A comment line was the last content line (lazy continuation allowed). */
  commentOpen: boolean;
}

interface ListStyle {
  ordered: boolean;
  boxed: boolean;
}

interface OptionList {
  options: OptionDraft[];
  style: ListStyle | null;
  /** Option lines already reported as malformed (not in `options`). */
  rejected: number;
}

/**
 * @param heading 0-based index of the heading line
 * @param end 0-based index of the next heading (or the line count)
 */
export function parseQuestion(
  lines: string[],
  heading: number,
  end: number,
  headingText: string,
  position: number,
): QuestionParse {
  const errors: QuizdownProblem[] = [];
  const warnings: QuizdownProblem[] = [];
  const line = heading + 1;

  const head = parseHeadingText(headingText, line);
  errors.push(...head.errors);
  warnings.push(...head.warnings);
  const label = describeQuestion(head.prompt, position, line);
  if (head.prompt === "") {
    errors.push({ line, message: `The heading on line ${line} has no question text.` });
  }

  const yaml = readQuestionYaml(lines, heading + 1, end);
  errors.push(...yaml.errors);
  warnings.push(...yaml.warnings);

  const optionsStart = findOptionsStart(lines, yaml.next, end);
  const pre = splitBodyAndHint(lines, yaml.next, optionsStart.index === -1 ? end : optionsStart.index);
  const list: OptionList =
    optionsStart.index === -1
      ? { options: [], style: null, rejected: 0 }
      : readOptions(lines, optionsStart.index, end, label, errors);

  const drafts = list.options;
  if (optionsStart.index === -1) {
    errors.push({ line, message: noOptionsMessage(label, optionsStart.unboxedLine) });
  }
  const kind = decideKind(list.style, drafts);
  checkOptions(kind, list, label, line, errors, warnings);

  const question: QuizQuestion = {
    position,
    kind,
    promptMarkdown: head.prompt,
    promptHtml: renderInlineMarkdown(head.prompt),
    bodyHtml: renderMarkdown(pre.body),
    options: drafts.map((d) => toOption(d, kind)),
    line,
  };
  if (pre.hint.trim() !== "") question.hintHtml = renderMarkdown(pre.hint);
  const timeLimit = head.timeLimitSec ?? yaml.timeLimitSec;
  const readTime = head.readTimeSec ?? yaml.readTimeSec;
  if (timeLimit !== undefined) question.timeLimitSec = timeLimit;
  if (readTime !== undefined) question.readTimeSec = readTime;
  if (yaml.shuffleAnswers !== undefined) question.shuffleAnswers = yaml.shuffleAnswers;
  return { question, errors, warnings };
}

/**
 * The options list starts at the first top-level `[ ]`/`[x]` item. Without any, a numbered
 * list without boxes is an ordering question. Lists earlier in the body stay in the body.
 */
function findOptionsStart(lines: string[], from: number, end: number): { index: number; unboxedLine?: number } {
  let fence: Fence | null = null;
  let firstNumbered = -1;
  let firstBullet = -1;
  for (let i = from; i < end; i++) {
    const text = lines[i]!;
    if (fence) {
      if (closesFence(text, fence)) fence = null;
      continue;
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

/** Top-level `>` blocks before the options form the hint; everything else is the body. */
function splitBodyAndHint(lines: string[], from: number, to: number): { body: string; hint: string } {
  const body: string[] = [];
  const hints: string[][] = [];
  let inHint = false;
  let fence: Fence | null = null;
  for (let i = from; i < to; i++) {
    const text = lines[i]!;
    if (fence) {
      body.push(text);
      if (closesFence(text, fence)) fence = null;
      continue;
    }
    fence = matchFenceOpen(text);
    const quote = !fence && indentWidth(text) <= 3 ? matchQuote(text) : null;
    if (quote !== null) {
      if (!inHint) hints.push([]);
      hints[hints.length - 1]!.push(quote);
      inHint = true;
    } else if (inHint && !fence && !isBlank(text)) {
      hints[hints.length - 1]!.push(text.trim()); // lazy continuation of the quote
    } else {
      inHint = false;
      body.push(text);
    }
  }
  return { body: body.join("\n").trim(), hint: hints.map((h) => h.join("\n")).join("\n\n") };
}

function readOptions(
  lines: string[],
  from: number,
  end: number,
  label: string,
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
      if (closesFence(text, fence)) fence = null;
      continue;
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
        errors.push({ line: lineNo, message: problem });
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
    if (strayReported !== strayKind) errors.push({ line: lineNo, message: strayMessage(text, lineNo, label, style) });
    strayReported = strayKind;
    fence = matchFenceOpen(text);
  }
  return { options, style, rejected };
}

function styleProblem(style: ListStyle, item: ListItem, line: number, label: string): string | null {
  const boxed = item.checked !== null;
  if (style.boxed && !boxed) {
    const marker = style.ordered ? "1." : "-";
    return `Line ${line} is an option of ${label} without a box. Write "${marker} [ ] text" for a wrong answer or "${marker} [x] text" for a right one.`;
  }
  if (!style.boxed && boxed) {
    return `Line ${line} has a [ ] box, but ${label} is an ordering question (a numbered list without boxes). Use boxes on all options or on none.`;
  }
  if (style.ordered !== item.ordered) {
    return `Line ${line} mixes numbered and bulleted options in ${label}. Use the same style for every option: all "- [ ]" or all "1. [ ]".`;
  }
  return null;
}

function strayMessage(text: string, line: number, label: string, style: ListStyle | null): string {
  const start = `Line ${line} is among the options of ${label} but is not an option.`;
  if (matchQuote(text) !== null) {
    return `${start} To explain an option, indent the > line under that option (e.g. with 4 spaces); a hint goes above the options.`;
  }
  const example = style && !style.boxed ? `"1. text"` : `"- [ ] text" or "- [x] text"`;
  return `${start} Options look like ${example}; other text must go above the options.`;
}

function noOptionsMessage(label: string, unboxedLine: number | undefined): string {
  if (unboxedLine !== undefined) {
    return `${label} has no options: the list on line ${unboxedLine} has no boxes. Write "- [x] right answer" and "- [ ] wrong answer".`;
  }
  return `${label} has no options: add a list like "- [x] right answer" and "- [ ] wrong answer" under the question.`;
}

function decideKind(style: ListStyle | null, drafts: OptionDraft[]): QuestionKind {
  if (style && !style.boxed) return "order";
  if (style && !style.ordered && drafts.filter((d) => d.checked).length > 1) return "multiple";
  return "single";
}

function checkOptions(
  kind: QuestionKind,
  { style, options: drafts, rejected }: OptionList,
  label: string,
  line: number,
  errors: QuizdownProblem[],
  warnings: QuizdownProblem[],
): void {
  if (style === null) return; // "no options" already reported
  for (const d of drafts) {
    if (d.text.join("").trim() === "") {
      errors.push({ line: d.line, message: `The option on line ${d.line} of ${label} has no text.` });
    }
  }
  // Lines already reported as malformed options would make these counts misleading.
  if (rejected === 0 && drafts.length > 0 && drafts.length < MIN_OPTIONS) {
    errors.push({
      line,
      message: `${label} has only ${drafts.length} option; a question needs at least ${MIN_OPTIONS}.`,
    });
  }
  if (drafts.length > MAX_OPTIONS) {
    errors.push({
      line,
      message: `${label} has ${drafts.length} options; the most a question can have is ${MAX_OPTIONS}.`,
    });
  }
  const correct = drafts.filter((d) => d.checked);
  if (rejected === 0 && kind !== "order" && drafts.length > 0 && correct.length === 0) {
    errors.push({ line, message: `${label} has no correct option: mark one with [x].` });
  }
  if (style.ordered && style.boxed && correct.length > 1) {
    errors.push({
      line,
      message: `${label} is a numbered single-answer question but has ${correct.length} options marked [x] (lines ${correct.map((d) => d.line).join(", ")}). Mark exactly one, or use "- [ ]" bullets for a question with several right answers.`,
    });
  }
  const seen = new Map<string, number>();
  for (const d of drafts) {
    const key = d.text.join(" ").replace(/\s+/g, " ").trim().toLowerCase();
    if (key === "") continue;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, d.line);
    else {
      warnings.push({
        line: d.line,
        message: `${label} has the option "${shorten(d.text.join(" ").trim())}" twice (lines ${first} and ${d.line}).`,
      });
    }
  }
}

function toOption(d: OptionDraft, kind: QuestionKind): QuizOption {
  const markdown = d.text.join("\n").trim();
  const option: QuizOption = {
    markdown,
    html: renderInlineMarkdown(markdown),
    correct: kind === "order" ? false : d.checked,
  };
  const comment = d.comment.join("\n").trim();
  if (comment !== "") option.commentHtml = renderMarkdown(comment);
  return option;
}
