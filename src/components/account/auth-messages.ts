/** better-auth's error codes, said in plain words for a teacher. */
const MESSAGES: Record<string, string> = {
  USER_ALREADY_EXISTS: "There is already an account with that email. Sign in instead.",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "There is already an account with that email. Sign in instead.",
  INVALID_EMAIL_OR_PASSWORD: "That email and password don't match an account. Check them and try again.",
  INVALID_EMAIL: "That doesn't look like an email address.",
  PASSWORD_TOO_SHORT: "Use a password of at least 8 characters.",
  PASSWORD_TOO_LONG: "That password is too long. Use at most 256 characters.",
};

/** Refusals the server words for a teacher itself (closed sign-up, weak password, turned-off account). */
const SERVER_WORDED = new Set(["SIGN_UP_CLOSED", "WEAK_PASSWORD", "BANNED_USER", "NAME_NOT_ALLOWED"]);

export function authErrorMessage(error: { code?: string; message?: string; status?: number }): string {
  if (error.code && MESSAGES[error.code]) return MESSAGES[error.code]!;
  if (error.code && SERVER_WORDED.has(error.code) && error.message) return error.message;
  if (error.status === 429) return "Too many attempts. Wait a minute and try again.";
  return error.message ? `Couldn't do that: ${error.message}` : "Couldn't reach the quiz server. Check the connection and try again.";
}

/** Only paths on this site are followed after signing in (no open redirect). */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}
