"use client";

/** The big screen's reveal for ordering, type-answer and slider questions (choice kinds and polls: HostReveal). */
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { HostView, QuestionView, RevealView } from "@/protocol";
import { RichText } from "@/components/shared/RichText";

const HIDE_TYPED_KEY = "quiz-host-hide-typed-answers";

export function HostOrderingReveal({ question, reveal }: { question: QuestionView; reveal: RevealView }) {
  const t = useTranslations("host.reveal");
  const options = question.options ?? [];
  return (
    <ol data-testid="host-reveal-order" className="flex min-h-0 flex-1 flex-col justify-center-safe gap-[1.4vh] overflow-y-auto px-[6vw]">
      {reveal.correct.map((index, position) => (
        <li key={index} data-testid={`host-reveal-order-${position}`} className="flex items-center gap-[2vh] rounded-[1.5vh] bg-white/10 px-[2.5vh] py-[1.2vh]">
          <span className="w-[6vh] text-[4.5vh] font-black tabular-nums">{position + 1}.</span>
          <RichText html={options[index]?.html ?? ""} className="min-w-0 flex-1 text-[max(28px,3.8vh)] leading-tight font-bold break-words" />
          <span className="shrink-0 text-end text-[2.4vh] font-semibold text-indigo-200">
            <span className="block text-[4vh] font-black text-current tabular-nums">{reveal.counts[index] ?? 0}</span>
            {t("putItHere")}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Accepted answers, and the most common wrong ones: students' free text, which the host can hide. */
export function HostTypedReveal({ view, reveal }: { view: HostView; reveal: RevealView }) {
  const t = useTranslations("host.reveal");
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    setHidden(window.localStorage.getItem(HIDE_TYPED_KEY) === "1");
  }, []);
  const toggle = () => {
    setHidden((was) => {
      window.localStorage.setItem(HIDE_TYPED_KEY, was ? "0" : "1");
      return !was;
    });
  };
  const wrong = view.wrongAnswers ?? [];
  return (
    <div className="flex min-h-0 flex-1 flex-col items-center justify-center-safe gap-[3vh] overflow-y-auto">
      <div data-testid="host-reveal-accepted" className="rounded-[2vh] bg-emerald-700 px-[4vh] py-[2vh] text-center">
        <p className="text-[2.6vh] font-semibold">{t("rightAnswer", { count: reveal.accepted!.length })}</p>
        <p dir="auto" className="text-[5vh] leading-tight font-black break-words">
          {reveal.accepted!.join(" · ")}
        </p>
        <p className="text-[2.6vh] font-semibold">{t("gotItRight", { count: reveal.correctCount })}</p>
      </div>
      {wrong.length > 0 && (
        <div className="flex flex-col items-center gap-[1.2vh]">
          <button type="button" data-testid="host-toggle-typed" onClick={toggle} aria-pressed={hidden} className="rounded-full bg-white/15 px-[2.5vh] py-[0.6vh] text-[2.2vh] font-bold">
            {hidden ? t("showTyped") : t("hideTyped")}
          </button>
          {!hidden && (
            <ul data-testid="host-wrong-answers" className="flex flex-wrap justify-center gap-[1.2vh]">
              {wrong.map((entry) => (
                <li key={entry.text} className="rounded-[1.2vh] bg-slate-800 px-[2vh] py-[0.8vh] text-[3vh] font-bold">
                  <bdi>{entry.text}</bdi> <span className="text-indigo-300 tabular-nums">×{entry.count}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

export function HostSliderReveal({ reveal }: { reveal: RevealView }) {
  const t = useTranslations("host.reveal");
  const slider = reveal.slider!;
  const unit = slider.unit ? ` ${slider.unit}` : "";
  const at = (value: number) => `${((value - slider.min) / (slider.max - slider.min)) * 100}%`;
  return (
    <div className="flex min-h-0 flex-1 flex-col justify-center gap-[3vh] px-[6vw]">
      <p data-testid="host-reveal-slider" className="text-center text-[7vh] font-black tabular-nums">
        {slider.correct}
        {unit}
      </p>
      <div className="relative h-[2vh] rounded-full bg-white/20" aria-hidden>
        <div className="absolute top-[-1.5vh] h-[5vh] w-[0.8vh] -translate-x-1/2 rounded bg-emerald-400" style={{ left: at(slider.correct) }} />
        {slider.average !== null && <div className="absolute top-[-1vh] size-[4vh] -translate-x-1/2 rounded-full bg-amber-300" style={{ left: at(slider.average) }} />}
      </div>
      <p className="text-center text-[2.8vh] font-semibold text-indigo-100">
        {slider.tolerance > 0 ? `${t("fullPointsWithin", { tolerance: `${slider.tolerance}${unit}` })} ` : ""}
        {slider.tolerance > 0 ? t("gotItClose", { count: reveal.correctCount }) : t("gotItExactly", { count: reveal.correctCount })}
        {slider.average !== null ? ` · ${t("classAverage", { average: `${Math.round(slider.average * 100) / 100}${unit}` })}` : ""}
      </p>
    </div>
  );
}
