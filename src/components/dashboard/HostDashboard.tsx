"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/client/trpc";
import { ContentProblems } from "./ContentProblems";
import { QuizList } from "./QuizList";

export function HostDashboard() {
  const trpc = useTRPC();
  const quizzes = useQuery(trpc.quizzes.list.queryOptions());

  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-3xl font-black tracking-tight sm:text-4xl">Quizzes</h1>
        <p className="mt-1 text-slate-600">Pick a quiz and press Host to put it on the big screen.</p>
      </header>

      {quizzes.isPending && <p className="text-slate-600">Loading quizzes…</p>}
      {quizzes.isError && (
        <p role="alert" data-testid="quizzes-error" className="rounded-xl bg-red-50 p-4 font-medium text-red-800">
          Couldn&apos;t load the quizzes: {quizzes.error.message}
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
