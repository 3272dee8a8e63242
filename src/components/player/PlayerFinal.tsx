"use client";

import { useTranslations } from "next-intl";
import { usePlayerGame } from "@/client/player-game";
import { formatScore } from "@/components/shared/format";
import { PlayerTeamCard } from "./PlayerTeam";

/** Podium and finished: the player's own final place, and the top three. */
export function PlayerFinal() {
  const t = useTranslations("player.standing");
  const { room, you, followRefused } = usePlayerGame();
  if (!room || !you) return null;
  return (
    <section data-testid={`phase-${room.phase}`} className="flex flex-1 flex-col items-center justify-center-safe gap-5 overflow-y-auto px-5 py-6 text-center">
      <h1 className="text-3xl font-black">{room.endedEarly ? t("gameEnded") : t("gameOver")}</h1>
      {room.endedEarly && <p className="text-indigo-100">{t("endedDetail")}</p>}
      {room.nextGameCode && <NextGame code={room.nextGameCode} refused={followRefused !== null} />}
      <div data-testid="player-final" className="flex flex-col items-center gap-1 rounded-2xl bg-white px-8 py-4 text-indigo-950">
        <p className="font-semibold">{t("youFinished")}</p>
        <p data-testid="player-final-rank" className="text-5xl font-black">
          {you.rank !== null ? t("rank", { rank: you.rank }) : "—"}
        </p>
        <p className="text-sm">{t("of", { count: you.playerCount })}</p>
        <p data-testid="player-final-score" className="mt-1 text-2xl font-black tabular-nums">
          {t("points", { score: you.score })}
        </p>
      </div>
      <PlayerTeamCard you={you} />
      {room.top.length > 0 && (
        <ol className="flex w-full max-w-sm flex-col gap-1.5" aria-label={t("topThree")}>
          {room.top.slice(0, 3).map((entry, place) => (
            <li
              key={entry.playerId}
              data-testid={`podium-${place + 1}`}
              className={`flex items-center gap-3 rounded-lg px-3 py-2 font-bold ${
                entry.playerId === you.playerId ? "bg-amber-300 text-amber-950" : "bg-white/10"
              }`}
            >
              <span className="w-9 shrink-0 text-start tabular-nums">{t("rank", { rank: place + 1 })}</span>
              <span dir="auto" className="min-w-0 flex-1 truncate text-start">
                {entry.nickname}
              </span>
              <span className="tabular-nums">{formatScore(entry.score)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The host played again: the phone is moving there, or (when it couldn't) offers the new game's code. */
function NextGame({ code, refused }: { code: string; refused: boolean }) {
  const t = useTranslations("player.standing");
  if (!refused) {
    return (
      <p role="status" data-testid="following-next-game" className="font-semibold text-amber-200">
        {t("followingNextGame")}
      </p>
    );
  }
  return (
    <div data-testid="next-game" className="flex flex-col items-center gap-2">
      <p className="font-semibold">{t("nextGame", { code })}</p>
      <a href={`/join?code=${code}`} className="rounded-xl bg-amber-300 px-5 py-3 font-black text-amber-950">
        {t("joinNextGame")}
      </a>
    </div>
  );
}
