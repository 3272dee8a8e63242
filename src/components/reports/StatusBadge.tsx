import type { GameStatusLabel } from "../../../server/reports/types";
import { useTranslations } from "next-intl";

const STYLES: Record<GameStatusLabel, string> = {
  finished: "bg-green-100 text-green-900 ring-green-300",
  "ended early": "bg-amber-100 text-amber-900 ring-amber-300",
  interrupted: "bg-red-100 text-red-900 ring-red-300",
  "in progress": "bg-sky-100 text-sky-900 ring-sky-300",
  "waiting in lobby": "bg-slate-100 text-slate-800 ring-slate-300",
};

const STATUS_KEYS: Record<GameStatusLabel, "finished" | "endedEarly" | "interrupted" | "inProgress" | "lobby"> = {
  finished: "finished",
  "ended early": "endedEarly",
  interrupted: "interrupted",
  "in progress": "inProgress",
  "waiting in lobby": "lobby",
};

/** The game's status in words ("finished", "ended early", "interrupted"), on a tinted pill. */
export function StatusBadge({ label, testId }: { label: GameStatusLabel; testId?: string }) {
  const t = useTranslations("teacherReports.status");
  return (
    <span
      data-testid={testId}
      className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap ring-1 ${STYLES[label] ?? STYLES["waiting in lobby"]}`}
    >
      {STATUS_KEYS[label] ? t(STATUS_KEYS[label]) : label}
    </span>
  );
}
