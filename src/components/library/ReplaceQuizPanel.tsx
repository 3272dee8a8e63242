"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC, type RouterOutputs } from "@/client/trpc";
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from "./buttons";
import { QuizEditor } from "./editor/QuizEditor";
import { useEditorAutosave } from "./editor/use-editor-autosave";
import { useQuizDraft } from "./use-quiz-draft";
import { useRefreshLibrary } from "./use-refresh-library";
import { useTranslations } from "next-intl";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";

type SavedQuiz = RouterOutputs["quizzes"]["get"];

/**
 * A new version of the quiz: edit the current file or upload another. Games already played keep
 * the version they played; new games play this one.
 */
export function ReplaceQuizPanel({ quiz, onDone }: { quiz: SavedQuiz; onDone: () => void }) {
  const t = useTranslations("teacherLibrary.editor");
  const refusalText = useTeacherRefusalText();
  const trpc = useTRPC();
  const refreshLibrary = useRefreshLibrary();
  const draft = useQuizDraft(quiz.sourceText, quiz.pictures);
  const te = useTranslations("teacherEditor");
  const autosave = useEditorAutosave(quiz.quizId, draft, quiz.sourceText, te("leaveQuestion"));
  const replace = useMutation(
    trpc.quizzes.replace.mutationOptions({
      onSuccess: async () => {
        autosave.saved();
        await refreshLibrary();
        onDone();
      },
      onError: () => autosave.saving(false),
    }),
  );
  const cancel = () => {
    if (autosave.dirty && !window.confirm(te("leaveQuestion"))) return;
    autosave.discard();
    onDone();
  };
  const unchanged = draft.source === quiz.sourceText;
  const parsed = draft.result?.ok ? draft.result.quiz : null;
  const newTitle = parsed?.title?.trim() || quiz.title;

  return (
    <section data-testid="quiz-replace-panel" className="flex flex-col gap-6">
      <div>
        <h2 className="text-2xl font-black tracking-tight">{t("replaceTitle")}</h2>
        <p className="mt-1 max-w-3xl text-slate-600">
          {t("replaceIntro")}
        </p>
      </div>
      <QuizEditor
        pictures={{ quizId: quiz.quizId, list: quiz.pictures }}
        draft={draft}
        autosave={autosave}
        fallbackTitle={newTitle}
        actions={
          <div className="flex flex-wrap items-center gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <button
              type="button"
              data-testid="quiz-replace-save"
              disabled={!draft.canSave || unchanged || replace.isPending}
              onClick={() => {
                autosave.saving(true);
                replace.mutate({ quizId: quiz.quizId, source: draft.source });
              }}
              className={`${PRIMARY_BUTTON} px-6 py-3 text-lg`}
            >
              {replace.isPending ? t("saving") : t("saveVersion", { version: quiz.version + 1 })}
            </button>
            <button type="button" data-testid="quiz-replace-cancel" onClick={cancel} disabled={replace.isPending} className={SECONDARY_BUTTON}>
              {t("cancel")}
            </button>
            <p className="text-slate-600">{unchanged ? t("noChanges") : parsed ? t("savesWith", { title: newTitle, count: parsed.questions.length }) : t("fixFirst")}</p>
            {replace.isError && (
              <p role="alert" data-testid="quiz-replace-error" className="w-full rounded-xl bg-red-50 p-3 font-medium text-red-800">
                {refusalText(replace.error.message)}
              </p>
            )}
          </div>
        }
      />
    </section>
  );
}
