"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { usePlayerGame } from "@/client/player-game";
import type { PersonalView, PlayerRoomView } from "@/protocol";
import { formatScore } from "@/components/shared/format";
import { TeamName, useTeamName } from "@/components/shared/TeamName";
import { teamColour } from "@/protocol/teams";
import { useRefusalText } from "./refusal-text";

/** Team mode: the phone's team (name in words and its colour), its rank among the teams and its points. */
export function PlayerTeamCard({ you, showStanding = true }: { you: PersonalView; showStanding?: boolean }) {
  const t = useTranslations("teams");
  const team = you.team;
  if (!team) return null;
  return (
    <div data-testid="player-team" className="flex w-full max-w-sm flex-col items-center gap-1 rounded-2xl bg-white px-5 py-3 text-indigo-950" style={{ borderInlineStart: `0.75rem solid ${teamColour(team.team).hex}` }}>
      <p className="text-sm font-semibold text-slate-600">{t("yourTeam")}</p>
      <TeamName team={team.team} className="text-2xl font-black" swatchClassName="size-5 border-slate-300" />
      {showStanding && team.rank !== null && (
        <>
          <p data-testid="player-team-rank" className="font-bold">
            {t("teamRank", { rank: team.rank, count: you.teamCount ?? 0 })}
          </p>
          <p data-testid="player-team-score" className="text-sm tabular-nums">
            {t("teamPoints")}: {formatScore(team.score)}
          </p>
        </>
      )}
    </div>
  );
}

/** Team mode, pick in the lobby: the teams on offer; a full one can't be picked. */
export function TeamPicker({ room, you }: { room: PlayerRoomView; you: PersonalView }) {
  const t = useTranslations("teams");
  const name = useTeamName();
  const refusalText = useRefusalText();
  const { pickTeam } = usePlayerGame();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Teams the server said are full since this list came (the lobby's list follows other phones'
  // picks, up to half a second late): forgotten when a newer list comes.
  const [foundFull, setFoundFull] = useState<ReadonlySet<number>>(new Set());
  const choices = you.teamChoices;
  useEffect(() => setFoundFull(new Set()), [choices]);
  if (!choices || !room.teamMode) return null;
  const pick = async (team: number) => {
    setBusy(true);
    setProblem(null);
    const refused = await pickTeam(team);
    setBusy(false);
    if (refused) setProblem(refusalText(refused));
    if (refused?.code === "team-full") setFoundFull((teams) => new Set([...teams, team]));
  };
  return (
    <div data-testid="team-picker" className="flex w-full max-w-sm flex-col gap-2">
      <h2 className="text-xl font-black">{t("pickTitle")}</h2>
      <p className="text-sm text-indigo-100">{t("pickHint", { size: room.teamMode.size })}</p>
      <ul className="grid grid-cols-2 gap-2">
        {choices.map((choice) => {
          const mine = you.team?.team === choice.team;
          const full = choice.full || foundFull.has(choice.team);
          return (
            <li key={choice.team}>
              <button
                type="button"
                data-testid="team-choice"
                data-team={choice.team}
                aria-pressed={mine}
                disabled={busy || (full && !mine)}
                onClick={() => void pick(choice.team)}
                aria-label={`${name(choice.team)}, ${t("members", { count: choice.members })}${full && !mine ? `, ${t("full")}` : ""}`}
                className={`flex w-full flex-col items-start rounded-xl border-4 px-3 py-2 text-start text-indigo-950 disabled:opacity-60 ${mine ? "border-amber-300 bg-amber-100" : "border-transparent bg-white"}`}
              >
                <TeamName team={choice.team} className="font-black" swatchClassName="size-4 border-slate-300" />
                <span className="text-sm text-slate-700">
                  {t("members", { count: choice.members })}
                  {full && !mine ? ` · ${t("full")}` : ""}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {!you.team && <p className="text-sm text-indigo-100">{t("notPicked")}</p>}
      {problem && (
        <p role="alert" data-testid="team-pick-problem" className="rounded-lg bg-red-100 px-3 py-2 font-semibold text-red-800">
          {problem}
        </p>
      )}
    </div>
  );
}
