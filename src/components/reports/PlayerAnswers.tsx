import { formatScore } from "@/components/shared/format";
import { PlayerAnswersTable } from "./PlayerAnswersTable";
import { useReportFormat } from "./format";
import type { ReportPlayerData, ReportQuestionData } from "./types";
import { useTranslations } from "next-intl";

/**
 * One player's answers at a time: a select (or Previous / Next) picks the player, so the page stays
 * readable with a hundred players and thirty questions.
 */
export function PlayerAnswers({
  ranking,
  questions,
  selectedId,
  onSelect,
}: {
  ranking: ReportPlayerData[];
  questions: ReportQuestionData[];
  selectedId: string | null;
  onSelect: (playerId: string) => void;
}) {
  const t = useTranslations("teacherReports.playerAnswers");
  const format = useReportFormat();
  if (ranking.length === 0 || questions.length === 0) {
    return <p className="text-slate-600">{t("none")}</p>;
  }
  const position = Math.max(
    0,
    ranking.findIndex((player) => player.playerId === selectedId),
  );
  const player = ranking[position]!;
  const previous = ranking[position - 1];
  const next = ranking[position + 1];
  const button =
    "rounded-lg border border-slate-300 bg-white px-3 py-2 font-semibold text-slate-800 hover:border-indigo-500 disabled:cursor-not-allowed disabled:opacity-50";

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 font-semibold text-slate-800">
          {t("player")}
          <select
            id="player-answers-select"
            value={player.playerId}
            onChange={(event) => onSelect(event.target.value)}
            className="max-w-full min-w-56 rounded-lg border border-slate-300 bg-white px-3 py-2 font-normal text-slate-900"
          >
            {ranking.map((entry) => (
              <option key={entry.playerId} value={entry.playerId}>
                {t("option", { rank: entry.rank, nickname: entry.nickname, score: formatScore(entry.score) })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={button} disabled={!previous} onClick={() => previous && onSelect(previous.playerId)}>
          ← {t("previous")}
        </button>
        <button type="button" className={button} disabled={!next} onClick={() => next && onSelect(next.playerId)}>
          {t("next")} →
        </button>
      </div>
      <p className="text-slate-700" aria-live="polite">
        {t.rich("summary", {
          nickname: player.nickname,
          rank: player.rank,
          score: formatScore(player.score),
          correct: player.correctCount,
          answered: player.answeredCount,
          eligible: player.eligibleCount,
          time: format.seconds(player.averageResponseMs),
          name: (chunks) => <span className="font-bold">{chunks}</span>,
        })}
      </p>
      <PlayerAnswersTable player={player} questions={questions} />
    </div>
  );
}
