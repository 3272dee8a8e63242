/**
 * How the report reads correctness from the saved rows, in one place for every question kind.
 */
import type { ReportSourceAnswer, ReportSourceRound } from "./source";

/** A poll has no right answer: no score, left out of the statistics. */
export function isPoll(question: ReportSourceRound["question"]): boolean {
  const kind: string = question.kind;
  if (kind === "poll") return true;
  // A choice question without any right option can only be a poll.
  return (kind === "single" || kind === "multiple") && !question.options.some((option) => option.correct);
}

/**
 * Whether players pick among right and wrong options (so the wrong ones are distractors): some option
 * is right and some wrong. Ordering options (all unmarked) and polls have none.
 */
export function hasDistractors(question: ReportSourceRound["question"]): boolean {
  return !isPoll(question) && question.options.some((option) => option.correct) && question.options.some((option) => !option.correct);
}

/** The answer's correctness credit in [0, 1]: its partial score when it has one, else 1 or 0. */
export function answerScore(answer: Pick<ReportSourceAnswer, "correct" | "score">): number {
  const score = answer.score ?? (answer.correct ? 1 : 0);
  return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
}
