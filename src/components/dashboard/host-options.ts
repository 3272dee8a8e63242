import { READ_TIME_RANGE, TIME_LIMIT_RANGE, type QuizSettings } from "@/quizdown";
import { DEFAULT_TEAM_SIZE, DEFAULT_TEAM_TALK_SEC, TEAM_SIZE_RANGE, TEAM_TALK_RANGE, type TeamAssignment } from "@/protocol/teams";

/** What the host options form needs to know about a quiz. */
export interface HostableQuiz {
  versionId: string;
  title: string;
  questionCount: number;
  playable: boolean;
  unplayableReason: string | null;
  settings: Pick<QuizSettings, "timeLimitSec" | "readTimeSec" | "shuffleQuestions" | "shuffleAnswers" | "nQuestions">;
  /** Some questions set their own times, which a changed time per question replaces. */
  hasQuestionTimes: boolean;
}

/** The form's values; numbers stay as typed until the form is sent. */
export interface HostOptionsForm {
  timeLimitSec: string;
  readTimeSec: string;
  questionCount: string;
  shuffleQuestions: boolean;
  shuffleAnswers: boolean;
  lateJoin: boolean;
  pointsForSpeed: boolean;
  questionOnPhones: boolean;
  generatedNicknames: boolean;
  /** Team mode and its settings (sent only when on). */
  teams: boolean;
  teamSize: string;
  teamAssignment: TeamAssignment;
  teamTalkSec: string;
}

/** What games.create takes as `options`. */
export interface GameOptionsInput {
  timeLimitSec?: number;
  readTimeSec?: number;
  questionCount?: number;
  shuffleQuestions?: boolean;
  shuffleAnswers?: boolean;
  lateJoin?: boolean;
  pointsForSpeed?: boolean;
  questionOnPhones?: boolean;
  generatedNicknames?: boolean;
  teams?: { size: number; assignment: TeamAssignment; talkSec: number };
}

export function defaultHostOptions(quiz: HostableQuiz): HostOptionsForm {
  const { settings } = quiz;
  return {
    timeLimitSec: String(settings.timeLimitSec),
    readTimeSec: String(settings.readTimeSec),
    questionCount: String(Math.min(settings.nQuestions ?? quiz.questionCount, quiz.questionCount)),
    shuffleQuestions: settings.shuffleQuestions,
    shuffleAnswers: settings.shuffleAnswers,
    lateJoin: true,
    pointsForSpeed: true,
    questionOnPhones: true,
    generatedNicknames: false,
    teams: false,
    teamSize: String(DEFAULT_TEAM_SIZE),
    teamAssignment: "balanced",
    teamTalkSec: String(DEFAULT_TEAM_TALK_SEC),
  };
}

/** A value the form can't send, as the dialog words it (hostOptions.secondsRange / questionRange). */
export type OptionProblem =
  | { key: "secondsRange"; min: number; max: number }
  | { key: "questionRange"; max: number }
  | { key: "teamSizeRange"; min: number; max: number };

export interface OptionProblems {
  timeLimitSec?: OptionProblem;
  readTimeSec?: OptionProblem;
  questionCount?: OptionProblem;
  teamSize?: OptionProblem;
  teamTalkSec?: OptionProblem;
}

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

export function hostOptionProblems(form: HostOptionsForm, questionCount: number): OptionProblems {
  const problems: OptionProblems = {};
  if (wholeNumber(form.timeLimitSec, TIME_LIMIT_RANGE.min, TIME_LIMIT_RANGE.max) === null) {
    problems.timeLimitSec = { key: "secondsRange", ...TIME_LIMIT_RANGE };
  }
  if (wholeNumber(form.readTimeSec, READ_TIME_RANGE.min, READ_TIME_RANGE.max) === null) {
    problems.readTimeSec = { key: "secondsRange", ...READ_TIME_RANGE };
  }
  if (wholeNumber(form.questionCount, 1, questionCount) === null) {
    problems.questionCount = { key: "questionRange", max: questionCount };
  }
  if (form.teams && wholeNumber(form.teamSize, TEAM_SIZE_RANGE.min, TEAM_SIZE_RANGE.max) === null) {
    problems.teamSize = { key: "teamSizeRange", ...TEAM_SIZE_RANGE };
  }
  if (form.teams && wholeNumber(form.teamTalkSec, TEAM_TALK_RANGE.min, TEAM_TALK_RANGE.max) === null) {
    problems.teamTalkSec = { key: "secondsRange", ...TEAM_TALK_RANGE };
  }
  return problems;
}

/**
 * Only what the teacher changed is sent: an untouched time per question leaves the questions that
 * set their own time alone (a sent one would replace them all).
 */
export function changedHostOptions(form: HostOptionsForm, defaults: HostOptionsForm): GameOptionsInput {
  const options: GameOptionsInput = {};
  if (form.timeLimitSec.trim() !== defaults.timeLimitSec) options.timeLimitSec = Number(form.timeLimitSec);
  if (form.readTimeSec.trim() !== defaults.readTimeSec) options.readTimeSec = Number(form.readTimeSec);
  if (form.questionCount.trim() !== defaults.questionCount) options.questionCount = Number(form.questionCount);
  if (form.shuffleQuestions !== defaults.shuffleQuestions) options.shuffleQuestions = form.shuffleQuestions;
  if (form.shuffleAnswers !== defaults.shuffleAnswers) options.shuffleAnswers = form.shuffleAnswers;
  if (form.lateJoin !== defaults.lateJoin) options.lateJoin = form.lateJoin;
  if (form.pointsForSpeed !== defaults.pointsForSpeed) options.pointsForSpeed = form.pointsForSpeed;
  if (form.questionOnPhones !== defaults.questionOnPhones) options.questionOnPhones = form.questionOnPhones;
  if (form.generatedNicknames !== defaults.generatedNicknames) options.generatedNicknames = form.generatedNicknames;
  if (form.teams) options.teams = { size: Number(form.teamSize), assignment: form.teamAssignment, talkSec: Number(form.teamTalkSec) };
  return options;
}
