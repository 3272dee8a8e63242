import { useReading } from "./readings";
import { DistractorBars } from "./DistractorBars";
import { inShownOrder } from "./OptionMark";
import { MeasureLabel } from "./MeasureLabel";
import { formatIndex, formatMeasure, percentOf } from "./format";
import type { ReportQuestionData } from "./types";
import { useTranslations } from "next-intl";

/**
 * Item analysis of one question: facility, the discrimination index D (top vs bottom group), the
 * item–rest correlation, and each distractor. A poll has no right answer: it only says so.
 */
export function DiscriminationPanel({ question }: { question: ReportQuestionData }) {
  const t = useTranslations("teacherReports.analysis");
  const reading = useReading();
  const d = question.discrimination;
  if (!question.scored) {
    return (
      <section aria-label={t("ofQuestion", { number: question.roundIndex + 1 })} className="flex flex-col gap-2">
        <h4 className="font-bold text-slate-800">{t("title")}</h4>
        <p data-testid="report-not-scored" className="text-slate-700">
          {reading(d.reading)}
        </p>
      </section>
    );
  }
  const distractors = inShownOrder(question.options).filter(({ option }) => !option.correct && question.kind !== "order");
  const partialGroups = !Number.isInteger(d.topCorrect) || !Number.isInteger(d.bottomCorrect);

  return (
    <section aria-label={t("ofQuestion", { number: question.roundIndex + 1 })} className="flex flex-col gap-3">
      <h4 className="font-bold text-slate-800">{t("title")}</h4>
      <p data-testid="report-facility">
        {t("facility")}{" "}
        <span className="text-lg font-black tabular-nums">{question.facility === null ? "—" : `${Math.round(question.facility * 100)}%`}</span>{" "}
        <span className="text-sm text-slate-600">{t("facilityHint")}</span>
      </p>
      <div data-testid="report-discrimination" className="flex flex-col gap-1">
        <p className="flex flex-wrap items-center gap-2">
          <span>
            {t("discrimination")}{" "}
            <span className="text-lg font-black tabular-nums">{d.index === null ? "—" : `D = ${formatIndex(d.index)}`}</span>
          </span>
          <MeasureLabel label={d.label} />
        </p>
        <p className="text-slate-700">{reading(d.reading)}</p>
        {d.topSize > 0 && d.bottomSize > 0 && (
          <p className="text-sm text-slate-600">
            {partialGroups ? (
              <>
                {t("groupsPartial", {
                  topPercent: percentOf(d.topCorrect, d.topSize),
                  topSize: d.topSize,
                  bottomPercent: percentOf(d.bottomCorrect, d.bottomSize),
                  bottomSize: d.bottomSize,
                })}
              </>
            ) : (
              <>
                {t("groups", {
                  topCorrect: d.topCorrect,
                  topSize: d.topSize,
                  topPercent: percentOf(d.topCorrect, d.topSize),
                  bottomCorrect: d.bottomCorrect,
                  bottomSize: d.bottomSize,
                  bottomPercent: percentOf(d.bottomCorrect, d.bottomSize),
                })}
              </>
            )}
          </p>
        )}
      </div>
      <div data-testid="report-item-rest" className="flex flex-col gap-1">
        <p className="flex flex-wrap items-center gap-2">
          <span>
            {t("itemRest")}{" "}
            <span className="text-lg font-black tabular-nums">{question.itemRest.value === null ? "—" : `r = ${formatMeasure(question.itemRest.value)}`}</span>
          </span>
          <MeasureLabel label={question.itemRest.label} />
        </p>
        <p className="text-slate-700">{reading(question.itemRest.reading)}</p>
      </div>
      {distractors.length > 0 && (
        <div className="flex flex-col gap-2">
          <h5 className="text-sm font-semibold text-slate-700">{t("distractors")}</h5>
          <ul className="flex flex-col gap-2">
            {distractors.map(({ option, position }) => (
              <DistractorBars key={option.index} option={option} position={position} topSize={d.topSize} bottomSize={d.bottomSize} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
