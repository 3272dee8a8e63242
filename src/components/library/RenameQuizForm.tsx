"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/client/trpc";
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from "./buttons";
import { MAX_QUIZ_TITLE_LENGTH } from "@/quizdown/source-rules";
import { useRefreshLibrary } from "./use-refresh-library";
import { useTranslations } from "next-intl";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";

export function RenameQuizForm({ quizId, title, onDone }: { quizId: string; title: string; onDone: () => void }) {
  const t = useTranslations("teacherLibrary.rename");
  const refusalText = useTeacherRefusalText();
  const trpc = useTRPC();
  const refreshLibrary = useRefreshLibrary();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(title);
  const rename = useMutation(
    trpc.quizzes.rename.mutationOptions({
      onSuccess: async () => {
        await refreshLibrary();
        onDone();
      },
    }),
  );
  useEffect(() => inputRef.current?.select(), []);
  const empty = draft.trim() === "";

  return (
    <form
      data-testid="quiz-rename-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (empty || rename.isPending) return;
        if (draft.trim() === title) return onDone();
        rename.mutate({ quizId, title: draft });
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") onDone();
      }}
      className="flex flex-col gap-2 rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200"
    >
      <label htmlFor={inputId} className="text-sm font-semibold text-slate-700">
        {t("label")}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={inputId}
          ref={inputRef}
          data-testid="quiz-title-input"
          value={draft}
          maxLength={MAX_QUIZ_TITLE_LENGTH}
          onChange={(event) => setDraft(event.target.value)}
          className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2 font-semibold focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none"
        />
        <button type="submit" data-testid="quiz-rename-save" disabled={empty || rename.isPending} className={PRIMARY_BUTTON}>
          {rename.isPending ? t("saving") : t("save")}
        </button>
        <button type="button" data-testid="quiz-rename-cancel" onClick={onDone} className={SECONDARY_BUTTON}>
          {t("cancel")}
        </button>
      </div>
      {empty && <p className="text-sm font-medium text-red-700">{t("empty")}</p>}
      {rename.isError && (
        <p role="alert" data-testid="quiz-rename-error" className="text-sm font-medium text-red-700">
          {refusalText(rename.error.message)}
        </p>
      )}
    </form>
  );
}
