import type { ReactNode } from "react";
import { AnswerKey } from "./AnswerKey";
import { BigScreenPreview } from "./BigScreenPreview";
import { PhonePreview } from "./PhonePreview";
import type { PreviewableQuestion, PreviewSettings } from "./preview-types";

const KIND_LABEL = {
  single: "One answer",
  multiple: "Pick all that apply",
  order: "Put in order",
  truefalse: "True or false",
  typed: "Type the answer",
  slider: "Slider",
  poll: "Poll (no points)",
} as const;
const CHOICE_KINDS = new Set(["single", "multiple", "truefalse", "poll"]);

export function PreviewQuestion({ question, number, total, quizTitle, settings }: {
  question: PreviewableQuestion;
  number: number;
  total: number;
  quizTitle: string;
  settings: PreviewSettings;
}) {
  const timeLimitSec = question.timeLimitSec ?? settings.timeLimitSec;
  const readTimeSec = question.readTimeSec ?? settings.readTimeSec;
  const shuffled = question.shuffleAnswers ?? settings.shuffleAnswers;
  return (
    <article data-testid="preview-question" className="flex flex-col gap-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 className="text-lg font-black">Question {number}</h3>
        <span className="font-mono text-sm text-slate-500">line {question.line}</span>
        <span className="flex flex-wrap gap-1.5 text-sm">
          <Chip>{KIND_LABEL[question.kind]}</Chip>
          <Chip>{timeLimitSec} s to answer</Chip>
          <Chip>{readTimeSec} s to read first</Chip>
          {question.kind === "order" && <Chip>Shown shuffled</Chip>}
          {question.points === "double" && <Chip>Double points</Chip>}
          {question.points === "none" && <Chip>No points</Chip>}
          {question.scoring === "partial" && <Chip>Partial credit</Chip>}
          {CHOICE_KINDS.has(question.kind) && question.kind !== "truefalse" && <Chip>{shuffled ? "Answers shuffled" : "Answers in this order"}</Chip>}
        </span>
      </header>

      {question.unplayableReason ? (
        <p className="rounded-xl bg-amber-50 p-3 font-medium text-amber-900">{question.unplayableReason}</p>
      ) : (
        <div className="grid items-start gap-5 md:grid-cols-[minmax(0,1fr)_11rem]">
          <BigScreenPreview question={question} number={number} total={total} quizTitle={quizTitle} timeLimitSec={timeLimitSec} />
          <div className="mx-auto w-44 md:w-full">
            <PhonePreview question={question} number={number} total={total} timeLimitSec={timeLimitSec} />
          </div>
        </div>
      )}

      <section>
        <h4 className="mb-2 text-sm font-bold tracking-wide text-slate-500 uppercase">{question.kind === "order" ? "Correct order" : question.kind === "poll" ? "Options" : "Answers"}</h4>
        <AnswerKey question={question} />
      </section>
    </article>
  );
}

function Chip({ children }: { children: ReactNode }) {
  return <span className="rounded-full bg-slate-100 px-2.5 py-0.5 font-semibold text-slate-700">{children}</span>;
}
