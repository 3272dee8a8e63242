"use client";

import { useTranslations } from "next-intl";

/**
 * The phone keeps resending the answer (same id) until the server says it is stored. `slow`: the
 * server has not confirmed it yet (its database is slow or unreachable).
 */
export function AnswerSending({ offline, slow = false }: { offline: boolean; slow?: boolean }) {
  const t = useTranslations("player.answering");
  return (
    <p
      role="status"
      data-testid="answer-sending"
      className="flex items-center justify-center gap-2 rounded-lg bg-white px-3 py-2 text-sm font-bold text-indigo-950"
    >
      <span className="size-4 animate-spin rounded-full border-2 border-indigo-200 border-t-indigo-950 motion-reduce:animate-none" aria-hidden />
      {offline ? t("sendingOffline") : slow ? t("savingSlow") : t("sending")}
    </p>
  );
}
