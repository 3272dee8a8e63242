"use client";

import { useTranslations } from "next-intl";
import { usePlayerGame } from "@/client/player-game";
import { PauseIcon } from "@/components/shared/icons";
import { CountdownNumber } from "@/components/shared/CountdownNumber";

/** Covers the question while the host has paused: nothing under it can be tapped. */
export function PausedOverlay() {
  const t = useTranslations("player.paused");
  const { room, deadline } = usePlayerGame();
  if (!room?.paused) return null;
  return (
    <div
      role="status"
      data-testid="paused-overlay"
      className="absolute inset-0 z-10 flex flex-col items-center justify-center gap-4 bg-stage/90 px-6 text-center backdrop-blur-sm"
    >
      <span className="flex size-20 items-center justify-center rounded-full bg-white text-indigo-950">
        <PauseIcon className="size-10" />
      </span>
      <h1 className="text-4xl font-black">{t("title")}</h1>
      <p className="text-lg text-indigo-100">{t("detail")}</p>
      <CountdownNumber deadline={deadline} testId="paused-countdown" className="size-14 bg-white/15 text-2xl text-white" />
    </div>
  );
}
