/**
 * Loads the quizzes written as `*.md` files in a directory (normally `content/`) into the database.
 * One bad file never stops the others: every failure becomes a `ContentProblem`.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { ProblemCode, ProblemParams } from "../../src/quizdown/problems";
import type { ParseResult } from "../../src/quizdown/types";
import { sharedQuizReader, type QuizReader } from "../quizzes/reader-pool";
import type { Database } from "../db/client";
import { saveQuizVersion } from "../db/quizzes";

export interface ContentProblem {
  /** The file, relative to the working directory when inside it (e.g. `content/x.md`). */
  file: string;
  /** 1-based line; 0 when the problem is about the whole file (unreadable, database failure…). */
  line: number;
  /** In English; a problem the quiz checker found also carries its code and values, for the teacher's screen. */
  message: string;
  code?: ProblemCode;
  params?: ProblemParams;
}

export interface LoadedContentQuiz {
  file: string;
  slug: string;
  title: string;
  versionId: string;
  version: number;
  /** False when the stored current version already had this content. */
  changed: boolean;
  playable: boolean;
  unplayableReason: string | null;
}

export interface ContentLoadResult {
  quizzes: LoadedContentQuiz[];
  /** Files that were skipped, one entry per parse error (or read/database failure). */
  problems: ContentProblem[];
  /** Parser warnings for files that were loaded anyway. */
  warnings: ContentProblem[];
}

/** `back-office` → `Back Office`. */
export function titleFromSlug(slug: string): string {
  return slug
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

/** `content/x.md:12: message` (no line part when the problem has no line). */
export function formatProblem(p: ContentProblem): string {
  return p.line > 0 ? `${p.file}:${p.line}: ${p.message}` : `${p.file}: ${p.message}`;
}

function displayPath(absolute: string): string {
  const rel = path.relative(process.cwd(), absolute);
  return rel === "" || rel.startsWith("..") || path.isAbsolute(rel) ? absolute : rel.split(path.sep).join("/");
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Files are read on the quiz reader's worker thread: games restored after a restart are already running. */
export async function loadContentDirectory(db: Database, dir: string, reader: QuizReader = sharedQuizReader()): Promise<ContentLoadResult> {
  const result: ContentLoadResult = { quizzes: [], problems: [], warnings: [] };
  const absDir = path.resolve(dir);

  let names: string[];
  try {
    const entries = await readdir(absDir, { withFileTypes: true });
    names = entries
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.toLowerCase().endsWith(".md"))
      .map((e) => e.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (err) {
    result.problems.push({ file: displayPath(absDir), line: 0, message: `can't read the directory: ${errorMessage(err)}` });
    return result;
  }

  for (const name of names) {
    const abs = path.join(absDir, name);
    const file = displayPath(abs);
    const slug = name.slice(0, -".md".length);

    let bytes: Buffer;
    try {
      bytes = await readFile(abs);
    } catch (err) {
      result.problems.push({ file, line: 0, message: `can't read the file: ${errorMessage(err)}` });
      continue;
    }
    const sourceText = bytes.toString("utf8");
    const contentHash = createHash("sha256").update(bytes).digest("hex");

    let parsed: ParseResult;
    try {
      parsed = await reader.parse(sourceText);
    } catch (err) {
      result.problems.push({ file, line: 0, message: `couldn't be read: ${errorMessage(err)}` });
      continue;
    }
    for (const w of parsed.warnings ?? []) result.warnings.push({ file, line: w.line, message: w.message, code: w.code, params: w.params });
    if (!parsed.ok) {
      for (const e of parsed.errors) result.problems.push({ file, line: e.line, message: e.message, code: e.code, params: e.params });
      continue;
    }

    const quiz = parsed.quiz;
    const title = quiz.title?.trim() || titleFromSlug(slug) || slug;
    try {
      const saved = await saveQuizVersion(db, { slug, title, sourceText, contentHash, quiz, source: "content" });
      result.quizzes.push({
        file,
        slug,
        title,
        versionId: saved.versionId,
        version: saved.version,
        changed: saved.changed,
        playable: quiz.playable,
        unplayableReason: quiz.playable ? null : (quiz.unplayableReason ?? null),
      });
    } catch (err) {
      result.problems.push({ file, line: 0, message: `couldn't be saved to the database: ${errorMessage(err)}` });
    }
  }
  return result;
}
