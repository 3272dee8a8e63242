import { formatScore } from "@/components/shared/format";
import { useTeamName } from "@/components/shared/TeamName";
import { useReportFormat } from "./format";
import type { ReportPlayerData } from "./types";
import { useTranslations } from "next-intl";

const cell = "px-3 py-2 sm:px-4";

/** The final ranking of every player; "Answers" opens that player's answers below. */
export function RankingTable({
  ranking,
  selectedId,
  onShowAnswers,
}: {
  ranking: ReportPlayerData[];
  selectedId: string | null;
  onShowAnswers: (playerId: string) => void;
}) {
  const t = useTranslations("teacherReports.ranking");
  const format = useReportFormat();
  const teamName = useTeamName();
  if (ranking.length === 0) return <p className="text-slate-600">{t("nobody")}</p>;
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className="w-full text-start">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-slate-100 text-sm text-slate-700">
          <tr>
            <th scope="col" className={cell}>{t("rank")}</th>
            <th scope="col" className={cell}>{t("nickname")}</th>
            <th scope="col" className={`${cell} text-end`}>{t("score")}</th>
            <th scope="col" className={`${cell} text-end`}>{t("correct")}</th>
            <th scope="col" className={`${cell} text-end`}>{t("averageTime")}</th>
            <th scope="col" className={cell}>
              <span className="sr-only">{t("answers")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {ranking.map((player) => (
            <tr
              key={player.playerId}
              data-testid="results-player-row"
              className={`border-t border-slate-100 ${player.playerId === selectedId ? "bg-indigo-50" : ""}`}
            >
              <td className={`${cell} font-bold tabular-nums`}>{player.rank}</td>
              <th scope="row" className={`${cell} font-semibold wrap-anywhere`}>
                {player.nickname}
                {player.team !== undefined && player.team !== null && <span className="ms-2 text-sm font-medium text-slate-600">({teamName(player.team)})</span>}
                {player.group && (
                  <span className="ms-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-slate-600">
                    {player.group === "top" ? t("topGroup") : t("bottomGroup")}
                  </span>
                )}
              </th>
              <td className={`${cell} text-end font-semibold tabular-nums`}>{formatScore(player.score)}</td>
              <td className={`${cell} text-end whitespace-nowrap tabular-nums`}>
                {player.correctCount} / {player.eligibleCount}
              </td>
              <td className={`${cell} text-end whitespace-nowrap tabular-nums`}>{format.seconds(player.averageResponseMs)}</td>
              <td className={`${cell} text-end`}>
                <button
                  type="button"
                  onClick={() => onShowAnswers(player.playerId)}
                  aria-label={t("showAnswers", { nickname: player.nickname })}
                  className="rounded-lg border border-slate-300 px-3 py-1 text-sm font-semibold whitespace-nowrap text-slate-800 hover:border-indigo-500"
                >
                  {t("answers")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
