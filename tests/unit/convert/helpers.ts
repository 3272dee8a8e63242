import { readFileSync } from "node:fs";
import path from "node:path";
import { parseQuizdown, type ParsedQuiz } from "@/quizdown";
import { markdownToPlain } from "../../../server/quizzes/convert/text";

export const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../../fixtures/convert", name));

/** Parses produced quizdown with our own parser; fails the test with its errors if it doesn't read. */
export function readBack(quizdown: string): ParsedQuiz {
  const result = parseQuizdown(quizdown);
  if (!result.ok) throw new Error(`the produced quizdown doesn't parse: ${JSON.stringify(result.errors)}\n${quizdown}`);
  if (result.warnings.length > 0) throw new Error(`the produced quizdown has warnings: ${JSON.stringify(result.warnings)}`);
  return result.quiz;
}

/** What a player sees of each question: its kind, text, options (✓ when right) and settings. */
export function summary(quiz: ParsedQuiz) {
  return quiz.questions.map((question) => ({
    kind: question.kind,
    prompt: markdownToPlain(question.promptMarkdown),
    options: question.kind === "truefalse" || question.kind === "typed" || question.kind === "slider" ? undefined : question.options.map((option) => `${option.correct ? "✓ " : ""}${markdownToPlain(option.markdown)}`),
    truth: question.kind === "truefalse" ? question.options[0]!.correct : undefined,
    typed: question.typed,
    timeLimitSec: question.timeLimitSec,
  }));
}
