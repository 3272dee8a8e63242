/** New quizzes and new versions from a quiz file a teacher uploaded or pasted. */
import { createHash, randomUUID } from "node:crypto";
import { copyQuizPictures, copyQuizTags, listQuizPictures, loadQuizSourceText, picturesOfQuiz, saveQuizVersion, type Database } from "../db";
import type { QuizPicture, QuizPictures } from "../../src/quizdown/pictures";
import type { ParsedQuiz } from "../../src/quizdown/types";
import { MAX_QUIZ_TITLE_LENGTH } from "../../src/quizdown/source-rules";
import { ownQuiz, visibleQuiz } from "./access";
import { quizNotFound } from "./errors";
import { readQuizSource } from "./check-source";
import type { QuizReader } from "./reader-pool";

export interface SavedQuiz {
  quizId: string;
  slug: string;
  title: string;
  versionId: string;
  version: number;
}

/** Uploaded quizzes get a slug no content/ file name is likely to take. */
function uploadSlug(): string {
  return `u-${randomUUID()}`;
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** A version's content: its file, and the pictures it shows (a picture added later makes the same file a new version). */
function versionHash(source: string, quiz: ParsedQuiz): string {
  const shown = picturesOfQuiz(quiz);
  return shown.length === 0 ? sha256(source) : sha256(`${source}\n${shown.join("\n")}`);
}

function byName(pictures: QuizPicture[]): QuizPictures {
  return Object.fromEntries(pictures.map((picture) => [picture.name, picture]));
}

/** The pictures a teacher's quiz has, by name (for reading its text). */
export async function quizPicturesByName(db: Database, quizId: string): Promise<QuizPictures> {
  return byName(await listQuizPictures(db, quizId));
}

/** Saves a new quiz owned by `ownerId`; a file with errors is refused and nothing is saved. */
export async function createQuiz(
  db: Database,
  ownerId: string,
  file: { source: string; fileName?: string; title?: string },
  reader?: QuizReader,
  /** A copy's pictures (a new quiz has none yet). */
  pictures?: QuizPictures,
): Promise<SavedQuiz> {
  const { quiz, title: fileTitle } = await readQuizSource(file.source, file.fileName, reader, pictures);
  const title = file.title ?? fileTitle;
  const slug = uploadSlug();
  const saved = await saveQuizVersion(db, { slug, title, sourceText: file.source, contentHash: versionHash(file.source, quiz), quiz, source: "upload", ownerId });
  return { quizId: saved.quizId, slug, title, versionId: saved.versionId, version: saved.version };
}

/**
 * Makes `source` the current version of the teacher's own quiz. Games already played keep the
 * version they played. The title follows the new file's `title:` when it has one.
 */
export async function replaceQuiz(db: Database, teacherId: string, quizId: string, source: string, reader?: QuizReader): Promise<SavedQuiz & { changed: boolean }> {
  const current = await ownQuiz(db, teacherId, quizId);
  const { quiz } = await readQuizSource(source, undefined, reader, await quizPicturesByName(db, quizId));
  const title = quiz.title?.trim().slice(0, MAX_QUIZ_TITLE_LENGTH) || current.title;
  const saved = await saveQuizVersion(db, { slug: current.slug, title, sourceText: source, contentHash: versionHash(source, quiz), quiz, source: "upload" });
  return { quizId, slug: current.slug, title: saved.changed ? title : current.title, versionId: saved.versionId, version: saved.version, changed: saved.changed };
}

/** An editable copy, owned by the teacher, of a quiz they can see (a shared one or their own), with its pictures and their tags on it. */
export async function copyQuiz(db: Database, teacherId: string, quizId: string, reader?: QuizReader): Promise<SavedQuiz> {
  const original = await visibleQuiz(db, teacherId, quizId);
  const source = await loadQuizSourceText(db, original.currentVersionId);
  if (source === null) throw quizNotFound();
  const suffix = " (copy)";
  const title = original.title.slice(0, MAX_QUIZ_TITLE_LENGTH - suffix.length) + suffix;
  const pictures = await quizPicturesByName(db, quizId);
  const copy = await createQuiz(db, teacherId, { source, title }, reader, pictures);
  await copyQuizPictures(db, quizId, copy.quizId);
  await copyQuizTags(db, { teacherId, fromQuizId: original.quizId, toQuizId: copy.quizId });
  return copy;
}
