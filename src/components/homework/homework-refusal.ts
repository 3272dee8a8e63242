/**
 * A homework refusal in the phone's language. The server words it in English with a code; the
 * codes a homework meets mean something of their own here (no open game, but no such homework…),
 * so they have their own words; the rest (nickname checks, rate limits) are the live game's.
 */
import { useLocale, useTranslations } from "next-intl";
import type { Refusal, RefusalCode } from "@/protocol";
import { useRefusalText } from "@/components/player/refusal-text";

type HomeworkRefusalKey = "notFound" | "notOpenYet" | "closed" | "timeUp" | "nicknameTaken" | "attemptsUsed" | "alreadyAnswered";

const BY_CODE: Partial<Record<RefusalCode, HomeworkRefusalKey>> = {
  "game-not-found": "notFound",
  "not-accepting": "notOpenYet",
  "game-over": "closed",
  "nickname-taken": "nicknameTaken",
  "not-allowed": "attemptsUsed",
  "already-answered": "alreadyAnswered",
};

export function useHomeworkRefusalText(): (refusal: Refusal) => string {
  const t = useTranslations("homework.refusals");
  const locale = useLocale();
  const liveGameText = useRefusalText();
  return (refusal) => {
    if (locale === "en") return refusal.message;
    const key = refusal.code === "too-late" ? (refusal.message.startsWith("Time's up") ? "timeUp" : "closed") : BY_CODE[refusal.code];
    return key ? t(key) : liveGameText(refusal);
  };
}
