/**
 * Self-paced homework: each student plays the quiz alone, one question after another. Plain data
 * like the live game's state (server/engine/types.ts); the functions in student.ts take the time
 * as an argument and never do IO.
 */
import type { RoundOutcome } from "../../../src/protocol";

/** When a student sees whether they were right and the right answer. */
export type ShowAnswers = "after-each" | "after-deadline";

export interface HomeworkSettings {
  /** Epoch ms: no student may start before, no answer is accepted after `closesAt`. */
  opensAt: number;
  closesAt: number;
  /** Seconds to answer each question (the server's deadline per student), or null: untimed. */
  timeLimitSec: number | null;
  /** How many times one nickname may do the homework (1 = once). */
  attempts: number;
  showAnswers: ShowAnswers;
  /** What the teacher asks for beside the nickname ("Class number"), or null: nothing. */
  identifierLabel: string | null;
  /** Timed homework only: faster right answers earn more (untimed: a right answer earns full points). */
  pointsForSpeed: boolean;
}

/** One student's way through the homework. */
export interface StudentProgress {
  /** The question the student is on (questionCount once finished). */
  questionIndex: number;
  /** question: open to answer; result: answered or timed out, before moving on; finished: done. */
  phase: "question" | "result" | "finished";
  /** When the current question was shown to this student. */
  openedAt: number;
  score: number;
  streak: number;
  correctCount: number;
  correctResponseMs: number;
  answeredCount: number;
  /** The outcome of the current question once it has one (phase "result"), else of the previous one. */
  last: RoundOutcome | null;
  /** The phone's id of the last answer, so a retry gets the same acknowledgement. */
  lastAnswerId: string | null;
  startedAt: number;
  finishedAt: number | null;
}
