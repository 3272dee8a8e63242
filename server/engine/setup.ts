import { stageTheme } from "../../src/quizdown/theme";
import type { QuizQuestion, QuizSettings } from "../../src/quizdown/types";
import { newTeams, type TeamOptions } from "./teams";
import type { GameQuestion, GameState } from "./types";

/** Returns a float in [0, 1). Injected so shuffles are reproducible in tests. */
export type RandomSource = () => number;

export interface NewGameInput {
  gameId: string;
  code: string;
  quizTitle: string;
  settings: QuizSettings;
  questions: Array<QuizQuestion & { id: string }>;
  /** Let players join after the start (default true). */
  lateJoin?: boolean;
  /** Faster right answers earn more (default true). */
  pointsForSpeed?: boolean;
  /** Phones show the question's text (default true); off, they show only the options and say to read the big screen. */
  questionOnPhones?: boolean;
  /** Only generated nicknames may join (default false): the phone draws one, the server refuses typed ones. */
  generatedNicknames?: boolean;
  /** Team mode (absent: everyone plays alone). */
  teams?: TeamOptions;
  now: number;
  random: RandomSource;
}

export function shuffled<T>(items: readonly T[], random: RandomSource): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * An ordering question's items are always shown shuffled, and never in the right order: a
 * shuffle that lands on it is turned one step (still a fair shuffle of the other orders).
 */
function orderingDisplay(count: number, random: RandomSource): number[] {
  const order = shuffled(
    Array.from({ length: count }, (_, index) => index),
    random,
  );
  return order.every((original, display) => original === display) ? [...order.slice(1), order[0]!] : order;
}

function displayOrder(question: QuizQuestion, settings: QuizSettings, random: RandomSource): number[] {
  const fileOrder = question.options.map((_, index) => index);
  if (question.kind === "order") return orderingDisplay(question.options.length, random);
  if (question.kind === "truefalse") return fileOrder; // always True, then False
  return settings.shuffleAnswers ? shuffled(fileOrder, random) : fileOrder;
}

function toGameQuestion(question: QuizQuestion & { id: string }, settings: QuizSettings, random: RandomSource): GameQuestion {
  const optionOrder = displayOrder(question, settings, random);
  const options = optionOrder.map((original) => {
    const option = question.options[original]!;
    return option.commentHtml ? { html: option.html, commentHtml: option.commentHtml } : { html: option.html };
  });
  const correct =
    question.kind === "order"
      ? question.options.map((_, original) => optionOrder.indexOf(original))
      : optionOrder.flatMap((original, display) => (question.options[original]!.correct ? [display] : []));
  return {
    id: question.id,
    kind: question.kind,
    promptHtml: question.promptHtml,
    bodyHtml: question.bodyHtml,
    ...(question.hintHtml ? { hintHtml: question.hintHtml } : {}),
    options,
    optionOrder,
    correct,
    timeLimitMs: (question.timeLimitSec ?? settings.timeLimitSec) * 1000,
    readTimeMs: (question.readTimeSec ?? settings.readTimeSec) * 1000,
    ...(question.points && question.points !== "standard" ? { points: question.points } : {}),
    ...(question.scoring === "partial" ? { scoring: question.scoring } : {}),
    ...(question.typed ? { typed: question.typed } : {}),
    ...(question.slider ? { slider: question.slider } : {}),
  };
}

/** A new game in the lobby: questions picked, shuffled and fixed for everyone in this game. */
export function createGame(input: NewGameInput): GameState {
  const { settings, random } = input;
  // Questions of a kind this game can't play are left out; the rest of the quiz plays.
  const playable = input.questions.filter((question) => question.unplayableReason === undefined);
  const ordered = settings.shuffleQuestions ? shuffled(playable, random) : playable;
  const picked = settings.nQuestions ? ordered.slice(0, settings.nQuestions) : ordered;
  if (picked.length === 0) throw new Error("This quiz has no questions to play.");
  const { theme } = stageTheme(settings);
  return {
    gameId: input.gameId,
    code: input.code,
    quizTitle: input.quizTitle,
    ...(theme ? { theme } : {}),
    phase: "lobby",
    questions: picked.map((question) => toGameQuestion(question, settings, random)),
    players: {},
    nextJoinSeq: 1,
    activePlayerCount: 0,
    connectedPlayerCount: 0,
    round: null,
    ranking: [],
    createdAt: input.now,
    startedAt: null,
    finishedAt: null,
    endedEarly: false,
    endReason: null,
    paused: null,
    locked: false,
    lateJoin: input.lateJoin ?? true,
    pointsForSpeed: input.pointsForSpeed ?? true,
    ...(input.questionOnPhones === false ? { questionOnPhones: false } : {}),
    ...(input.generatedNicknames ? { generatedNicknames: true } : {}),
    ...(input.teams ? { teams: newTeams(input.teams) } : {}),
    nicknameIndex: {},
    removedDevices: {},
  };
}
