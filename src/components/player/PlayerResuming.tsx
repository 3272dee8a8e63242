"use client";

import { useTranslations } from "next-intl";
import { usePlayerGame } from "@/client/player-game";

/** After a refresh: this phone is going back into its game, no typing needed. */
export function PlayerResuming() {
  const t = useTranslations("player.resuming");
  const { code } = usePlayerGame();
  return (
    <main data-testid="player-resuming" className="flex flex-1 flex-col items-center justify-center gap-4 px-6 text-center">
      <span className="size-14 animate-spin rounded-full border-4 border-white/25 border-t-white motion-reduce:animate-none" aria-hidden />
      <h1 className="text-2xl font-black">{t("title")}</h1>
      {code && <p className="text-indigo-100">{t("game", { code })}</p>}
    </main>
  );
}
