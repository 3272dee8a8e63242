/** Hand-built quiz models for database tests (no parser involved). */
import { createHash } from "node:crypto";
import type { ParsedQuiz, QuizOption, QuizQuestion, QuizSettings } from "../../src/quizdown/types";

export function option(text: string, correct = false, commentHtml?: string): QuizOption {
  const o: QuizOption = { markdown: text, html: text.replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>"), correct };
  if (commentHtml !== undefined) o.commentHtml = commentHtml;
  return o;
}

export function question(position: number, kind: QuizQuestion["kind"], prompt: string, options: QuizOption[], extra: Partial<QuizQuestion> = {}): QuizQuestion {
  return {
    position,
    kind,
    promptMarkdown: prompt,
    promptHtml: prompt,
    bodyHtml: "",
    options,
    line: 3 + position * 6,
    ...extra,
  };
}

export const defaultSettings: QuizSettings = { shuffleQuestions: false, shuffleAnswers: true, timeLimitSec: 20, readTimeSec: 4 };

export function makeQuiz(questions: QuizQuestion[], over: Partial<ParsedQuiz> = {}): ParsedQuiz {
  return { settings: { ...defaultSettings }, questions, playable: true, ...over };
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A saveQuizVersion input whose hash derives from `sourceText`. */
export function quizInput(slug: string, sourceText: string, quiz: ParsedQuiz, title = slug) {
  return { slug, title, sourceText, contentHash: sha256(sourceText), quiz };
}
