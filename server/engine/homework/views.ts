/** What one student may see of their homework (the live game's projections, per student). */
import type { HomeworkStudentView } from "../../../src/protocol";
import type { GameQuestion } from "../types";
import { answerKey, questionProjection } from "../views";
import { isClosed, questionDeadline } from "./student";
import type { HomeworkSettings, StudentProgress } from "./types";

export function studentView(
  homework: { gameId: string; title: string; settings: HomeworkSettings; questions: GameQuestion[] },
  student: { nickname: string; progress: StudentProgress },
  now: number,
): HomeworkStudentView {
  const { settings, questions } = homework;
  const { progress } = student;
  const closed = isClosed(settings, now);
  // "After the deadline": no result leaves the server before the homework has closed.
  const resultsShown = settings.showAnswers === "after-each" || closed;
  const phase = progress.phase === "finished" ? "finished" : closed ? "closed" : progress.phase;
  const question = questions[progress.questionIndex];
  const onQuestion = question !== undefined && (phase === "question" || phase === "result");
  const projected = onQuestion ? questionProjection(question, progress.questionIndex, questions.length, { optionsVisible: true, textHidden: false }) : null;
  let countdown: HomeworkStudentView["countdown"] = null;
  if (phase === "question" && settings.timeLimitSec !== null && question) {
    const deadline = questionDeadline(settings, question, progress);
    countdown = { endsAt: deadline, remainingMs: Math.max(0, deadline - now), totalMs: settings.timeLimitSec * 1000, running: true };
  }
  const showResult = phase === "result" && resultsShown && question !== undefined;
  return {
    gameId: homework.gameId,
    title: homework.title,
    nickname: student.nickname,
    questionCount: questions.length,
    closesAt: settings.closesAt,
    phase,
    question: projected,
    countdown,
    outcome: showResult ? progress.last : null,
    answerKey: showResult ? answerKey(question, null) : null,
    score: resultsShown ? progress.score : null,
    correctCount: resultsShown ? progress.correctCount : null,
    answeredCount: progress.answeredCount,
    resultsAfterDeadline: settings.showAnswers === "after-deadline",
  };
}
