"use client";

import { useTranslations } from "next-intl";
import type { HomeworkStudentView } from "@/protocol";
import { OptionShape } from "@/components/shared/OptionShape";
import { optionStyle } from "@/components/shared/option-styles";
import { RichText } from "@/components/shared/RichText";
import { RESULT_TITLE_KEYS, resultKind } from "@/components/player/announcement";

const BACKGROUNDS = { correct: "bg-green-700", incorrect: "bg-red-700", partial: "bg-amber-700", "no-answer": "bg-slate-700", voted: "bg-indigo-700" } as const;

/** A question's result for this student: right or wrong, the right answer and explanations (or "saved" until the deadline). */
export function HomeworkResult({ view, busy, onNext }: { view: HomeworkStudentView; busy: boolean; onNext: () => void }) {
  const t = useTranslations("homework");
  const tr = useTranslations("player.result");
  const { outcome, answerKey, question } = view;
  const last = (question?.index ?? 0) + 1 >= view.questionCount;
  const kind = outcome ? resultKind(outcome, question?.kind) : null;
  const options = question?.options ?? [];
  return (
    <section data-testid="homework-result" className={`flex flex-1 flex-col items-center justify-center-safe gap-4 overflow-y-auto px-5 py-6 text-center ${kind ? BACKGROUNDS[kind] : ""}`}>
      {outcome && kind ? (
        <>
          <h1 data-testid={`homework-result-${kind}`} className="text-4xl font-black">
            {tr(RESULT_TITLE_KEYS[kind])}
          </h1>
          <p className="text-3xl font-black tabular-nums" dir="ltr">
            +{outcome.points}
          </p>
          {view.score !== null && <p>{tr("total", { score: view.score })}</p>}
        </>
      ) : (
        <>
          <h1 className="text-3xl font-black">{outcome === null && view.resultsAfterDeadline ? t("saved") : tr("noAnswer")}</h1>
          {view.resultsAfterDeadline && <p>{t("savedDetail")}</p>}
        </>
      )}
      {answerKey && answerKey.correct.length > 0 && question?.kind !== "order" && !outcome?.correct && (
        <div className="flex w-full max-w-sm flex-col gap-2 rounded-xl bg-black/25 p-3 text-start" data-testid="homework-right-answer">
          <p className="text-sm font-semibold">{tr("rightAnswer", { count: answerKey.correct.length })}</p>
          {answerKey.correct.map((index) => {
            const style = optionStyle(index);
            return (
              <div key={index} className="flex items-center gap-2 rounded-lg px-3 py-2 font-bold" style={{ background: style.background, color: style.text }}>
                <OptionShape index={index} className="size-6" />
                <RichText phone as="span" html={options[index]?.html ?? ""} className="min-w-0 break-words" />
              </div>
            );
          })}
        </div>
      )}
      {answerKey?.accepted && !outcome?.correct && (
        <p className="rounded-xl bg-black/25 p-3 font-bold">
          {tr("rightTyped", { count: answerKey.accepted.length })} {answerKey.accepted.join(" · ")}
        </p>
      )}
      {answerKey?.slider && !outcome?.correct && (
        <p className="rounded-xl bg-black/25 p-3 font-bold">
          {tr("rightValue")} {answerKey.slider.correct}
          {answerKey.slider.unit ? ` ${answerKey.slider.unit}` : ""}
        </p>
      )}
      {answerKey && question?.kind === "order" && !outcome?.correct && (
        <ol className="flex w-full max-w-sm flex-col gap-1 rounded-xl bg-black/25 p-3 text-start">
          <li className="text-sm font-semibold">{tr("rightOrder")}</li>
          {answerKey.correct.map((index, position) => (
            <li key={index} className="flex gap-2 font-bold">
              <span className="tabular-nums">{position + 1}.</span>
              <RichText phone as="span" html={options[index]?.html ?? ""} className="min-w-0 break-words" />
            </li>
          ))}
        </ol>
      )}
      {answerKey?.explanations.map((explanation) => (
        <RichText phone key={explanation.option} html={explanation.html} className="w-full max-w-sm rounded-xl bg-black/25 p-3 text-start text-sm" />
      ))}
      <button type="button" data-testid="homework-next" disabled={busy} onClick={onNext} className="rounded-xl bg-white px-8 py-3 text-xl font-black text-indigo-950 shadow-lg disabled:opacity-70">
        {last ? t("finish") : t("next")}
      </button>
    </section>
  );
}
