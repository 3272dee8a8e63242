import { useTranslations } from "next-intl";
import type { LocalDeadline } from "@/client/countdown";
import type { HostView } from "@/protocol";
import { hasKindTag } from "@/components/shared/answering-tags";
import { CountdownBar } from "@/components/shared/CountdownBar";
import { CountdownNumber } from "@/components/shared/CountdownNumber";
import { RichText } from "@/components/shared/RichText";
import { HostOptionTiles } from "./HostOptionTiles";
import { QuestionExtras } from "./QuestionExtras";

export function HostAnswering({ view, deadline, answered, eligible }: { view: HostView; deadline: LocalDeadline | null; answered: number; eligible: number }) {
  const t = useTranslations("host.answering");
  const question = view.question;
  if (!question) return null;
  const options = question.options ?? [];
  const tag = hasKindTag(question.kind) ? t(`kindTag.${question.kind}`) : null;
  const kindTag = tag && (question.points === "double" ? t("doublePoints", { tag }) : question.points === "none" ? t("noPoints", { tag }) : tag);
  const unit = question.slider?.unit ? ` ${question.slider.unit}` : "";
  return (
    <section data-testid="phase-answering" className="flex h-full min-h-0 flex-col gap-[2vh]">
      <RichText testId="host-prompt" html={question.promptHtml} className="line-clamp-3 text-center text-[max(40px,5.2vh)] leading-tight font-black" />
      <QuestionExtras question={question} className="max-h-[26vh] shrink-0 overflow-y-auto text-[max(24px,3.1vh)]" />
      {kindTag && (
        <p data-testid="host-kind-tag" className="self-center rounded-full bg-amber-300 px-[2.5vh] py-[0.4vh] text-[2.6vh] font-bold text-amber-950">
          {kindTag}
        </p>
      )}
      {question.slider && (
        <p data-testid="host-slider-range" className="text-center text-[3.4vh] font-bold text-indigo-100">
          {t("sliderRange", { min: question.slider.min, max: `${question.slider.max}${unit}` })}
        </p>
      )}

      <div className="flex items-center justify-between gap-[3vh]">
        <CountdownNumber deadline={deadline} testId="host-countdown" className="h-[12vh] min-w-[12vh] bg-indigo-600 px-[1.5vh] text-[6.5vh] text-white" />
        <div className="flex-1">
          <CountdownBar deadline={deadline} className="h-[1.5vh]" />
        </div>
        <div className="text-end" data-testid="host-answer-count" aria-live="polite">
          <p dir="ltr" className="text-[6.5vh] leading-none font-black tabular-nums">
            {answered}
            <span className="text-[4vh] text-indigo-200"> / {eligible}</span>
          </p>
          <p className="text-[2.6vh] font-semibold text-indigo-200">{t("answers")}</p>
        </div>
      </div>

      <HostOptionTiles options={options} />
    </section>
  );
}
