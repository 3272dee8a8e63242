import { useTranslations } from "next-intl";
import Link from "next/link";
import type { HostView, TeamStanding } from "@/protocol";
import { formatScore } from "@/components/shared/format";
import { TeamName } from "@/components/shared/TeamName";

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

const PLACES = [
  { rank: 2, height: "h-[24vh]", block: "bg-slate-300" },
  { rank: 1, height: "h-[34vh]", block: "bg-amber-300" },
  { rank: 3, height: "h-[16vh]", block: "bg-orange-300" },
] as const;

/** Team mode: the podium of the three best teams. */
export function HostTeamPodium({ view }: { view: HostView }) {
  const t = useTranslations("teams");
  const tHost = useTranslations("host");
  const ranked = (view.teams ?? []).filter((team) => team.rank !== null);
  const byPlace = (place: number): TeamStanding | undefined => ranked[place - 1];
  return (
    <section data-testid="phase-podium" className="flex h-full min-h-0 flex-col items-center gap-[2vh]">
      <h2 className="text-[6vh] font-black">{t("podium")}</h2>
      {view.endedEarly && (
        <p data-testid="ended-early" className="rounded-full bg-amber-300 px-[3vh] py-[0.5vh] text-[2.8vh] font-bold text-amber-950">
          {tHost("podium.endedEarly")}
        </p>
      )}
      <div className="flex min-h-0 flex-1 items-end justify-center gap-[2vh]">
        {PLACES.map(({ rank, height, block }) => {
          const team = byPlace(rank);
          if (!team) return null;
          return (
            <div key={rank} data-testid={`team-podium-${rank}`} className="flex w-[28vw] flex-col items-center gap-[1vh]">
              <TeamName team={team.team} className="max-w-full text-[4.5vh] font-black" />
              <span className="text-[3.2vh] font-bold text-indigo-200 tabular-nums">{formatScore(team.score)}</span>
              <div className={`flex w-full items-start justify-center rounded-t-[1.5vh] pt-[2vh] ${height} ${block}`}>
                <span className="text-[8vh] font-black text-indigo-950">{rank}</span>
              </div>
            </div>
          );
        })}
      </div>
      <Link href={`/games/${view.gameId}`} data-testid="results-link" className="text-[2.8vh] font-semibold text-indigo-100 underline">
        {tHost("screen.seeResults")}
      </Link>
    </section>
  );
}
