import { OptionShape } from "@/components/shared/OptionShape";
import { optionStyle } from "@/components/shared/option-styles";
import { RichText } from "@/components/shared/RichText";
import { readTypedNumber } from "@/quizdown/typedAnswer";
import { PhoneNumberPadMockup, PhoneOrderMockup, PhoneSliderMockup, PhoneTypedMockup } from "./PhoneAnswerMockups";
import type { PreviewableQuestion } from "./preview-types";
import { useTranslations } from "next-intl";

/**
 * A student's phone while answering (as PlayerAnswering draws it), scaled into a narrow box:
 * sizes are those of a 360px-wide phone as container widths (1px = 0.278cqw).
 */
export function PhonePreview({ question, number, total, timeLimitSec }: { question: PreviewableQuestion; number: number; total: number; timeLimitSec: number }) {
  const t = useTranslations("teacherLibrary.previewQuestion");
  const options = question.options;
  const many = options.length > 4;
  const multiple = question.kind === "multiple";
  const choices = question.kind !== "order" && question.kind !== "typed" && question.kind !== "slider";
  // As the game decides it: every accepted answer is a number, so the phone opens its number pad.
  const numeric = question.kind === "typed" && (question.typed?.accepted.every((answer) => readTypedNumber(answer) !== null) ?? false);
  return (
    <figure className="flex flex-col gap-1.5">
      <div className="rounded-[1.6rem] bg-slate-800 p-1.5 shadow-md">
        <div data-testid="preview-phone" className="@container flex aspect-[9/18.5] w-full flex-col overflow-hidden rounded-[1.2rem] bg-stage text-white">
          <div className="flex items-center justify-between gap-[3cqw] bg-stage-deep px-[4.4cqw] py-[2.2cqw] text-[3.9cqw]">
            <span className="font-bold">{t("student")}</span>
            <span className="text-indigo-200">
              {number} / {total}
            </span>
            <span className="rounded-full bg-white/15 px-[2.8cqw] py-[0.6cqw] font-bold">{t("points")}</span>
          </div>
          <div className="flex min-h-0 flex-1 flex-col gap-[2.2cqw] p-[2.2cqw]">
            <div className="flex items-center gap-[3.3cqw] px-[1.1cqw]">
              <RichText phone
                html={question.promptHtml}
                className={`min-w-0 flex-1 text-[4.4cqw] leading-snug font-bold ${many ? "line-clamp-2" : "line-clamp-3"}`}
              />
              <span className="flex size-[13.3cqw] shrink-0 items-center justify-center rounded-full bg-white text-[6.7cqw] font-black text-indigo-950 tabular-nums">
                {timeLimitSec}
              </span>
            </div>
            {multiple && <p className="px-[1.1cqw] text-[3.9cqw] font-semibold text-amber-200">{t("pickAll")}</p>}
            {question.kind === "poll" && <p className="px-[1.1cqw] text-[3.9cqw] font-semibold text-amber-200">{t("poll")}</p>}
            {question.kind === "order" && <PhoneOrderMockup options={options} />}
            {question.kind === "typed" && <PhoneTypedMockup numeric={numeric} />}
            {question.kind === "slider" && question.slider && <PhoneSliderMockup slider={question.slider} />}
            {choices && (
              <div className="grid min-h-0 flex-1 auto-rows-fr grid-cols-2 gap-[2.2cqw] overflow-hidden">
                {options.map((option, index) => {
                  const style = optionStyle(index);
                  return (
                    <div
                      key={index}
                      className={`relative flex items-center gap-[2.2cqw] overflow-hidden rounded-[3.3cqw] shadow-md ${
                        many ? "min-h-[17.8cqw] flex-row justify-start py-[2.2cqw] pr-[7.8cqw] pl-[2.8cqw] text-left" : "min-h-[24.4cqw] flex-col justify-center p-[2.2cqw] text-center"
                      }`}
                      style={{ background: style.background, color: style.text }}
                    >
                      <OptionShape index={index} className={many ? "size-[6.7cqw]" : "size-[8.9cqw]"} decorative />
                      <RichText phone
                        as="span"
                        html={option.html}
                        className={`min-w-0 leading-tight font-bold break-words ${many ? "line-clamp-3 text-[3.9cqw]" : "line-clamp-4 text-[4.4cqw]"}`}
                      />
                      {multiple && (
                        <span aria-hidden className={`absolute top-[1.7cqw] right-[1.7cqw] rounded-full border-2 border-current ${many ? "size-[5.6cqw]" : "size-[7.8cqw]"}`} />
                      )}
                    </div>
                  );
                })}
              </div>
            )}
            {multiple && (
              <span className="rounded-[3.3cqw] bg-white/30 py-[3.9cqw] text-center text-[5.6cqw] font-black text-white">{t("pickOne")}</span>
            )}
          </div>
          {numeric && <PhoneNumberPadMockup />}
        </div>
      </div>
      <figcaption className="text-center text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("phone")}</figcaption>
    </figure>
  );
}
