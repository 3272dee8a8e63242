/**
 * The question-kind keys of a question's YAML block, and the kind they make with the options list.
 *
 *   ## The sun is a star.        true/false: `answer: true` (or false), no options
 *   ---
 *   answer: true
 *   ---
 *
 *   ## Capital of France?        type answer: `answer:` text or number, or `answers:` a list;
 *   ---                          `tolerance:` for numbers
 *   answers: [Paris, "Paris, France"]
 *   ---
 *
 *   ## Year of the moon landing? slider: `min:` and `max:` (+ `step`, `unit`, `tolerance`), `answer:` the value
 *   ---
 *   min: 1900
 *   max: 2000
 *   answer: 1969
 *   ---
 *
 *   `kind: poll` on boxed options: no right answer. `points: double|none`, `scoring: partial`.
 *   `kind: <anything else>`: a kind this game can't play; the question is left out of games.
 */
import type { ProblemCode, ProblemParams, QuestionLabel } from "./problems";
import { shorten } from "./messages";
import type { ListStyle, OptionDraft } from "./optionList";
import type { PointsSetting, QuestionKind, QuizdownProblem, ScoringSetting, SliderSettings, TypedAnswerSettings } from "./types";

export type KindKey = "kind" | "answer" | "answers" | "points" | "scoring" | "min" | "max" | "step" | "unit" | "tolerance";
const KIND_KEYS: readonly KindKey[] = ["kind", "answer", "answers", "points", "scoring", "min", "max", "step", "unit", "tolerance"];

export type KindEntries = Partial<Record<KindKey, { key: string; value: unknown; line: number }>>;

/** Like settingName: case, `_` and `-` don't matter. */
export function kindKeyName(key: string): KindKey | null {
  const norm = key.toLowerCase().replace(/[_-]/g, "");
  return KIND_KEYS.find((name) => name === norm) ?? null;
}

export const MAX_ACCEPTED_ANSWERS = 20;
export const MAX_TYPED_ANSWER_LENGTH = 100;
export const MAX_SLIDER_STEPS = 10_000;
const MAX_UNIT_LENGTH = 20;

export interface KindDecision {
  kind: QuestionKind;
  /** The question has (or needs) an options list. */
  usesOptions: boolean;
  points?: PointsSetting;
  scoring?: ScoringSetting;
  typed?: TypedAnswerSettings;
  slider?: SliderSettings;
  /** A kind this game can't play: the question is left out of games. Starts after the question's name ("is a …"). */
  unplayableReason?: string;
  /** With unplayableReason: the kind as the quiz wrote it (shortened). */
  unknownKind?: string;
}

const KIND_NAMES: Record<string, QuestionKind | "choice"> = {
  single: "choice",
  multiple: "choice",
  choice: "choice",
  quiz: "choice",
  order: "order",
  ordering: "order",
  puzzle: "order",
  truefalse: "truefalse",
  trueorfalse: "truefalse",
  typed: "typed",
  typeanswer: "typed",
  text: "typed",
  slider: "slider",
  estimate: "slider",
  range: "slider",
  poll: "poll",
  survey: "poll",
  vote: "poll",
};

/**
 * @param style the options list's style (null when the question has none)
 * @param label how messages name the question
 */
export function decideQuestionKind(
  entries: KindEntries,
  style: ListStyle | null,
  drafts: OptionDraft[],
  label: QuestionLabel,
  errors: QuizdownProblem[],
  warnings: QuizdownProblem[],
): KindDecision {
  const problems = new Problems(errors, warnings);
  const named = entries.kind ? kindFromName(entries.kind, label, problems) : null;
  if (named === "unknown") {
    const written = shorten(String(entries.kind!.value), 30);
    // Curly quotes: this reason is also shown when hosting is refused, where messages stay plain words.
    return { kind: "single", usesOptions: false, unplayableReason: `is a “${written}” question, which this game can't play; games leave it out.`, unknownKind: written };
  }
  const kind = named === null || named === "choice" ? inferKind(entries, style, drafts) : named;
  const decision: KindDecision = { kind, usesOptions: kind === "single" || kind === "multiple" || kind === "order" || kind === "poll" };

  if (named === "choice" && style && !style.boxed) {
    problems.error(entries.kind!.line, `${label.text} says kind: ${String(entries.kind!.value)}, but its options have no boxes. Write "- [x] right" and "- [ ] wrong".`, "kindNeedsBoxes", {
      ...label.params,
      kind: String(entries.kind!.value),
    });
  }
  if (kind === "order" && style?.boxed) {
    problems.error(entries.kind!.line, `${label.text} is an ordering question: write its items as a numbered list without boxes ("1. First", "2. Second"), in the right order.`, "orderNeedsNumbers", { ...label.params });
  }
  if (kind === "poll" && style && !style.boxed) {
    problems.error(entries.kind!.line, `${label.text} is a poll: write its options with boxes, "- [ ] option".`, "pollNeedsBoxes", { ...label.params });
  }
  if (!decision.usesOptions && style !== null) {
    const first = drafts[0]?.line;
    problems.error(first ?? entries.kind?.line ?? entries.answer?.line ?? 0, `${label.text} is a ${KIND_LABEL[kind]} question, so it has no options list${first ? ` (the list starts on line ${first})` : ""}. Remove the list, or remove the ${KIND_LABEL[kind]} settings.`, "kindHasNoOptions", { ...label.params, kind, listLine: first ?? 0 });
  }

  readPoints(entries, kind, label, problems, decision);
  readScoring(entries, kind, problems, decision);
  if (kind === "truefalse") readTrueFalse(entries, label, problems);
  if (kind === "typed") decision.typed = readTyped(entries, label, problems);
  if (kind === "slider") decision.slider = readSlider(entries, label, problems);
  warnUnused(entries, kind, problems);
  return decision;
}

const KIND_LABEL: Record<QuestionKind, string> = {
  single: "single-answer",
  multiple: "multiple-answer",
  order: "ordering",
  truefalse: "true/false",
  typed: "type-answer",
  slider: "slider",
  poll: "poll",
};

class Problems {
  constructor(
    readonly errors: QuizdownProblem[],
    readonly warnings: QuizdownProblem[],
  ) {}
  error(line: number, message: string, code: ProblemCode, params: ProblemParams) {
    this.errors.push({ line, message, code, params });
  }
  warn(line: number, message: string, code: ProblemCode, params: ProblemParams) {
    this.warnings.push({ line, message, code, params });
  }
}

function kindFromName(entry: NonNullable<KindEntries["kind"]>, label: QuestionLabel, problems: Problems): QuestionKind | "choice" | "unknown" | null {
  if (typeof entry.value !== "string" || entry.value.trim() === "") {
    problems.error(entry.line, `The setting "${entry.key}" (line ${entry.line}) of ${label.text} must name a kind of question, e.g. kind: poll.`, "kindNotAName", {
      ...label.params,
      setting: entry.key,
      line: entry.line,
    });
    return null;
  }
  const norm = entry.value.toLowerCase().replace(/[^a-z]/g, "");
  return KIND_NAMES[norm] ?? "unknown";
}

function inferKind(entries: KindEntries, style: ListStyle | null, drafts: OptionDraft[]): QuestionKind {
  if (style && !style.boxed) return "order";
  if (style) return !style.ordered && drafts.filter((d) => d.checked).length > 1 ? "multiple" : "single";
  if (entries.min !== undefined || entries.max !== undefined) return "slider";
  if (typeof entries.answer?.value === "boolean") return "truefalse";
  if (entries.answer !== undefined || entries.answers !== undefined) return "typed";
  return "single"; // no options and no answer: reported as "has no options"
}

function readPoints(entries: KindEntries, kind: QuestionKind, label: QuestionLabel, problems: Problems, decision: KindDecision) {
  const entry = entries.points;
  if (!entry) return;
  const value = typeof entry.value === "string" ? entry.value.trim().toLowerCase() : entry.value;
  const points: PointsSetting | null =
    value === "standard" || value === 1 ? "standard" : value === "double" || value === 2 ? "double" : value === "none" || value === 0 ? "none" : null;
  if (points === null) {
    problems.error(entry.line, `The setting "${entry.key}" (line ${entry.line}) must be standard, double or none.`, "pointsValue", { setting: entry.key, line: entry.line });
  } else if (kind === "poll") {
    problems.warn(entry.line, `${label.text} is a poll, which never gives points; "${entry.key}" on line ${entry.line} is ignored.`, "pollPointsIgnored", {
      ...label.params,
      setting: entry.key,
      line: entry.line,
    });
  } else if (points !== "standard") {
    decision.points = points;
  }
}

function readScoring(entries: KindEntries, kind: QuestionKind, problems: Problems, decision: KindDecision) {
  const entry = entries.scoring;
  if (!entry) return;
  const norm = typeof entry.value === "string" ? entry.value.toLowerCase().replace(/[^a-z]/g, "") : "";
  const scoring: ScoringSetting | null = norm === "partial" ? "partial" : norm === "allornothing" ? "all-or-nothing" : null;
  if (scoring === null) {
    problems.error(entry.line, `The setting "${entry.key}" (line ${entry.line}) must be partial or all-or-nothing.`, "scoringValue", { setting: entry.key, line: entry.line });
  } else if (kind !== "multiple" && kind !== "order") {
    problems.warn(entry.line, `"${entry.key}" on line ${entry.line} applies only to questions with several right options and to ordering questions; it is ignored.`, "scoringIgnored", {
      setting: entry.key,
      line: entry.line,
    });
  } else if (scoring === "partial") {
    decision.scoring = scoring;
  }
}

function readTrueFalse(entries: KindEntries, label: QuestionLabel, problems: Problems) {
  const entry = entries.answer;
  if (!entry || typeof entry.value !== "boolean") {
    problems.error(entry?.line ?? entries.kind?.line ?? 0, `${label.text} is a true/false question: say which is right with answer: true or answer: false.`, "trueFalseAnswer", { ...label.params });
  }
}

function readTyped(entries: KindEntries, label: QuestionLabel, problems: Problems): TypedAnswerSettings {
  const written: Array<{ value: unknown; line: number }> = [];
  if (entries.answer) written.push({ value: entries.answer.value, line: entries.answer.line });
  if (entries.answers) {
    const { value, line } = entries.answers;
    if (Array.isArray(value)) for (const item of value) written.push({ value: item, line });
    else written.push({ value, line });
  }
  const accepted: string[] = [];
  for (const { value, line } of written) {
    const text = typeof value === "number" && Number.isFinite(value) ? String(value) : typeof value === "string" ? value.trim() : null;
    if (text === null || text === "") {
      problems.error(line, `${label.text}: the accepted answer on line ${line} must be a piece of text or a number. Put text with commas or colons in quotes.`, "typedAnswerNotText", {
        ...label.params,
        line,
      });
    } else if (text.length > MAX_TYPED_ANSWER_LENGTH) {
      problems.error(line, `${label.text}: the accepted answer on line ${line} is longer than ${MAX_TYPED_ANSWER_LENGTH} characters.`, "typedAnswerTooLong", {
        ...label.params,
        line,
        max: MAX_TYPED_ANSWER_LENGTH,
      });
    } else if (!accepted.includes(text)) accepted.push(text);
  }
  const where = entries.answers?.line ?? entries.answer?.line ?? entries.kind?.line ?? 0;
  if (written.length === 0) problems.error(where, `${label.text} is a type-answer question: give the accepted answer with answer: …, or several with answers: [ …, … ].`, "typedAnswerMissing", { ...label.params });
  if (accepted.length > MAX_ACCEPTED_ANSWERS) problems.error(where, `${label.text} has ${accepted.length} accepted answers; the most is ${MAX_ACCEPTED_ANSWERS}.`, "typedTooManyAnswers", {
      ...label.params,
      count: accepted.length,
      max: MAX_ACCEPTED_ANSWERS,
    });
  const settings: TypedAnswerSettings = { accepted };
  const tolerance = entries.tolerance;
  if (tolerance) {
    if (typeof tolerance.value !== "number" || !(tolerance.value >= 0) || !Number.isFinite(tolerance.value)) {
      problems.error(tolerance.line, `The setting "${tolerance.key}" (line ${tolerance.line}) must be a number of at least 0.`, "toleranceValue", {
        setting: tolerance.key,
        line: tolerance.line,
      });
    } else if (accepted.some((answer) => !/^[+-]?\d+(\.\d+)?$/.test(answer))) {
      problems.warn(tolerance.line, `"${tolerance.key}" on line ${tolerance.line} applies only when every accepted answer is a number; it is ignored.`, "toleranceIgnored", {
        setting: tolerance.key,
        line: tolerance.line,
      });
    } else settings.tolerance = tolerance.value;
  }
  return settings;
}

function readSlider(entries: KindEntries, label: QuestionLabel, problems: Problems): SliderSettings {
  const where = entries.min?.line ?? entries.max?.line ?? entries.kind?.line ?? 0;
  const number = (key: "min" | "max" | "step" | "tolerance" | "answer", fallback: number | null): number | null => {
    const entry = entries[key];
    if (!entry) {
      if (fallback === null) {
        const message = `${label.text} is a slider question: it needs ${key === "answer" ? "answer: the right value" : `${key}: a number`}.`;
        if (key === "answer") problems.error(where, message, "sliderMissingAnswer", { ...label.params });
        else problems.error(where, message, "sliderMissingNumber", { ...label.params, key });
      }
      return fallback;
    }
    if (typeof entry.value !== "number" || !Number.isFinite(entry.value)) {
      problems.error(entry.line, `The setting "${entry.key}" (line ${entry.line}) of ${label.text} must be a number.`, "sliderNotNumber", {
        ...label.params,
        setting: entry.key,
        line: entry.line,
      });
      return null;
    }
    return entry.value;
  };
  const min = number("min", null);
  const max = number("max", null);
  const step = number("step", 1);
  const correct = number("answer", null);
  const tolerance = number("tolerance", 0);
  const slider: SliderSettings = { min: min ?? 0, max: max ?? 1, step: step ?? 1, correct: correct ?? 0, tolerance: tolerance ?? 0 };
  if (min !== null && max !== null && min >= max) problems.error(entries.max!.line, `${label.text}: max (${max}) must be more than min (${min}).`, "sliderMaxNotMoreThanMin", { ...label.params, min, max });
  else if (step !== null && step <= 0) problems.error(entries.step!.line, `${label.text}: step must be more than 0.`, "sliderStep", { ...label.params });
  else if (min !== null && max !== null && step !== null && (max - min) / step > MAX_SLIDER_STEPS) {
    problems.error(entries.step?.line ?? where, `${label.text}: a slider from ${min} to ${max} in steps of ${step} has more than ${MAX_SLIDER_STEPS} positions; use a bigger step.`, "sliderTooManySteps", {
      ...label.params,
      min,
      max,
      step,
      most: MAX_SLIDER_STEPS,
    });
  } else if (min !== null && max !== null && correct !== null && (correct < min || correct > max)) {
    problems.error(entries.answer!.line, `${label.text}: the answer ${correct} is outside the slider's range ${min} to ${max}.`, "sliderAnswerOutside", {
      ...label.params,
      answer: correct,
      min,
      max,
    });
  } else if (min !== null && step !== null && correct !== null && !onGrid(correct, min, step)) {
    problems.warn(entries.answer!.line, `${label.text}: the answer ${correct} can't be picked exactly with steps of ${step} from ${min}; players get full points within the tolerance only.`, "sliderAnswerOffStep", {
      ...label.params,
      answer: correct,
      step,
      min,
    });
  }
  if (tolerance !== null && tolerance < 0) problems.error(entries.tolerance!.line, `${label.text}: tolerance must be 0 or more.`, "sliderTolerance", { ...label.params });
  const unit = entries.unit;
  if (unit) {
    const text = typeof unit.value === "string" || typeof unit.value === "number" ? String(unit.value).trim() : "";
    if (text === "" || text.length > MAX_UNIT_LENGTH) problems.error(unit.line, `The setting "${unit.key}" (line ${unit.line}) must be a short piece of text (at most ${MAX_UNIT_LENGTH} characters), e.g. unit: km.`, "sliderUnit", {
        setting: unit.key,
        line: unit.line,
        max: MAX_UNIT_LENGTH,
      });
    else slider.unit = text;
  }
  return slider;
}

export function onGrid(value: number, min: number, step: number): boolean {
  const steps = (value - min) / step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

const KEYS_OF: Record<QuestionKind, readonly KindKey[]> = {
  single: ["kind", "points"],
  multiple: ["kind", "points", "scoring"],
  order: ["kind", "points", "scoring"],
  poll: ["kind", "points"],
  truefalse: ["kind", "points", "answer"],
  typed: ["kind", "points", "answer", "answers", "tolerance"],
  slider: ["kind", "points", "answer", "min", "max", "step", "unit", "tolerance"],
};

function warnUnused(entries: KindEntries, kind: QuestionKind, problems: Problems) {
  for (const key of KIND_KEYS) {
    const entry = entries[key];
    if (!entry || KEYS_OF[kind].includes(key) || key === "scoring") continue;
    problems.warn(entry.line, `The setting "${entry.key}" on line ${entry.line} doesn't apply to a ${KIND_LABEL[kind]} question and is ignored.`, "settingNotForKind", { setting: entry.key, line: entry.line, kind });
  }
}
