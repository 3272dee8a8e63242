import type { TeamSettingsView } from "./teams";

/**
 * What goes on the wire: projections of the server's game state.
 * Players only ever receive `PlayerRoomView` (shared by everyone in the room) and their own
 * `PersonalView`; the correct options appear in a view only once the phase is "reveal" or later.
 */

/** The quiz's colours on the big screen, all "#rrggbb" (see src/quizdown/theme.ts: every text has contrast ≥ 4.5:1). */
export interface StageTheme {
  /** The main area (secondaryColor) and its text (textColor); hints and notices in `accent`. */
  background: string;
  text: string;
  accent: string;
  /** The top and bottom bars (primaryColor), their text and notices. */
  band: string;
  bandText: string;
  bandAccent: string;
}

export type Phase = "lobby" | "question-read" | "answering" | "reveal" | "leaderboard" | "podium" | "finished";

/** Kinds answered by picking options. */
export type ChoiceKind = "single" | "multiple" | "truefalse" | "poll";

/** Every kind of question the game plays (see AnswerInput for what a phone sends for each). */
export type PlayKind = ChoiceKind | "order" | "typed" | "slider";

export interface SliderView {
  min: number;
  max: number;
  step: number;
  unit?: string;
}

export interface OptionView {
  html: string;
}

/** A question as players and the host see it. `options` is null while the question is being read. */
export interface QuestionView {
  index: number;
  total: number;
  kind: PlayKind;
  promptHtml: string;
  bodyHtml: string;
  hintHtml?: string;
  /** Choice kinds: in display order. Ordering: the items, shuffled (never in the right order). Empty for typed and slider. */
  options: OptionView[] | null;
  timeLimitMs: number;
  /** Points this question is worth: double, none, or standard (absent). */
  points?: "double" | "none";
  /** Slider: its range (never the right value). */
  slider?: SliderView;
  /** Type answer: the accepted answers are numbers (the phone offers a number keyboard). */
  numeric?: boolean;
  /** Phones only: the host hides the question's text on phones (prompt, body and hint are empty); read it on the big screen. */
  textHidden?: true;
}

/**
 * Timing of the current phase. Clients count down to `endsAt` on the server's clock, corrected by
 * their measured offset (`time:sync`); `remainingMs` is what was left when the message was sent.
 */
export interface Countdown {
  /** Server epoch ms when the phase ends (while paused: when it would end if resumed now). */
  endsAt: number;
  /** Milliseconds left when the server sent this message. */
  remainingMs: number;
  totalMs: number;
  /** False while the host has paused the game: the clock is stopped for everyone. */
  running: boolean;
}

export interface RevealView {
  questionIndex: number;
  /**
   * Display indexes of the correct option(s). Ordering: every display index, in the right order.
   * Empty for typed, slider and poll questions.
   */
  correct: number[];
  /** How many players picked each option (display order); ordering: how many put each item in its right place. Empty for typed and slider. */
  counts: number[];
  /** Answers that were right (for partial credit: fully right). */
  correctCount: number;
  /** Type answer: the accepted answers as the file writes them. */
  accepted?: string[];
  /** Slider: the right value, the full-points tolerance, and the players' average. */
  slider?: SliderView & { correct: number; tolerance: number; average: number | null };
  answered: number;
  eligible: number;
  /** Explanations nested under options, by display index (only those that have one). */
  explanations: Array<{ option: number; html: string }>;
}

/** One team in a ranking (team mode). Its name and colour come from its index (see teams.ts). */
export interface TeamStanding {
  team: number;
  score: number;
  /** Null before the first round closes. */
  rank: number | null;
  /** Members still in the game. */
  members: number;
  /** Positions gained (positive) or lost (negative) since the previous round; null when new. */
  movement: number | null;
  /** The team's points for the last closed round (its members' average). */
  lastRoundPoints: number;
}

/** Team mode, pick in the lobby: a team a phone may pick. */
export interface TeamChoice {
  team: number;
  members: number;
  full: boolean;
}

export interface LeaderboardEntry {
  playerId: string;
  nickname: string;
  score: number;
  rank: number;
  /** Positions gained (positive) or lost (negative) since the previous round; null when new. */
  movement: number | null;
}

/** What the players and the host see alike about the current phase. */
export interface GameViewBase {
  gameId: string;
  phase: Phase;
  quizTitle: string;
  questionCount: number;
  question: QuestionView | null;
  countdown: Countdown | null;
  reveal: RevealView | null;
  playerCount: number;
  endedEarly: boolean;
  /** The host paused the game during a question. */
  paused: boolean;
  /** After the podium: the host started another game, and this game's phones move to it (player:play-again). */
  nextGameCode: string | null;
  /** Team mode: the host's team settings (absent: everyone plays alone). */
  teamMode?: TeamSettingsView;
}

export interface PlayerRoomView extends GameViewBase {
  /** Top of the leaderboard (leaderboard: top 5, podium/finished: top 3). */
  top: LeaderboardEntry[];
  /** Team mode: top of the team ranking (leaderboard: top 5, podium/finished: top 3). */
  topTeams?: TeamStanding[];
  /**
   * Team mode, pick in the lobby: the teams on offer and how many are in each (at most one per
   * colour), so every phone's choices follow the others' picks (sent at most every 500 ms).
   */
  teamChoices?: TeamChoice[];
}

export interface RoundOutcome {
  questionIndex: number;
  answered: boolean;
  /** Display indexes the player chose (empty when they did not answer); ordering: their order, first to last. */
  choice: number[];
  /** Type answer: what they typed. */
  text?: string;
  /** Slider: the value they picked. */
  value?: number;
  correct: boolean;
  points: number;
  streak: number;
  responseMs: number | null;
}

export interface PersonalView {
  playerId: string;
  nickname: string;
  score: number;
  streak: number;
  /** Rank after the last closed round; null before the first. */
  rank: number | null;
  playerCount: number;
  /** Index of the question this player has locked an answer for in the current round, if any. */
  lockedQuestionIndex: number | null;
  /** Result of the most recently closed round (shown on the reveal screen). */
  lastRound: RoundOutcome | null;
  /** The first question this player can answer (players who join late start at the next question). */
  firstQuestionIndex: number;
  /** Team mode: the player's team and its standing (null until the player has a team). */
  team?: TeamStanding | null;
  /** Team mode: how many teams are ranked. */
  teamCount?: number;
  /** Team mode, pick in the lobby: the teams this phone may pick from now. */
  teamChoices?: TeamChoice[];
}

/**
 * A phase's one message to a phone when the phase has a view of its own (reveal, podium): the
 * room's view and the phone's own, together, so each phone costs the server one write, not two.
 */
export interface PersonalMessage {
  room: PlayerRoomView;
  you: PersonalView;
}

export interface HostPlayerView {
  id: string;
  nickname: string;
  connected: boolean;
  /** Someone tried to join with this (disconnected) player's nickname from a new device. */
  takeoverRequested: boolean;
  /** Team mode: the player's team, once they have one. */
  team?: number;
}

export interface HostView extends GameViewBase {
  code: string;
  leaderboard: LeaderboardEntry[];
  /**
   * Players in the game (not removed), in join order: all of them in a class-sized game; in a
   * bigger one (over 100) those who need the host (offline, asking to take over) and the latest joiners.
   */
  players: HostPlayerView[];
  /** Players in the game that `players` leaves out (0 unless the game is big). */
  playersNotListed: number;
  /** Players the host removed, in join order: the host can let them back in. */
  removedPlayers: Array<{ id: string; nickname: string }>;
  /** Removed players that `removedPlayers` leaves out (it lists the latest 100). */
  removedNotListed: number;
  /** The quiz's colours for the big screen (null: the default look); text on them is always readable. */
  theme: StageTheme | null;
  connectedCount: number;
  answerCount: number;
  /** Players who can answer the open question: connected and in the game when it opened (0 outside a question). */
  answerEligible: number;
  /** No new players may join (the host locked the game). */
  locked: boolean;
  /** Team mode: the teams (ranked ones first, best first; at most 100). */
  teams?: TeamStanding[];
  /** Only generated nicknames may join: the join QR code tells the phone (`&names=drawn`), so it offers no typing. */
  generatedNicknames?: true;
  /**
   * Reveal of a type-answer question: the most common wrong answers (grouped after normalising),
   * for the host's screen only; phones never receive other players' free text.
   */
  wrongAnswers?: Array<{ text: string; count: number }>;
}

export interface AnswerCountUpdate {
  questionIndex: number;
  answered: number;
  eligible: number;
}
