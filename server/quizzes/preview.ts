/** A saved quiz as its preview page shows it: the current version's file and questions. */
import { listQuizPictures, loadQuizSourceText, loadQuizVersion, type Database, type QuizSource, type StoredQuestion } from "../db";
import type { QuizPicture } from "../../src/quizdown/pictures";
import type { QuizSettings } from "../../src/quizdown/types";
import { visibleQuiz } from "./access";
import { quizNotFound } from "./errors";

export interface QuizPreview {
  quizId: string;
  slug: string;
  title: string;
  source: QuizSource;
  /** The teacher's own quiz: they may rename, replace and delete it. */
  editable: boolean;
  versionId: string;
  version: number;
  sourceText: string;
  settings: QuizSettings;
  playable: boolean;
  unplayableReason: string | null;
  questions: StoredQuestion[];
  /** The pictures the quiz's text may show, by name. */
  pictures: QuizPicture[];
}

export async function getQuizPreview(db: Database, teacherId: string, quizId: string): Promise<QuizPreview> {
  const quiz = await visibleQuiz(db, teacherId, quizId);
  const [version, sourceText, pictures] = await Promise.all([loadQuizVersion(db, quiz.currentVersionId), loadQuizSourceText(db, quiz.currentVersionId), listQuizPictures(db, quiz.quizId)]);
  if (!version || sourceText === null) throw quizNotFound();
  return {
    quizId: quiz.quizId,
    slug: quiz.slug,
    title: quiz.title,
    source: quiz.source,
    editable: quiz.ownerId === teacherId,
    versionId: version.versionId,
    version: version.version,
    sourceText,
    settings: version.settings,
    playable: version.playable,
    unplayableReason: version.unplayableReason,
    questions: version.questions,
    pictures,
  };
}
