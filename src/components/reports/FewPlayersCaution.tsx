import { STABLE_STATISTICS_PLAYERS } from "../../../server/reports/types";
import { useTranslations } from "next-intl";

/** Shown above the item analysis when the class is too small for its numbers to be stable. */
export function FewPlayersCaution({ playerCount }: { playerCount: number }) {
  const t = useTranslations("teacherReports.analysis");
  if (playerCount === 0 || playerCount >= STABLE_STATISTICS_PLAYERS) return null;
  return (
    <p data-testid="report-few-players" role="note" className="rounded-xl bg-amber-50 p-4 font-medium text-amber-950 ring-1 ring-amber-300">
      {t.rich("fewPlayers", { count: playerCount, stable: STABLE_STATISTICS_PLAYERS, strong: (chunks) => <strong>{chunks}</strong> })}
    </p>
  );
}
