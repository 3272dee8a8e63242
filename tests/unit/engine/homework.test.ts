/** Self-paced homework: each student's own clock, the closing time, and what each view may show. */
import { describe, expect, it } from "vitest";
import { answerQuestion, expireIfDue, newStudent, nextQuestion, questionDeadline, startRefusal, studentView, type HomeworkSettings, type StudentProgress } from "../../../server/engine/homework";
import { pointsForCorrectAnswer, streakBonus } from "../../../server/engine/scoring";
import type { GameQuestion } from "../../../server/engine/types";
import { explanationText, newGame, T0 } from "../../support/engine-fixtures";

const HOUR = 3_600_000;

function homework(overrides: Partial<HomeworkSettings> = {}) {
  const state = newGame({ questions: [{ correct: [1] }, { correct: [2] }, { correct: [0] }] });
  const settings: HomeworkSettings = {
    opensAt: T0,
    closesAt: T0 + HOUR,
    timeLimitSec: 30,
    attempts: 1,
    showAnswers: "after-each",
    identifierLabel: null,
    pointsForSpeed: true,
    ...overrides,
  };
  return { gameId: "game-1", title: "Capitals", settings, questions: state.questions };
}

function answer(h: ReturnType<typeof homework>, progress: StudentProgress, now: number, choice: number[], answerId = `a-${progress.questionIndex}`) {
  return answerQuestion(h.settings, h.questions, progress, { playerId: "p1", answerId, questionIndex: progress.questionIndex, now, choice });
}

const right = (question: GameQuestion) => question.correct;
const wrong = (question: GameQuestion) => [question.options.findIndex((_, index) => !question.correct.includes(index))];

describe("homework: one student's clock", () => {
  it("refuses to start before it opens and after it closes", () => {
    const h = homework({ opensAt: T0 + 1000 });
    expect(startRefusal(h.settings, T0)?.code).toBe("not-accepting");
    expect(startRefusal(h.settings, T0 + 1000)).toBeNull();
    expect(startRefusal(h.settings, T0 + HOUR + 1)?.code).toBe("game-over");
  });

  it("times each question from when this student saw it, and scores by the live game's rules", () => {
    const h = homework();
    const progress = newStudent(T0 + 5_000);
    expect(questionDeadline(h.settings, h.questions[0]!, progress)).toBe(T0 + 35_000);
    const result = answer(h, progress, T0 + 5_000 + 12_000, right(h.questions[0]!));
    expect(result.ok).toBe(true);
    expect(progress.score).toBe(pointsForCorrectAnswer(12_000, 30_000));
    expect(progress.phase).toBe("result");
    // The next question's clock starts when the student moves on, however long they waited.
    expect(nextQuestion(h.settings, h.questions, progress, T0 + 600_000).ok).toBe(true);
    expect(progress.openedAt).toBe(T0 + 600_000);
    answer(h, progress, T0 + 600_000 + 400, right(h.questions[1]!));
    expect(progress.score).toBe(pointsForCorrectAnswer(12_000, 30_000) + 1000 + streakBonus(2));
  });

  it("refuses an answer after the student's own deadline and closes the question with no points", () => {
    const h = homework();
    const progress = newStudent(T0);
    progress.streak = 3;
    const late = answer(h, progress, T0 + 30_001, right(h.questions[0]!));
    expect(late).toMatchObject({ ok: false, code: "too-late" });
    expect(progress).toMatchObject({ phase: "result", score: 0, streak: 0, answeredCount: 0 });
    expect(progress.last).toMatchObject({ answered: false, points: 0 });
    // Exactly at the deadline still counts.
    const onTime = newStudent(T0);
    expect(answer(h, onTime, T0 + 30_000, right(h.questions[0]!)).ok).toBe(true);
  });

  it("closes an open question when its time runs out even without an answer (on the next request)", () => {
    const h = homework();
    const progress = newStudent(T0);
    expect(expireIfDue(h.settings, h.questions, progress, T0 + 30_000)).toBe(false);
    expect(expireIfDue(h.settings, h.questions, progress, T0 + 30_001)).toBe(true);
    expect(progress.phase).toBe("result");
  });

  it("accepts no answer after the closing time, even on an untimed homework or with time left", () => {
    const h = homework({ timeLimitSec: null });
    const progress = newStudent(T0 + HOUR - 1000);
    expect(questionDeadline(h.settings, h.questions[0]!, progress)).toBe(T0 + HOUR);
    expect(answer(h, progress, T0 + HOUR + 1, right(h.questions[0]!))).toMatchObject({ ok: false, code: "too-late" });
    const timed = homework();
    const closing = newStudent(T0 + HOUR - 5_000);
    expect(questionDeadline(timed.settings, timed.questions[0]!, closing)).toBe(T0 + HOUR);
    expect(answer(timed, closing, T0 + HOUR + 1, right(timed.questions[0]!))).toMatchObject({ ok: false, code: "too-late" });
    // Moving on after the closing time ends the homework where the student was.
    expect(nextQuestion(timed.settings, timed.questions, closing, T0 + HOUR + 2).ok).toBe(true);
    expect(closing.phase).toBe("finished");
  });

  it("untimed: a right answer earns full points whatever the time", () => {
    const h = homework({ timeLimitSec: null });
    const progress = newStudent(T0);
    answer(h, progress, T0 + 50 * 60_000, right(h.questions[0]!));
    expect(progress.score).toBe(1000);
  });

  it("takes one answer per question, in order, and finishes after the last", () => {
    const h = homework();
    const progress = newStudent(T0);
    expect(nextQuestion(h.settings, h.questions, progress, T0).ok).toBe(false);
    expect(answerQuestion(h.settings, h.questions, progress, { playerId: "p1", answerId: "x", questionIndex: 1, now: T0, choice: [0] })).toMatchObject({ code: "wrong-question" });
    answer(h, progress, T0 + 1000, wrong(h.questions[0]!));
    expect(answer(h, progress, T0 + 1100, right(h.questions[0]!))).toMatchObject({ code: "already-answered" });
    for (let i = 1; i < 3; i++) {
      nextQuestion(h.settings, h.questions, progress, T0 + i * 10_000);
      answer(h, progress, T0 + i * 10_000 + 1000, right(h.questions[i]!));
    }
    nextQuestion(h.settings, h.questions, progress, T0 + 40_000);
    expect(progress).toMatchObject({ phase: "finished", finishedAt: T0 + 40_000, correctCount: 2, answeredCount: 3 });
  });
});

describe("homework: what a student's view may show", () => {
  const nickname = "Ana";

  it("never shows the right answer or an explanation while the question is open", () => {
    const h = homework();
    const progress = newStudent(T0);
    const view = studentView(h, { nickname, progress }, T0 + 1000);
    const wire = JSON.stringify(view);
    expect(view.phase).toBe("question");
    expect(view.answerKey).toBeNull();
    expect(wire).not.toContain("EXPLANATION-SECRET");
    expect(wire).not.toContain('"correct"');
    expect(view.countdown).toMatchObject({ endsAt: T0 + 30_000, remainingMs: 29_000 });
  });

  it("after each question: the result and the right answer once this student answered", () => {
    const h = homework();
    const progress = newStudent(T0);
    answer(h, progress, T0 + 1000, right(h.questions[0]!));
    const view = studentView(h, { nickname, progress }, T0 + 1000);
    expect(view.answerKey?.correct).toEqual(h.questions[0]!.correct);
    expect(JSON.stringify(view)).toContain(explanationText(0, 0));
    expect(view.outcome).toMatchObject({ correct: true });
  });

  it("after the deadline: nothing of the result, the score or the right answer until the homework closes", () => {
    const h = homework({ showAnswers: "after-deadline" });
    const progress = newStudent(T0);
    answer(h, progress, T0 + 1000, right(h.questions[0]!));
    const before = studentView(h, { nickname, progress }, T0 + 1000);
    expect(before).toMatchObject({ phase: "result", outcome: null, answerKey: null, score: null, correctCount: null });
    expect(JSON.stringify(before)).not.toContain("EXPLANATION-SECRET");
    const after = studentView(h, { nickname, progress }, T0 + HOUR + 1);
    expect(after.phase).toBe("closed");
    expect(after.score).toBe(progress.score);
  });
});
