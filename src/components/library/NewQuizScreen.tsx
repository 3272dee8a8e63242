"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/client/trpc";
import { TeacherPage } from "@/components/account/TeacherPage";
import { PRIMARY_BUTTON } from "./buttons";
import { ImportFilePanel } from "./ImportFilePanel";
import { QuizdownHelp } from "./QuizdownHelp";
import { QuizEditor } from "./editor/QuizEditor";
import { useEditorAutosave } from "./editor/use-editor-autosave";
import { useQuizDraft } from "./use-quiz-draft";
import { useRefreshLibrary } from "./use-refresh-library";
import { useTranslations } from "next-intl";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";

export function NewQuizScreen() {
  return <TeacherPage wide>{() => <NewQuiz />}</TeacherPage>;
}

/** Upload or paste a quiz file; it is checked and previewed here, and saved only when it has no errors. */
function NewQuiz() {
  const t = useTranslations("teacherLibrary.editor");
  const tq = useTranslations("teacherLibrary.quiz");
  const refusalText = useTeacherRefusalText();
  const trpc = useTRPC();
  const router = useRouter();
  const refreshLibrary = useRefreshLibrary();
  const draft = useQuizDraft();
  const te = useTranslations("teacherEditor");
  const autosave = useEditorAutosave("new", draft, "", te("leaveQuestion"));
  const create = useMutation(
    trpc.quizzes.create.mutationOptions({
      onSuccess: async () => {
        autosave.saved();
        await refreshLibrary();
        router.push("/");
      },
      onError: () => autosave.saving(false),
    }),
  );
  const saving = create.isPending || create.isSuccess;
  const parsed = draft.result?.ok ? draft.result.quiz : null;

  return (
    <div className="flex flex-col gap-6">
      <header>
        <Link href="/" className="text-sm font-semibold text-indigo-700 hover:underline">
          ← {tq("quizzes")}
        </Link>
        <h1 className="mt-1 text-3xl font-black tracking-tight sm:text-4xl">{t("addTitle")}</h1>
        <p className="mt-1 max-w-3xl text-slate-600">
          {t.rich("addIntro", { code: (chunks) => <code className="font-mono">{chunks}</code> })}
        </p>
      </header>

      <QuizdownHelp />
      <ImportFilePanel draft={draft} />
      <QuizEditor
        draft={draft}
        autosave={autosave}
        fallbackTitle={draft.title ?? te("untitled")}
        actions={
          <div className="flex flex-wrap items-center gap-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <button
              type="button"
              data-testid="quiz-save"
              disabled={!draft.canSave || saving}
              onClick={() => {
                autosave.saving(true);
                create.mutate({ source: draft.source, fileName: draft.fileName });
              }}
              className={`${PRIMARY_BUTTON} px-6 py-3 text-lg`}
            >
              {saving ? t("saving") : t("save")}
            </button>
            <p className="text-slate-600">
              {parsed && draft.title
                ? t("savesAs", { title: draft.title, count: parsed.questions.length })
                : draft.source.trim() === ""
                  ? t("nothingYet")
                  : t("fixFirst")}
            </p>
            {create.isError && (
              <p role="alert" data-testid="quiz-save-error" className="w-full rounded-xl bg-red-50 p-3 font-medium text-red-800">
                {refusalText(create.error.message)}
              </p>
            )}
          </div>
        }
      />
    </div>
  );
}
