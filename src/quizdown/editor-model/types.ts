/**
 * The visual editor's model of a quiz: what a teacher edits field by field. It is read from the
 * quizdown text and written back to it; the text stays the source of truth. Parts of the file the
 * editor did not change keep their original text (`source`), byte for byte.
 */
import type { PointsSetting, ScoringSetting } from "../types";

/**
 * The kinds the editor offers. "choice" is single or multiple choice: as in the file, one right
 * option plays as a single tap, several as multi-select.
 */
export type EditorKind = "choice" | "truefalse" | "typed" | "order" | "slider" | "poll";

export const EDITOR_KINDS: readonly EditorKind[] = ["choice", "truefalse", "typed", "order", "slider", "poll"];

export interface EditorOption {
  /** Markdown of the option, one line. */
  text: string;
  /** Choice only: marked `[x]`. */
  correct: boolean;
  /** Markdown shown at the reveal (a `>` quote under the option); "" = none. */
  explanation: string;
}

export interface EditorSlider {
  min: number | null;
  max: number | null;
  /** null: not written (1). */
  step: number | null;
  unit: string;
  answer: number | null;
  /** null: not written (0). */
  tolerance: number | null;
}

/** Why the visual editor leaves a question to the Text tab (it would lose something by rewriting it). */
export type NotEditableReason = "unknownKind" | "notRepresentable";

export interface EditorQuestion {
  /** Stable identity for lists (not written to the file). */
  id: string;
  /** The question's original text while it is unchanged (written back as is); undefined once edited. */
  source?: string;
  /** Position in the text it was read from, while unchanged (keeps neighbouring text as it was). */
  origin?: number;
  /** Set when the editor can't rewrite this question without losing something: only the Text tab edits it. */
  notEditable?: NotEditableReason;
  kind: EditorKind;
  /** The heading's text (markdown, one line). */
  prompt: string;
  /** Markdown between the heading and the options. */
  body: string;
  /** Markdown of the `>` hint before the options. */
  hint: string;
  /** choice, order, poll: the options in file order (for order: the right order). */
  options: EditorOption[];
  /** choice: options written `1. [x]` (numbered single choice) rather than `- [x]`. */
  numbered: boolean;
  /** truefalse: the right answer. */
  answer: boolean;
  /** typed: the accepted answers. */
  accepted: string[];
  /** typed: the tolerance for numeric answers (null: not written). */
  typedTolerance: number | null;
  slider: EditorSlider;
  /** null: the quiz's setting. */
  timeLimitSec: number | null;
  readTimeSec: number | null;
  shuffleAnswers: boolean | null;
  /** null: not written (standard). */
  points: PointsSetting | null;
  /** null: not written (all-or-nothing). */
  scoring: ScoringSetting | null;
}

/** The quiz-wide settings the editor offers (the settings block at the top of the file). */
export interface EditorSettings {
  title: string;
  timeLimitSec: number | null;
  readTimeSec: number | null;
  shuffleQuestions: boolean | null;
  shuffleAnswers: boolean | null;
}

export interface EditorHeader {
  /** The text before the first question while unchanged (settings block and any preamble). */
  source?: string;
  /** The settings block's YAML (without the `---` lines), or null when the file has none. */
  yaml: string | null;
  /** The text between the settings block and the first question, as written. */
  preamble: string;
  /** False when the settings block can't be read: only the Text tab edits it. */
  editable: boolean;
  settings: EditorSettings;
}

export interface EditorQuiz {
  header: EditorHeader;
  questions: EditorQuestion[];
  /** The file's line ending ("\r\n" when it uses them), used for text the editor writes. */
  eol: string;
}
