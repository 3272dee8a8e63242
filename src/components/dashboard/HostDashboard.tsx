"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/client/trpc";
import { ContentProblems } from "./ContentProblems";
import { QuizList } from "./QuizList";

export function HostDashboard() {
  const trpc = useTRPC();
  const quizzes = useQuery(trpc.quizzes.list.queryOptions());

  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-3xl flex-col gap-6 px-4 py-8 sm:px-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-black tracking-tight sm:text-4xl">Classroom Quiz</h1>
          <p className="mt-1 text-slate-600">Pick a quiz and press Host to put it on the big screen.</p>
        </div>
        <Link
          href="/join"
          data-testid="join-link"
          className="rounded-xl border-2 border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:border-indigo-500"
        >
          Join a game →
        </Link>
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
    </main>
  );
}
