/**
 * The server refuses in English, with a code. The phone shows a refusal in its own language: the
 * join form's own checks and the server's nickname checks by their exact words, other refusals by
 * their code, and a code with no words of its own (one only a broken, outdated or hostile phone
 * meets) in general words. An English phone shows the server's words, which keep their details.
 */
import { useLocale, useTranslations } from "next-intl";
import type { RefusalCode } from "@/protocol";
import { ROOM_CODE_REFUSAL } from "@/protocol/join-form";
import { NICKNAME_MAX_LENGTH, NICKNAME_REFUSALS } from "@/protocol/nickname-form";
import { noAnswerRefusal } from "@/client/socket-helpers";

export type RefusalTranslator = ReturnType<typeof useTranslations<"refusals">>;
type RefusalKey = Parameters<RefusalTranslator>[0];

/** What the phone shows: a refusal from the server, or one of its own checks (no code). */
export interface ShownRefusal {
  code?: RefusalCode | undefined;
  message: string;
}

const BY_MESSAGE: Record<string, RefusalKey> = {
  [ROOM_CODE_REFUSAL]: "roomCode",
  [NICKNAME_REFUSALS.empty]: "nicknameEmpty",
  [NICKNAME_REFUSALS.tooLong]: "nicknameTooLong",
  [NICKNAME_REFUSALS.invisible]: "nicknameInvisible",
  [NICKNAME_REFUSALS.marks]: "nicknameMarks",
  [NICKNAME_REFUSALS.noLetter]: "nicknameNoLetter",
  [NICKNAME_REFUSALS.notAllowed]: "nicknameNotAllowed",
  [noAnswerRefusal().message]: "noAnswer",
};

/** Codes with one meaning wherever the phone meets them; the others (invalid-request…) get general words. */
const BY_CODE: Partial<Record<RefusalCode, RefusalKey>> = {
  "game-not-found": "gameNotFound",
  "game-over": "gameOver",
  "nickname-taken": "nicknameTaken",
  "nickname-not-generated": "nicknameNotGenerated",
  removed: "removed",
  locked: "locked",
  "rate-limited": "rateLimited",
  "too-late": "tooLate",
  "already-answered": "alreadyAnswered",
  paused: "paused",
  "joined-late": "joinedLate",
  "not-accepting": "notAccepting",
  "takeover-needed": "takeoverNeeded",
  "server-error": "serverError",
  "team-full": "teamFull",
  "wrong-question": "wrongQuestion",
  "invalid-choice": "invalidChoice",
};

export function refusalText(refusal: ShownRefusal, locale: string, t: RefusalTranslator): string {
  if (locale === "en" || refusal.message === "") return refusal.message;
  const key = BY_MESSAGE[refusal.message] ?? (refusal.code ? (BY_CODE[refusal.code] ?? "unexpected") : undefined);
  return key ? t(key, { max: NICKNAME_MAX_LENGTH }) : refusal.message;
}

/** refusalText in this page's language. */
export function useRefusalText(): (refusal: ShownRefusal) => string {
  const t = useTranslations("refusals");
  const locale = useLocale();
  return (refusal) => refusalText(refusal, locale, t);
}
