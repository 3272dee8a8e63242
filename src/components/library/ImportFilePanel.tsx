"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/client/trpc";
import type { QuizDraft } from "./use-quiz-draft";
import { ConvertNotes } from "./ConvertNotes";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";

const IMPORTABLE = /\.(xlsx|csv|xml)$/i;
const MAX_IMPORT_BYTES = 512 * 1024;

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** "Import a file": a Kahoot! spreadsheet, CSV or Moodle XML becomes quizdown in the editor, with what was left out. */
export function ImportFilePanel({ draft }: { draft: QuizDraft }) {
  const t = useTranslations("teacherImport");
  const refusalText = useTeacherRefusalText();
  const trpc = useTRPC();
  const [problem, setProblem] = useState<string | null>(null);
  const convert = useMutation(trpc.quizzes.importFile.mutationOptions());

  const pick = async (file: File) => {
    setProblem(null);
    convert.reset();
    if (!IMPORTABLE.test(file.name)) return setProblem(t("wrongType", { fileName: file.name }));
    if (file.size > MAX_IMPORT_BYTES) return setProblem(t("tooBig", { fileName: file.name }));
    try {
      const result = await convert.mutateAsync({ fileName: file.name, base64: await base64Of(file) });
      draft.loadConverted(result.quizdown, file.name.replace(/\.[^.]+$/, ".md"));
    } catch (error) {
      setProblem(t("failed", { fileName: file.name, message: error instanceof Error ? refusalText(error.message) : String(error) }));
    }
  };

  return (
    <section data-testid="quiz-import" className="flex flex-col gap-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 className="text-lg font-bold">{t("heading")}</h2>
      <p className="text-slate-600">{t("intro")}</p>
      <div>
        <label className="inline-block cursor-pointer rounded-xl bg-white px-5 py-2.5 font-bold text-indigo-800 ring-2 ring-indigo-700 focus-within:ring-4 focus-within:ring-indigo-300 hover:bg-indigo-50">
          {convert.isPending ? t("importing") : t("button")}
          <input
            type="file"
            accept=".xlsx,.csv,.xml"
            data-testid="quiz-import-input"
            className="sr-only"
            disabled={convert.isPending}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) void pick(file);
            }}
          />
        </label>
      </div>
      {problem && (
        <p role="alert" data-testid="quiz-import-error" className="rounded-xl bg-red-50 p-3 font-medium text-red-800">
          {problem}
        </p>
      )}
      {convert.isSuccess && (
        <div data-testid="quiz-import-done" role="status" className="flex flex-col gap-2">
          <p className="font-semibold text-emerald-900">{t("done", { fileName: convert.variables.fileName })}</p>
          <ConvertNotes notes={convert.data.notes} heading={t("notesHeading", { count: convert.data.notes.length })} empty={t("noNotes")} />
        </div>
      )}
    </section>
  );
}
