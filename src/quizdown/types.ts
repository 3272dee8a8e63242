import type { ProblemCode, ProblemParams } from "./problems";

/**
 * The quiz model produced by the quizdown parser. Plain data, safe to store as JSON.
 * Markdown is kept as source (`*Markdown`) and as sanitised HTML (`*Html`) ready to render.
 */

/**
 * single/multiple: boxed options (`- [x]`); order: a numbered list without boxes (the file's order
 * is correct); truefalse, typed, slider: no options, written in the question's YAML block; poll:
 * boxed options, none of them right.
 */
export type QuestionKind = "single" | "multiple" | "order" | "truefalse" | "typed" | "slider" | "poll";

/** Points a question is worth: standard (up to 1000), double (up to 2000) or none. */
export type PointsSetting = "standard" | "double" | "none";

/** all-or-nothing: only a fully right answer scores; partial: a share of the points for a partly right one. */
export type ScoringSetting = "all-or-nothing" | "partial";

export interface TypedAnswerSettings {
  /** Accepted answers as written; compared after normaliseTypedAnswer. */
  accepted: string[];
  /** When every accepted answer is a number: a typed number this close to one of them is right. */
  tolerance?: number;
}

export interface SliderSettings {
  min: number;
  max: number;
  step: number;
  unit?: string;
  correct: number;
  /** Answers this close to the correct value earn full points and count as right. */
  tolerance: number;
}

export interface QuizOption {
  /** Option text as written in the file (markdown source, without the `[ ]`/`[x]` box). */
  markdown: string;
  /** Sanitised inline HTML of the option. */
  html: string;
  /** For single/multiple: whether this option is marked `[x]`. For order: always false. */
  correct: boolean;
  /** A `>` comment nested under the option: the explanation shown at the reveal. Sanitised HTML. */
  commentHtml?: string;
}

export interface QuizQuestion {
  /** 0-based position in the file. */
  position: number;
  kind: QuestionKind;
  /** The heading text (markdown source) and its sanitised inline HTML. */
  promptMarkdown: string;
  promptHtml: string;
  /** Markdown body between the heading and the options (may be empty), sanitised block HTML. */
  bodyHtml: string;
  /** `>` hint written before the options, sanitised HTML. */
  hintHtml?: string;
  /**
   * Options in file order. For `order` questions the file order IS the correct order
   * (players see them shuffled).
   */
  options: QuizOption[];
  /** Per-question overrides, written as `{timeLimit=30 readTime=2}` at the end of the heading. */
  timeLimitSec?: number;
  readTimeSec?: number;
  /**
   * Per-question `shuffleAnswers` from a quizdown question-level YAML block
   * (`---` / `shuffleAnswers: false` / `---` right under the heading). Undefined = quiz setting.
   */
  shuffleAnswers?: boolean;
  /** Per-question `points` (undefined = standard). */
  points?: PointsSetting;
  /** Per-question `scoring` for multiple-answer and ordering questions (undefined = all-or-nothing). */
  scoring?: ScoringSetting;
  /** Type-answer questions only. */
  typed?: TypedAnswerSettings;
  /** Slider questions only. */
  slider?: SliderSettings;
  /**
   * Set when the game can't play this question (a kind it doesn't know): games leave it out, the
   * rest of the quiz plays. Plain words with the question's line.
   */
  unplayableReason?: string;
  /** 1-based line of the heading in the source file. */
  line: number;
}

/** What a question's kind needs beyond its options (stored as one JSON value). */
export type QuestionDetails = Pick<QuizQuestion, "points" | "scoring" | "typed" | "slider" | "unplayableReason">;

export interface QuizSettings {
  shuffleQuestions: boolean;
  shuffleAnswers: boolean;
  /** Play only this many questions (after shuffling). Undefined = all. */
  nQuestions?: number;
  primaryColor?: string;
  secondaryColor?: string;
  textColor?: string;
  locale?: string;
  /** Seconds to answer each question (default 20). */
  timeLimitSec: number;
  /** Seconds the question is shown alone before answers open (default 4). */
  readTimeSec: number;
}

export interface ParsedQuiz {
  /** From front matter `title`, else derived from the file name by the loader. */
  title?: string;
  settings: QuizSettings;
  questions: QuizQuestion[];
  /** False when no question of the quiz can be played (each such question has its unplayableReason). */
  playable: boolean;
  /** Plain-words reason when not playable. */
  unplayableReason?: string;
}

export interface QuizdownProblem {
  /** 1-based line in the source file. */
  line: number;
  /** In English, for the command line and the logs; screens say it by `code` (src/quizdown/problems.ts). */
  message: string;
  code: ProblemCode;
  params: ProblemParams;
}

export type ParseResult =
  | { ok: true; quiz: ParsedQuiz; warnings: QuizdownProblem[] }
  /** Warnings are found and shown even while there are errors, so fixing the errors brings no surprises. */
  | { ok: false; errors: QuizdownProblem[]; warnings: QuizdownProblem[] };

export const DEFAULT_TIME_LIMIT_SEC = 20;
export const DEFAULT_READ_TIME_SEC = 4;
