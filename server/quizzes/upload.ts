/** New quizzes and new versions from a quiz file a teacher uploaded or pasted. */
import { createHash, randomUUID } from "node:crypto";
import { copyQuizTags, loadQuizSourceText, saveQuizVersion, type Database } from "../db";
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

/** Saves a new quiz owned by `ownerId`; a file with errors is refused and nothing is saved. */
export async function createQuiz(
  db: Database,
  ownerId: string,
  file: { source: string; fileName?: string; title?: string },
  reader?: QuizReader,
): Promise<SavedQuiz> {
  const { quiz, title: fileTitle } = await readQuizSource(file.source, file.fileName, reader);
  const title = file.title ?? fileTitle;
  const slug = uploadSlug();
  const saved = await saveQuizVersion(db, { slug, title, sourceText: file.source, contentHash: sha256(file.source), quiz, source: "upload", ownerId });
  return { quizId: saved.quizId, slug, title, versionId: saved.versionId, version: saved.version };
}

/**
 * Makes `source` the current version of the teacher's own quiz. Games already played keep the
 * version they played. The title follows the new file's `title:` when it has one.
 */
export async function replaceQuiz(db: Database, teacherId: string, quizId: string, source: string, reader?: QuizReader): Promise<SavedQuiz & { changed: boolean }> {
  const current = await ownQuiz(db, teacherId, quizId);
  const { quiz } = await readQuizSource(source, undefined, reader);
  const title = quiz.title?.trim().slice(0, MAX_QUIZ_TITLE_LENGTH) || current.title;
  const saved = await saveQuizVersion(db, { slug: current.slug, title, sourceText: source, contentHash: sha256(source), quiz, source: "upload" });
  return { quizId, slug: current.slug, title: saved.changed ? title : current.title, versionId: saved.versionId, version: saved.version, changed: saved.changed };
}

/** An editable copy, owned by the teacher, of a quiz they can see (a shared one or their own), with their tags on it. */
export async function copyQuiz(db: Database, teacherId: string, quizId: string, reader?: QuizReader): Promise<SavedQuiz> {
  const original = await visibleQuiz(db, teacherId, quizId);
  const source = await loadQuizSourceText(db, original.currentVersionId);
  if (source === null) throw quizNotFound();
  const suffix = " (copy)";
  const title = original.title.slice(0, MAX_QUIZ_TITLE_LENGTH - suffix.length) + suffix;
  const copy = await createQuiz(db, teacherId, { source, title }, reader);
  await copyQuizTags(db, { teacherId, fromQuizId: original.quizId, toQuizId: copy.quizId });
  return copy;
}
