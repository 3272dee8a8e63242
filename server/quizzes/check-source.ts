/** Reads a quiz file the way the game will, without saving anything. */
import type { ParseResult, ParsedQuiz, QuizdownProblem } from "../../src/quizdown/types";
import type { QuizPictures } from "../../src/quizdown/pictures";
import { MAX_QUIZ_TITLE_LENGTH, newQuizTitle } from "../../src/quizdown/source-rules";
import { LibraryError } from "./errors";
import { sharedQuizReader, type QuizReader } from "./reader-pool";

export interface QuizSourceCheck {
  ok: boolean;
  /** The title the quiz will get; null while the file has errors. */
  title: string | null;
  /** Null while the file has errors. */
  questionCount: number | null;
  /** What stops the file from being saved, top to bottom, each with its 1-based line. */
  problems: QuizdownProblem[];
  /** Things worth knowing that don't stop saving (text that isn't shown, …). */
  warnings: QuizdownProblem[];
  playable: boolean;
  unplayableReason: string | null;
}

export type ReadableQuiz = { check: QuizSourceCheck; quiz: ParsedQuiz; title: string };

/** Reads the file on the quiz reader's worker thread (never on the game's event loop). */
export async function checkQuizSource(
  source: string,
  fileName?: string,
  reader: QuizReader = sharedQuizReader(),
  pictures?: QuizPictures,
): Promise<{ check: QuizSourceCheck; quiz: ParsedQuiz | null }> {
  return describeParse(await reader.parse(source, pictures), fileName);
}

function describeParse(parsed: ParseResult, fileName: string | undefined): { check: QuizSourceCheck; quiz: ParsedQuiz | null } {
  if (!parsed.ok) {
    return {
      check: { ok: false, title: null, questionCount: null, problems: parsed.errors, warnings: parsed.warnings ?? [], playable: false, unplayableReason: null },
      quiz: null,
    };
  }
  const { quiz } = parsed;
  return {
    check: {
      ok: true,
      title: newQuizTitle(quiz.title, fileName).slice(0, MAX_QUIZ_TITLE_LENGTH),
      questionCount: quiz.questions.length,
      problems: [],
      warnings: parsed.warnings,
      playable: quiz.playable,
      unplayableReason: quiz.playable ? null : (quiz.unplayableReason ?? "This quiz can't be played yet."),
    },
    quiz,
  };
}

/** The parsed quiz, or a "bad-source" refusal that names the first problem's line. */
export async function readQuizSource(source: string, fileName?: string, reader?: QuizReader, pictures?: QuizPictures): Promise<ReadableQuiz> {
  const { check, quiz } = await checkQuizSource(source, fileName, reader, pictures);
  if (!quiz || check.title === null) throw new LibraryError("bad-source", describeProblems(check.problems));
  return { check, quiz, title: check.title };
}

/** "Nothing was saved. Line 12: … 2 more problems are listed when you check the file." */
export function describeProblems(problems: QuizdownProblem[]): string {
  const [first] = problems;
  if (!first) return "Nothing was saved: the quiz file couldn't be read.";
  const rest = problems.length - 1;
  const more = rest === 0 ? "" : ` There ${rest === 1 ? "is 1 more problem" : `are ${rest} more problems`} in the file.`;
  return `Nothing was saved. Line ${first.line}: ${first.message}${more}`;
}
