/**
 * Self-paced homework on the wire: a student's phone asks (start, resume, answer, next) and each
 * acknowledgement carries that student's whole view. Nothing is broadcast. The right answer is in
 * a view only once that student has answered (or their time ran out), and with "after the
 * deadline" only once the homework has closed.
 */
import { z } from "zod";
import type { Ack } from "./acks";
import { nicknameSchema, answerRequestSchema, deviceIdSchema } from "./schemas";
import type { Countdown, QuestionView, RevealView, RoundOutcome } from "./views";

export { HomeworkEvent, HOMEWORK_CODE_LENGTH, HOMEWORK_IDENTIFIER_MAX_LENGTH } from "./homework-events";
import { HOMEWORK_IDENTIFIER_MAX_LENGTH } from "./homework-events";

export const homeworkCodeSchema = z
  .string({ error: "Enter the 8-digit homework code." })
  .trim()
  .regex(/^\d{8}$/, { error: "The homework code is 8 digits." });

export const homeworkStartSchema = z.object({
  code: homeworkCodeSchema,
  nickname: nicknameSchema,
  identifier: z.string().trim().max(HOMEWORK_IDENTIFIER_MAX_LENGTH, { error: `At most ${HOMEWORK_IDENTIFIER_MAX_LENGTH} characters.` }).optional(),
  deviceId: deviceIdSchema,
});

export const homeworkResumeSchema = z.object({
  gameId: z.uuid({ error: "This homework doesn't exist any more." }),
  playerId: z.uuid({ error: "This phone isn't doing that homework. Start it again." }),
  playerToken: z.string({ error: "This phone isn't doing that homework. Start it again." }).min(16).max(200),
});

export const homeworkAnswerSchema = answerRequestSchema;
export const homeworkNextSchema = z.object({ questionIndex: z.number().int().min(0) });

export type HomeworkStartRequest = z.infer<typeof homeworkStartSchema>;
export type HomeworkResumeRequest = z.infer<typeof homeworkResumeSchema>;

/** What a homework's start page shows before a student begins. */
export interface HomeworkInfo {
  title: string;
  identifierLabel: string | null;
  opensAt: number;
  closesAt: number;
  questionCount: number;
  timeLimitSec: number | null;
}

export interface HomeworkStudentView {
  gameId: string;
  title: string;
  nickname: string;
  questionCount: number;
  closesAt: number;
  /** question: answer it; result: that question's outcome; finished: done; closed: the homework closed before the end. */
  phase: "question" | "result" | "finished" | "closed";
  /** The open question (phase "question"), or the one just answered (phase "result"). Never the right answer. */
  question: QuestionView | null;
  /** Timed homework, phase "question": this student's own clock (the server's deadline). */
  countdown: Countdown | null;
  /** Phase "result": what the student gave and got; null until the deadline when results wait for it. */
  outcome: RoundOutcome | null;
  /** Phase "result": the right answer; null until the deadline when results wait for it. */
  answerKey: Pick<RevealView, "correct" | "explanations" | "accepted" | "slider"> | null;
  /** Null while results wait for the deadline. */
  score: number | null;
  correctCount: number | null;
  answeredCount: number;
  /** Results wait for the deadline (the teacher chose "show answers after the deadline"). */
  resultsAfterDeadline: boolean;
}

export const homeworkInfoSchema = z.object({ code: homeworkCodeSchema });
export type HomeworkInfoAck = Ack<{ info: HomeworkInfo }>;
export type HomeworkStartAck = Ack<{ view: HomeworkStudentView; playerToken: string; playerId: string }>;
export type HomeworkViewAck = Ack<{ view: HomeworkStudentView }>;
