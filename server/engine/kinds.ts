/**
 * What differs between kinds of question: the answer each accepts, how it is marked, and what
 * its reveal sums up. Everything else (rounds, streaks, ranking) is the same for every kind.
 */
import { MAX_TYPED_ANSWER_INPUT, type AnswerInput, type RawAnswer } from "../../src/protocol";
import { onGrid } from "../../src/quizdown/kindSettings";
import { matchesTypedAnswer, normaliseTypedAnswer } from "../../src/quizdown/typedAnswer";
import { refusal, type EngineResult } from "./result";
import { isCorrectChoice, multipleCredit, orderCredit, sliderCredit } from "./scoring";
import type { GameQuestion, RoundSummary, SubmittedAnswer } from "./types";

/** An answer checked against its question: the fields SubmittedAnswer keeps. */
export type ReadAnswer = Pick<SubmittedAnswer, "choice" | "text" | "value">;

const WRONG_ANSWERS_SHOWN = 5;

/** Polls, and questions worth no points, give no points and leave streaks as they are. */
export function isNeutralQuestion(question: GameQuestion): boolean {
  return question.kind === "poll" || question.points === "none";
}

function wrongShape(question: GameQuestion): Extract<EngineResult, { ok: false }> {
  const what: Record<GameQuestion["kind"], string> = {
    single: "pick one of the options",
    truefalse: "pick True or False",
    poll: "pick one of the options",
    multiple: "pick the options you think are right",
    order: "put the items in order",
    typed: "type your answer",
    slider: "pick a value on the slider",
  };
  return refusal("invalid-choice", `That answer doesn't fit this question: ${what[question.kind]}.`);
}

/** Checks an answer's shape against its question: a plain-words refusal, or the answer to keep. */
export function readAnswer(question: GameQuestion, input: Partial<Record<"choice" | "order", number[]> & { text: string; value: number }>): ReadAnswer | Extract<EngineResult, { ok: false }> {
  switch (question.kind) {
    case "single":
    case "truefalse":
    case "poll":
    case "multiple": {
      if (!Array.isArray(input.choice)) return wrongShape(question);
      const choice = [...input.choice].sort((a, b) => a - b);
      const distinct = choice.every((value, i) => i === 0 || value !== choice[i - 1]);
      const inRange = choice.every((value) => Number.isInteger(value) && value >= 0 && value < question.options.length);
      if (choice.length === 0 || !distinct || !inRange) return refusal("invalid-choice", "That isn't one of the options.");
      if (question.kind !== "multiple" && choice.length !== 1) return refusal("invalid-choice", "Pick exactly one option.");
      return { choice };
    }
    case "order": {
      const order = input.order;
      if (!Array.isArray(order)) return wrongShape(question);
      const seen = new Set(order);
      const complete = order.length === question.options.length && seen.size === order.length && order.every((value) => Number.isInteger(value) && value >= 0 && value < order.length);
      if (!complete) return refusal("invalid-choice", "Put every item in order, each one once.");
      return { choice: [...order] };
    }
    case "typed": {
      if (typeof input.text !== "string") return wrongShape(question);
      const text = input.text.trim();
      if (text === "") return refusal("invalid-choice", "Type an answer first.");
      if (text.length > MAX_TYPED_ANSWER_INPUT) return refusal("invalid-choice", `That answer is too long: at most ${MAX_TYPED_ANSWER_INPUT} characters.`);
      return { choice: [], text };
    }
    case "slider": {
      const slider = question.slider!;
      const value = input.value;
      if (typeof value !== "number") return wrongShape(question);
      if (!Number.isFinite(value) || value < slider.min || value > slider.max || !onGrid(value, slider.min, slider.step)) {
        return refusal("invalid-choice", `Pick a value on the slider, from ${slider.min} to ${slider.max}.`);
      }
      return { choice: [], value };
    }
  }
}

/** How right an answer is: `credit` 0–1 (partial credit), `correct` only when fully right. */
export function gradeAnswer(question: GameQuestion, answer: ReadAnswer): { correct: boolean; credit: number } {
  const partial = question.scoring === "partial";
  switch (question.kind) {
    case "poll":
      return { correct: false, credit: 0 };
    case "single":
    case "truefalse":
    case "multiple": {
      const correct = isCorrectChoice(answer.choice, question.correct);
      if (question.kind === "multiple" && partial) return { correct, credit: correct ? 1 : multipleCredit(answer.choice, question.correct) };
      return { correct, credit: correct ? 1 : 0 };
    }
    case "order": {
      const credit = orderCredit(answer.choice, question.correct);
      const correct = credit === 1;
      return { correct, credit: correct ? 1 : partial ? credit : 0 };
    }
    case "typed": {
      const correct = matchesTypedAnswer(answer.text ?? "", question.typed!.accepted, question.typed!.tolerance);
      return { correct, credit: correct ? 1 : 0 };
    }
    case "slider": {
      const credit = sliderCredit(answer.value ?? Number.NaN, question.slider!);
      return { correct: credit === 1, credit: Number.isNaN(credit) ? 0 : credit };
    }
  }
}

/** The raw answer saved with the choices: ordering in ORIGINAL indexes, typed text, slider value. */
export function rawAnswer(question: GameQuestion, answer: ReadAnswer): RawAnswer | undefined {
  if (question.kind === "order") return { order: answer.choice.map((display) => question.optionOrder[display]!) };
  if (question.kind === "typed") return { text: answer.text ?? "" };
  if (question.kind === "slider") return { value: answer.value ?? 0 };
  return undefined;
}

/** A saved answer back as the phone sent it (display indexes), to mark it again after a restart. */
export function answerFromSaved(question: GameQuestion, choices: number[], raw: RawAnswer | null | undefined): AnswerInput {
  const display = (original: number) => question.optionOrder.indexOf(original);
  if (raw && "order" in raw) return { order: raw.order.map(display) };
  if (raw && "text" in raw) return { text: raw.text };
  if (raw && "value" in raw) return { value: raw.value };
  return { choice: choices.map(display) };
}

/** What the reveal sums up for the round, with the per-option counts. */
export function summariseRound(question: GameQuestion, answers: SubmittedAnswer[]): { counts: number[]; summary: RoundSummary } {
  const counts = question.kind === "typed" || question.kind === "slider" ? [] : question.options.map(() => 0);
  const summary: RoundSummary = { correctCount: 0 };
  const wrong = new Map<string, { text: string; count: number }>();
  let total = 0;
  for (const answer of answers) {
    const correct = question.kind !== "poll" && answer.correct;
    if (correct) summary.correctCount += 1;
    if (question.kind === "order") {
      answer.choice.forEach((item, position) => {
        if (question.correct[position] === item) counts[item]! += 1;
      });
    } else if (question.kind === "typed") {
      if (!correct && answer.text !== undefined) {
        const key = normaliseTypedAnswer(answer.text);
        const group = wrong.get(key) ?? { text: answer.text, count: 0 };
        group.count += 1;
        wrong.set(key, group);
      }
    } else if (question.kind === "slider") {
      total += answer.value ?? 0;
    } else {
      for (const option of answer.choice) counts[option]! += 1;
    }
  }
  if (question.kind === "typed") {
    summary.wrongAnswers = [...wrong.values()].sort((a, b) => b.count - a.count).slice(0, WRONG_ANSWERS_SHOWN);
  }
  if (question.kind === "slider") summary.average = answers.length > 0 ? total / answers.length : null;
  return { counts, summary };
}

/** The parts of a saved question that marking needs: kind, options in file order, and its settings. */
export interface SavedQuestion {
  kind: string;
  options: ReadonlyArray<{ correct: boolean }>;
  details?: Pick<GameQuestion, "scoring" | "typed" | "slider"> | null;
}

/** Kinds whose answers can be partly right (gradeAnswer's credit between 0 and 1). */
export function givesPartialCredit(saved: SavedQuestion): boolean {
  return saved.kind === "slider" || saved.details?.scoring === "partial";
}

/**
 * A saved answer's credit (0–1), marked again the way the game marked it, for reports: the item
 * analysis uses correctness, never the speed-weighted points. Kinds without partial credit give 1 or 0.
 */
export function savedAnswerCredit(saved: SavedQuestion, choices: number[], raw: RawAnswer | null | undefined): number {
  const fileOrder = saved.options.map((_, index) => index);
  const question = {
    kind: saved.kind as GameQuestion["kind"],
    options: saved.options.map(() => ({ html: "" })),
    optionOrder: fileOrder,
    correct: saved.kind === "order" ? fileOrder : fileOrder.filter((index) => saved.options[index]!.correct),
    ...(saved.details?.scoring ? { scoring: saved.details.scoring } : {}),
    ...(saved.details?.typed ? { typed: saved.details.typed } : {}),
    ...(saved.details?.slider ? { slider: saved.details.slider } : {}),
  } as GameQuestion;
  const answer = readAnswer(question, answerFromSaved(question, choices, raw));
  return "ok" in answer ? 0 : gradeAnswer(question, answer).credit;
}
