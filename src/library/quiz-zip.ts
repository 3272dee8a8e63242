/**
 * A quiz's .zip (the quizdown export of a quiz with pictures: its text and its pictures) and the
 * server's refusals of one, in the server's exact English words (server/quizzes/convert/quiz-zip.ts,
 * server/quizzes/zip-http.ts) with the catalog key each is said with on the teacher's screen. Pure.
 */
import { MAX_PICTURE_BYTES, MAX_PICTURES_PER_QUIZ } from "../quizdown/pictures";

/** The largest .zip accepted (its pictures are each at most MAX_PICTURE_BYTES before resizing). */
export const MAX_QUIZ_ZIP_BYTES = 32 * 1024 * 1024;
/** The most a .zip may unpack to, all entries together. */
export const MAX_QUIZ_ZIP_UNPACKED_BYTES = 64 * 1024 * 1024;
/** The most entries (files and folders) a .zip may have: the text, the pictures and some room for folders. */
export const MAX_QUIZ_ZIP_ENTRIES = MAX_PICTURES_PER_QUIZ + 50;

export const ZIP_TOO_BIG = `This .zip is too big: it can be at most ${MAX_QUIZ_ZIP_BYTES / 1024 / 1024} MB.`;
export const ZIP_UNPACKS_TOO_BIG = `This .zip unpacks to too much: at most ${MAX_QUIZ_ZIP_UNPACKED_BYTES / 1024 / 1024} MB in all, a picture at most ${MAX_PICTURE_BYTES / 1024 / 1024} MB.`;
export const ZIP_TOO_MANY_ENTRIES = `This .zip has too many files: a quiz's .zip holds its text and at most ${MAX_PICTURES_PER_QUIZ} pictures.`;
export const ZIP_UNREADABLE = "This .zip couldn't be read. It may be damaged: export the quiz again and try again.";
export const ZIP_NO_QUIZ = "This .zip has no quiz text in it: it needs one quizdown file (.md).";
export const ZIP_SEVERAL_QUIZZES = "This .zip has more than one quiz text (.md) in it: put each quiz in its own .zip.";
export const QUIZ_ZIP_SIGN_IN = "Sign in again to add a quiz.";
export const QUIZ_ZIP_WRONG_PAGE = "Add quizzes from the library's pages.";
export const QUIZ_ZIP_NOT_A_ZIP = "This file isn't a .zip. Pick the .zip a quiz with pictures was exported as.";

/** The refusals above by their words, and the key (teacherImport.zipErrors.*) saying each. */
export const QUIZ_ZIP_REFUSALS = {
  [ZIP_TOO_BIG]: "tooBig",
  [ZIP_UNPACKS_TOO_BIG]: "unpacksTooBig",
  [ZIP_TOO_MANY_ENTRIES]: "tooManyEntries",
  [ZIP_UNREADABLE]: "unreadable",
  [ZIP_NO_QUIZ]: "noQuiz",
  [ZIP_SEVERAL_QUIZZES]: "severalQuizzes",
  [QUIZ_ZIP_SIGN_IN]: "signIn",
  [QUIZ_ZIP_WRONG_PAGE]: "wrongPage",
  [QUIZ_ZIP_NOT_A_ZIP]: "notAZip",
} as const satisfies Record<string, string>;
export type QuizZipRefusal = (typeof QUIZ_ZIP_REFUSALS)[keyof typeof QUIZ_ZIP_REFUSALS];
