import Link from "next/link";
import { formatScore } from "@/components/shared/format";
import { DeleteReportButton } from "./DeleteReportButton";
import { DownloadCsvButton } from "./DownloadCsvButton";
import { StatusBadge } from "./StatusBadge";
import { useReportFormat } from "./format";
import type { Report } from "./types";
import { useTranslations } from "next-intl";

/** Quiz title, when it was played, status, the headline numbers and the two actions. */
export function ReportHeader({ report, onDeleted }: { report: Report; onDeleted: () => void }) {
  const t = useTranslations("teacherReports.report");
  const format = useReportFormat();
  const { game, summary } = report;
  const playedAt = game.startedAt ?? game.createdAt;
  const hasPlayers = summary.playerCount > 0;
  return (
    <header className="flex flex-col gap-4">
      <Link href="/games" className="self-start font-semibold text-indigo-700 underline underline-offset-2">
        ← {t("backToPastGames")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 data-testid="report-title" dir="auto" className="text-3xl font-black tracking-tight break-words sm:text-4xl">
            {game.quizTitle}
          </h1>
          <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-700">
            <time dateTime={playedAt}>{format.dateTime(playedAt)}</time>
            <span aria-hidden>·</span>
            <StatusBadge label={game.statusLabel} testId="results-status" />
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-3">
          <DownloadCsvButton gameId={game.id} />
          <DeleteReportButton gameId={game.id} onDeleted={onDeleted} />
        </div>
      </div>
      <dl data-testid="report-summary" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <Stat label={t("players")} value={String(summary.playerCount)} />
        <Stat label={t("questions")} value={String(summary.questionCount)} />
        <Stat label={t("averageScore")} value={hasPlayers ? formatScore(Math.round(summary.averageScore)) : "—"} />
        <Stat label={t("correctAnswers")} value={hasPlayers ? `${summary.percentCorrect}%` : "—"} />
        <Stat label={t("averageTime")} value={format.seconds(summary.averageResponseMs)} />
      </dl>
      {!hasPlayers && <p className="text-slate-600">{t("nobodyJoined")}</p>}
      {hasPlayers && summary.questionCount === 0 && <p className="text-slate-600">{t("endedBeforeQuestions")}</p>}
    </header>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex flex-col-reverse rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-2xl font-black tabular-nums">{value}</dd>
    </div>
  );
}
