import type { ReactNode } from "react";
import { AnswerKey } from "./AnswerKey";
import { BigScreenPreview } from "./BigScreenPreview";
import { PhonePreview } from "./PhonePreview";
import type { PreviewableQuestion, PreviewSettings } from "./preview-types";
import { useUnplayableText } from "@/components/shared/problem-text";
import { useTranslations } from "next-intl";

const CHOICE_KINDS = new Set(["single", "multiple", "truefalse", "poll"]);

export function PreviewQuestion({ question, number, total, quizTitle, settings, hideLine = false }: {
  question: PreviewableQuestion;
  /** In the visual editor the question's line means nothing to the teacher. */
  hideLine?: boolean;
  number: number;
  total: number;
  quizTitle: string;
  settings: PreviewSettings;
}) {
  const t = useTranslations("teacherLibrary.previewQuestion");
  const unplayableText = useUnplayableText();
  const timeLimitSec = question.timeLimitSec ?? settings.timeLimitSec;
  const readTimeSec = question.readTimeSec ?? settings.readTimeSec;
  const shuffled = question.shuffleAnswers ?? settings.shuffleAnswers;
  return (
    <article data-testid="preview-question" className="flex flex-col gap-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 className="text-lg font-black">{t("title", { number })}</h3>
        {!hideLine && <span className="font-mono text-sm text-slate-500">{t("line", { line: question.line })}</span>}
        <span className="flex flex-wrap gap-1.5 text-sm">
          <Chip>{t(`kind.${question.kind}`)}</Chip>
          <Chip>{t("toAnswer", { seconds: timeLimitSec })}</Chip>
          <Chip>{t("toRead", { seconds: readTimeSec })}</Chip>
          {question.kind === "order" && <Chip>{t("shownShuffled")}</Chip>}
          {question.points === "double" && <Chip>{t("doublePoints")}</Chip>}
          {question.points === "none" && <Chip>{t("noPoints")}</Chip>}
          {question.scoring === "partial" && <Chip>{t("partialCredit")}</Chip>}
          {CHOICE_KINDS.has(question.kind) && question.kind !== "truefalse" && <Chip>{shuffled ? t("answersShuffled") : t("answersInOrder")}</Chip>}
        </span>
      </header>

      {question.unplayableReason ? (
        <p className="rounded-xl bg-amber-50 p-3 font-medium text-amber-900">{unplayableText(question.unplayableReason)}</p>
      ) : (
        <div className="grid items-start gap-5 md:grid-cols-[minmax(0,1fr)_11rem]">
          <BigScreenPreview question={question} number={number} total={total} quizTitle={quizTitle} timeLimitSec={timeLimitSec} />
          <div className="mx-auto w-44 md:w-full">
            <PhonePreview question={question} number={number} total={total} timeLimitSec={timeLimitSec} />
          </div>
        </div>
      )}

      <section>
        <h4 className="mb-2 text-sm font-bold tracking-wide text-slate-500 uppercase">{question.kind === "order" ? t("correctOrder") : question.kind === "poll" ? t("options") : t("answers")}</h4>
        <AnswerKey question={question} />
      </section>
    </article>
  );
}

function Chip({ children }: { children: ReactNode }) {
  return <span className="rounded-full bg-slate-100 px-2.5 py-0.5 font-semibold text-slate-700">{children}</span>;
}
