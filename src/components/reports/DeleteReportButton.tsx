"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/client/trpc";
import { ConfirmDelete } from "./ConfirmDelete";
import { useTranslations } from "next-intl";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";

/** "Delete results", with a confirm step; the parent takes the teacher back to Past games. */
export function DeleteReportButton({ gameId, onDeleted }: { gameId: string; onDeleted: () => void }) {
  const t = useTranslations("teacherReports.delete");
  const refusalText = useTeacherRefusalText();
  const trpc = useTRPC();
  const remove = useMutation(trpc.pastGames.delete.mutationOptions({ onSuccess: onDeleted }));
  return (
    <div className="flex flex-col items-start gap-1">
      <ConfirmDelete
        label={t("button")}
        question={t("question")}
        busy={remove.isPending || remove.isSuccess}
        onConfirm={() => remove.mutate({ gameId })}
        testId="report-delete"
        confirmTestId="report-delete-confirm"
      />
      {remove.isError && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {t("error", { message: refusalText(remove.error.message) })}
        </p>
      )}
    </div>
  );
}
