import { useTranslations } from "next-intl";
import type { HostView } from "@/protocol";
import { formatScore } from "@/components/shared/format";
import { TeamName } from "@/components/shared/TeamName";
import { PodiumStage } from "./PodiumStage";

const LEADERBOARD_SIZE = 5;

/** Team mode: the big screen's leaderboard is the teams', best first (each with its name in words). */
export function HostTeamLeaderboard({ view }: { view: HostView }) {
  const t = useTranslations("teams");
  const tMove = useTranslations("host.leaderboard");
  const teams = (view.teams ?? []).filter((team) => team.rank !== null).slice(0, LEADERBOARD_SIZE);
  return (
    <section data-testid="phase-leaderboard" className="flex h-full min-h-0 flex-col items-center gap-[3vh]">
      <h2 className="text-[6vh] font-black">{t("leaderboard")}</h2>
      <ol data-testid="team-leaderboard" className="flex w-full max-w-[120vh] flex-col gap-[1.5vh]">
        {teams.map((team) => {
          const up = team.movement !== null && team.movement > 0;
          const down = team.movement !== null && team.movement < 0;
          const words = team.movement === null ? tMove("newWords") : up ? tMove("up", { count: team.movement! }) : down ? tMove("down", { count: -team.movement! }) : tMove("noChange");
          const symbol = team.movement === null ? tMove("new") : up ? `▲${team.movement}` : down ? `▼${-team.movement!}` : "—";
          return (
            <li key={team.team} data-testid="team-leaderboard-row" className="animate-pop-in flex items-center gap-[3vh] rounded-[1.5vh] bg-white px-[3vh] py-[1.5vh] text-indigo-950">
              <span className="w-[7vh] text-[5vh] font-black tabular-nums">{team.rank}</span>
              <TeamName team={team.team} className="flex-1 text-[5vh] font-bold" />
              <span className="text-[3vh] font-semibold text-slate-600">{t("members", { count: team.members })}</span>
              <span aria-label={words} className={`w-[10vh] text-center text-[3.2vh] font-bold ${up ? "text-green-700" : down ? "text-red-700" : "text-slate-600"}`}>
                {symbol}
              </span>
              <span data-testid="team-leaderboard-score" className="w-[24vh] shrink-0 text-end text-[5vh] font-black tabular-nums">
                {formatScore(team.score)}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Team mode: the podium of the three best teams. */
export function HostTeamPodium({ view }: { view: HostView }) {
  const t = useTranslations("teams");
  const ranked = (view.teams ?? []).filter((team) => team.rank !== null);
  return (
    <PodiumStage
      view={view}
      title={t("podium")}
      stepTestId="team-podium"
      at={(rank) => {
        const team = ranked[rank - 1];
        return team && { score: team.score, name: <TeamName team={team.team} className="max-w-full text-[4.5vh] font-black" /> };
      }}
    />
  );
}
