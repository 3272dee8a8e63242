"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC, type RouterOutputs } from "@/client/trpc";
import { TeacherPage } from "@/components/account/TeacherPage";
import { HostQuizButton } from "@/components/dashboard/HostQuizButton";
import { SECONDARY_BUTTON } from "./buttons";
import { CopyQuizButton } from "./CopyQuizButton";
import { DeleteQuizButton } from "./DeleteQuizButton";
import { ExportQuizButtons } from "./ExportQuizButtons";
import { QuizPreview } from "./QuizPreview";
import { RenameQuizForm } from "./RenameQuizForm";
import { ReplaceQuizPanel } from "./ReplaceQuizPanel";
import { useUnplayableText } from "@/components/shared/problem-text";
import { useTranslations } from "next-intl";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";

type SavedQuiz = RouterOutputs["quizzes"]["get"];

export function QuizScreen({ quizId, startReplacing }: { quizId: string; startReplacing: boolean }) {
  return <TeacherPage wide>{() => <QuizDetails quizId={quizId} startReplacing={startReplacing} />}</TeacherPage>;
}

function QuizDetails({ quizId, startReplacing }: { quizId: string; startReplacing: boolean }) {
  const trpc = useTRPC();
  const quiz = useQuery(trpc.quizzes.get.queryOptions({ quizId }, { retry: false }));
  const t = useTranslations("teacherLibrary.quiz");
  const refusalText = useTeacherRefusalText();

  if (quiz.isPending) return <p className="text-slate-600">{t("loading")}</p>;
  if (quiz.isError) {
    return (
      <div data-testid="quiz-not-found" role="alert" className="flex flex-col items-start gap-4 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <p className="text-lg font-semibold">{refusalText(quiz.error.message)}</p>
        <Link href="/" className={SECONDARY_BUTTON}>
          {t("backToQuizzes")}
        </Link>
      </div>
    );
  }
  return <QuizDetailsLoaded quiz={quiz.data} startReplacing={startReplacing && quiz.data.editable} />;
}

function QuizDetailsLoaded({ quiz, startReplacing }: { quiz: SavedQuiz; startReplacing: boolean }) {
  const t = useTranslations("teacherLibrary.quiz");
  const unplayableText = useUnplayableText();
  const router = useRouter();
  const [mode, setMode] = useState<"view" | "rename" | "replace">(startReplacing ? "replace" : "view");
  const hasQuestionTimes = quiz.questions.some((question) => question.timeLimitSec !== undefined || question.readTimeSec !== undefined);
  // Questions of a kind the game can't play are left out of the game, so they don't count here.
  const playable = quiz.questions.filter((question) => !question.unplayableReason).length;
  const hostable = { ...quiz, questionCount: playable, hasQuestionTimes };

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3">
        <Link href="/" className="text-sm font-semibold text-indigo-700 hover:underline">
          ← {t("quizzes")}
        </Link>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-3">
              <h1 data-testid="quiz-title" dir="auto" className="text-3xl font-black tracking-tight break-words sm:text-4xl">
                {quiz.title}
              </h1>
              {!quiz.editable && (
                <span data-testid="quiz-shared" className="rounded-full bg-sky-100 px-3 py-1 text-sm font-bold tracking-wide text-sky-900 uppercase">
                  {t("shared")}
                </span>
              )}
            </div>
            <p className="mt-1 text-slate-600">
              {t("questions", { count: quiz.questions.length })}
              {quiz.editable ? ` · ${t("version", { version: quiz.version })}` : ` · ${t("fromContent")}`}
            </p>
            {!quiz.playable && (
              <p data-testid="quiz-unplayable-reason" className="mt-1 font-medium text-amber-800">
                {t("unplayable", { reason: quiz.unplayableReason ? unplayableText(quiz.unplayableReason) : t("hasProblem") })}
              </p>
            )}
          </div>
          <HostQuizButton quiz={hostable} testId="quiz-host" />
        </div>

        <div className="flex flex-wrap items-center gap-2">
          {quiz.editable ? (
            <>
              <button type="button" data-testid="quiz-rename" onClick={() => setMode("rename")} className={SECONDARY_BUTTON}>
                {t("rename")}
              </button>
              <button type="button" data-testid="quiz-replace" onClick={() => setMode("replace")} className={SECONDARY_BUTTON}>
                {t("replaceLong")}
              </button>
              <DeleteQuizButton quizId={quiz.quizId} title={quiz.title} onDeleted={() => router.push("/")} />
            </>
          ) : (
            <>
              <p className="text-slate-600">{t("sharedReadOnly")}</p>
              <CopyQuizButton quizId={quiz.quizId} />
            </>
          )}
        </div>
        {mode === "rename" && <RenameQuizForm quizId={quiz.quizId} title={quiz.title} onDone={() => setMode("view")} />}
      </header>

      {mode === "replace" ? (
        <ReplaceQuizPanel quiz={quiz} onDone={() => setMode("view")} />
      ) : (
        <>
          <ExportQuizButtons quizId={quiz.quizId} />
          <QuizPreview title={quiz.title} questions={quiz.questions} settings={quiz.settings} />
          <details className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <summary className="cursor-pointer font-semibold text-indigo-800">{t("showFile")}</summary>
            <pre data-testid="quiz-source-text" className="mt-3 max-h-[32rem] overflow-auto rounded-xl bg-slate-50 p-4 font-mono text-sm leading-6">
              {quiz.sourceText}
            </pre>
          </details>
        </>
      )}
    </div>
  );
}
