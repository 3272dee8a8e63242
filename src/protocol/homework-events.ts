/** Homework event names and limits, free of zod so the phone's page can import them (see homework.ts). */

export const HomeworkEvent = {
  /** Phone: what the homework with this code is (title, closing time, the identifier asked for). */
  info: "homework:info",
  /** Phone: start the homework with its code, a nickname and the identifier the teacher asks for. */
  start: "homework:start",
  /** Phone: come back after a refresh, with the token from start. */
  resume: "homework:resume",
  /** Phone: answer the open question (retried with the same answerId until acked). */
  answer: "homework:answer",
  /** Phone: move on from a question's result to the next question. */
  next: "homework:next",
} as const;

export const HOMEWORK_CODE_LENGTH = 8;
export const HOMEWORK_IDENTIFIER_MAX_LENGTH = 40;
