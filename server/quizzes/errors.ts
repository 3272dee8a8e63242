/** Why a library request was refused; the tRPC router turns each kind into its error code. */
/** "too-slow": the file took longer than its time budget to read; "busy": too many files are waiting to be read. */
/** "too-many-tags": the quiz already has the most tags one quiz can have. */
export type LibraryErrorKind = "not-found" | "read-only" | "bad-source" | "too-slow" | "busy" | "too-many-tags";

export class LibraryError extends Error {
  constructor(
    readonly kind: LibraryErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "LibraryError";
  }
}

export const QUIZ_NOT_FOUND_MESSAGE = "That quiz doesn't exist (any more).";

export const SHARED_QUIZ_READ_ONLY_MESSAGE = "Shared quizzes from the content folder are read-only. Copy it to your library to change it.";

export function quizNotFound(): LibraryError {
  return new LibraryError("not-found", QUIZ_NOT_FOUND_MESSAGE);
}
