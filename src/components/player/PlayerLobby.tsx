"use client";

import { useTranslations } from "next-intl";
import { usePlayerGame } from "@/client/player-game";
import { CheckIcon } from "@/components/shared/icons";
import { LanguageSwitcher } from "@/components/shared/LanguageSwitcher";
import { PlayerTeamCard, TeamPicker } from "./PlayerTeam";

export function PlayerLobby() {
  const t = useTranslations("player.lobby");
  const { you, room } = usePlayerGame();
  const tTeams = useTranslations("teams");
  return (
    <section data-testid="phase-lobby" className="flex flex-1 flex-col items-center justify-center gap-4 px-6 text-center">
      <div data-testid="player-joined" className="animate-pop-in flex flex-col items-center gap-4">
        <span className="flex size-20 items-center justify-center rounded-full bg-green-500 text-white">
          <CheckIcon className="size-11" />
        </span>
        <h1 className="text-4xl font-black">{t("joined")}</h1>
        <p data-testid="player-joined-nickname" dir="auto" className="max-w-full rounded-xl bg-white px-5 py-2 text-2xl font-black wrap-anywhere text-indigo-950">
          {you?.nickname}
        </p>
        <p className="text-lg text-indigo-100">{t("waiting")}</p>
        {room?.teamMode && you && (room.teamMode.assignment === "pick" ? <TeamPicker room={room} you={you} /> : <p data-testid="teams-made-at-start" className="text-indigo-100">{tTeams("madeAtStart")}</p>)}
        {room?.teamMode?.assignment === "balanced" && you && <PlayerTeamCard you={you} showStanding={false} />}
        {room?.quizTitle && (
          <p dir="auto" className="text-sm text-indigo-200">
            {room.quizTitle}
          </p>
        )}
      </div>
      <LanguageSwitcher className="mt-4 text-indigo-100" />
    </section>
  );
}
