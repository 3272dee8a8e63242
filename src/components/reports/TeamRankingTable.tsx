import { useTranslations } from "next-intl";
import { formatScore } from "@/components/shared/format";
import { useTeamName } from "@/components/shared/TeamName";
import { teamColour } from "@/protocol/teams";
import type { Report } from "./types";

const cell = "px-3 py-2 sm:px-4";

/** Team mode: the teams, best first, with their members (a team's points per question: its members' average). */
export function TeamRankingTable({ teams }: { teams: NonNullable<Report["teams"]> }) {
  const t = useTranslations("teacherReports");
  const tRanking = useTranslations("teacherReports.ranking");
  const name = useTeamName();
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-600">{t("teamRankingNote")}</p>
      <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <table data-testid="team-ranking" className="w-full text-start">
          <caption className="sr-only">{t("teamRanking")}</caption>
          <thead className="bg-slate-100 text-sm text-slate-700">
            <tr>
              <th scope="col" className={cell}>{tRanking("rank")}</th>
              <th scope="col" className={cell}>{t("team")}</th>
              <th scope="col" className={`${cell} text-end`}>{tRanking("score")}</th>
              <th scope="col" className={cell}>{t("teamMembers")}</th>
            </tr>
          </thead>
          <tbody>
            {teams.map((team) => (
              <tr key={team.team} data-testid="team-ranking-row" className="border-t border-slate-100">
                <td className={`${cell} font-bold tabular-nums`}>{team.rank}</td>
                <th scope="row" className={`${cell} font-semibold whitespace-nowrap`}>
                  <span aria-hidden="true" className="me-2 inline-block size-3 rounded-full align-middle" style={{ backgroundColor: teamColour(team.team).hex }} />
                  {name(team.team)}
                </th>
                <td className={`${cell} text-end font-semibold tabular-nums`}>{formatScore(team.score)}</td>
                <td className={`${cell} wrap-anywhere text-slate-700`}>{team.members.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
