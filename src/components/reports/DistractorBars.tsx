import { useReading } from "./readings";
import { RichText } from "@/components/shared/RichText";
import { HorizontalBar } from "./HorizontalBar";
import { formatMeasure, percentOf } from "./format";
import { OptionMark, useReportOptionName } from "./OptionMark";
import type { ReportOptionData } from "./types";
import { useTranslations } from "next-intl";

/** One wrong option: how many of the top group and of the bottom group chose it, and what that means. */
export function DistractorBars({
  option,
  position,
  topSize,
  bottomSize,
}: {
  option: ReportOptionData;
  position: number;
  topSize: number;
  bottomSize: number;
}) {
  const t = useTranslations("teacherReports.distractor");
  const optionName = useReportOptionName();
  const reading = useReading();
  const rows = [
    { group: t("top"), picked: option.pickedTop, size: topSize, fill: "bg-indigo-600" },
    { group: t("bottom"), picked: option.pickedBottom, size: bottomSize, fill: "bg-amber-500" },
  ];
  return (
    <li data-testid="report-distractor" className="flex flex-col gap-1.5 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
      <p className="flex items-center gap-2 text-sm">
        <OptionMark shown={option.shown} position={position} className="size-6" />
        <span className="font-bold">{t("wrongAnswer", { name: optionName(option.shown, position) })}</span> <RichText html={option.html} as="span" />
      </p>
      <div className="grid grid-cols-[6.5rem_minmax(0,1fr)_5.5rem] items-center gap-x-2 gap-y-1 text-sm">
        {rows.map((row) => (
          <div key={row.group} className="contents">
            <span className="text-slate-700">{row.group}</span>
            <HorizontalBar
              value={row.picked}
              max={row.size}
              heightClass="h-3.5"
              fillClass={row.fill}
              label={t("barLabel", { group: row.group, picked: row.picked, size: row.size, percent: percentOf(row.picked, row.size) })}
            />
            <span className="text-end text-slate-700 tabular-nums" aria-hidden>
              {t("of", { picked: row.picked, size: row.size })}
            </span>
          </div>
        ))}
      </div>
      {option.reading && <p className="text-sm font-medium text-slate-800">{capitalise(reading(option.reading))}</p>}
      <p data-testid="report-distractor-point-biserial" className="text-sm text-slate-700">
        {option.pointBiserial === null ? (
          <>{t("pbNone")}</>
        ) : (
          <>
            {t("pb")} <span className="font-semibold tabular-nums">{formatMeasure(option.pointBiserial)}</span>
            {option.pointBiserial < 0 ? t("pbNegative") : option.pointBiserial > 0 ? t("pbPositive") : t("pbZero")}
          </>
        )}
      </p>
    </li>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
