"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { MAX_QUIZ_ZIP_BYTES, QUIZ_ZIP_REFUSALS } from "@/library/quiz-zip";
import { useRefreshLibrary } from "./use-refresh-library";
import { useTRPC } from "@/client/trpc";
import type { QuizDraft } from "./use-quiz-draft";
import { ConvertNotes } from "./ConvertNotes";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";

const IMPORTABLE = /\.(xlsx|csv|xml)$/i;
const QUIZ_ZIP = /\.zip$/i;

type ZipAdded = { fileName: string; quizId: string; title: string; pictures: number; notes: { message: string }[] };

/** Sends a quiz's .zip (exported with its pictures) to be added as a new quiz: the new quiz, or the server's refusal in its words. */
async function sendQuizZip(file: File): Promise<{ ok: true; added: Omit<ZipAdded, "fileName"> } | { ok: false; message: string }> {
  const response = await fetch("/api/quiz-zip", { method: "POST", headers: { "content-type": "application/zip" }, body: file, credentials: "same-origin" });
  const body = (await response.json().catch(() => null)) as (Omit<ZipAdded, "fileName"> & { error?: { message: string } }) | null;
  if (response.ok && body && !body.error) return { ok: true, added: body };
  return { ok: false, message: body?.error?.message ?? response.statusText };
}
const MAX_IMPORT_BYTES = 512 * 1024;

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * "Import a file": a Kahoot! spreadsheet, CSV or Moodle XML becomes quizdown in the editor, with what
 * was left out; a quiz's .zip (quizdown with its pictures) is added to the library as a new quiz.
 */
export function ImportFilePanel({ draft }: { draft: QuizDraft }) {
  const t = useTranslations("teacherImport");
  const refusalText = useTeacherRefusalText();
  const trpc = useTRPC();
  const [problem, setProblem] = useState<string | null>(null);
  const convert = useMutation(trpc.quizzes.importFile.mutationOptions());
  const refreshLibrary = useRefreshLibrary();
  const [zip, setZip] = useState<{ kind: "idle" } | { kind: "busy" } | ({ kind: "added" } & ZipAdded)>({ kind: "idle" });
  const tz = useTranslations("teacherImport.zipErrors");

  const addZip = async (file: File) => {
    if (file.size > MAX_QUIZ_ZIP_BYTES) return setProblem(t("zipTooBig", { fileName: file.name }));
    setZip({ kind: "busy" });
    try {
      const result = await sendQuizZip(file);
      if (!result.ok) {
        setZip({ kind: "idle" });
        const key = (QUIZ_ZIP_REFUSALS as Record<string, (typeof QUIZ_ZIP_REFUSALS)[keyof typeof QUIZ_ZIP_REFUSALS]>)[result.message];
        return setProblem(t("failed", { fileName: file.name, message: key ? tz(key) : refusalText(result.message) }));
      }
      setZip({ kind: "added", fileName: file.name, ...result.added });
      await refreshLibrary();
    } catch (error) {
      setZip({ kind: "idle" });
      setProblem(t("failed", { fileName: file.name, message: error instanceof Error ? error.message : String(error) }));
    }
  };

  const pick = async (file: File) => {
    setProblem(null);
    convert.reset();
    setZip({ kind: "idle" });
    if (QUIZ_ZIP.test(file.name)) return addZip(file);
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
      <p className="text-slate-600">{t("zipIntro")}</p>
      <div>
        <label className="inline-block cursor-pointer rounded-xl bg-white px-5 py-2.5 font-bold text-indigo-800 ring-2 ring-indigo-700 focus-within:ring-4 focus-within:ring-indigo-300 hover:bg-indigo-50">
          {convert.isPending || zip.kind === "busy" ? t("importing") : t("button")}
          <input
            type="file"
            accept=".xlsx,.csv,.xml,.zip"
            data-testid="quiz-import-input"
            className="sr-only"
            disabled={convert.isPending || zip.kind === "busy"}
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
      {zip.kind === "added" && (
        <div data-testid="quiz-import-zip-done" role="status" className="flex flex-col gap-2">
          <p className="font-semibold text-emerald-900">{t("zipDone", { fileName: zip.fileName, title: zip.title, count: zip.pictures })}</p>
          {zip.notes.length > 0 && <ConvertNotes notes={zip.notes} heading={t("notesHeading", { count: zip.notes.length })} empty="" />}
          <p>
            <Link href={`/quizzes/${zip.quizId}`} data-testid="quiz-import-zip-open" className="font-bold text-indigo-700 underline hover:text-indigo-900">
              {t("zipOpen", { title: zip.title })}
            </Link>
          </p>
        </div>
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
