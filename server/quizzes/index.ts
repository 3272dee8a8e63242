export { checkQuizSource, describeProblems, readQuizSource } from "./check-source";
export type { QuizSourceCheck } from "./check-source";
export { LibraryError, QUIZ_NOT_FOUND_MESSAGE, SHARED_QUIZ_READ_ONLY_MESSAGE } from "./errors";
export type { LibraryErrorKind } from "./errors";
export { createQuiz, replaceQuiz, copyQuiz } from "./upload";
export type { SavedQuiz } from "./upload";
export { renameOwnQuiz, deleteOwnQuiz } from "./manage";
export { getQuizPreview } from "./preview";
export type { QuizPreview } from "./preview";
