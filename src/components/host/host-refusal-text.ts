/**
 * The big screen shows a refused host action (Start with nobody in the lobby, a screen that isn't the
 * game's host…) in its own language. The server refuses in English with a code; one code can stand
 * for several refusals (not-allowed: "Press Start first", "nothing to skip"…), so the exact words pick
 * the translation first, then the code. A refusal it has no words for keeps the server's English; so
 * does every refusal on an English screen.
 */
import { useLocale, useTranslations } from "next-intl";
import type { HostRefusal } from "@/client/use-host-game";

export type HostRefusalTranslator = ReturnType<typeof useTranslations<"host.refusals">>;
type HostRefusalKey = Parameters<HostRefusalTranslator>[0];

/** The server's exact words (server/engine/rounds.ts, players.ts, server/socket/handlers.ts) for refusals that share a code. */
export const HOST_REFUSALS_BY_MESSAGE: Record<string, HostRefusalKey> = {
  "This game has finished.": "gameOver",
  "This game has already finished.": "gameOver",
  "This screen isn't the host of that game.": "notHost",
  "Only the host can do that.": "onlyHost",
  "Press Start to begin the game.": "pressStart",
  "The game isn't paused.": "notPaused",
  "There is no open question to skip.": "nothingToSkip",
  "Wait for the question to close, or press Skip.": "waitForClose",
  "You can pause only during a question.": "pauseDuringQuestion",
  "That player can't be taken back.": "cannotTakeBack",
  "That player is not in this game.": "playerNotInGame",
  "That player was not removed from this game.": "playerNotRemoved",
  "Too many requests at once. Wait a moment and try again.": "rateLimited",
  "Something went wrong on the server. Please try again.": "serverError",
};

/** Codes with one meaning wherever the big screen meets them. */
const BY_CODE: Partial<Record<HostRefusal["code"], HostRefusalKey>> = {
  "no-players": "noPlayers",
  "game-started": "gameStarted",
  "game-over": "gameOver",
  "not-connected": "notConnected",
  "no-answer": "noAnswer",
};

/** `Ada is still connected on their own device.`: the nickname is the player's, shown as written. */
const STILL_CONNECTED = /^(.+) is still connected on their own device\.$/s;

export function hostRefusalText(refusal: HostRefusal, locale: string, t: HostRefusalTranslator): string {
  if (locale === "en") return refusal.message;
  const still = refusal.code === "not-allowed" ? STILL_CONNECTED.exec(refusal.message) : null;
  if (still) return t("stillConnected", { nickname: still[1]! });
  const key = HOST_REFUSALS_BY_MESSAGE[refusal.message] ?? BY_CODE[refusal.code];
  return key ? t(key) : refusal.message;
}

/** hostRefusalText in this page's language. */
export function useHostRefusalText(): (refusal: HostRefusal) => string {
  const t = useTranslations("host.refusals");
  const locale = useLocale();
  return (refusal) => hostRefusalText(refusal, locale, t);
}
