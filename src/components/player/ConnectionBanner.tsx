"use client";

import { useTranslations } from "next-intl";
import { usePlayerGame } from "@/client/player-game";

/** Shown while the phone is offline or getting back into its game; it never has to rejoin by hand. */
export function ConnectionBanner() {
  const t = useTranslations("player.connection");
  const { connection, stage, continueHere } = usePlayerGame();
  if (connection === "replaced") {
    return (
      <div role="alert" data-testid="connection-replaced" className="flex flex-col items-center gap-1.5 bg-amber-400 px-3 py-2 text-center text-sm font-bold text-amber-950">
        <p>{t("replaced")}</p>
        <button type="button" data-testid="continue-here" onClick={continueHere} className="rounded-lg bg-amber-950 px-3 py-1 text-amber-50">
          {t("playHere")}
        </button>
      </div>
    );
  }
  const away = connection === "reconnecting" || connection === "resuming" || (connection === "connecting" && stage === "resuming");
  if (!away) return null;
  return (
    <p role="status" data-testid="connection-banner" className="bg-amber-400 px-3 py-1.5 text-center text-sm font-bold text-amber-950">
      {t("reconnecting")}
    </p>
  );
}
