"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/client/trpc";
import { ContentProblems } from "./ContentProblems";
import { QuizList } from "./QuizList";
import { useTranslations } from "next-intl";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";

export function HostDashboard() {
  const t = useTranslations("teacherLibrary.library");
  const refusalText = useTeacherRefusalText();
  const trpc = useTRPC();
  const quizzes = useQuery(trpc.quizzes.list.queryOptions());

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-black tracking-tight sm:text-4xl">{t("title")}</h1>
          <p className="mt-1 text-slate-600">{t("intro")}</p>
        </div>
        <Link href="/quizzes/new" data-testid="add-quiz" className="rounded-xl bg-white px-5 py-3 font-bold text-indigo-700 shadow-sm ring-2 ring-indigo-600 hover:bg-indigo-50">
          {t("add")}
        </Link>
      </header>

      {quizzes.isPending && <p className="text-slate-600">{t("loading")}</p>}
      {quizzes.isError && (
        <p role="alert" data-testid="quizzes-error" className="rounded-xl bg-red-50 p-4 font-medium text-red-800">
          {t("loadError", { message: refusalText(quizzes.error.message) })}
        </p>
      )}
      {quizzes.data && (
        <>
          <ContentProblems problems={quizzes.data.problems} />
          <QuizList quizzes={quizzes.data.quizzes} />
        </>
      )}
    </div>
  );
}
