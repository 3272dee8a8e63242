/**
 * parseQuizdown: quizdown source → quiz model, or every problem found with its line.
 * Pure (no IO), runs in Node and in the browser, and never throws.
 */
import { readFrontMatter } from "./frontMatter";
import { checkQuizLimits, QUIZ_LIMITS, tooManyQuestions } from "./limits";

const QUIZ_QUESTION_LIMIT_INDEX = QUIZ_LIMITS.questions;
import { fencePosition, isBlank, matchFenceOpen, matchHeading, matchListItem, splitLines, type Fence } from "./lines";
import { parseQuestion } from "./question";
import { pictureReferences, removedMarkup, unreadableMaths } from "./markdown";
import { withPictures, type QuizPictures } from "./pictures";
import { isYamlFence } from "./lines";
import type { ParseResult, ParsedQuiz, QuizQuestion, QuizdownProblem } from "./types";

export interface ParseOptions {
  /** The quiz's uploaded pictures by name, which its text shows with `![alt](picture:name)`. */
  pictures?: QuizPictures;
}

export function parseQuizdown(source: string, options: ParseOptions = {}): ParseResult {
  try {
    if (typeof source !== "string") {
      return { ok: false, errors: [{ line: 1, message: "The quiz text is missing.", code: "missingText", params: {} }], warnings: [] };
    }
    const pictures = options.pictures ?? {};
    return withPictures(pictures, () => parse(source, pictures)).result;
  } catch (err) {
    // Defensive only: the parser is written not to throw, but a preview must never crash.
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, errors: [{ line: 1, message: `The quiz could not be read (${detail}).`, code: "unreadable", params: { detail } }], warnings: [] };
  }
}

export interface Section {
  /** 0-based index of the heading line. */
  heading: number;
  /** 0-based index one past the section's last line. */
  end: number;
  text: string;
}

function parse(source: string, pictures: QuizPictures): ParseResult {
  const lines = splitLines(source);
  // Limits first: past them, rendering could take seconds, so nothing else is read.
  const overLimits = checkQuizLimits(lines);
  if (overLimits.length > 0) return { ok: false, errors: overLimits, warnings: [] };
  const front = readFrontMatter(lines);
  const errors: QuizdownProblem[] = [...front.errors];
  const warnings: QuizdownProblem[] = [...front.warnings];

  const sections = splitSections(lines, front.bodyStart, errors);
  const tooMany = tooManyQuestions(sections.length, (sections[QUIZ_QUESTION_LIMIT_INDEX]?.heading ?? 0) + 1);
  if (tooMany) return { ok: false, errors: [tooMany], warnings: [] };
  const firstHeading = sections[0]?.heading ?? lines.length;
  const preamble = firstContentLine(lines, front.bodyStart, firstHeading);

  const misplaced = front.bodyStart === 0 && preamble !== undefined ? misplacedFrontMatter(lines, preamble - 1, firstHeading) : undefined;
  if (misplaced !== undefined) {
    errors.push({
      line: misplaced,
      message: `The settings block on line ${misplaced} is not at the very top of the file, so its settings would be ignored. Move it to line 1 (nothing, not even a blank line, may come before the first ---).`,
      code: "misplacedSettings",
      params: { line: misplaced },
    });
  } else if (sections.length === 0) {
    const line = preamble ?? Math.min(front.bodyStart + 1, Math.max(lines.length, 1));
    errors.push({
      line,
      message: 'There are no questions. Start each question with a heading line such as "## What is 2 + 2?", followed by its options.',
      code: "noQuestions",
      params: {},
    });
  } else if (preamble !== undefined) {
    warnings.push({
      line: preamble,
      message: `The text on line ${preamble}, before the first question, is not shown in the game.`,
      code: "textBeforeQuestions",
      params: { line: preamble },
    });
  }

  warnings.push(...removedMarkupWarnings(lines, firstHeading), ...unreadableMathsWarnings(lines, firstHeading));
  checkPictures(lines, firstHeading, pictures, errors, warnings);

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
      code: "tooFewQuestions",
      params: { nQuestions: settings.nQuestions, count: questions.length },
    });
  }

  if (errors.length > 0) return { ok: false, errors: sortByLine(errors), warnings: sortByLine(warnings) };

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
export function splitSections(lines: string[], from: number, errors: QuizdownProblem[]): Section[] {
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
      code: "unclosedCode",
      params: { line: fenceLine, marker },
    });
  }
  return sections;
}

/**
 * A settings block that is not on line 1: `---` as the first text before the first question, closed by
 * another `---` or `...` before it. Returns its 1-based line, or undefined.
 */
function misplacedFrontMatter(lines: string[], start: number, firstHeading: number): number | undefined {
  const open = lines.findIndex((line, i) => i >= start && i < firstHeading && isYamlFence(line));
  if (open === -1) return undefined;
  for (let i = open + 1; i < firstHeading; i++) {
    const line = lines[i]!;
    if (isYamlFence(line) || line.trimEnd() === "...") return lines.slice(open + 1, i).some((text) => /^\s*[\w-]+\s*:/.test(text)) ? open + 1 : undefined;
  }
  return undefined;
}

/** The lines from `from` on that are outside fenced code blocks (whose text is neither markup nor maths). */
function* linesOutsideCode(lines: string[], from: number): Generator<number> {
  let fence: Fence | null = null;
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]!;
    if (fence) {
      const where = fencePosition(text, fence);
      if (where === "closing") fence = null;
      if (where !== "outside") continue;
      fence = null;
    }
    fence = matchFenceOpen(text);
    if (!fence) yield i;
  }
}

/** One warning per line whose HTML the sanitiser removes (code blocks are text and remove nothing). */
function removedMarkupWarnings(lines: string[], from: number): QuizdownProblem[] {
  const warnings: QuizdownProblem[] = [];
  for (const i of linesOutsideCode(lines, from)) {
    const text = lines[i]!;
    const removed = removedMarkup(text);
    if (removed.length === 0) continue;
    warnings.push({
      line: i + 1,
      message: `Line ${i + 1} has HTML the game removes for safety: ${removed.join(", ")}. Players won't see it; write it as plain markdown, or put it in \`code\` to show it as text.`,
      code: "unsafeHtml",
      params: { line: i + 1, removed: removed.join(", ") },
    });
  }
  return warnings;
}

/** One warning per formula KaTeX cannot typeset (a line's `$…$`, or a `$$` block on lines of its own); code blocks hold no maths. */
function unreadableMathsWarnings(lines: string[], from: number): QuizdownProblem[] {
  const warnings: QuizdownProblem[] = [];
  let blockEnd = -1;
  for (const i of linesOutsideCode(lines, from)) {
    const text = lines[i]!;
    if (i <= blockEnd || !text.includes("$")) continue;
    let source = text;
    if (text.trim() === "$$") {
      const close = lines.findIndex((candidate, j) => j > i && candidate.trim() === "$$");
      if (close > i) {
        source = lines.slice(i, close + 1).join("\n");
        blockEnd = close;
      }
    }
    for (const { tex, reason } of unreadableMaths(source)) {
      const written = source === text ? `$${tex}$` : `$$ ${tex} $$`;
      warnings.push({
        line: i + 1,
        message: `The maths ${written} on line ${i + 1} can't be typeset (${reason}); players see it as written. Check the LaTeX: the game supports what KaTeX supports.`,
        code: "unreadableMaths",
        params: { line: i + 1, tex: written, reason },
      });
    }
  }
  return warnings;
}

/** A picture without alt text is an error (players who can't see it must be told what it shows); one not uploaded, a warning. */
function checkPictures(lines: string[], from: number, pictures: QuizPictures, errors: QuizdownProblem[], warnings: QuizdownProblem[]): void {
  for (const i of linesOutsideCode(lines, from)) {
    const line = i + 1;
    for (const { name, alt } of pictureReferences(lines[i]!)) {
      if (alt === "") {
        errors.push({
          line,
          message: `The picture ${name} on line ${line} has no alt text. Write what it shows between the brackets, like ![A map of Europe](picture:${name}), for players who can't see it.`,
          code: "pictureNoAlt",
          params: { line, name },
        });
      }
      if (!Object.hasOwn(pictures, name)) {
        warnings.push({
          line,
          message: `The picture ${name} on line ${line} hasn't been added to this quiz, so players see its alt text instead. Add it under Pictures on the quiz's page, or check its name.`,
          code: "pictureNotAdded",
          params: { line, name },
        });
      }
    }
  }
}

function firstContentLine(lines: string[], from: number, to: number): number | undefined {
  for (let i = from; i < to; i++) if (!isBlank(lines[i]!)) return i + 1;
  return undefined;
}

/** Stable sort by line, so problems read top to bottom like the file. */
function sortByLine(problems: QuizdownProblem[]): QuizdownProblem[] {
  return problems.map((p, i) => ({ p, i })).sort((a, b) => a.p.line - b.p.line || a.i - b.i).map(({ p }) => p);
}
