/**
 * Rules about a quiz file that the browser (before saving) and the server (when saving) both apply.
 * Pure: no Node or browser APIs beyond TextEncoder.
 */

export const MAX_QUIZ_SOURCE_BYTES = 200 * 1024;

export const SOURCE_TOO_BIG_MESSAGE = "This quiz file is too big: a quiz file can be at most 200 KB.";

export function quizSourceBytes(source: string): number {
  return new TextEncoder().encode(source).length;
}

export function isQuizSourceTooBig(source: string): boolean {
  // Every character is at least one byte and at most three (UTF-16 unit → UTF-8), so most texts skip the encoding.
  if (source.length > MAX_QUIZ_SOURCE_BYTES) return true;
  if (source.length * 3 <= MAX_QUIZ_SOURCE_BYTES) return false;
  return quizSourceBytes(source) > MAX_QUIZ_SOURCE_BYTES;
}

/** `back-office.md` → `Back Office`; empty when the name has no letters or digits. */
export function titleFromFileName(fileName: string): string {
  return fileName
    .replace(/^.*[\\/]/, "")
    .replace(/\.(md|markdown|txt)$/i, "")
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

export const UNTITLED_QUIZ = "Untitled quiz";

/** The title a new quiz gets: the file's `title:`, else its file name, else "Untitled quiz". */
export function newQuizTitle(parsedTitle: string | undefined, fileName: string | undefined): string {
  return parsedTitle?.trim() || (fileName ? titleFromFileName(fileName) : "") || UNTITLED_QUIZ;
}

export const MAX_QUIZ_TITLE_LENGTH = 120;
