/**
 * Whether two texts of one question mean the same to the game: the parser reads both alike (same
 * question, or the same problems). The editor rewrites a question only when this holds for what it
 * would write, so nothing a teacher wrote is lost by editing it visually.
 */
import { parseQuizdown } from "../parse";
import type { QuizdownProblem } from "../types";

export function sameMeaning(original: string, rewritten: string): boolean {
  const a = parseQuizdown(original);
  const b = parseQuizdown(rewritten);
  if (a.ok !== b.ok || codes(a.warnings) !== codes(b.warnings)) return false;
  if (!a.ok || !b.ok) return !a.ok && !b.ok && codes(a.errors) === codes(b.errors);
  if (a.quiz.questions.length !== b.quiz.questions.length) return false;
  return a.quiz.questions.every((question, i) => comparable(question) === comparable(b.quiz.questions[i]!));
}

function codes(problems: QuizdownProblem[]): string {
  return problems
    .map((problem) => problem.code)
    .sort()
    .join(",");
}

function comparable(question: object): string {
  return JSON.stringify({ ...question, line: 0, position: 0 });
}
