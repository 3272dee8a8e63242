"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/client/trpc";
import type { Locale } from "@/i18n/locales";
import { downloadTextFiles } from "./download";
import { useLocale, useTranslations } from "next-intl";
import { useTeacherRefusalText } from "@/components/shared/teacher-refusal-text";

type State = { kind: "idle" } | { kind: "busy" } | { kind: "done"; names: string[] } | { kind: "error"; message: string };

/** "Download CSV": asks the server for the game's CSV files and saves each one. */
export function DownloadCsvButton({ gameId }: { gameId: string }) {
  const t = useTranslations("teacherReports.csv");
  const refusalText = useTeacherRefusalText();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<State>({ kind: "idle" });

  const download = async () => {
    setState({ kind: "busy" });
    try {
      const { files } = await queryClient.fetchQuery({ ...trpc.pastGames.exportCsv.queryOptions({ gameId, locale: locale as Locale }), staleTime: 0, gcTime: 0 });
      await downloadTextFiles(files);
      setState({ kind: "done", names: files.map((file) => file.fileName) });
    } catch (error) {
      setState({ kind: "error", message: error instanceof Error ? refusalText(error.message) : String(error) });
    }
  };

  return (
    <div className="flex flex-col items-start gap-1">
      <button
        type="button"
        data-testid="report-download-csv"
        disabled={state.kind === "busy"}
        onClick={download}
        className="rounded-lg bg-indigo-700 px-4 py-2 font-bold whitespace-nowrap text-white hover:bg-indigo-800 disabled:cursor-wait disabled:bg-indigo-400"
      >
        {state.kind === "busy" ? t("preparing") : t("download")}
      </button>
      <p role="status" className={state.kind === "done" ? "text-sm text-slate-600" : "sr-only"}>
        {state.kind === "done" && t("downloaded", { names: state.names.join(", ") })}
      </p>
      {state.kind === "error" && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {t("error", { message: state.message })}
        </p>
      )}
    </div>
  );
}
