/**
 * The game report for a large game: building it (ranking, per-question stats, item analysis) and
 * writing its CSV, from synthetic saved rows. Both run once per request, off the live game's path.
 */
import { performance } from "node:perf_hooks";
import { buildGameReport } from "../server/reports/build-report";
import { gameReportCsvFiles } from "../server/reports/csv";
import type { ReportSource } from "../server/reports/source";

function syntheticGame(players: number, questions: number): ReportSource {
  const start = Date.UTC(2026, 10, 23, 9, 0, 0);
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const rounds = Array.from({ length: questions }, (_, roundIndex) => ({
    roundIndex,
    questionId: `q${roundIndex}`,
    openedAt: new Date(start + roundIndex * 30_000),
    closedAt: new Date(start + roundIndex * 30_000 + 20_000),
    eligiblePlayers: players,
    question: {
      kind: "single" as const,
      promptHtml: `<p>Question ${roundIndex + 1}: which one is right?</p>`,
      options: [0, 1, 2, 3].map((index) => ({ html: `<p>Option ${index + 1}</p>`, correct: index === roundIndex % 4 })),
    },
  }));
  const playerRows = Array.from({ length: players }, (_, i) => ({
    id: `p${i}`,
    nickname: `Player ${i + 1}`,
    joinSeq: i + 1,
    joinedAt: new Date(start - 60_000),
    removedAt: null,
  }));
  const answers = playerRows.flatMap((player, i) =>
    rounds.flatMap((round) => {
      if (random() < 0.05) return [];
      const correctIndex = round.roundIndex % 4;
      const correct = random() < 0.3 + (0.6 * i) / players;
      const choice = correct ? correctIndex : (correctIndex + 1 + Math.floor(random() * 3)) % 4;
      return [{ playerId: player.id, roundIndex: round.roundIndex, choices: [choice], correct, points: correct ? 500 + Math.floor(random() * 500) : 0, streak: 0, responseMs: Math.floor(random() * 20_000) }];
    }),
  );
  return {
    game: { id: "g", code: "123456", status: "finished", quizId: "quiz", quizTitle: "Bench quiz", createdAt: new Date(start), startedAt: new Date(start), finishedAt: new Date(start + questions * 30_000), options: {} },
    rounds,
    players: playerRows,
    answers,
  };
}

export interface ReportBenchResult {
  players: number;
  questions: number;
  buildMs: number;
  csvMs: number;
  csvBytes: number;
}

export function benchReport(players: number, questions: number): ReportBenchResult {
  const source = syntheticGame(players, questions);
  let started = performance.now();
  const report = buildGameReport(source);
  const buildMs = performance.now() - started;
  started = performance.now();
  const files = gameReportCsvFiles(report);
  const csvMs = performance.now() - started;
  return { players, questions, buildMs, csvMs, csvBytes: files.reduce((sum, file) => sum + file.content.length, 0) };
}
