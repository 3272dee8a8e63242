/**
 * The game report a teacher reviews after class: plain data computed once from the saved
 * rounds and answers (server/reports/build-report.ts), sent as is by tRPC and drawn by the pages.
 */
import type { RawAnswer } from "../../src/protocol/answers";
import type { QuestionKind } from "../../src/quizdown/types";
import type { GameStatus } from "../db/schema";
import type { KindReport } from "./kind-views";

/** What a teacher reads in the status column: "finished", "ended early", "interrupted", … */
export type GameStatusLabel = "waiting in lobby" | "in progress" | "finished" | "ended early" | "interrupted";

/** A question is flagged "hardest" below this share of correct answers (as Kahoot! does). */
export const HARD_QUESTION_PERCENT = 35;
/** The top and bottom groups of the item analysis: this share of players each, by total correctness. */
export const ITEM_ANALYSIS_GROUP_SHARE = 0.27;
/** Below this many players the report warns that its statistics are unstable. */
export const STABLE_STATISTICS_PLAYERS = 20;

export interface ReportGame {
  id: string;
  code: string;
  status: GameStatus;
  statusLabel: GameStatusLabel;
  quizId: string;
  quizTitle: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** The host options the game was played with. */
  options: Record<string, unknown>;
}

export interface ReportAnswer {
  roundIndex: number;
  /** False when the player was in the game for this round but did not answer in time. */
  answered: boolean;
  correct: boolean;
  /** Original option indexes chosen (empty when not answered). */
  choices: number[];
  /** The answer as given for ordering, type-answer and slider questions. */
  raw?: RawAnswer;
  /** Null when not answered. */
  responseMs: number | null;
  points: number;
  /** Streak after this answer (0 when not answered). */
  streak: number;
}

export interface ReportPlayer {
  playerId: string;
  nickname: string;
  /** 1..n, no shared ranks (same order as the final leaderboard). */
  rank: number;
  score: number;
  correctCount: number;
  answeredCount: number;
  /** Rounds the player was in the game for (late joiners have fewer). */
  eligibleCount: number;
  /** Mean response time of the player's answers; null when they answered nothing. */
  averageResponseMs: number | null;
  /** Team mode: the player's team (its index; see src/protocol/teams.ts), null when they had none. */
  team?: number | null;
  /** Which item-analysis group the player is in, by total correctness (not points). */
  group: "top" | "bottom" | null;
  /** One entry per round the player was in the game for, in round order. */
  answers: ReportAnswer[];
}

/** One team of a team game in the report. */
export interface ReportTeam {
  /** The team's index: its colour and name follow from it (see src/protocol/teams.ts). */
  team: number;
  /** Its name in English ("Red"), as the CSV writes it. */
  name: string;
  rank: number;
  /** The sum over the questions of the average of its members' points. */
  score: number;
  /** Its members' nicknames, best first. */
  members: string[];
}

export interface ReportOption {
  /** Original index in the quiz file. */
  index: number;
  /**
   * Where the phones and the big screen showed it (its display index: the colour and shape the class
   * saw, see src/components/shared/option-styles.ts); null when that wasn't saved.
   */
  shown: number | null;
  html: string;
  /** The option as plain text (for charts and CSV). */
  text: string;
  correct: boolean;
  /** How many players chose it. */
  picked: number;
  /** How many players of the top / bottom group chose it. */
  pickedTop: number;
  pickedBottom: number;
  /** For a wrong option: a short reading of the distractor ("fooled the strongest students", …); null for a correct one. */
  reading: string | null;
  /**
   * For a wrong option of a scored question: point-biserial of choosing it against the rest score
   * (−1..1, two decimals; a working distractor is negative). Null for right options, options without
   * right or wrong (order, poll), or when undefined.
   */
  pointBiserial: number | null;
}

export interface ReportDiscrimination {
  /** Share correct in the top group minus share correct in the bottom group, -1..1; null when there are too few players. */
  index: number | null;
  topCorrect: number;
  topSize: number;
  bottomCorrect: number;
  bottomSize: number;
  /** "very good", "good", "fair", "poor", "negative", "not enough data", or "not scored" for a poll. */
  label: string;
  /** One plain sentence for the teacher. */
  reading: string;
}

/** A measure with its plain reading; value null when it can't be computed (label "not enough data"). */
export interface ReportMeasure {
  value: number | null;
  label: string;
  reading: string;
}

export interface ReportReliability {
  /** KR-20 when every scored answer is right or wrong (0/1), Cronbach's alpha when some have partial credit. */
  method: "KR-20" | "Cronbach's alpha";
  /** Two decimals; null when it can't be computed. */
  value: number | null;
  /** "excellent", "good", "acceptable", "questionable", "poor", "unacceptable" or "not enough data". */
  label: string;
  reading: string;
  /** Scored questions (polls left out). */
  itemCount: number;
  /** Players in the game for every scored question: the ones the correlations and reliability use. */
  playerCount: number;
}

export interface ReportQuestion {
  roundIndex: number;
  questionId: string;
  promptHtml: string;
  promptText: string;
  kind: QuestionKind;
  options: ReportOption[];
  /** Players in the game for this round. */
  eligible: number;
  answered: number;
  correctCount: number;
  /** Rounded 100 * correct / eligible; 0 when nobody was eligible. */
  percentCorrect: number;
  averageResponseMs: number | null;
  /** percentCorrect below HARD_QUESTION_PERCENT. */
  hard: boolean;
  /** False for a poll (no right answer): it is left out of every statistic. */
  scored: boolean;
  /**
   * Mean correctness score (0/1, or the partial credit) of the players in the game for it, 0..1 with
   * two decimals; for right/wrong questions the share who got it right. Null for a poll or nobody in.
   */
  facility: number | null;
  discrimination: ReportDiscrimination;
  /** Corrected item–rest point-biserial (Moodle's discrimination index, as −1..1). */
  itemRest: ReportMeasure;
  /** Ordering, type-answer and slider questions: the view that fits the kind. */
  kindView?: KindReport;
}

export interface GameReport {
  game: ReportGame;
  summary: {
    playerCount: number;
    questionCount: number;
    averageScore: number;
    /** Rounded 100 * correct answers / (players × scored questions they were in); polls left out. */
    percentCorrect: number;
    averageResponseMs: number | null;
    /** Size of the top and of the bottom group in the item analysis. */
    groupSize: number;
  };
  /** Every player, best first. */
  ranking: ReportPlayer[];
  /** Team mode: the teams, best first (null in a game without teams). */
  teams: ReportTeam[] | null;
  /** Every played question, in round order. */
  questions: ReportQuestion[];
  /** The whole quiz's reliability (internal consistency), from the scored questions. */
  reliability: ReportReliability;
}

/** One row of the Past games page. */
export interface PastGameRow {
  id: string;
  createdAt: Date;
  quizId: string;
  quizTitle: string;
  status: GameStatus;
  statusLabel: GameStatusLabel;
  playerCount: number;
  questionCount: number;
  averageScore: number;
  percentCorrect: number;
}
