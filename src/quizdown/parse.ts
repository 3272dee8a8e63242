/**
 * parseQuizdown: quizdown source → quiz model, or every problem found with its line.
 * Pure (no IO), runs in Node and in the browser, and never throws.
 */
import { readFrontMatter } from "./frontMatter";
import { checkQuizLimits, QUIZ_LIMITS, tooManyQuestions } from "./limits";

const QUIZ_QUESTION_LIMIT_INDEX = QUIZ_LIMITS.questions;
import { fencePosition, isBlank, matchFenceOpen, matchHeading, matchListItem, splitLines, type Fence } from "./lines";
import { parseQuestion } from "./question";
import type { ParseResult, ParsedQuiz, QuizQuestion, QuizdownProblem } from "./types";

export function parseQuizdown(source: string): ParseResult {
  try {
    if (typeof source !== "string") {
      return { ok: false, errors: [{ line: 1, message: "The quiz text is missing." }] };
    }
    return parse(source);
  } catch (err) {
    // Defensive only: the parser is written not to throw, but a preview must never crash.
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, errors: [{ line: 1, message: `The quiz could not be read (${detail}).` }] };
  }
}

interface Section {
  /** 0-based index of the heading line. */
  heading: number;
  /** 0-based index one past the section's last line. */
  end: number;
  text: string;
}

function parse(source: string): ParseResult {
  const lines = splitLines(source);
  // Limits first: past them, rendering could take seconds, so nothing else is read.
  const overLimits = checkQuizLimits(lines);
  if (overLimits.length > 0) return { ok: false, errors: overLimits };
  const front = readFrontMatter(lines);
  const errors: QuizdownProblem[] = [...front.errors];
  const warnings: QuizdownProblem[] = [...front.warnings];

  const sections = splitSections(lines, front.bodyStart, errors);
  const tooMany = tooManyQuestions(sections.length, (sections[QUIZ_QUESTION_LIMIT_INDEX]?.heading ?? 0) + 1);
  if (tooMany) return { ok: false, errors: [tooMany] };
  const firstHeading = sections[0]?.heading ?? lines.length;
  const preamble = firstContentLine(lines, front.bodyStart, firstHeading);

  if (sections.length === 0) {
    const line = preamble ?? Math.min(front.bodyStart + 1, Math.max(lines.length, 1));
    errors.push({
      line,
      message: 'There are no questions. Start each question with a heading line such as "## What is 2 + 2?", followed by its options.',
    });
  } else if (preamble !== undefined) {
    warnings.push({
      line: preamble,
      message: `The text on line ${preamble}, before the first question, is not shown in the game.`,
    });
  }

  const questions: QuizQuestion[] = [];
  sections.forEach((section, position) => {
    const q = parseQuestion(lines, section.heading, section.end, section.text, position);
    questions.push(q.question);
    errors.push(...q.errors);
    warnings.push(...q.warnings);
  });

  const { settings } = front;
  if (settings.nQuestions !== undefined && questions.length > 0 && settings.nQuestions > questions.length) {
    warnings.push({
      line: 1,
      message: `nQuestions is ${settings.nQuestions} but the quiz has only ${questions.length} questions; all of them will be played.`,
    });
  }

  if (errors.length > 0) return { ok: false, errors: sortByLine(errors) };

  const quiz: ParsedQuiz = { settings, questions, playable: true };
  if (front.title !== undefined) quiz.title = front.title;
  // A question the game can't play is left out of games (its warning says so); the rest still plays.
  if (questions.every((q) => q.unplayableReason !== undefined)) {
    quiz.playable = false;
    quiz.unplayableReason = questions.length === 1 ? questions[0]!.unplayableReason! : "None of its questions is of a kind this game can play.";
  }
  return { ok: true, quiz, warnings: sortByLine(warnings) };
}

/**
 * Splits at headings outside fenced code blocks: each heading starts a question.
 * Also reports a code block left open when it hides headings or options.
 */
function splitSections(lines: string[], from: number, errors: QuizdownProblem[]): Section[] {
  const sections: Section[] = [];
  let fence: Fence | null = null;
  let fenceLine = 0;
  let hidden = false;
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]!;
    if (fence) {
      const where = fencePosition(text, fence);
      if (where === "inside" && (matchHeading(text) || matchListItem(text)?.checked != null)) hidden = true;
      if (where !== "outside") {
        if (where === "closing") fence = null;
        continue;
      }
      fence = null;
    }
    fence = matchFenceOpen(text);
    if (fence) {
      fenceLine = i + 1;
      hidden = false;
      continue;
    }
    const heading = matchHeading(text);
    if (!heading) continue;
    const previous = sections[sections.length - 1];
    if (previous) previous.end = i;
    sections.push({ heading: i, end: lines.length, text: heading.text });
  }
  if (fence && hidden) {
    const marker = fence.char.repeat(fence.length);
    errors.push({
      line: fenceLine,
      message: `The code block starting on line ${fenceLine} is never closed, so everything after it is shown as code. Add a line with just ${marker} where the code ends.`,
    });
  }
  return sections;
}

function firstContentLine(lines: string[], from: number, to: number): number | undefined {
  for (let i = from; i < to; i++) if (!isBlank(lines[i]!)) return i + 1;
  return undefined;
}

/** Stable sort by line, so problems read top to bottom like the file. */
function sortByLine(problems: QuizdownProblem[]): QuizdownProblem[] {
  return problems.map((p, i) => ({ p, i })).sort((a, b) => a.p.line - b.p.line || a.i - b.i).map(({ p }) => p);
}
