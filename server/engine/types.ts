/**
 * The live state of one game: plain data only (no Maps, no class instances, no timers), so a
 * store can keep it in memory or serialise it as JSON. Engine functions read and update it in
 * place and return what happened; they never do IO and take the time as an argument.
 */
import type { Phase, PlayKind, RawAnswer, RoundOutcome, StageTheme } from "../../src/protocol";
import type { TeamAssignment } from "../../src/protocol/teams";
import type { PointsSetting, ScoringSetting, SliderSettings, TypedAnswerSettings } from "../../src/quizdown/types";

export interface GameQuestion {
  /** Database id of the question. */
  id: string;
  kind: PlayKind;
  promptHtml: string;
  bodyHtml: string;
  hintHtml?: string;
  /** Options in display order. */
  options: Array<{ html: string; commentHtml?: string }>;
  /** optionOrder[displayIndex] = index of that option in the quiz file. */
  optionOrder: number[];
  /** Display indexes of the correct options, ascending; ordering: every display index in the right order. */
  correct: number[];
  timeLimitMs: number;
  readTimeMs: number;
  /** Absent = standard. */
  points?: PointsSetting;
  /** Absent = all-or-nothing. */
  scoring?: ScoringSetting;
  typed?: TypedAnswerSettings;
  slider?: SliderSettings;
}

export interface GamePlayer {
  id: string;
  nickname: string;
  /** The nickname's main lookalike key (see nickname-skeleton.ts): case, accents and lookalike letters folded. */
  nicknameKey: string;
  joinSeq: number;
  joinedAt: number;
  connected: boolean;
  removed: boolean;
  score: number;
  streak: number;
  correctCount: number;
  /** Sum of response times of correct answers: the first tie-breaker. */
  correctResponseMs: number;
  rank: number | null;
  previousRank: number | null;
  lastRound: RoundOutcome | null;
  /** First question this player may answer: 0 from the lobby, the next one when joining late. */
  firstQuestionIndex: number;
  /** Hash of the secret token the phone presents to resume; the token itself is never kept. */
  tokenHash: string;
  /** Hash of the phone's device id, when it sent one: a removed phone can't join again under another name. */
  deviceHash?: string;
  /** Someone tried to join with this nickname from a new device while this player was away. */
  takeoverRequested: boolean;
  /** The host allowed the next join with this nickname to take this player over. */
  takeoverAllowed: boolean;
  /** Team mode: the player's team (an index into GameTeams.list); absent until picked or dealt out. */
  team?: number;
}

/** One team of a team game (see teams.ts). */
export interface GameTeam {
  index: number;
  /** Members not removed (away ones included): what a team's size and "full" count. */
  memberCount: number;
  /**
   * Members in the game now (not removed, connected): a team with none has dropped out of the
   * ranking until one comes back. Derived from the players: rebuilt after a restart.
   */
  presentCount: number;
  /** The sum of the team's round points (each round: the average of its members' points). */
  score: number;
  rank: number | null;
  previousRank: number | null;
  /** The team's points for the last closed round. */
  lastRoundPoints: number;
}

/** Team mode: the host's settings and the teams. */
export interface GameTeams {
  size: number;
  assignment: TeamAssignment;
  /** Team talk before answers open, added to every question's read time. */
  talkMs: number;
  /** Whether the teams were made (at the start); before that only picked teams have members. */
  formed: boolean;
  list: GameTeam[];
  /** Team indexes, best first, as of the last closed round (teams with members only). */
  ranking: number[];
  /**
   * bySize[n]: teams that had n members in the game (presentCount) when listed (an entry whose
   * team has since changed is skipped and dropped when met), so a late joiner finds the smallest
   * team in O(1) amortised. Derived from the players: rebuilt after a restart.
   */
  bySize: number[][];
}

export interface SubmittedAnswer {
  /** Made by the phone; a retry with the same id is the same answer. */
  answerId: string;
  /** Display indexes, ascending and distinct; ordering: every display index, first to last. Empty for typed and slider. */
  choice: number[];
  /** Type answer: the text as typed (trimmed). */
  text?: string;
  /** Slider: the value picked. */
  value?: number;
  receivedAt: number;
  responseMs: number;
  /** Scored when received (a streak can only change when a round closes, so this is final). */
  correct: boolean;
  points: number;
  streak: number;
}

export interface CurrentRound {
  questionIndex: number;
  readStartedAt: number;
  /**
   * Team mode: when the team talk began (the read time over). From then on everyone sees the
   * options, while answers stay closed until the talk ends.
   */
  talkStartedAt?: number;
  /** When answers opened (null while the question is being read). */
  openedAt: number | null;
  /** When answers close (null while the question is being read). */
  deadline: number | null;
  closedAt: number | null;
  answers: Record<string, SubmittedAnswer>;
  answerCount: number;
  /** Answers from players who are connected right now. */
  connectedAnswerCount: number;
  /** Connected players who joined during this round and play from the next one. */
  connectedLateCount: number;
  /** After a restart: "everyone answered" may not close the round before this time. */
  earlyCloseNotBefore?: number;
  /** Filled when the round closes. */
  counts: number[] | null;
  eligible: number;
  /** Filled when the round closes: what the reveal shows beyond the counts. */
  summary?: RoundSummary;
}

export interface RoundSummary {
  correctCount: number;
  /** Type answer: most common wrong answers (after normalising), most first. */
  wrongAnswers?: Array<{ text: string; count: number }>;
  /** Slider: the average value picked, null when nobody answered. */
  average?: number | null;
}

export interface GameState {
  gameId: string;
  code: string;
  quizTitle: string;
  /** The quiz's colours for the big screen, made readable (absent: the default look). */
  theme?: StageTheme;
  phase: Phase;
  questions: GameQuestion[];
  /** Players by id; iteration order is join order. */
  players: Record<string, GamePlayer>;
  nextJoinSeq: number;
  /** Players not removed; kept as a counter so per-player views stay O(1). */
  activePlayerCount: number;
  /** Players not removed and currently connected. */
  connectedPlayerCount: number;
  round: CurrentRound | null;
  /** Player ids, best first, as of the last closed round. */
  ranking: string[];
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  endedEarly: boolean;
  /** Why the game ended before its last question, if it did. */
  endReason: "host" | "host-left" | null;
  /** Set while the host has paused a question: the clock is stopped for everyone. */
  paused: { at: number } | null;
  /** The host locked the game: no new players. */
  locked: boolean;
  /** Faster right answers earn more (default on). Off: a right answer earns the full points whatever the time. */
  pointsForSpeed?: boolean;
  /** Phones show the question's text (absent: shown). The host may hide it so the class reads the big screen. */
  questionOnPhones?: boolean;
  /** Players may join after the start; when false the game locks itself as it starts. */
  lateJoin: boolean;
  /** Only generated nicknames ("Brave Otter", see generated-nickname.ts) may join (absent: any polite nickname). */
  generatedNicknames?: boolean;
  /**
   * Every nickname key in this game → the player who has it (removed players too: their names
   * stay taken), so a join checks its nickname in O(1). Derived from `players`: rebuilt after a
   * restart (see restore.ts).
   */
  nicknameIndex: Record<string, string>;
  /** Device hashes of removed players → their id. Derived from `players` like `nicknameIndex`. */
  removedDevices: Record<string, string>;
  /** Team mode (absent: everyone plays alone). */
  teams?: GameTeams;
  /** After the podium: the code of the game the host started next, which this game's players may move to (play-again.ts). */
  nextGameCode?: string;
}

/** One answer as it is saved: choices are ORIGINAL option indexes (quiz-file order). */
export interface SavedAnswer {
  playerId: string;
  answerId: string;
  /** Sorted; empty for ordering, typed and slider answers (see raw). */
  choices: number[];
  /** Ordering (ORIGINAL indexes, first to last), typed text, slider value. */
  raw?: RawAnswer;
  correct: boolean;
  points: number;
  streak: number;
  responseMs: number;
  answeredAt: number;
}

export interface ClosedRound {
  roundIndex: number;
  questionId: string;
  optionOrder: number[];
  openedAt: number;
  closedAt: number;
  eligiblePlayers: number;
  answers: SavedAnswer[];
}

export interface Standing {
  playerId: string;
  score: number;
  rank: number;
}

/** What a successful engine call changed, for the adapter to persist and broadcast. */
export type GameEvent =
  | { type: "player-joined"; playerId: string }
  | { type: "team-picked"; playerId: string; team: number }
  | { type: "teams-formed"; assignments: Array<{ playerId: string; team: number }> }
  | { type: "player-removed"; playerId: string }
  | { type: "player-withdrawn"; playerId: string }
  | { type: "player-readmitted"; playerId: string }
  | { type: "player-connection"; playerId: string; connected: boolean }
  | { type: "game-started"; at: number }
  | { type: "phase-changed"; phase: Phase }
  | { type: "answer-accepted"; playerId: string; roundIndex: number; questionId: string; answer: SavedAnswer }
  | { type: "round-closed"; round: ClosedRound }
  | { type: "pause-changed"; paused: boolean }
  | { type: "team-talk-started"; at: number }
  | { type: "lock-changed"; locked: boolean }
  | { type: "takeover-requested"; playerId: string }
  | { type: "takeover-allowed"; playerId: string }
  | { type: "player-taken-over"; playerId: string }
  | { type: "game-finished"; at: number; status: FinishStatus; standings: Standing[] }
  | { type: "next-game-offered"; code: string };

export type FinishStatus = "finished" | "ended_early" | "host_left";
