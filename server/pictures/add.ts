/** Adding pictures to a teacher's own quiz, and taking them out. */
import { addQuizPicture, listQuizPictures, removeQuizPicture, type Database } from "../db";
import { MAX_PICTURE_BYTES, MAX_PICTURES_PER_QUIZ, pictureNameFromFile, type QuizPicture } from "../../src/quizdown/pictures";
import { ownQuiz } from "../quizzes/access";
import { LibraryError } from "../quizzes/errors";
import { PictureError } from "./errors";
import type { PictureProcessor } from "./picture-pool";

export type PictureFileKind = "png" | "jpeg" | "webp" | "gif";

/** What the file's first bytes say it is (never its name or the type the browser claimed), or null. */
export function pictureFileKind(bytes: Uint8Array): PictureFileKind | null {
  const starts = (offset: number, ...values: number[]) => values.every((value, i) => bytes[offset + i] === value);
  if (starts(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  if (starts(0, 0xff, 0xd8, 0xff)) return "jpeg";
  if (starts(0, 0x47, 0x49, 0x46, 0x38)) return "gif";
  if (starts(0, 0x52, 0x49, 0x46, 0x46) && starts(8, 0x57, 0x45, 0x42, 0x50)) return "webp";
  return null;
}

export const PICTURE_TOO_BIG_MESSAGE = `This picture is too big: a picture can be at most ${MAX_PICTURE_BYTES / 1024 / 1024} MB.`;
export const NOT_A_PICTURE_MESSAGE = "This file isn't a picture the game can show. Pick a PNG, JPEG, WebP or GIF file.";

/** The quiz, if it is the teacher's own; refusals said the picture way. */
async function ownQuizForPictures(db: Database, teacherId: string, quizId: string) {
  try {
    return await ownQuiz(db, teacherId, quizId);
  } catch (error) {
    if (error instanceof LibraryError) throw new PictureError(error.kind === "read-only" ? "readOnly" : "notFound", error.message);
    throw error;
  }
}

/**
 * Processes the file off the event loop and adds it to the teacher's quiz under a name made from
 * its file name; a name the quiz already has is given to the new picture (re-save the quiz to show it).
 */
export async function addPictureToQuiz(
  db: Database,
  teacherId: string,
  quizId: string,
  file: { fileName: string; bytes: Uint8Array },
  processor: PictureProcessor,
): Promise<QuizPicture> {
  await ownQuizForPictures(db, teacherId, quizId);
  if (file.bytes.byteLength > MAX_PICTURE_BYTES) throw new PictureError("tooBig", PICTURE_TOO_BIG_MESSAGE);
  const kind = pictureFileKind(file.bytes);
  if (!kind) throw new PictureError("notAPicture", NOT_A_PICTURE_MESSAGE);
  const name = pictureNameFromFile(file.fileName);
  const existing = await listQuizPictures(db, quizId);
  if (existing.length >= MAX_PICTURES_PER_QUIZ && !existing.some((picture) => picture.name === name)) {
    throw new PictureError("tooMany", `This quiz already has ${MAX_PICTURES_PER_QUIZ} pictures, the most one quiz may have. Remove one it no longer uses first.`);
  }
  const processed = await processor.process(file.bytes, kind === "gif" || kind === "webp");
  await addQuizPicture(db, quizId, name, processed);
  return { name, hash: processed.hash, width: processed.width, height: processed.height };
}

/** Takes a picture out of the teacher's quiz (games and versions that show it keep it). */
export async function removePictureFromQuiz(db: Database, teacherId: string, quizId: string, name: string): Promise<{ removed: boolean }> {
  await ownQuizForPictures(db, teacherId, quizId);
  return { removed: await removeQuizPicture(db, quizId, name) };
}
