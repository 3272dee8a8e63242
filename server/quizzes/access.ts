/** Who may see and change which quiz. Another teacher's quiz is reported exactly like one that doesn't exist. */
import { findQuiz, type Database, type QuizRecord } from "../db";
import { LibraryError, quizNotFound, SHARED_QUIZ_READ_ONLY_MESSAGE } from "./errors";

export type VisibleQuiz = QuizRecord & { currentVersionId: string };

/** A shared quiz or one of the teacher's own, not deleted; anything else is "not found". */
export async function visibleQuiz(db: Database, teacherId: string, quizId: string): Promise<VisibleQuiz> {
  const quiz = await findQuiz(db, quizId);
  if (!quiz || quiz.deletedAt !== null || quiz.currentVersionId === null) throw quizNotFound();
  if (quiz.ownerId !== null && quiz.ownerId !== teacherId) throw quizNotFound();
  return { ...quiz, currentVersionId: quiz.currentVersionId };
}

/** One of the teacher's own quizzes; a shared one is refused as read-only. */
export async function ownQuiz(db: Database, teacherId: string, quizId: string): Promise<VisibleQuiz> {
  const quiz = await visibleQuiz(db, teacherId, quizId);
  if (quiz.ownerId === null) throw new LibraryError("read-only", SHARED_QUIZ_READ_ONLY_MESSAGE);
  return quiz;
}
