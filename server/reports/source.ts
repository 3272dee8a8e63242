/**
 * The raw rows a game report is built from (loaded by server/db/report-data.ts, or written by
 * hand in tests). Plain data: buildGameReport needs nothing else.
 */
import type { RawAnswer } from "../../src/protocol/answers";
import type { QuestionDetails, QuestionKind } from "../../src/quizdown/types";
import type { GameStatus } from "../db/schema";

export interface ReportSourceGame {
  id: string;
  code: string;
  status: GameStatus;
  quizId: string;
  quizTitle: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  options: Record<string, unknown>;
}

export interface ReportSourceRound {
  roundIndex: number;
  questionId: string;
  openedAt: Date;
  closedAt: Date;
  /** As saved when the round closed: players in the game (not removed) for this round. */
  eligiblePlayers: number;
  /** optionOrder[displayIndex] = quiz-file index: the order (so the colours and shapes) the phones showed. */
  optionOrder?: number[];
  question: {
    kind: QuestionKind;
    promptHtml: string;
    /** In quiz-file order (answers refer to these indexes). */
    options: Array<{ html: string; correct: boolean }>;
    /** Accepted answers, slider range…: see QuestionDetails. */
    details?: QuestionDetails | null;
  };
}

export interface ReportSourcePlayer {
  id: string;
  nickname: string;
  joinSeq: number;
  joinedAt: Date;
  removedAt: Date | null;
  /** Team mode: the player's team. */
  team?: number | null;
  /**
   * The first round the player could answer, as the live game decided (a player who joined during
   * a question's read time plays from the next one). Absent or null on older rows: then the join
   * time decides (joined before the answers opened).
   */
  firstRound?: number | null;
}

export interface ReportSourceAnswer {
  playerId: string;
  roundIndex: number;
  /** ORIGINAL option indexes. */
  choices: number[];
  /** Ordering (ORIGINAL indexes, first to last), typed text or slider value; null for choice kinds. */
  raw?: RawAnswer | null;
  correct: boolean;
  /**
   * Correctness credit in [0, 1] for kinds with partial credit; absent means `correct ? 1 : 0`.
   * The item analysis uses this, never the (speed-weighted) points.
   */
  score?: number;
  points: number;
  streak: number;
  responseMs: number;
}

export interface ReportSource {
  game: ReportSourceGame;
  /** Saved (closed) rounds, any order. */
  rounds: ReportSourceRound[];
  /** Every player who joined, removed ones included. */
  players: ReportSourcePlayer[];
  answers: ReportSourceAnswer[];
}
