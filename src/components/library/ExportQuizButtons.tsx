"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/client/trpc";
import { SECONDARY_BUTTON } from "./buttons";
import { ConvertNotes } from "./ConvertNotes";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";

type Format = "quizdown" | "kahoot" | "moodle";
type Note = { row?: number; line?: number; message: string };
type Pictures = { count: number; carried: boolean };
type State = { kind: "idle" } | { kind: "busy" } | { kind: "done"; format: Format; fileName: string; notes: Note[]; pictures: Pictures } | { kind: "error"; message: string };

function saveFile(fileName: string, mimeType: string, base64: string) {
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Export: the quiz as quizdown (.md, or a .zip with its pictures), Kahoot!'s spreadsheet (.xlsx) or
 * Moodle XML (.xml); the last two say plainly that the quiz's pictures are not in them.
 */
export function ExportQuizButtons({ quizId }: { quizId: string }) {
  const t = useTranslations("teacherImport");
  const refusalText = useTeacherRefusalText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<State>({ kind: "idle" });

  const download = async (format: Format) => {
    setState({ kind: "busy" });
    try {
      const file = await queryClient.fetchQuery({ ...trpc.quizzes.exportFile.queryOptions({ quizId, format }), staleTime: 0, gcTime: 0 });
      saveFile(file.fileName, file.mimeType, file.base64);
      setState({ kind: "done", format, fileName: file.fileName, notes: file.notes, pictures: file.pictures });
    } catch (error) {
      setState({ kind: "error", message: error instanceof Error ? refusalText(error.message) : String(error) });
    }
  };

  return (
    <section data-testid="quiz-export" className="flex flex-col gap-2 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="mr-2 font-bold">{t("exportHeading")}</h2>
        {(["quizdown", "kahoot", "moodle"] as const).map((format) => (
          <button key={format} type="button" data-testid={`quiz-export-${format}`} disabled={state.kind === "busy"} onClick={() => void download(format)} className={SECONDARY_BUTTON}>
            {t(`export.${format}`)}
          </button>
        ))}
      </div>
      {state.kind === "done" && (
        <div role="status" data-testid="quiz-export-done" className="flex flex-col gap-2">
          <p className="text-slate-700">{t("exported", { fileName: state.fileName })}</p>
          {state.pictures.count > 0 && (
            <p data-testid="quiz-export-pictures" className={state.pictures.carried ? "text-slate-700" : "font-medium text-amber-900"}>
              {state.pictures.carried
                ? t("picturesInZip", { count: state.pictures.count })
                : t("picturesNotCarried", { count: state.pictures.count, format: t(`export.${state.format}`) })}
            </p>
          )}
          {state.notes.length > 0 && <ConvertNotes notes={state.notes} heading={t("exportNotesHeading", { fileName: state.fileName })} empty="" />}
        </div>
      )}
      {state.kind === "error" && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {t("exportFailed", { message: state.message })}
        </p>
      )}
    </section>
  );
}
