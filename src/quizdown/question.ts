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
import { fencePosition, indentWidth, isBlank, matchFenceOpen, matchQuote, type Fence } from "./lines";
import { renderInlineMarkdown, renderMarkdown } from "./markdown";
import { describeQuestion } from "./messages";
import type { ProblemText, QuestionLabel } from "./problems";
import { decideQuestionKind } from "./kindSettings";
import { checkOptions, toOption } from "./optionChecks";
import { findOptionsStart, readOptions, type OptionList } from "./optionList";
import { readQuestionYaml } from "./questionYaml";
import type { QuizQuestion, QuizdownProblem } from "./types";

export interface QuestionParse {
  question: QuizQuestion;
  errors: QuizdownProblem[];
  warnings: QuizdownProblem[];
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
    errors.push({ line, message: `The heading on line ${line} has no question text.`, code: "headingNoText", params: { line } });
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
  const decided = decideQuestionKind(yaml.kindEntries, list.style, drafts, label, errors, warnings);
  const { kind } = decided;
  if (decided.unplayableReason !== undefined) {
    decided.unplayableReason = `Question ${position + 1} (line ${line}) ${decided.unplayableReason}`;
    warnings.push({ line, message: decided.unplayableReason, code: "unknownKind", params: { number: position + 1, questionLine: line, kind: decided.unknownKind ?? "" } });
  } else if (decided.usesOptions) {
    if (optionsStart.index === -1) errors.push({ line, ...noOptionsMessage(label, optionsStart.unboxedLine) });
    checkOptions(kind, list, label, line, errors, warnings);
  }

  const question: QuizQuestion = {
    position,
    kind,
    promptMarkdown: head.prompt,
    promptHtml: renderInlineMarkdown(head.prompt),
    bodyHtml: renderMarkdown(pre.body),
    options: kind === "truefalse" ? trueFalseOptions(yaml.kindEntries.answer?.value === true) : decided.usesOptions ? drafts.map((d) => toOption(d, kind)) : [],
    line,
  };
  if (decided.points !== undefined) question.points = decided.points;
  if (decided.scoring !== undefined) question.scoring = decided.scoring;
  if (decided.typed !== undefined) question.typed = decided.typed;
  if (decided.slider !== undefined) question.slider = decided.slider;
  if (decided.unplayableReason !== undefined) question.unplayableReason = decided.unplayableReason;
  if (pre.hint.trim() !== "") question.hintHtml = renderMarkdown(pre.hint);
  const timeLimit = head.timeLimitSec ?? yaml.timeLimitSec;
  const readTime = head.readTimeSec ?? yaml.readTimeSec;
  if (timeLimit !== undefined) question.timeLimitSec = timeLimit;
  if (readTime !== undefined) question.readTimeSec = readTime;
  if (yaml.shuffleAnswers !== undefined) question.shuffleAnswers = yaml.shuffleAnswers;
  return { question, errors, warnings };
}

/** A true/false question plays as two options, always in this order. */
function trueFalseOptions(answer: boolean): QuizQuestion["options"] {
  return [
    { markdown: "True", html: "True", correct: answer },
    { markdown: "False", html: "False", correct: !answer },
  ];
}

/** Top-level `>` blocks before the options form the hint; everything else is the body. */
export function splitBodyAndHint(lines: string[], from: number, to: number): { body: string; hint: string } {
  const body: string[] = [];
  const hints: string[][] = [];
  let inHint = false;
  let fence: Fence | null = null;
  for (let i = from; i < to; i++) {
    const text = lines[i]!;
    if (fence) {
      const where = fencePosition(text, fence);
      if (where !== "outside") {
        body.push(text);
        if (where === "closing") fence = null;
        continue;
      }
      fence = null;
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

function noOptionsMessage(label: QuestionLabel, unboxedLine: number | undefined): ProblemText {
  if (unboxedLine !== undefined) {
    return {
      message: `${label.text} has no options: the list on line ${unboxedLine} has no boxes. Write "- [x] right answer" and "- [ ] wrong answer".`,
      code: "noOptionsUnboxed",
      params: { ...label.params, line: unboxedLine },
    };
  }
  return {
    message: `${label.text} has no options: add a list like "- [x] right answer" and "- [ ] wrong answer" under the question.`,
    code: "noOptions",
    params: { ...label.params },
  };
}

