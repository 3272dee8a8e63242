"use client";

import { useTranslations } from "next-intl";

/** "🎲 Suggest a name": draws a friendly generated nickname into the join form (a real button: Tab, Enter, Space). */
export function SuggestNameButton({ onDraw, disabled = false }: { onDraw: () => void; disabled?: boolean }) {
  const t = useTranslations("player.show");
  return (
    <button
      type="button"
      data-testid="join-suggest-name"
      onClick={onDraw}
      disabled={disabled}
      className="-mt-3 flex items-center gap-2 self-start rounded-xl border-2 border-white/70 px-4 py-2 text-lg font-bold text-white hover:bg-white/10 focus:ring-4 focus:ring-amber-300/60 focus:outline-none active:scale-[0.98] disabled:opacity-60"
    >
      <span aria-hidden="true">🎲</span>
      {t("suggestName")}
    </button>
  );
}
