"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { usePlayerGame } from "@/client/player-game";
import { CountdownNumber } from "@/components/shared/CountdownNumber";
import { OptionShape } from "@/components/shared/OptionShape";
import { optionStyle } from "@/components/shared/option-styles";
import { CheckIcon } from "@/components/shared/icons";
import { RichText } from "@/components/shared/RichText";
import { AnswerLocked } from "./AnswerLocked";
import { AnswerSending } from "./AnswerSending";
import { LateJoinNotice } from "./LateJoinNotice";
import { QuestionOnBigScreen } from "./QuestionOnBigScreen";
import { ReadAloudButton } from "./ReadAloudButton";
import { LazyOrderingAnswer } from "./answers/LazyOrderingAnswer";
import { SliderAnswer } from "./answers/SliderAnswer";
import { TypedAnswer } from "./answers/TypedAnswer";
import { MAX_TYPED_ANSWER_INPUT } from "@/protocol/answers";
import { useRefusalText } from "./refusal-text";

/** Mounted once per question (keyed by its index), so a new question starts with nothing selected. */
export function PlayerAnswering() {
  const t = useTranslations("player");
  const shownRefusal = useRefusalText();
  const { room, you, connection, deadline, answer, submitAnswer } = usePlayerGame();
  const [selected, setSelected] = useState<number[]>([]);
  const question = room?.question;
  if (!room || !question) return null;

  if (you && question.index < you.firstQuestionIndex) {
    return (
      <section data-testid="phase-answering" className="flex flex-1 flex-col items-center justify-center gap-5">
        <LateJoinNotice title={t("answering.lateTitle")} detail={t("answering.lateDetail")} />
        <CountdownNumber deadline={deadline} className="size-14 bg-white/15 text-2xl text-white" />
      </section>
    );
  }

  const options = question.options ?? [];
  const multiple = question.kind === "multiple";
  const isChoiceKind = question.kind !== "order" && question.kind !== "typed" && question.kind !== "slider";
  // Five or more options: shape beside the text, so four rows still fit a 640px-high screen.
  const many = options.length > 4;
  const mine = answer?.questionIndex === question.index ? answer : null;
  if (mine?.kind === "locked") return <AnswerLocked given={mine.given} question={question} />;
  // After a refresh the server says the answer is in, though this page no longer knows which.
  if (you?.lockedQuestionIndex === question.index) return <AnswerLocked given={mine?.kind === "sending" ? mine.given : null} question={question} />;
  const sending = mine?.kind === "sending";
  const blocked = sending || room.paused;

  const onOption = (index: number) => {
    if (blocked) return;
    if (!multiple) return submitAnswer(question.index, { choice: [index] });
    setSelected((current) => (current.includes(index) ? current.filter((i) => i !== index) : [...current, index].sort((a, b) => a - b)));
  };

  return (
    <section data-testid="phase-answering" className="flex min-h-0 flex-1 flex-col gap-2 p-2">
      <h1 className="sr-only">
        {t("question.counter", { number: question.index + 1, total: question.total })}
      </h1>
      <div className="flex items-center gap-3 px-1">
        {question.textHidden ? (
          <QuestionOnBigScreen className="min-w-0 flex-1 text-base font-bold" />
        ) : (
          <RichText phone
            testId="player-prompt"
            html={question.promptHtml}
            className={`min-w-0 flex-1 text-base leading-snug font-bold ${many ? "line-clamp-2" : "line-clamp-3"}`}
          />
        )}
        <ReadAloudButton question={question} compact />
        <CountdownNumber deadline={deadline} className="size-12 bg-white text-2xl text-indigo-950" />
      </div>
      {/* The question's code (or other body) stays in view while answering, scrolling if long. */}
      {question.bodyHtml && (
        <RichText phone
          testId="player-question-body"
          html={question.bodyHtml}
          className="max-h-[35dvh] min-w-0 shrink-0 overflow-y-auto px-1 text-sm text-indigo-50"
        />
      )}
      {multiple && <p className="px-1 text-sm font-semibold text-amber-200">{t("answering.pickAll")}</p>}
      {question.kind === "poll" && <p className="px-1 text-sm font-semibold text-amber-200">{t("answering.poll")}</p>}
      {sending && <AnswerSending offline={connection !== "connected"} slow={mine.slow === true} />}
      {mine?.kind === "refused" && (
        <p role="alert" data-testid="answer-error" className="rounded-lg bg-amber-300 px-3 py-2 text-sm font-bold text-amber-950">
          {shownRefusal(mine.refusal)}
        </p>
      )}
      {question.kind === "order" && (
        <LazyOrderingAnswer
          // Ids are the places the items are shown in (shuffled), so they say nothing about the right order.
          items={options.map((option, index) => ({ id: String(index), html: option.html }))}
          disabled={room.paused}
          sending={sending}
          onSubmit={(order) => submitAnswer(question.index, { order: order.map(Number) })}
        />
      )}
      {question.kind === "typed" && (
        <TypedAnswer
          numeric={question.numeric === true}
          maxLength={MAX_TYPED_ANSWER_INPUT}
          disabled={room.paused}
          sending={sending}
          onSubmit={(text) => submitAnswer(question.index, { text })}
        />
      )}
      {question.kind === "slider" && question.slider && (
        <SliderAnswer
          {...question.slider}
          disabled={room.paused}
          sending={sending}
          onSubmit={(value) => submitAnswer(question.index, { value })}
        />
      )}
      {isChoiceKind && (
        <div className="-m-1 grid min-h-0 flex-1 auto-rows-fr grid-cols-2 gap-2 overflow-y-auto p-1">
          {options.map((option, index) => {
            const style = optionStyle(index);
            // While sending, the option(s) on their way stay marked.
            const isSelected = (sending ? mine.choice : selected).includes(index);
            return (
              <button
                key={index}
                type="button"
                data-testid={`answer-option-${index}`}
                aria-pressed={multiple ? isSelected : undefined}
                disabled={blocked}
                onClick={() => onOption(index)}
                className={`relative flex items-center gap-2 rounded-xl text-center shadow-md transition-transform active:scale-[0.97] disabled:opacity-70 ${
                  many ? "min-h-[4rem] flex-row justify-start py-2 ps-2.5 pe-7 text-start" : "min-h-[5.5rem] flex-col justify-center p-2"
                } ${isSelected ? "ring-4 ring-white ring-offset-2 ring-offset-stage" : ""}`}
                style={{ background: style.background, color: style.text }}
              >
                <OptionShape index={index} className={many ? "size-6" : "size-8"} />
                <RichText phone
                  as="span"
                  html={option.html}
                  className={`min-w-0 leading-tight font-bold break-words ${many ? "line-clamp-3 text-sm" : "line-clamp-4 text-base"}`}
                />
                {multiple && (
                  <span
                    aria-hidden
                    className={`absolute end-1.5 top-1.5 flex items-center justify-center rounded-full border-2 ${many ? "size-5" : "size-7"} ${
                      isSelected ? "border-white bg-white text-indigo-950" : "border-current"
                    }`}
                  >
                    {isSelected && <CheckIcon className={many ? "size-3.5" : "size-5"} />}
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
          disabled={selected.length === 0 || blocked}
          onClick={() => submitAnswer(question.index, { choice: selected })}
          className="rounded-xl bg-white py-3.5 text-xl font-black text-indigo-950 shadow-lg disabled:bg-white/30 disabled:text-white/70"
        >
          {sending ? t("answering.sending") : selected.length === 0 ? t("answering.pickAtLeastOne") : t("answering.submitCount", { count: selected.length })}
        </button>
      )}
    </section>
  );
}
