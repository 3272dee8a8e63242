"use client";

import { useTranslations } from "next-intl";
import type { PersonalView, PlayerRoomView } from "@/protocol";
import { formatScore } from "@/components/shared/format";
import { PhoneSoundToggle } from "./PhoneSoundToggle";

export function PlayerHeader({ room, you }: { room: PlayerRoomView; you: PersonalView }) {
  const t = useTranslations("player.header");
  return (
    <header data-testid="player-header" className="flex items-center justify-between gap-3 bg-stage-deep px-4 py-2 text-sm">
      <span data-testid="player-nickname" dir="auto" className="min-w-0 truncate font-bold">
        {you.nickname}
      </span>
      {room.question && (
        <span className="shrink-0 text-indigo-200">{t("progress", { number: room.question.index + 1, total: room.question.total })}</span>
      )}
      <PhoneSoundToggle room={room} you={you} />
      <span data-testid="player-score" className="shrink-0 rounded-full bg-white/15 px-2.5 py-0.5 font-bold tabular-nums">
        {t("score", { score: formatScore(you.score) })}
      </span>
    </header>
  );
}
