"use client";

import { useTranslations } from "next-intl";
import { usePlayerGame } from "@/client/player-game";
import { formatScore } from "@/components/shared/format";
import { PlayerTeamCard } from "./PlayerTeam";

export function PlayerLeaderboard() {
  const t = useTranslations("player.standing");
  const { room, you } = usePlayerGame();
  if (!room || !you) return null;
  return (
    <section data-testid="phase-leaderboard" className="flex flex-1 flex-col items-center justify-center-safe gap-5 overflow-y-auto px-5 py-6 text-center">
      <div data-testid="player-standing" className="flex flex-col items-center gap-1">
        <h1 className="text-indigo-200">{t("yourPlace")}</h1>
        <p data-testid="player-rank" className="text-5xl font-black">
          {you.rank !== null ? t("rank", { rank: you.rank }) : "—"}
        </p>
        <p className="text-indigo-100">{t("of", { count: you.playerCount })}</p>
        <p data-testid="player-total" className="mt-2 text-2xl font-bold tabular-nums">
          {t("points", { score: you.score })}
        </p>
      </div>
      <PlayerTeamCard you={you} />
      {room.top.length > 0 && (
        <ol className="flex w-full max-w-sm flex-col gap-1.5">
          {room.top.map((entry) => (
            <li
              key={entry.playerId}
              data-testid="player-leaderboard-row"
              className={`flex items-center gap-3 rounded-lg px-3 py-2 font-bold ${
                entry.playerId === you.playerId ? "bg-amber-300 text-amber-950" : "bg-white/10"
              }`}
            >
              <span className="w-6 tabular-nums">{entry.rank}</span>
              <span className="min-w-0 flex-1 truncate text-start">
                <bdi>{entry.nickname}</bdi>
                {entry.playerId === you.playerId && <span className="font-semibold"> {t("you")}</span>}
              </span>
              <span className="tabular-nums">{formatScore(entry.score)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
