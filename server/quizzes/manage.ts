/** Renaming and deleting a teacher's own quizzes. */
import { markQuizDeleted, releaseDeletedQuizPictures, renameQuiz, type Database } from "../db";
import { ownQuiz } from "./access";

export async function renameOwnQuiz(db: Database, teacherId: string, quizId: string, title: string): Promise<{ quizId: string; title: string }> {
  await ownQuiz(db, teacherId, quizId);
  await renameQuiz(db, quizId, title);
  return { quizId, title };
}

/**
 * Soft delete: the quiz leaves the library, but reports of games played with it still open. Its
 * pictures go, except those its played versions show.
 */
export async function deleteOwnQuiz(db: Database, teacherId: string, quizId: string): Promise<{ quizId: string }> {
  await ownQuiz(db, teacherId, quizId);
  await markQuizDeleted(db, quizId);
  await releaseDeletedQuizPictures(db, quizId);
  return { quizId };
}
