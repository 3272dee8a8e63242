/** Public API of the quizdown parser (pure; safe to import in the browser). */
export { parseQuizdown, type ParseOptions } from "./parse";
export { pictureMarkdown, pictureNameFromFile, pictureUrl, picturesInHtml, type QuizPicture, type QuizPictures } from "./pictures";
export { renderMarkdown, renderInlineMarkdown, sanitize } from "./markdown";
export { MAX_OPTIONS, MIN_OPTIONS } from "./optionChecks";
export { READ_TIME_RANGE, TIME_LIMIT_RANGE } from "./settings";
export * from "./types";
export { QUIZ_LIMITS, checkQuizLimits, findInvalidCharacter } from "./limits";
export { PROBLEM_CODES, type ProblemCode, type ProblemParams } from "./problems";
