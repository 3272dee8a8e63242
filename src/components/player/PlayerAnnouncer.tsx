"use client";

import { useTranslations } from "next-intl";
import { usePlayerGame } from "@/client/player-game";
import { phaseAnnouncement } from "./announcement";

/**
 * A polite live region, always on the page while playing, so a screen reader hears each phase
 * change and result without the student moving focus.
 */
export function PlayerAnnouncer() {
  const t = useTranslations("player");
  const { room, you, answer } = usePlayerGame();
  const question = room?.question;
  const lockedIn = question != null && ((answer?.questionIndex === question.index && answer.kind === "locked") || you?.lockedQuestionIndex === question.index);
  const message = room && you ? phaseAnnouncement(room, you, lockedIn, t) : "";
  return (
    <p role="status" aria-live="polite" aria-atomic="true" data-testid="player-announcer" className="sr-only">
      {message}
    </p>
  );
}
