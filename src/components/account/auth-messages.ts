import {
  INVITE_EXPIRED_MESSAGE,
  INVITE_UNKNOWN_MESSAGE,
  INVITE_USED_MESSAGE,
  SIGN_UP_CLOSED_MESSAGE,
  WRONG_SCHOOL_CODE_MESSAGE,
} from "@/accounts/sign-up-messages";

/** Keys of the teacherAuth.errors catalog entries (src/i18n/messages/*.json). */
export type AuthErrorKey =
  | "nameMissing"
  | "schoolCodeMissing"
  | "alreadyExists"
  | "wrongPassword"
  | "invalidEmail"
  | "passwordTooShort"
  | "passwordTooLong"
  | "tooMany"
  | "signUpClosed"
  | "inviteUsed"
  | "inviteExpired"
  | "inviteUnknown"
  | "wrongSchoolCode"
  | "accountTurnedOff"
  | "nameTooLong"
  | "nameBadCharacter"
  | "passwordCommon"
  | "passwordRun"
  | "passwordPersonal"
  | "failed"
  | "unreachable";

/** better-auth's error codes, said in plain words for a teacher. */
const BY_CODE: Record<string, AuthErrorKey> = {
  USER_ALREADY_EXISTS: "alreadyExists",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "alreadyExists",
  INVALID_EMAIL_OR_PASSWORD: "wrongPassword",
  INVALID_EMAIL: "invalidEmail",
  PASSWORD_TOO_SHORT: "passwordTooShort",
  PASSWORD_TOO_LONG: "passwordTooLong",
};

/**
 * Refusals the server words for a teacher itself (closed sign-up, weak password, turned-off account),
 * in English; each sentence it can send is said in the teacher's language by its key. A sentence not
 * listed here is shown as the server wrote it.
 */
const SERVER_WORDED = new Set(["SIGN_UP_CLOSED", "WEAK_PASSWORD", "BANNED_USER", "NAME_NOT_ALLOWED"]);
const SERVER_SENTENCES: [start: string, key: AuthErrorKey][] = [
  [SIGN_UP_CLOSED_MESSAGE, "signUpClosed"],
  [INVITE_USED_MESSAGE, "inviteUsed"],
  [INVITE_EXPIRED_MESSAGE, "inviteExpired"],
  [INVITE_UNKNOWN_MESSAGE, "inviteUnknown"],
  [WRONG_SCHOOL_CODE_MESSAGE, "wrongSchoolCode"],
  ["This teacher account has been turned off", "accountTurnedOff"],
  ["A name can be at most", "nameTooLong"],
  ["Your name has an invisible or broken character", "nameBadCharacter"],
  ["Use a password of at least", "passwordTooShort"],
  ["A password can be at most", "passwordTooLong"],
  ["That password is one of the most common", "passwordCommon"],
  ["That password is a repeated character or a run", "passwordRun"],
  ["That password is too close to your name", "passwordPersonal"],
];

export type AuthError = { key: AuthErrorKey; message?: string } | { key: null; message: string };

/** What to tell the teacher about a failed sign-in or sign-up: a catalog key, or the server's own sentence. */
export function authError(error: { code?: string; message?: string; status?: number }): AuthError {
  if (error.code && BY_CODE[error.code]) return { key: BY_CODE[error.code]! };
  if (error.code && SERVER_WORDED.has(error.code) && error.message) {
    const known = SERVER_SENTENCES.find(([start]) => error.message!.startsWith(start));
    return known ? { key: known[1] } : { key: null, message: error.message };
  }
  if (error.status === 429) return { key: "tooMany" };
  return error.message ? { key: "failed", message: error.message } : { key: "unreachable" };
}

/** Only paths on this site are followed after signing in (no open redirect). */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}
