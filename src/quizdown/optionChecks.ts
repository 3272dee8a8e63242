/** Checks on a question's options (counts, right answers, duplicates) and the final option model. */
import { renderInlineMarkdown, renderMarkdown } from "./markdown";
import { shorten } from "./messages";
import type { OptionDraft, OptionList } from "./optionList";
import type { QuestionLabel } from "./problems";
import type { QuestionKind, QuizOption, QuizdownProblem } from "./types";

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 8;

export function checkOptions(
  kind: QuestionKind,
  { style, options: drafts, rejected }: OptionList,
  label: QuestionLabel,
  line: number,
  errors: QuizdownProblem[],
  warnings: QuizdownProblem[],
): void {
  if (style === null) return; // "no options" already reported
  for (const d of drafts) {
    if (d.text.join("").trim() === "") {
      errors.push({ line: d.line, message: `The option on line ${d.line} of ${label.text} has no text.`, code: "optionNoText", params: { ...label.params, line: d.line } });
    }
  }
  // Lines already reported as malformed options would make these counts misleading.
  if (rejected === 0 && drafts.length > 0 && drafts.length < MIN_OPTIONS) {
    errors.push({
      line,
      message: `${label.text} has only ${drafts.length} option; a question needs at least ${MIN_OPTIONS}.`,
      code: "tooFewOptions",
      params: { ...label.params, count: drafts.length, min: MIN_OPTIONS },
    });
  }
  if (drafts.length > MAX_OPTIONS) {
    errors.push({
      line,
      message: `${label.text} has ${drafts.length} options; the most a question can have is ${MAX_OPTIONS}.`,
      code: "tooManyOptions",
      params: { ...label.params, count: drafts.length, max: MAX_OPTIONS },
    });
  }
  const correct = drafts.filter((d) => d.checked);
  if (kind === "poll") {
    for (const d of correct) {
      warnings.push({
        line: d.line,
        message: `${label.text} is a poll, which has no right answer; the [x] on line ${d.line} is ignored.`,
        code: "pollCorrectIgnored",
        params: { ...label.params, line: d.line },
      });
    }
  } else if (rejected === 0 && kind !== "order" && drafts.length > 0 && correct.length === 0) {
    errors.push({ line, message: `${label.text} has no correct option: mark one with [x].`, code: "noCorrectOption", params: { ...label.params } });
  }
  if (style.ordered && style.boxed && correct.length > 1 && kind !== "poll") {
    errors.push({
      line,
      message: `${label.text} is a numbered single-answer question but has ${correct.length} options marked [x] (lines ${correct.map((d) => d.line).join(", ")}). Mark exactly one, or use "- [ ]" bullets for a question with several right answers.`,
      code: "numberedSeveralCorrect",
      params: { ...label.params, count: correct.length, lines: correct.map((d) => d.line).join(", ") },
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
        message: `${label.text} has the option "${shorten(d.text.join(" ").trim())}" twice (lines ${first} and ${d.line}).`,
        code: "duplicateOption",
        params: { ...label.params, option: shorten(d.text.join(" ").trim()), first, line: d.line },
      });
    }
  }
}

export function toOption(d: OptionDraft, kind: QuestionKind): QuizOption {
  const markdown = d.text.join("\n").trim();
  const option: QuizOption = {
    markdown,
    html: renderInlineMarkdown(markdown),
    correct: kind === "order" || kind === "poll" ? false : d.checked,
  };
  const comment = d.comment.join("\n").trim();
  if (comment !== "") option.commentHtml = renderMarkdown(comment);
  return option;
}
