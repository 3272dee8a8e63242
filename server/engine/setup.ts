import type { QuizQuestion, QuizSettings } from "../../src/quizdown/types";
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

function toGameQuestion(question: QuizQuestion & { id: string }, settings: QuizSettings, random: RandomSource): GameQuestion {
  if (question.kind === "order") {
    throw new Error(`Question ${question.position + 1} (line ${question.line}) is an ordering question; ordering questions can't be played yet.`);
  }
  const fileOrder = question.options.map((_, index) => index);
  const optionOrder = settings.shuffleAnswers ? shuffled(fileOrder, random) : fileOrder;
  const options = optionOrder.map((original) => {
    const option = question.options[original]!;
    return option.commentHtml ? { html: option.html, commentHtml: option.commentHtml } : { html: option.html };
  });
  const correct = optionOrder.flatMap((original, display) => (question.options[original]!.correct ? [display] : []));
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
  };
}

/** A new game in the lobby: questions picked, shuffled and fixed for everyone in this game. */
export function createGame(input: NewGameInput): GameState {
  const { settings, random } = input;
  const ordered = settings.shuffleQuestions ? shuffled(input.questions, random) : input.questions.slice();
  const picked = settings.nQuestions ? ordered.slice(0, settings.nQuestions) : ordered;
  if (picked.length === 0) throw new Error("This quiz has no questions to play.");
  return {
    gameId: input.gameId,
    code: input.code,
    quizTitle: input.quizTitle,
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
    nicknameIndex: {},
    removedDevices: {},
  };
}
