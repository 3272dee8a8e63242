/** Import (another format → quizdown for the editor) and export (a saved quiz → a file) for the library. */
import { addQuizPicture, forgetPictures, storePictures, listQuizPictures, loadPictureBytes, loadQuizSourceText, type Database } from "../db";
import type { QuizPictures } from "../../src/quizdown/pictures";
import { pictureFileKind } from "../pictures/add";
import { PictureError } from "../pictures/errors";
import type { PictureProcessor, ProcessedPicture } from "../pictures/picture-pool";
import { createQuiz, type SavedQuiz } from "./upload";
import { titleSlug } from "../reports/export-file-name";
import { visibleQuiz } from "./access";
import { readQuizSource } from "./check-source";
// The types module only: the converters (and exceljs) load in the conversion worker, never in the server.
import { ImportRefused, type ConvertNote, type ImportResult } from "./convert/types";
import { pictureLeftOutNote } from "./convert/quiz-zip-notes";
import { exportOffLoop, importOffLoop, readQuizZipOffLoop, writeQuizZipOffLoop } from "./convert/convert-pool";
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
  /**
   * The quiz's pictures: in the file (quizdown, as a .zip with them) or not (Kahoot!'s template and
   * Moodle XML have no simple place for them); the teacher's screen says which in their language.
   */
  pictures: { count: number; carried: boolean };
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

/**
 * A quiz the teacher can see, as quizdown (its stored text, as is; a quiz with pictures is a .zip of
 * the text and its pictures), Kahoot!'s template or Moodle XML (neither carries the pictures).
 */
export async function exportQuiz(db: Database, teacherId: string, quizId: string, format: ExportFormat, reader?: QuizReader): Promise<ExportedQuizFile> {
  const quiz = await visibleQuiz(db, teacherId, quizId);
  const source = await loadQuizSourceText(db, quiz.currentVersionId);
  if (source === null) throw quizNotFound();
  const base = titleSlug(quiz.title);
  const pictures = await listQuizPictures(db, quizId);
  if (format === "quizdown") {
    if (pictures.length === 0) {
      return { fileName: `${base}.md`, mimeType: "text/markdown", base64: Buffer.from(source, "utf8").toString("base64"), notes: [], pictures: { count: 0, carried: true } };
    }
    const files: { name: string; bytes: Uint8Array }[] = [];
    for (const picture of pictures) {
      const bytes = await loadPictureBytes(db, picture.hash);
      if (bytes) files.push({ name: picture.name, bytes: new Uint8Array(bytes) });
    }
    const zip = await refusedAsBadSource(() => writeQuizZipOffLoop(`${base}.md`, source, files));
    return { fileName: `${base}.zip`, mimeType: "application/zip", base64: Buffer.from(zip).toString("base64"), notes: [], pictures: { count: files.length, carried: true } };
  }
  const { quiz: parsed } = await readQuizSource(source, undefined, reader);
  const titled = { ...parsed, title: quiz.title };
  const file = await refusedAsBadSource(() => exportOffLoop(format, titled));
  const left = { count: pictures.length, carried: false };
  return format === "kahoot"
    ? { fileName: `${base}-kahoot.xlsx`, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ...file, pictures: left }
    : { fileName: `${base}-moodle.xml`, mimeType: "application/xml", ...file, pictures: left };
}

/**
 * A new quiz from a quiz's .zip (the quizdown export of a quiz with pictures): its text, and each
 * picture in it processed like an upload (resized, metadata stripped). A picture that can't be read
 * is left out with a note; a text with errors is refused and nothing is saved.
 */
export async function importQuizZip(
  db: Database,
  teacherId: string,
  bytes: Uint8Array,
  processor: PictureProcessor,
  reader?: QuizReader,
): Promise<SavedQuiz & { pictures: number; notes: ConvertNote[] }> {
  const contents = await refusedAsBadSource(() => readQuizZipOffLoop(bytes));
  // A text with errors is refused before any picture is processed.
  await readQuizSource(contents.quizdown, contents.fileName, reader);
  const notes = [...contents.notes];
  const processed = new Map<string, ProcessedPicture>();
  for (const picture of contents.pictures) {
    const kind = pictureFileKind(picture.bytes);
    if (!kind) {
      notes.push(pictureLeftOutNote(picture.name, null));
      continue;
    }
    try {
      processed.set(picture.name, await processor.process(picture.bytes, kind === "gif" || kind === "webp"));
    } catch (error) {
      if (!(error instanceof PictureError)) throw error;
      notes.push(pictureLeftOutNote(picture.name, error.message));
    }
  }
  const byName: QuizPictures = Object.fromEntries([...processed].map(([name, picture]) => [name, { name, hash: picture.hash, width: picture.width, height: picture.height }]));
  // The pictures are stored first: the quiz's first version shows them as it is saved.
  await storePictures(db, [...processed.values()]);
  let saved: SavedQuiz;
  try {
    saved = await createQuiz(db, teacherId, { source: contents.quizdown, fileName: contents.fileName }, reader, byName);
  } catch (error) {
    await forgetPictures(db, [...processed.values()].map((picture) => picture.hash));
    throw error;
  }
  for (const [name, picture] of processed) await addQuizPicture(db, saved.quizId, name, picture);
  return { ...saved, pictures: processed.size, notes };
}
