/**
 * Which question, and which field of it, each of the checker's problems concerns, so the visual
 * editor can show it beside that field. The checker reports lines; the text's layout says what is
 * written on each line.
 */
import { readFrontMatter } from "../frontMatter";
import { findOptionsStart, readOptions } from "../optionList";
import { isBlank, matchQuote, splitLines } from "../lines";
import { describeQuestion } from "../messages";
import { splitSections } from "../parse";
import { readQuestionYaml } from "../questionYaml";
import { kindKeyName } from "../kindSettings";
import { settingName } from "../settings";
import type { QuizdownProblem } from "../types";

/** A field of a question in the editor; `option:<n>` is the n-th option (0-based). */
export type EditorField =
  | "question"
  | "prompt"
  | "body"
  | "hint"
  | "kind"
  | "options"
  | `option:${number}`
  | "answer"
  | "accepted"
  | "tolerance"
  | "min"
  | "max"
  | "step"
  | "unit"
  | "points"
  | "scoring"
  | "timeLimit"
  | "readTime"
  | "shuffleAnswers";

export interface LocatedProblems {
  /** Problems of the settings block or the text before the first question (and any of the whole file). */
  quiz: QuizdownProblem[];
  /** Per question (by position): its problems by field. */
  questions: Array<Partial<Record<EditorField, QuizdownProblem[]>>>;
}

/** Problems whose code says which field they are about, wherever their line is. */
const FIELD_OF_CODE: Partial<Record<string, EditorField>> = {
  headingNoText: "prompt",
  noOptions: "options",
  noOptionsUnboxed: "options",
  tooFewOptions: "options",
  tooManyOptions: "options",
  noCorrectOption: "options",
  numberedSeveralCorrect: "options",
  trueFalseAnswer: "answer",
  typedAnswerMissing: "accepted",
  typedTooManyAnswers: "accepted",
  sliderMissingAnswer: "answer",
  sliderMaxNotMoreThanMin: "max",
  sliderAnswerOutside: "answer",
  sliderAnswerOffStep: "answer",
  sliderTooManySteps: "step",
  sliderStep: "step",
  sliderTolerance: "tolerance",
  headingAttributesUnreadable: "timeLimit",
};

export function locateProblems(source: string, problems: QuizdownProblem[]): LocatedProblems {
  const lines = splitLines(source);
  const front = readFrontMatter(lines);
  const sections = splitSections(lines, front.bodyStart, []);
  const located: LocatedProblems = { quiz: [], questions: sections.map(() => ({})) };
  const layouts = sections.map((section, position) => fieldLines(lines, section.heading, section.end, section.text, position));
  for (const problem of problems) {
    const index = sections.findIndex((section) => problem.line > section.heading && problem.line <= section.end);
    if (index === -1) {
      located.quiz.push(problem);
      continue;
    }
    const byCode = problem.code === "sliderMissingNumber" ? (String(problem.params.key) as EditorField) : FIELD_OF_CODE[problem.code];
    const field = byCode ?? layouts[index]!.get(problem.line) ?? "question";
    (located.questions[index]![field] ??= []).push(problem);
  }
  return located;
}

/** What each line of one question holds (1-based lines). */
function fieldLines(lines: string[], heading: number, end: number, headingText: string, position: number): Map<number, EditorField> {
  const fields = new Map<number, EditorField>([[heading + 1, "prompt"]]);
  const yaml = readQuestionYaml(lines, heading + 1, end);
  if (yaml.next > heading + 1) {
    let open = heading + 1;
    while (isBlank(lines[open]!)) open++;
    for (let i = open + 1; i < yaml.next - 1; i++) {
      const key = /^\s*([A-Za-z_][\w-]*)\s*:/.exec(lines[i]!)?.[1];
      const field = key === undefined ? undefined : yamlField(key);
      if (field) fields.set(i + 1, field);
    }
    fields.set(open + 1, "question");
  }
  const start = findOptionsStart(lines, yaml.next, end).index;
  const bodyEnd = start === -1 ? end : start;
  let inHint = false;
  for (let i = yaml.next; i < bodyEnd; i++) {
    const text = lines[i]!;
    inHint = matchQuote(text) !== null || (inHint && !isBlank(text));
    fields.set(i + 1, inHint ? "hint" : "body");
  }
  if (start !== -1) {
    const list = readOptions(lines, start, end, describeQuestion(headingText, position, heading + 1), []);
    list.options.forEach((option, n) => {
      const next = list.options[n + 1]?.line ?? end + 1;
      for (let line = option.line; line < next; line++) fields.set(line, `option:${n}`);
    });
  }
  return fields;
}

function yamlField(key: string): EditorField | undefined {
  const setting = settingName(key);
  if (setting === "timeLimit" || setting === "readTime" || setting === "shuffleAnswers") return setting;
  const kindKey = kindKeyName(key);
  if (kindKey === null) return undefined;
  return kindKey === "answers" ? "accepted" : kindKey;
}
