import { HARD_QUESTION_PERCENT } from "../../../server/reports/types";
import type { ReportQuestionData } from "./types";
import { useTranslations } from "next-intl";

/**
 * Overview: one column per question, its height the share of players who got it right, with the
 * line below which a question counts as one of the hardest. Hard columns are red AND marked "!".
 */
export function PercentCorrectChart({ questions }: { questions: ReportQuestionData[] }) {
  const t = useTranslations("teacherReports.chart");
  if (questions.length === 0) return null;
  const showValues = questions.length <= 40;
  const hardCount = questions.filter((question) => question.hard).length;
  const description = [
    t("description"),
    questions
      .map((question) =>
        question.scored
          ? t("columnScored", { number: question.roundIndex + 1, percent: question.percentCorrect, hard: String(question.hard) })
          : t("columnPoll", { number: question.roundIndex + 1 }),
      )
      .join(", "),
    t("hardCount", { count: hardCount, percent: HARD_QUESTION_PERCENT }),
  ].join(" ");

  return (
    <figure className="flex flex-col gap-2 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <figcaption className="font-semibold text-slate-800">
        {t("title")}
        <span className="ml-2 text-sm font-normal text-slate-600">
          {t("dashedLine", { percent: HARD_QUESTION_PERCENT })}
        </span>
      </figcaption>
      <div className="overflow-x-auto">
        <div role="img" aria-label={description} className="flex gap-2 pt-4" style={{ minWidth: `${questions.length * 18 + 40}px` }}>
          {/* y axis */}
          <div className="relative h-48 w-9 shrink-0 text-right text-xs text-slate-500 tabular-nums" aria-hidden>
            {[100, 50, 0].map((tick) => (
              <span key={tick} className="absolute right-1 -translate-y-1/2" style={{ top: `${100 - tick}%` }}>
                {tick}%
              </span>
            ))}
          </div>
          <div className="flex flex-1 flex-col" aria-hidden>
            <div className="relative h-48 border-b border-l border-slate-300">
              {[50, 100].map((tick) => (
                <div key={tick} className="absolute inset-x-0 border-t border-slate-100" style={{ bottom: `${tick}%` }} />
              ))}
              <div className="absolute inset-0 flex items-end gap-[3px] px-1">
                {questions.map((question) => (
                  <div key={question.roundIndex} className="flex h-full min-w-3 flex-1 items-end justify-center">
                    {/* A poll has no right answer: no column. */}
                    {!question.scored ? (
                      <span className="text-[11px] text-slate-500">{t("poll")}</span>
                    ) : (
                      <div
                        className={`relative w-full max-w-10 rounded-t ${question.hard ? "bg-red-600" : "bg-indigo-600"}`}
                        style={{ height: `${Math.max(question.percentCorrect, 0.5)}%` }}
                      >
                        {showValues && (
                          <span
                            className={`absolute bottom-full left-1/2 -translate-x-1/2 text-[11px] leading-tight whitespace-nowrap tabular-nums ${
                              question.hard ? "font-bold text-red-800" : "text-slate-600"
                            }`}
                          >
                            {question.hard ? "!" : ""}
                            {question.percentCorrect}
                          </span>
                        )}
                      </div>
                    )}
                  </div>
                ))}
              </div>
              <div className="absolute inset-x-0 border-t-2 border-dashed border-red-700" style={{ bottom: `${HARD_QUESTION_PERCENT}%` }}>
                <span className="absolute right-0 -translate-y-full bg-white/80 px-1 text-[11px] font-semibold text-red-800">
                  {HARD_QUESTION_PERCENT}%
                </span>
              </div>
            </div>
            <div className="flex gap-[3px] px-1 pt-1">
              {questions.map((question) => (
                <span key={question.roundIndex} className="min-w-3 flex-1 text-center text-[11px] text-slate-600 tabular-nums">
                  {showValues || (question.roundIndex + 1) % 5 === 0 ? question.roundIndex + 1 : ""}
                </span>
              ))}
            </div>
          </div>
        </div>
      </div>
      <p className="text-center text-xs text-slate-600" aria-hidden>
        {t("questionNumber")}
      </p>
    </figure>
  );
}
