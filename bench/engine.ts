/** Engine hot path: the cost of one answer must not grow with the number of players. */
import { performance } from "node:perf_hooks";
import { addPlayer, advanceClock, createGame, startGame, submitAnswer } from "../server/engine";
import type { QuizQuestion } from "../src/quizdown/types";

function quizQuestions(count: number): Array<QuizQuestion & { id: string }> {
  return Array.from({ length: count }, (_, position) => ({
    id: `q${position}`,
    position,
    kind: "single" as const,
    promptMarkdown: `Question ${position}`,
    promptHtml: `Question ${position}`,
    bodyHtml: "",
    options: ["A", "B", "C", "D"].map((text, index) => ({ markdown: text, html: text, correct: index === 1 })),
    line: 1,
  }));
}

export interface EngineBenchResult {
  players: number;
  nsPerAnswer: number;
  closeRoundMs: number;
  heapPerPlayerBytes: number;
}

export function benchEngine(players: number): EngineBenchResult {
  const heapBefore = process.memoryUsage().heapUsed;
  let now = 0;
  const state = createGame({
    gameId: "bench",
    code: "000000",
    quizTitle: "Bench",
    settings: { shuffleQuestions: false, shuffleAnswers: false, timeLimitSec: 20, readTimeSec: 0 },
    questions: quizQuestions(2),
    now,
    random: Math.random,
  });
  for (let i = 0; i < players; i++) addPlayer(state, { playerId: `p${i}`, nickname: `Player ${i}`, now });
  startGame(state, now);
  const heapPerPlayerBytes = (process.memoryUsage().heapUsed - heapBefore) / players;

  // All but one answer: the round stays open, so only the answer path is timed.
  const started = performance.now();
  for (let i = 0; i < players - 1; i++) {
    now += 1;
    submitAnswer(state, { playerId: `p${i}`, questionIndex: 0, choice: [i % 4], now });
  }
  const answersMs = performance.now() - started;
  const closeStarted = performance.now();
  advanceClock(state, 10_000_000);
  const closeRoundMs = performance.now() - closeStarted;
  return { players, nsPerAnswer: (answersMs * 1e6) / (players - 1), closeRoundMs, heapPerPlayerBytes };
}
