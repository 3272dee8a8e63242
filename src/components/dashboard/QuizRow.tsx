"use client";

import Link from "next/link";
import { useState } from "react";
import type { RouterOutputs } from "@/client/trpc";
import { SECONDARY_BUTTON } from "@/components/library/buttons";
import { DeleteQuizButton } from "@/components/library/DeleteQuizButton";
import { RenameQuizForm } from "@/components/library/RenameQuizForm";
import { useUnplayableText } from "@/components/shared/problem-text";
import { HostQuizButton } from "./HostQuizButton";
import { QuizTags } from "./QuizTags";
import { useFormatter, useTranslations } from "next-intl";

export type LibraryQuiz = RouterOutputs["quizzes"]["list"]["quizzes"][number];

export function QuizRow({ quiz, onPickTag }: { quiz: LibraryQuiz; onPickTag: (tagKey: string) => void }) {
  const t = useTranslations("teacherLibrary.quiz");
  const unplayableText = useUnplayableText();
  const [renaming, setRenaming] = useState(false);
  return (
    <li
      data-testid={`quiz-${quiz.slug}`}
      data-quiz-title={quiz.title}
      className={`flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 ${quiz.playable ? "" : "opacity-80"}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h3 dir="auto" className="text-lg font-bold break-words">{quiz.title}</h3>
            {!quiz.editable && (
              <span data-testid="quiz-shared" title={t("sharedHint")} className="rounded-full bg-sky-100 px-2.5 py-0.5 text-xs font-bold tracking-wide text-sky-900 uppercase">
                {t("shared")}
              </span>
            )}
          </div>
          <p className="text-sm text-slate-600">
            {t("questions", { count: quiz.questionCount })}
            {quiz.editable ? (quiz.version > 1 ? ` · ${t("version", { version: quiz.version })}` : "") : ` · ${t("readOnly")}`}
          </p>
          <PlayedLine quiz={quiz} />
          <div className="mt-2">
            <QuizTags quizId={quiz.quizId} title={quiz.title} tags={quiz.tags} onPickTag={onPickTag} />
          </div>
          {!quiz.playable && (
            <p data-testid="quiz-unplayable-reason" className="mt-1 text-sm font-medium text-amber-800">
              {t("unplayable", { reason: quiz.unplayableReason ? unplayableText(quiz.unplayableReason) : t("hasProblem") })}
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Link href={`/quizzes/${quiz.quizId}`} data-testid="quiz-preview-link" className={SECONDARY_BUTTON}>
            {t("preview")}
          </Link>
          {quiz.editable && (
            <>
              <button type="button" data-testid="quiz-rename" onClick={() => setRenaming(true)} className={SECONDARY_BUTTON}>
                {t("rename")}
              </button>
              <Link href={`/quizzes/${quiz.quizId}?replace=1`} data-testid="quiz-replace" className={SECONDARY_BUTTON}>
                {t("replace")}
              </Link>
              <DeleteQuizButton quizId={quiz.quizId} title={quiz.title} />
            </>
          )}
          <HostQuizButton quiz={quiz} testId={`host-quiz-${quiz.slug}`} />
        </div>
      </div>
      {renaming && <RenameQuizForm quizId={quiz.quizId} title={quiz.title} onDone={() => setRenaming(false)} />}
    </li>
  );
}

/** When this teacher last played the quiz and how their classes did (as the reports count it). */
function PlayedLine({ quiz }: { quiz: LibraryQuiz }) {
  const t = useTranslations("teacherLibrary.find");
  const format = useFormatter();
  if (!quiz.lastPlayedAt) {
    return (
      <p data-testid="quiz-last-played" className="text-sm text-slate-600">
        {t("notPlayed")}
      </p>
    );
  }
  return (
    <p data-testid="quiz-last-played" className="text-sm text-slate-600">
      {t("lastPlayed", { date: format.dateTime(new Date(quiz.lastPlayedAt), { dateStyle: "medium" }), games: quiz.gamesPlayed })}
      {quiz.percentCorrect !== null && (
        <>
          {" · "}
          <span data-testid="quiz-percent-correct">{t("percentCorrect", { percent: quiz.percentCorrect })}</span>
        </>
      )}
    </p>
  );
}
