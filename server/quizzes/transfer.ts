/** Import (another format → quizdown for the editor) and export (a saved quiz → a file) for the library. */
import { loadQuizSourceText, type Database } from "../db";
import { titleSlug } from "../reports/export-file-name";
import { visibleQuiz } from "./access";
import { readQuizSource } from "./check-source";
// The types module only: the converters (and exceljs) load in the conversion worker, never in the server.
import { ImportRefused, type ConvertNote, type ImportResult } from "./convert/types";
import { exportOffLoop, importOffLoop } from "./convert/convert-pool";
import { LibraryError, quizNotFound } from "./errors";
import type { QuizReader } from "./reader-pool";

export const EXPORT_FORMATS = ["quizdown", "kahoot", "moodle"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedQuizFile {
  fileName: string;
  mimeType: string;
  /** The file's bytes in base64 (the .xlsx is binary). */
  base64: string;
  notes: ConvertNote[];
}

async function refusedAsBadSource<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ImportRefused) throw new LibraryError("bad-source", error.message);
    throw error;
  }
}

/**
 * Converts an uploaded file to quizdown without saving anything; the teacher checks it in the editor.
 * The conversion runs on a worker thread with a time and memory budget (convert-pool.ts).
 */
export function importForEditing(fileName: string, bytes: Uint8Array): Promise<ImportResult> {
  return refusedAsBadSource(() => importOffLoop(fileName, bytes));
}

/** A quiz the teacher can see, as quizdown (its stored text, as is), Kahoot!'s template or Moodle XML. */
export async function exportQuiz(db: Database, teacherId: string, quizId: string, format: ExportFormat, reader?: QuizReader): Promise<ExportedQuizFile> {
  const quiz = await visibleQuiz(db, teacherId, quizId);
  const source = await loadQuizSourceText(db, quiz.currentVersionId);
  if (source === null) throw quizNotFound();
  const base = titleSlug(quiz.title);
  if (format === "quizdown") {
    return { fileName: `${base}.md`, mimeType: "text/markdown", base64: Buffer.from(source, "utf8").toString("base64"), notes: [] };
  }
  const { quiz: parsed } = await readQuizSource(source, undefined, reader);
  const titled = { ...parsed, title: quiz.title };
  const file = await refusedAsBadSource(() => exportOffLoop(format, titled));
  return format === "kahoot"
    ? { fileName: `${base}-kahoot.xlsx`, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ...file }
    : { fileName: `${base}-moodle.xml`, mimeType: "application/xml", ...file };
}
