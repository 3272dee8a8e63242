/**
 * The quiz model produced by the quizdown parser. Plain data, safe to store as JSON.
 * Markdown is kept as source (`*Markdown`) and as sanitised HTML (`*Html`) ready to render.
 */

export type QuestionKind = "single" | "multiple" | "order";

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
  /** 1-based line of the heading in the source file. */
  line: number;
}

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
  /** False when the quiz has a question kind the game cannot play yet (ordering). */
  playable: boolean;
  /** Plain-words reason when not playable, e.g. "Question 3 (line 17) is an ordering question; ordering questions can't be played yet." */
  unplayableReason?: string;
}

export interface QuizdownProblem {
  /** 1-based line in the source file. */
  line: number;
  message: string;
}

export type ParseResult =
  | { ok: true; quiz: ParsedQuiz; warnings: QuizdownProblem[] }
  | { ok: false; errors: QuizdownProblem[] };

export const DEFAULT_TIME_LIMIT_SEC = 20;
export const DEFAULT_READ_TIME_SEC = 4;
