/** Tagging the library's quizzes: a teacher tags any quiz they can see (shared ones too), for themselves. */
import { addQuizTag, removeQuizTag, type Database } from "../db";
import { MAX_TAGS_PER_QUIZ, tagKey, tagLabel, TOO_MANY_TAGS_MESSAGE } from "../../src/library/tags";
import { visibleQuiz } from "./access";
import { LibraryError } from "./errors";

/** Adds the tag (already checked by tagRefusal); a tag the quiz has in any case changes nothing. */
export async function tagQuiz(db: Database, teacherId: string, quizId: string, typed: string): Promise<{ quizId: string; tag: string }> {
  await visibleQuiz(db, teacherId, quizId);
  const label = tagLabel(typed);
  const result = await addQuizTag(db, { teacherId, quizId, key: tagKey(label), label, max: MAX_TAGS_PER_QUIZ });
  if (result === "full") throw new LibraryError("too-many-tags", TOO_MANY_TAGS_MESSAGE);
  return { quizId, tag: label };
}

/** Takes the tag off (in any case); a tag the quiz doesn't have changes nothing. */
export async function untagQuiz(db: Database, teacherId: string, quizId: string, typed: string): Promise<{ quizId: string }> {
  await visibleQuiz(db, teacherId, quizId);
  await removeQuizTag(db, { teacherId, quizId, key: tagKey(typed) });
  return { quizId };
}
