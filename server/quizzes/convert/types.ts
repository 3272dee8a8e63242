/** Shared shapes of the quiz importers and exporters (server only: exceljs is heavy). */
import type { PointsSetting, QuestionKind } from "../../../src/quizdown/types";

/** Something in the file that could not be carried over, in plain words, with where it was. */
export interface ConvertNote {
  /** 1-based spreadsheet or CSV row. */
  row?: number;
  /** 1-based line of an XML file. */
  line?: number;
  message: string;
}

export interface ImportResult {
  quizdown: string;
  notes: ConvertNote[];
}

/** A question read from another format, before it is written as quizdown. Texts are plain text. */
export interface DraftQuestion {
  kind: QuestionKind;
  prompt: string;
  /** Further paragraphs of the question. */
  body?: string;
  /** single/multiple/poll/order options (order: in the right order). */
  options: { text: string; correct: boolean; feedback?: string }[];
  /** truefalse: the right answer. */
  truth?: boolean;
  /** typed: accepted answers, and a tolerance when they are numbers. */
  accepted?: string[];
  tolerance?: number;
  slider?: { min: number; max: number; step?: number; unit?: string; answer: number; tolerance?: number };
  timeLimitSec?: number;
  points?: PointsSetting;
}

/** A file that can't be read at all: the message is shown to the teacher as it is. */
export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportRefused";
  }
}

/** An imported file may be at most this big (a 200-question spreadsheet is far smaller). */
export const MAX_IMPORT_BYTES = 512 * 1024;
export const IMPORT_TOO_BIG = "This file is too big to import: it can be at most 512 KB. Split it into several quizzes.";
/** Kahoot! accepts only these time limits (seconds). */
export const KAHOOT_TIME_LIMITS = [5, 10, 20, 30, 60, 90, 120, 240] as const;
