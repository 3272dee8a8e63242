import { RichText } from "@/components/shared/RichText";
import { CheckIcon } from "@/components/shared/icons";
import { HorizontalBar } from "./HorizontalBar";
import { percentOf } from "./format";
import { inShownOrder, OptionMark, useReportOptionName } from "./OptionMark";
import type { ReportQuestionData } from "./types";
import { useTranslations } from "next-intl";

/**
 * How many players chose each option, as horizontal bars over the players who were in the game
 * for the question. The correct option(s) get a check mark and the word "correct", not just green.
 */
export function OptionBarChart({ question }: { question: ReportQuestionData }) {
  const t = useTranslations("teacherReports.chart");
  const optionName = useReportOptionName();
  const { eligible } = question;
  const noAnswer = Math.max(0, eligible - question.answered);
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="text-sm text-slate-600">
        {t("caption", { count: eligible })}
        {question.kind === "multiple" && ` ${t("multiple")}`}
      </figcaption>
      <ul className="flex flex-col gap-2">
        {inShownOrder(question.options).map(({ option, position }) => {
          const percent = percentOf(option.picked, eligible);
          return (
            <li
              key={option.index}
              className={`grid grid-cols-[1.75rem_minmax(0,1fr)] items-start gap-x-2 gap-y-1 rounded-lg p-2 sm:grid-cols-[1.75rem_minmax(0,14rem)_minmax(0,1fr)_6.5rem] sm:items-center ${
                option.correct ? "bg-green-50 ring-1 ring-green-300" : ""
              }`}
            >
              <span aria-hidden data-testid="report-option-mark">
                <OptionMark shown={option.shown} position={position} />
              </span>
              <div className="min-w-0">
                <span className="sr-only">{t("answer", { name: optionName(option.shown, position) })} </span>
                <RichText html={option.html} as="span" className="font-medium break-words" />
                {option.correct && (
                  <span className="ms-2 inline-flex items-center gap-0.5 rounded-full bg-green-700 px-2 py-0.5 align-middle text-xs font-bold text-white">
                    <CheckIcon className="size-3" /> {t("correct")}
                  </span>
                )}
              </div>
              <div className="col-start-2 sm:col-start-auto">
                <HorizontalBar
                  value={option.picked}
                  max={eligible}
                  fillClass={option.correct ? "bg-green-600" : "bg-slate-500"}
                  label={t("barLabel", {
                    name: optionName(option.shown, position),
                    text: option.text,
                    correct: String(option.correct),
                    picked: option.picked,
                    count: eligible,
                    percent,
                  })}
                />
              </div>
              <span className="col-start-2 text-sm text-slate-700 tabular-nums sm:col-start-auto sm:text-end" aria-hidden>
                {option.picked} · {percent}%
              </span>
            </li>
          );
        })}
        {noAnswer > 0 && (
          <li className="grid grid-cols-[1.75rem_minmax(0,1fr)] items-start gap-x-2 gap-y-1 p-2 sm:grid-cols-[1.75rem_minmax(0,14rem)_minmax(0,1fr)_6.5rem] sm:items-center">
            <span className="flex size-7 items-center justify-center text-slate-500" aria-hidden>
              —
            </span>
            <span className="text-slate-600 italic">{t("noAnswer")}</span>
            <div className="col-start-2 sm:col-start-auto">
              <HorizontalBar
                value={noAnswer}
                max={eligible}
                fillClass="bg-slate-300"
                label={t("noAnswerLabel", { picked: noAnswer, count: eligible, percent: percentOf(noAnswer, eligible) })}
              />
            </div>
            <span className="col-start-2 text-sm text-slate-700 tabular-nums sm:col-start-auto sm:text-end" aria-hidden>
              {noAnswer} · {percentOf(noAnswer, eligible)}%
            </span>
          </li>
        )}
      </ul>
    </figure>
  );
}
