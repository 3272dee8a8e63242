/**
 * The server refuses a teacher's request (tRPC) in English words; the teacher's pages say each
 * refusal in the teacher's language by looking its words up here. Sentences with a number in them
 * are recognised by their shape and the number kept. A refusal not listed keeps the server's English;
 * so does every refusal on an English screen. tests/unit/i18n/teacher-refusals.test.ts fails when
 * the server gains a refusal this table lacks (or words one differently).
 */
import { useLocale, useTranslations } from "next-intl";
import { TAG_MISSING_MESSAGE, TAG_TOO_LONG_MESSAGE, TOO_MANY_TAGS_MESSAGE, MAX_TAG_LENGTH, MAX_TAGS_PER_QUIZ } from "@/library/tags";
import { MAX_QUIZ_TITLE_LENGTH, SOURCE_TOO_BIG_MESSAGE } from "@/quizdown/source-rules";
import { HOMEWORK_IDENTIFIER_MAX_LENGTH } from "@/protocol/homework-events";

export type TeacherRefusalTranslator = ReturnType<typeof useTranslations<"teacherRefusals">>;
type TeacherRefusalKey = Parameters<TeacherRefusalTranslator>[0];

/** The server's exact words (server/trpc, server/quizzes, src/library/tags.ts) and the catalog key saying each. */
export const TEACHER_REFUSALS_BY_MESSAGE: Record<string, TeacherRefusalKey> = {
  "Please sign in as a teacher to do that.": "signIn",
  "Only your school's quiz admin can do that.": "adminOnly",
  "The database is unreachable; retrying…": "databaseUnreachable",
  "That quiz doesn't exist (any more).": "quizNotFound",
  "That quiz doesn't exist (any more). Reload the list and pick again.": "quizGone",
  "Shared quizzes from the content folder are read-only. Copy it to your library to change it.": "sharedReadOnly",
  [SOURCE_TOO_BIG_MESSAGE]: "sourceTooBig",
  "This quiz took too long to read, so the server stopped reading it. Look for a very long paragraph, deeply nested lists or quotes, or long runs of * and _, and split them up.":
    "quizTooSlow",
  "This quiz needed too much memory to read. Split it into several smaller quizzes.": "quizTooLarge",
  "The server is busy reading other quizzes. Try again in a moment.": "readerBusy",
  "The quiz text is missing.": "quizTextMissing",
  "The quiz needs a title.": "titleMissing",
  [`A quiz title can be at most ${MAX_QUIZ_TITLE_LENGTH} characters.`]: "titleTooLong",
  "Type something to search for.": "searchMissing",
  "A search can be at most 200 characters.": "searchTooLong",
  "The file name isn't valid.": "fileNameInvalid",
  "The file name is too long.": "fileNameTooLong",
  "The file is missing.": "fileMissing",
  "This file is too big to import: it can be at most 512 KB. Split it into several quizzes.": "importTooBig",
  "The file didn't arrive whole. Try again.": "fileBroken",
  "Pick quizdown, kahoot or moodle.": "exportFormat",
  [TAG_MISSING_MESSAGE]: "tagMissing",
  [TAG_TOO_LONG_MESSAGE]: "tagTooLong",
  [TOO_MANY_TAGS_MESSAGE]: "tooManyTags",
  "There is no saved game with that id.": "noSavedGame",
  "This game is still being played. End it first, then delete its results.": "stillPlaying",
  "Pick a quiz from the list.": "pickQuiz",
  "Play again once this game has reached its podium.": "playAgainAfterPodium",
  "The class got every question about equally right: there are no hard questions to play again. Play the whole quiz again instead.": "noHardQuestions",
  "You can't turn off your own account.": "ownAccount",
  "There is no open invite with that id.": "noInvite",
  "Pick a date and time.": "pickDateTime",
  "There is no homework with that id.": "noHomework",
  [`The identifier's label is at most ${HOMEWORK_IDENTIFIER_MAX_LENGTH} characters.`]: "identifierLabelTooLong",
};

/** The numbers some refusals carry, as their ICU arguments. */
const VALUES = { identifierMax: HOMEWORK_IDENTIFIER_MAX_LENGTH, max: MAX_QUIZ_TITLE_LENGTH, maxTagLength: MAX_TAG_LENGTH, maxTags: MAX_TAGS_PER_QUIZ, searchMax: 200 };

/** Refusals worded around a number (server/limits/account-limits.ts). */
const SHAPED: [RegExp, (match: RegExpExecArray) => [TeacherRefusalKey, Record<string, number | string>]][] = [
  [/^Too many changes from this network address in the last minute\. Wait (a second|(\d+) seconds) and try again\.$/, (m) => ["tooManyFromAddress", { seconds: Number(m[2] ?? 1) }]],
  [/^Too many changes from your account in the last minute\. Wait (a second|(\d+) seconds) and try again\.$/, (m) => ["tooManyFromAccount", { seconds: Number(m[2] ?? 1) }]],
  [/^You already have (\d+) games? open, the most one teacher may have at once \((\d+)\)\. End one of them first\.$/, (m) => ["tooManyGames", { live: Number(m[1]), max: Number(m[2]) }]],
  [/^“([^”]*)” has no questions\.$/s, (m) => ["noQuestions", { title: m[1]! }]],
  // Why is the checker's stored English (server/games/create-live-game.ts), kept inside the translated sentence.
  [/^“([^”]*)” can't be hosted: (.*)$/s, (m) => ["cantBeHosted", { title: m[1]!, reason: m[2]! }]],
  [/^Your library already has (\d+) quizzes, the most one teacher may keep\. Delete one you no longer use first\.$/, (m) => ["libraryFull", { max: Number(m[1]) }]],
];

export function teacherRefusalText(message: string, locale: string, t: TeacherRefusalTranslator): string {
  if (locale === "en") return message;
  const key = TEACHER_REFUSALS_BY_MESSAGE[message];
  if (key) return t(key, VALUES);
  for (const [shape, read] of SHAPED) {
    const match = shape.exec(message);
    if (match) {
      const [shapedKey, values] = read(match);
      return t(shapedKey, values);
    }
  }
  return message;
}

/** teacherRefusalText in this page's language. */
export function useTeacherRefusalText(): (message: string) => string {
  const t = useTranslations("teacherRefusals");
  const locale = useLocale();
  return (message) => teacherRefusalText(message, locale, t);
}
