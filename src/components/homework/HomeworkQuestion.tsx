"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { AnswerInput, QuestionView } from "@/protocol";
import { MAX_TYPED_ANSWER_INPUT } from "@/protocol/answers";
import { CheckIcon } from "@/components/shared/icons";
import { OptionShape } from "@/components/shared/OptionShape";
import { optionStyle } from "@/components/shared/option-styles";
import { RichText } from "@/components/shared/RichText";
import { LazyOrderingAnswer } from "@/components/player/answers/LazyOrderingAnswer";
import { SliderAnswer } from "@/components/player/answers/SliderAnswer";
import { TypedAnswer } from "@/components/player/answers/TypedAnswer";

/** One homework question on the phone, with the live game's answer controls. Mounted per question. */
export function HomeworkQuestion({ question, busy, onAnswer }: { question: QuestionView; busy: boolean; onAnswer: (given: AnswerInput) => void }) {
  const t = useTranslations("player");
  const [selected, setSelected] = useState<number[]>([]);
  const options = question.options ?? [];
  const multiple = question.kind === "multiple";
  const isChoiceKind = question.kind !== "order" && question.kind !== "typed" && question.kind !== "slider";
  const onOption = (index: number) => {
    if (busy) return;
    if (!multiple) return onAnswer({ choice: [index] });
    setSelected((current) => (current.includes(index) ? current.filter((i) => i !== index) : [...current, index].sort((a, b) => a - b)));
  };
  return (
    <section data-testid="homework-question" className="flex min-h-0 flex-1 flex-col gap-2 p-2">
      <h1 className="sr-only">{t("question.counter", { number: question.index + 1, total: question.total })}</h1>
      <RichText phone testId="homework-prompt" html={question.promptHtml} className="px-1 text-lg leading-snug font-bold" />
      {question.bodyHtml && <RichText phone html={question.bodyHtml} className="max-h-[35dvh] overflow-y-auto px-1 text-sm text-indigo-50" />}
      {multiple && <p className="px-1 text-sm font-semibold text-amber-200">{t("answering.pickAll")}</p>}
      {question.kind === "poll" && <p className="px-1 text-sm font-semibold text-amber-200">{t("answering.poll")}</p>}
      {question.kind === "order" && (
        <LazyOrderingAnswer items={options.map((option, index) => ({ id: String(index), html: option.html }))} disabled={busy} sending={busy} onSubmit={(order) => onAnswer({ order: order.map(Number) })} />
      )}
      {question.kind === "typed" && <TypedAnswer numeric={question.numeric === true} maxLength={MAX_TYPED_ANSWER_INPUT} disabled={busy} sending={busy} onSubmit={(text) => onAnswer({ text })} />}
      {question.kind === "slider" && question.slider && <SliderAnswer {...question.slider} disabled={busy} sending={busy} onSubmit={(value) => onAnswer({ value })} />}
      {isChoiceKind && (
        <div className="-m-1 grid min-h-0 flex-1 auto-rows-fr grid-cols-2 gap-2 overflow-y-auto p-1">
          {options.map((option, index) => {
            const style = optionStyle(index);
            const isSelected = selected.includes(index);
            return (
              <button
                key={index}
                type="button"
                data-testid={`answer-option-${index}`}
                aria-pressed={multiple ? isSelected : undefined}
                disabled={busy}
                onClick={() => onOption(index)}
                className={`relative flex min-h-[5.5rem] flex-col items-center justify-center gap-2 rounded-xl p-2 text-center shadow-md disabled:opacity-70 ${isSelected ? "ring-4 ring-white ring-offset-2 ring-offset-stage" : ""}`}
                style={{ background: style.background, color: style.text }}
              >
                <OptionShape index={index} className="size-8" />
                <RichText phone as="span" html={option.html} className="min-w-0 text-base leading-tight font-bold break-words" />
                {multiple && isSelected && (
                  <span aria-hidden className="absolute end-1.5 top-1.5 flex size-7 items-center justify-center rounded-full bg-white text-indigo-950">
                    <CheckIcon className="size-5" />
                  </span>
                )}
              </button>
            );
          })}
        </div>
      )}
      {multiple && (
        <button
          type="button"
          data-testid="answer-submit"
          disabled={selected.length === 0 || busy}
          onClick={() => onAnswer({ choice: selected })}
          className="rounded-xl bg-white py-3.5 text-xl font-black text-indigo-950 shadow-lg disabled:bg-white/30 disabled:text-white/70"
        >
          {selected.length === 0 ? t("answering.pickAtLeastOne") : t("answering.submitCount", { count: selected.length })}
        </button>
      )}
    </section>
  );
}
