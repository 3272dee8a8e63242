/**
 * One student's homework as a state machine: open question → answer (or time out) → result for
 * that student → next question … → finished. Answers are read, graded and scored by the live
 * game's own rules (kinds.ts, scoring.ts); only the clock is per student.
 */
import { gradeAnswer, isNeutralQuestion, rawAnswer, readAnswer } from "../kinds";
import { refusal, type EngineResult } from "../result";
import { answerPoints } from "../scoring";
import type { GameQuestion, SavedAnswer } from "../types";
import type { HomeworkSettings, StudentProgress } from "./types";

type Refused = Extract<EngineResult, { ok: false }>;
type AnswerFields = Partial<Record<"choice" | "order", number[]> & { text: string; value: number }>;

export function isClosed(settings: HomeworkSettings, now: number): boolean {
  return now > settings.closesAt;
}

/** Whether a new student may start now: a plain-words refusal, or null. */
export function startRefusal(settings: HomeworkSettings, now: number): Refused | null {
  if (now < settings.opensAt) return refusal("not-accepting", "This homework hasn't opened yet. Come back when your teacher said it opens.");
  if (isClosed(settings, now)) return refusal("game-over", "This homework has closed: no more answers are accepted.");
  return null;
}

export function newStudent(now: number): StudentProgress {
  return {
    questionIndex: 0,
    phase: "question",
    openedAt: now,
    score: 0,
    streak: 0,
    correctCount: 0,
    correctResponseMs: 0,
    answeredCount: 0,
    last: null,
    lastAnswerId: null,
    startedAt: now,
    finishedAt: null,
  };
}

/** When the open question stops taking answers for this student: its own time limit or the closing time. */
export function questionDeadline(settings: HomeworkSettings, question: GameQuestion, progress: StudentProgress): number {
  if (settings.timeLimitSec === null) return settings.closesAt;
  return Math.min(progress.openedAt + timeLimitMs(settings, question), settings.closesAt);
}

function timeLimitMs(settings: HomeworkSettings, question: GameQuestion): number {
  return settings.timeLimitSec === null ? question.timeLimitMs : settings.timeLimitSec * 1000;
}

/**
 * Past the open question's deadline without an answer: the question is over for this student
 * (no points; a streak ends unless the question is neutral). Returns whether anything changed.
 */
export function expireIfDue(settings: HomeworkSettings, questions: GameQuestion[], progress: StudentProgress, now: number): boolean {
  if (progress.phase !== "question") return false;
  const question = questions[progress.questionIndex]!;
  if (now <= questionDeadline(settings, question, progress)) return false;
  if (!isNeutralQuestion(question)) progress.streak = 0;
  progress.phase = "result";
  progress.last = { questionIndex: progress.questionIndex, answered: false, choice: [], correct: false, points: 0, streak: progress.streak, responseMs: null };
  return true;
}

export type AnswerResult = { ok: true; answer: SavedAnswer; questionId: string } | Refused;

/** A student's answer to their open question: read, graded and scored like a live game's. */
export function answerQuestion(
  settings: HomeworkSettings,
  questions: GameQuestion[],
  progress: StudentProgress,
  input: { playerId: string; answerId: string; questionIndex: number; now: number } & AnswerFields,
): AnswerResult {
  const { now } = input;
  if (progress.phase === "finished") return refusal("game-over", "You have finished this homework.");
  if (input.questionIndex !== progress.questionIndex) return refusal("wrong-question", "That answer is for a different question.");
  if (progress.phase === "result") return refusal("already-answered", "You already answered this question.");
  if (isClosed(settings, now)) {
    expireIfDue(settings, questions, progress, now);
    return refusal("too-late", "This homework has closed: no more answers are accepted.");
  }
  if (expireIfDue(settings, questions, progress, now)) return refusal("too-late", "Time's up: this question is closed.");

  const question = questions[progress.questionIndex]!;
  const read = readAnswer(question, input);
  if ("ok" in read) return read;
  const responseMs = Math.max(0, now - progress.openedAt);
  const { correct, credit } = gradeAnswer(question, read);
  const neutral = isNeutralQuestion(question);
  const streak = neutral ? progress.streak : correct ? progress.streak + 1 : 0;
  const timed = settings.timeLimitSec !== null;
  const points = neutral
    ? 0
    : answerPoints({ credit, correct, streak, responseMs, timeLimitMs: timeLimitMs(settings, question), pointsForSpeed: timed && settings.pointsForSpeed, points: question.points });

  progress.phase = "result";
  progress.streak = streak;
  progress.score += points;
  progress.answeredCount += 1;
  progress.lastAnswerId = input.answerId;
  if (correct && !neutral) {
    progress.correctCount += 1;
    progress.correctResponseMs += responseMs;
  }
  progress.last = {
    questionIndex: progress.questionIndex,
    answered: true,
    choice: read.choice,
    ...(read.text !== undefined ? { text: read.text } : {}),
    ...(read.value !== undefined ? { value: read.value } : {}),
    correct,
    points,
    streak,
    responseMs,
  };
  const raw = rawAnswer(question, read);
  const answer: SavedAnswer = {
    playerId: input.playerId,
    answerId: input.answerId,
    choices: raw ? [] : read.choice.map((display) => question.optionOrder[display]!).sort((a, b) => a - b),
    ...(raw ? { raw } : {}),
    correct,
    points,
    streak,
    responseMs,
    answeredAt: now,
  };
  return { ok: true, answer, questionId: question.id };
}

/** From a question's result to the next question (shown now), or to the end. */
export function nextQuestion(settings: HomeworkSettings, questions: GameQuestion[], progress: StudentProgress, now: number): EngineResult {
  expireIfDue(settings, questions, progress, now);
  if (progress.phase === "finished") return refusal("game-over", "You have finished this homework.");
  if (progress.phase === "question") return refusal("not-allowed", "Answer this question first.");
  progress.questionIndex += 1;
  if (progress.questionIndex >= questions.length) {
    progress.phase = "finished";
    progress.finishedAt = now;
    return { ok: true, events: [] };
  }
  if (isClosed(settings, now)) {
    // No more questions open after the closing time: the homework ends where the student was.
    progress.questionIndex = questions.length;
    progress.phase = "finished";
    progress.finishedAt = now;
    return { ok: true, events: [] };
  }
  progress.phase = "question";
  progress.openedAt = now;
  return { ok: true, events: [] };
}
