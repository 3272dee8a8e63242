"use client";

import { useTranslations } from "next-intl";
import { useRefusalText } from "./refusal-text";

export function PlayerRemoved({ message }: { message: string }) {
  const t = useTranslations("player.join");
  const shownRefusal = useRefusalText();
  return (
    <main data-testid="player-removed" className="flex flex-1 flex-col items-center justify-center gap-5 px-6 text-center">
      <h1 className="text-2xl font-black">{shownRefusal({ code: "removed", message })}</h1>
      {/* A full page load, so this phone starts over with a fresh connection. */}
      <a href="/join" data-testid="rejoin-link" className="rounded-xl bg-white px-6 py-3 text-xl font-bold text-indigo-950">
        {t("title")}
      </a>
    </main>
  );
}
