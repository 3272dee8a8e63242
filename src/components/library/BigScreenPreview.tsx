import { answeringKindTag, sliderRangeLine } from "@/components/shared/answering-tags";
import { OptionShape } from "@/components/shared/OptionShape";
import { optionStyle } from "@/components/shared/option-styles";
import { RichText } from "@/components/shared/RichText";
import { previewOrder } from "./preview-order";
import type { PreviewableQuestion } from "./preview-types";
import { useTranslations } from "next-intl";

/**
 * The projector while students answer (as HostAnswering draws it), scaled into a 16:9 box:
 * the host screen's vh sizes become container widths (1vh of a 16:9 screen = 0.5625cqw).
 */
export function BigScreenPreview({ question, number, total, quizTitle, timeLimitSec }: {
  question: PreviewableQuestion;
  number: number;
  total: number;
  quizTitle: string;
  timeLimitSec: number;
}) {
  // An ordering question's items as the game shows them: shuffled, never in the right order.
  const options = question.kind === "order" ? previewOrder(question.options) : question.options;
  const many = options.length > 4;
  const t = useTranslations("teacherLibrary.previewQuestion");
  const kindTag = answeringKindTag(question.kind, question.points);
  return (
    <figure className="flex min-w-0 flex-col gap-1.5">
      <div data-testid="preview-big-screen" className="@container aspect-video w-full overflow-hidden rounded-xl bg-stage text-white shadow-md ring-1 ring-slate-900/10">
        <div className="flex h-full flex-col">
          <div className="flex items-center justify-between gap-[2cqw] bg-stage-deep px-[2.25cqw] py-[0.85cqw] text-[1.7cqw] font-bold">
            <span className="min-w-0 truncate">{quizTitle}</span>
            <span className="shrink-0 text-indigo-200">
              Question {number} of {total}
            </span>
          </div>
          <div className="flex min-h-0 flex-1 flex-col gap-[1.1cqw] px-[2.8cqw] py-[1.7cqw]">
            <RichText html={question.promptHtml} className="line-clamp-3 text-center text-[2.7cqw] leading-tight font-black" />
            {(question.bodyHtml || question.hintHtml) && (
              <div className="flex max-h-[12cqw] flex-col items-center gap-[0.55cqw] overflow-hidden text-center text-[1.45cqw]">
                {question.bodyHtml && <RichText html={question.bodyHtml} className="text-indigo-50" />}
                {question.hintHtml && <RichText html={question.hintHtml} className="font-semibold text-amber-200 italic" />}
              </div>
            )}
            {kindTag && (
              <p className="self-center rounded-full bg-amber-300 px-[1.4cqw] py-[0.2cqw] text-[1.45cqw] font-bold text-amber-950">{kindTag}</p>
            )}
            {question.slider && (
              <p data-testid="preview-big-screen-slider-range" className="text-center text-[1.9cqw] font-bold text-indigo-100">
                {sliderRangeLine(question.slider)}
              </p>
            )}
            <div className="flex items-center gap-[1.7cqw]">
              <span className="flex size-[6.75cqw] shrink-0 items-center justify-center rounded-full bg-indigo-600 text-[3.65cqw] font-black tabular-nums">
                {timeLimitSec}
              </span>
              <span className="h-[0.85cqw] flex-1 rounded-full bg-white" />
            </div>
            <ul className={`grid min-h-0 flex-1 auto-rows-fr grid-cols-2 ${many ? "gap-[0.7cqw]" : "gap-[1cqw]"}`}>
              {options.map((option, index) => {
                const style = optionStyle(index);
                return (
                  <li
                    key={index}
                    data-testid="preview-big-screen-option"
                    className="flex min-h-0 items-center gap-[1.1cqw] overflow-hidden rounded-[0.85cqw] px-[1.4cqw] py-[0.45cqw]"
                    style={{ background: style.background, color: style.text }}
                  >
                    <OptionShape index={index} className={many ? "size-[2.5cqw]" : "size-[3.9cqw]"} />
                    <RichText
                      html={option.html}
                      className={`min-w-0 leading-tight font-bold break-words ${many ? "line-clamp-2 text-[1.6cqw]" : "line-clamp-3 text-[2.25cqw]"}`}
                    />
                  </li>
                );
              })}
            </ul>
          </div>
        </div>
      </div>
      <figcaption className="text-center text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("bigScreen")}</figcaption>
    </figure>
  );
}
