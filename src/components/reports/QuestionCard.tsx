import { RichText } from "@/components/shared/RichText";
import { HARD_QUESTION_PERCENT } from "../../../server/reports/types";
import { DiscriminationPanel } from "./DiscriminationPanel";
import { KindReportView } from "./KindReportView";
import { OptionBarChart } from "./OptionBarChart";
import { OrderOptions } from "./OrderOptions";
import { useReportFormat } from "./format";
import type { ReportQuestionData } from "./types";
import { useTranslations } from "next-intl";

const KINDS = new Set(["single", "multiple", "order", "truefalse", "typed", "slider", "poll"] as const);
type Kind = typeof KINDS extends Set<infer K> ? K : never;
const isKind = (kind: string): kind is Kind => (KINDS as Set<string>).has(kind);

/** One played question: prompt, headline numbers, the answers chart and the item analysis. */
export function QuestionCard({ question }: { question: ReportQuestionData }) {
  const t = useTranslations("teacherReports.question");
  const format = useReportFormat();
  const number = question.roundIndex + 1;
  return (
    <article
      id={`question-${number}`}
      data-testid="results-question-row"
      aria-labelledby={`question-${number}-title`}
      className={`scroll-mt-4 rounded-2xl bg-white p-4 shadow-sm ring-1 sm:p-6 ${question.hard ? "ring-red-300" : "ring-slate-200"}`}
    >
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h3 id={`question-${number}-title`} className="text-lg font-black">
            {t("title", { number })}
          </h3>
          <span className="text-sm text-slate-600">{isKind(question.kind) ? t(`kind.${question.kind}`) : question.kind}</span>
          {question.hard && (
            <span
              data-testid="report-hard-badge"
              className="rounded-full bg-red-700 px-2.5 py-0.5 text-sm font-bold text-white"
              title={t("hardHint", { percent: HARD_QUESTION_PERCENT })}
            >
              ! {t("hard", { percent: HARD_QUESTION_PERCENT })}
            </span>
          )}
        </div>
        <RichText html={question.promptHtml} className="text-lg font-semibold break-words" />
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-slate-700">
          {question.scored && (
            <div>
              <dt className="inline">{t("correct")} </dt>
              <dd className={`inline font-bold tabular-nums ${question.hard ? "text-red-800" : ""}`}>
                {t("percentOf", { percent: question.percentCorrect, count: question.correctCount, eligible: question.eligible })}
              </dd>
            </div>
          )}
          <div>
            <dt className="inline">{t("answered")} </dt>
            <dd className="inline font-bold tabular-nums">
              {t("countOf", { count: question.answered, eligible: question.eligible })}
            </dd>
          </div>
          <div>
            <dt className="inline">{t("averageTime")} </dt>
            <dd className="inline font-bold tabular-nums">{format.seconds(question.averageResponseMs)}</dd>
          </div>
        </dl>
      </header>
      <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex flex-col gap-4">
          {question.kind === "order" ? <OrderOptions question={question} /> : question.kind !== "typed" && question.kind !== "slider" && <OptionBarChart question={question} />}
          {question.kindView && <KindReportView view={question.kindView} />}
        </div>
        <DiscriminationPanel question={question} />
      </div>
    </article>
  );
}
