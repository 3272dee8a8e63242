"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/client/trpc";
import { DANGER_BUTTON, SECONDARY_BUTTON } from "./buttons";
import { useTranslations } from "next-intl";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";

/** Delete, after the teacher confirms. Past games' reports keep working (the quiz is only hidden). */
export function DeleteQuizButton({ quizId, title, onDeleted }: { quizId: string; title: string; onDeleted?: () => void }) {
  const t = useTranslations("teacherLibrary.delete");
  const refusalText = useTeacherRefusalText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(
    trpc.quizzes.delete.mutationOptions({
      onSuccess: async () => {
        onDeleted?.();
        // Not refetched now: the page showing it is on its way out, and would only say it's gone.
        await queryClient.invalidateQueries({ queryKey: trpc.quizzes.get.queryKey({ quizId }), refetchType: "none" });
        await queryClient.invalidateQueries({ queryKey: trpc.quizzes.list.queryKey() });
      },
    }),
  );

  if (!confirming) {
    return (
      <button type="button" data-testid="quiz-delete" onClick={() => setConfirming(true)} className={`${SECONDARY_BUTTON} hover:border-red-500 hover:text-red-700`}>
        {t("button")}
      </button>
    );
  }
  return (
    <div role="group" aria-label={t("question", { title })} data-testid="quiz-delete-confirmation" className="flex flex-wrap items-center gap-2 rounded-xl bg-red-50 px-3 py-2 ring-1 ring-red-200">
      <span className="text-sm font-semibold text-red-900">
        {t("confirm", { title })}
      </span>
      <button type="button" data-testid="quiz-delete-confirm" disabled={remove.isPending} onClick={() => remove.mutate({ quizId })} className={DANGER_BUTTON}>
        {remove.isPending ? t("deleting") : t("yes")}
      </button>
      <button type="button" data-testid="quiz-delete-cancel" disabled={remove.isPending} onClick={() => setConfirming(false)} className={SECONDARY_BUTTON}>
        {t("keep")}
      </button>
      {remove.isError && (
        <p role="alert" data-testid="quiz-delete-error" className="w-full text-sm font-medium text-red-800">
          {refusalText(remove.error.message)}
        </p>
      )}
    </div>
  );
}
