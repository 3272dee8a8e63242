"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/client/trpc";
import { PRIMARY_BUTTON } from "./buttons";
import { useRefreshLibrary } from "./use-refresh-library";
import { useTranslations } from "next-intl";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";

/** Makes an editable copy of a shared quiz in the teacher's own quizzes, and opens it. */
export function CopyQuizButton({ quizId }: { quizId: string }) {
  const t = useTranslations("teacherLibrary.quiz");
  const refusalText = useTeacherRefusalText();
  const trpc = useTRPC();
  const router = useRouter();
  const refreshLibrary = useRefreshLibrary();
  const copy = useMutation(
    trpc.quizzes.copy.mutationOptions({
      onSuccess: async (saved) => {
        await refreshLibrary();
        router.push(`/quizzes/${saved.quizId}`);
      },
    }),
  );
  return (
    <>
      <button type="button" data-testid="quiz-copy" disabled={copy.isPending || copy.isSuccess} onClick={() => copy.mutate({ quizId })} className={PRIMARY_BUTTON}>
        {copy.isPending ? t("copying") : t("copy")}
      </button>
      {copy.isError && (
        <p role="alert" data-testid="quiz-copy-error" className="w-full text-sm font-medium text-red-800">
          {refusalText(copy.error.message)}
        </p>
      )}
    </>
  );
}
