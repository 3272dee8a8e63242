import type { KindReport } from "../../../server/reports/kind-views";
import { useTranslations } from "next-intl";

/** The report view that fits an ordering, type-answer or slider question. */
export function KindReportView({ view }: { view: KindReport }) {
  const t = useTranslations("teacherReports.kinds");
  if (view.kind === "order") {
    return (
      <section data-testid="report-order-misplaced" className="flex flex-col gap-1.5">
        <h4 className="text-sm font-bold tracking-wide text-slate-500 uppercase">{t("misplaced")}</h4>
        <ol className="flex flex-col gap-1">
          {view.items.map((item) => (
            <li key={item.index} className="flex justify-between gap-3 rounded-lg bg-slate-50 px-3 py-1.5">
              <span dir="auto" className="min-w-0 break-words">{item.text}</span>
              <span className="shrink-0 font-bold tabular-nums">{item.misplaced}×</span>
            </li>
          ))}
        </ol>
      </section>
    );
  }
  if (view.kind === "typed") {
    return (
      <section data-testid="report-typed-groups" className="flex flex-col gap-1.5">
        <h4 className="text-sm font-bold tracking-wide text-slate-500 uppercase">{t("typed")}</h4>
        <p className="text-sm text-slate-700">{t("accepted", { answers: view.accepted.join(" · ") })}</p>
        <ul className="flex flex-col gap-1">
          {view.groups.map((group) => (
            <li key={group.text} data-correct={group.correct} className={`flex justify-between gap-3 rounded-lg px-3 py-1.5 ${group.correct ? "bg-emerald-50 font-semibold text-emerald-900" : "bg-slate-50"}`}>
              <span className="min-w-0 break-words">
                <span className="sr-only">{group.correct ? t("right") : t("wrong")}{" "}</span>
                {group.text}
              </span>
              <span className="shrink-0 font-bold tabular-nums">{group.count}</span>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  const most = Math.max(1, ...view.bins.map((bin) => bin.count));
  const unit = view.unit ? ` ${view.unit}` : "";
  const round = (value: number) => Math.round(value * 100) / 100;
  return (
    <section data-testid="report-slider-histogram" className="flex flex-col gap-1.5">
      <h4 className="text-sm font-bold tracking-wide text-slate-500 uppercase">
        {t("values", { right: `${view.correct}${unit}${view.tolerance > 0 ? ` ± ${view.tolerance}` : ""}` })}
      </h4>
      <ul className="flex flex-col gap-1">
        {view.bins.map((bin, i) => {
          const holdsRight = view.correct >= bin.from && (view.correct < bin.to || (i === view.bins.length - 1 && view.correct <= bin.to));
          return (
            <li key={i} className={`grid grid-cols-[9rem_1fr_2.5rem] items-center gap-2 text-sm ${holdsRight ? "font-bold text-emerald-900" : ""}`}>
              <span className="tabular-nums">
                {round(bin.from)}–{round(bin.to)}
                {unit}
                {holdsRight && " ✓"}
              </span>
              <span className="h-3 rounded bg-slate-100" aria-hidden>
                <span className={`block h-3 rounded ${holdsRight ? "bg-emerald-500" : "bg-indigo-400"}`} style={{ width: `${(bin.count / most) * 100}%` }} />
              </span>
              <span className="text-end tabular-nums">{bin.count}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
