/**
 * The visual editor's edits, as pure functions from one model to the next. An edited question (or
 * settings block) drops its original text and is written afresh; everything else keeps its text.
 */
import type { EditorKind, EditorOption, EditorQuestion, EditorQuiz, EditorSettings } from "./types";
import { withSetting } from "./write";

let nextId = 0;
export function newQuestionId(): string {
  nextId += 1;
  return `q${nextId}`;
}

export function blankOption(correct = false): EditorOption {
  return { text: "", correct, explanation: "" };
}

/** A question of `kind` with nothing filled in but what a new teacher would expect. */
export function blankQuestion(kind: EditorKind): EditorQuestion {
  return {
    id: newQuestionId(),
    kind,
    prompt: "",
    body: "",
    hint: "",
    options: kind === "choice" || kind === "order" || kind === "poll" ? [blankOption(), blankOption()] : [],
    numbered: false,
    answer: true,
    accepted: [],
    typedTolerance: null,
    slider: kind === "slider" ? { min: 0, max: 100, step: null, unit: "", answer: 50, tolerance: null } : { min: null, max: null, step: null, unit: "", answer: null, tolerance: null },
    timeLimitSec: null,
    readTimeSec: null,
    shuffleAnswers: null,
    points: null,
    scoring: null,
  };
}

export function emptyQuiz(): EditorQuiz {
  return { header: { source: "", yaml: null, preamble: "", editable: true, settings: { title: "", timeLimitSec: null, readTimeSec: null, shuffleQuestions: null, shuffleAnswers: null } }, questions: [], eol: "\n" };
}

export type QuestionPatch = Partial<Omit<EditorQuestion, "id" | "source" | "origin" | "notEditable">>;

export function updateQuestion(quiz: EditorQuiz, id: string, patch: QuestionPatch): EditorQuiz {
  return {
    ...quiz,
    questions: quiz.questions.map((question) => (question.id === id && !question.notEditable ? { ...question, ...patch, source: undefined, origin: undefined } : question)),
  };
}

/** Changes a question's kind, keeping what fits the new kind (the prompt, body, hint, options, times). */
export function changeKind(quiz: EditorQuiz, id: string, kind: EditorKind): EditorQuiz {
  const question = quiz.questions.find((q) => q.id === id);
  if (!question) return quiz;
  const fresh = blankQuestion(kind);
  const usesOptions = kind === "choice" || kind === "order" || kind === "poll";
  let options = usesOptions ? (question.options.length > 0 ? question.options : fresh.options) : question.options;
  if (kind === "order" || kind === "poll") options = options.map((option) => ({ ...option, correct: false }));
  const slider = kind === "slider" && question.slider.min === null && question.slider.max === null ? fresh.slider : question.slider;
  return updateQuestion(quiz, id, { kind, options, slider, numbered: kind === "choice" && question.numbered });
}

export function addQuestion(quiz: EditorQuiz, kind: EditorKind, at = quiz.questions.length): EditorQuiz {
  const questions = [...quiz.questions];
  questions.splice(at, 0, blankQuestion(kind));
  return { ...quiz, questions };
}

/** A copy right after the question; an unchanged question's copy keeps its text exactly. */
export function duplicateQuestion(quiz: EditorQuiz, id: string): EditorQuiz {
  const index = quiz.questions.findIndex((q) => q.id === id);
  if (index === -1) return quiz;
  const original = quiz.questions[index]!;
  const copy: EditorQuestion = { ...structuredClone(original), id: newQuestionId(), origin: undefined };
  const questions = [...quiz.questions];
  questions.splice(index + 1, 0, copy);
  return { ...quiz, questions };
}

export function deleteQuestion(quiz: EditorQuiz, id: string): EditorQuiz {
  return { ...quiz, questions: quiz.questions.filter((q) => q.id !== id) };
}

/** Moves a question by `by` places (−1 up, +1 down); nothing happens past either end. */
export function moveQuestion(quiz: EditorQuiz, id: string, by: number): EditorQuiz {
  const from = quiz.questions.findIndex((q) => q.id === id);
  const to = from + by;
  if (from === -1 || to < 0 || to >= quiz.questions.length) return quiz;
  const questions = [...quiz.questions];
  const [moved] = questions.splice(from, 1);
  questions.splice(to, 0, moved!);
  return { ...quiz, questions };
}

export function updateSetting(quiz: EditorQuiz, name: keyof EditorSettings, value: string | number | boolean | null): EditorQuiz {
  if (!quiz.header.editable) return quiz;
  return { ...quiz, header: withSetting(quiz.header, name, value) };
}
