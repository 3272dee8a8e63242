"use client";

import { useTranslations } from "next-intl";
import type { AnswerInput, QuestionView } from "@/protocol";
import { usePlayerGame } from "@/client/player-game";
import { CountdownNumber } from "@/components/shared/CountdownNumber";
import { LockIcon } from "@/components/shared/icons";
import { OptionBadge } from "@/components/shared/OptionBadge";
import { RichText } from "@/components/shared/RichText";
import { formatValue, withUnit } from "./answers/slider-values";

/** `given`: what this phone sent (unknown after a page reload: the server only says an answer is in). */
export function AnswerLocked({ given, question }: { given: AnswerInput | null; question: QuestionView }) {
  const t = useTranslations("player.locked");
  const { deadline } = usePlayerGame();
  return (
    <section data-testid="phase-answering" className="flex min-h-0 flex-1 flex-col items-center justify-center gap-5 overflow-y-auto px-6 py-4 text-center">
      <div data-testid="answer-locked" className="animate-pop-in flex w-full flex-col items-center gap-4">
        <span className="flex size-20 shrink-0 items-center justify-center rounded-full bg-white text-indigo-950">
          <LockIcon className="size-10" />
        </span>
        <h1 className="text-3xl font-black">{t("title")}</h1>
        {given && <YourAnswer given={given} question={question} />}
        <p className="text-lg text-indigo-100">{t("wait")}</p>
        <CountdownNumber deadline={deadline} className="size-14 bg-white/15 text-2xl text-white" />
      </div>
    </section>
  );
}

/** The pick shown back in words: each option's shape and text, the order, the typed text or the value. */
function YourAnswer({ given, question }: { given: AnswerInput; question: QuestionView }) {
  const t = useTranslations("player.locked");
  const options = question.options ?? [];
  if ("text" in given) {
    return (
      <p data-testid="locked-answer" className="max-w-full text-lg wrap-anywhere">
        {t.rich("typed", {
          text: given.text,
          strong: (chunks) => (
            <strong dir="auto" className="font-black">
              {chunks}
            </strong>
          ),
        })}
      </p>
    );
  }
  if ("value" in given) {
    const shown = question.slider ? withUnit(formatValue(given.value, question.slider), question.slider.unit) : String(given.value);
    return (
      <p data-testid="locked-answer" className="text-lg">
        {t.rich("picked", { value: shown, strong: (chunks) => <strong className="text-2xl font-black">{chunks}</strong> })}
      </p>
    );
  }
  const picked = "choice" in given ? given.choice : given.order;
  if (picked.length === 0) return null;
  const List = "order" in given ? "ol" : "ul";
  return (
    <div data-testid="locked-answer" className="flex w-full max-w-sm flex-col gap-1 text-start">
      <p className="text-center text-lg">{"order" in given ? t("yourOrder") : t("youPicked", { count: picked.length })}</p>
      <List className="flex flex-col gap-2">
        {picked.map((index, place) => (
          <li key={index} className="flex items-center gap-3 rounded-xl bg-white/10 p-2">
            {"order" in given ? (
              <span className="w-6 shrink-0 text-center text-xl font-black tabular-nums">{place + 1}.</span>
            ) : (
              <OptionBadge index={index} className="size-10" shapeClassName="size-6" />
            )}
            <RichText phone as="span" html={options[index]?.html ?? ""} className="min-w-0 text-lg leading-snug font-bold break-words" />
          </li>
        ))}
      </List>
    </div>
  );
}
