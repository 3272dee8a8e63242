"use client";

import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/client/trpc";
import { FewPlayersCaution } from "./FewPlayersCaution";
import { MeasuresHelp } from "./MeasuresHelp";
import { PercentCorrectChart } from "./PercentCorrectChart";
import { PlayerAnswers } from "./PlayerAnswers";
import { QuestionCard } from "./QuestionCard";
import { RankingTable } from "./RankingTable";
import { TeamRankingTable } from "./TeamRankingTable";
import { ReliabilityPanel } from "./ReliabilityPanel";
import { ReportHeader } from "./ReportHeader";
import type { Report } from "./types";
import { useTranslations } from "next-intl";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";

/** The report of one saved game: loads it, then draws the header, ranking, answers and questions. */
export function ReportView({ gameId }: { gameId: string }) {
  const t = useTranslations("teacherReports.report");
  const refusalText = useTeacherRefusalText();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [deleted, setDeleted] = useState(false);
  const report = useQuery({ ...trpc.pastGames.report.queryOptions({ gameId }), enabled: !deleted });

  const onDeleted = () => {
    setDeleted(true);
    router.push("/games");
    queryClient.removeQueries(trpc.pastGames.report.queryFilter({ gameId }));
    void queryClient.invalidateQueries(trpc.pastGames.list.pathFilter());
  };

  if (deleted) return <p role="status" className="text-slate-600">{t("deleted")}</p>;
  if (report.isPending) return <p className="text-slate-600">{t("loading")}</p>;
  if (report.isError) {
    return (
      <div className="flex flex-col gap-3">
        <p role="alert" data-testid="report-error" className="rounded-xl bg-red-50 p-4 font-medium text-red-800">
          {report.error.data?.code === "NOT_FOUND" ? t("notFound") : t("loadError", { message: refusalText(report.error.message) })}
        </p>
        <Link href="/games" className="self-start font-semibold text-indigo-700 underline underline-offset-2">
          ← {t("backToPastGames")}
        </Link>
      </div>
    );
  }
  return <ReportBody report={report.data} onDeleted={onDeleted} />;
}

function ReportBody({ report, onDeleted }: { report: Report; onDeleted: () => void }) {
  const t = useTranslations("teacherReports.report");
  const tReports = useTranslations("teacherReports");
  const [selectedId, setSelectedId] = useState<string | null>(report.ranking[0]?.playerId ?? null);
  const hasAnswers = report.ranking.length > 0 && report.questions.length > 0;

  const showAnswers = (playerId: string) => {
    setSelectedId(playerId);
    document.getElementById("player-answers")?.scrollIntoView({ behavior: "smooth", block: "start" });
    document.getElementById("player-answers-select")?.focus({ preventScroll: true });
  };

  return (
    <div className="flex flex-col gap-8">
      <ReportHeader report={report} onDeleted={onDeleted} />

      {hasAnswers && (
        <nav aria-label={t("sections")} className="flex flex-wrap gap-x-5 gap-y-1 text-sm font-semibold">
          <a href="#ranking" className="text-indigo-700 underline underline-offset-2">{t("ranking")}</a>
          <a href="#player-answers" className="text-indigo-700 underline underline-offset-2">{t("answersByPlayer")}</a>
          <a href="#questions" className="text-indigo-700 underline underline-offset-2">{t("questionsAndAnalysis")}</a>
        </nav>
      )}

      {report.teams && (
        <section id="team-ranking" aria-labelledby="team-ranking-title" className="flex scroll-mt-4 flex-col gap-3">
          <h2 id="team-ranking-title" className="text-2xl font-bold">{tReports("teamRanking")}</h2>
          <TeamRankingTable teams={report.teams} />
        </section>
      )}

      <section id="ranking" aria-labelledby="ranking-title" className="flex scroll-mt-4 flex-col gap-3">
        <h2 id="ranking-title" className="text-2xl font-bold">{t("finalRanking")}</h2>
        <RankingTable ranking={report.ranking} selectedId={selectedId} onShowAnswers={showAnswers} />
      </section>

      {hasAnswers && (
        <section id="player-answers" data-testid="report-player-answers" aria-labelledby="player-answers-title" className="flex scroll-mt-4 flex-col gap-3">
          <h2 id="player-answers-title" className="text-2xl font-bold">{t("answersByPlayer")}</h2>
          <PlayerAnswers ranking={report.ranking} questions={report.questions} selectedId={selectedId} onSelect={setSelectedId} />
        </section>
      )}

      <section id="questions" aria-labelledby="questions-title" className="flex scroll-mt-4 flex-col gap-4">
        <h2 id="questions-title" className="text-2xl font-bold">{t("questions")}</h2>
        {report.questions.length === 0 ? (
          <p className="text-slate-600">{t("noQuestions")}</p>
        ) : (
          <>
            <PercentCorrectChart questions={report.questions} />
            <FewPlayersCaution playerCount={report.summary.playerCount} />
            <ReliabilityPanel reliability={report.reliability} />
            <MeasuresHelp groupSize={report.summary.groupSize} playerCount={report.summary.playerCount} />
            {report.questions.map((question) => (
              <QuestionCard key={question.roundIndex} question={question} />
            ))}
          </>
        )}
      </section>
    </div>
  );
}
