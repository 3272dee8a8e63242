import { useReading } from "./readings";
import { MeasureLabel } from "./MeasureLabel";
import { formatMeasure } from "./format";
import type { Report } from "./types";
import { useTranslations } from "next-intl";

/** The whole quiz's reliability (KR-20 or Cronbach's alpha) with its plain reading. */
export function ReliabilityPanel({ reliability }: { reliability: Report["reliability"] }) {
  const t = useTranslations("teacherReports.analysis");
  const reading = useReading();
  const name = reliability.method === "KR-20" ? "KR-20" : t("alpha");
  return (
    <section
      data-testid="report-reliability"
      aria-labelledby="reliability-title"
      className="flex flex-col gap-1 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h3 id="reliability-title" className="font-bold text-slate-800">
        {t("reliabilityTitle")}
      </h3>
      <p className="flex flex-wrap items-center gap-2">
        <span>
          {name} <span className="text-lg font-black tabular-nums">{formatMeasure(reliability.value)}</span>
        </span>
        <MeasureLabel label={reliability.label} />
      </p>
      <p className="text-slate-700">{reading(reliability.reading)}</p>
      <p className="text-sm text-slate-600">
        {t("reliabilityFrom", {
          items: reliability.itemCount,
          players: reliability.playerCount,
          method: reliability.method === "KR-20" ? "kr20" : "alpha",
        })}
      </p>
    </section>
  );
}
