import { GripIcon, MinusIcon, PlusIcon } from "@/components/player/answers/answer-icons";
import { formatValue, highestValue, startValue, withUnit } from "@/components/player/answers/slider-values";
import { optionStyle } from "@/components/shared/option-styles";
import { RichText } from "@/components/shared/RichText";
import { MAX_TYPED_ANSWER_INPUT } from "@/protocol";
import type { QuizOption, SliderSettings } from "@/quizdown";
import { previewOrder } from "./preview-order";
import { useTranslations } from "next-intl";

/*
 * Still pictures of the phone's answer components (OrderingAnswer, TypedAnswer, SliderAnswer) as first
 * shown, nothing live: sizes are those of a 360px-wide phone as container widths (1px = 0.278cqw).
 */

const submitClass = "shrink-0 rounded-[3.3cqw] py-[3.9cqw] text-center text-[5.6cqw] font-black shadow-lg";
const readySubmitClass = `${submitClass} bg-white text-indigo-950`;
// A disabled button on the phone; in the mock-up it is plain text, so it must be readable (4.5:1).
const waitingSubmitClass = `${submitClass} bg-white/30 text-white`;
const fieldClass = "flex h-[16.7cqw] items-center rounded-[3.3cqw] border-[0.56cqw] bg-white px-[4.4cqw] text-[6.7cqw] font-bold text-indigo-950";
// Printed the same on the server and in every browser (the host screen prints plain numbers too).
const NUMBER_LOCALE = "en";

/** The items rotated by one (never the right order), numbered, each with its drag grip. */
export function PhoneOrderMockup({ options }: { options: readonly Pick<QuizOption, "html">[] }) {
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-[2.2cqw]">
      <p className="px-[1.1cqw] text-[3.9cqw] font-semibold text-amber-200">
        Drag <GripIcon className="inline size-[4.4cqw] align-text-bottom" /> or tap two items to swap them, then Submit.
      </p>
      <ol className="flex min-h-0 flex-1 flex-col gap-[2.2cqw] overflow-hidden">
        {previewOrder(options).map((option, place) => {
          const style = optionStyle(place);
          return (
            <li
              key={place}
              data-testid="preview-phone-order-item"
              className="flex min-h-[15.6cqw] shrink-0 items-center gap-[2.8cqw] rounded-[3.3cqw] py-[2.2cqw] pl-[2.2cqw] shadow-md"
              style={{ background: style.background, color: style.text }}
            >
              <span className="flex size-[8.9cqw] shrink-0 items-center justify-center rounded-full bg-black/20 text-[5cqw] font-black tabular-nums">
                {place + 1}
              </span>
              <RichText phone as="span" html={option.html} className="line-clamp-3 min-w-0 flex-1 text-[4.4cqw] leading-tight font-bold break-words" />
              <span className="flex w-[13.3cqw] shrink-0 items-center justify-center">
                <GripIcon className="size-[7.8cqw] opacity-80" />
              </span>
            </li>
          );
        })}
      </ol>
      <span className={readySubmitClass}>Submit this order</span>
    </div>
  );
}

/** The empty answer field with its cursor (and the ± key when a number is expected), the characters left, and Submit. */
export function PhoneTypedMockup({ numeric }: { numeric: boolean }) {
  return (
    <div className="flex flex-1 flex-col justify-center-safe gap-[3.3cqw] px-[1.1cqw]">
      <div className="flex flex-col gap-[1.7cqw]">
        <span className="text-[4.4cqw] font-semibold text-indigo-100">{numeric ? "Your answer (a number)" : "Your answer"}</span>
        <div className="flex gap-[2.2cqw]">
          <span data-testid="preview-phone-typed-field" className={`${fieldClass} min-w-0 flex-1 border-amber-300 ring-[1.1cqw] ring-amber-300/50`}>
            <span aria-hidden className="h-[7.2cqw] w-[0.6cqw] bg-indigo-950" />
          </span>
          {numeric && <span className="flex w-[15.6cqw] shrink-0 items-center justify-center rounded-[3.3cqw] bg-white/15 text-[6.7cqw] font-black">±</span>}
        </div>
      </div>
      <p className="px-[1.1cqw] text-[3.9cqw] font-semibold text-indigo-200">{MAX_TYPED_ANSWER_INPUT} characters left</p>
      <span className={waitingSubmitClass}>Type your answer</span>
    </div>
  );
}

/** The number pad a phone opens for a numeric typed answer, at the bottom of its screen. */
export function PhoneNumberPadMockup() {
  const t = useTranslations("teacherLibrary.previewQuestion");
  const keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", ",", "0", "⌫"];
  return (
    <div
      role="img"
      aria-label={t("numberPad")}
      data-testid="preview-phone-number-pad"
      className="grid shrink-0 grid-cols-3 gap-[1.7cqw] bg-slate-300 p-[2.2cqw] text-slate-900"
    >
      {keys.map((key) => (
        <span key={key} aria-hidden className="rounded-[1.7cqw] bg-white py-[2.2cqw] text-center text-[6.1cqw] leading-none font-semibold shadow-sm">
          {key}
        </span>
      ))}
    </div>
  );
}

/** − value +, the slider with its thumb in the middle of the range, min and max, the type-it field and Submit. */
export function PhoneSliderMockup({ slider }: { slider: Pick<SliderSettings, "min" | "max" | "step" | "unit"> }) {
  const range = { min: slider.min, max: slider.max, step: slider.step };
  const value = startValue(range);
  const top = highestValue(range);
  const print = (number: number) => withUnit(formatValue(number, range, NUMBER_LOCALE), slider.unit);
  const shown = print(value);
  const fraction = top > range.min ? (value - range.min) / (top - range.min) : 0;
  const stepButtonClass = "flex size-[15.6cqw] shrink-0 items-center justify-center rounded-full bg-white/15";
  return (
    <div className="flex flex-1 flex-col justify-center-safe gap-[4.4cqw] px-[1.1cqw]">
      <div className="flex items-center justify-between gap-[2.2cqw]">
        <span className={stepButtonClass}>
          <MinusIcon className="size-[7.8cqw]" />
        </span>
        <span
          data-testid="preview-phone-slider-value"
          className={`min-w-0 text-center leading-none font-black break-words tabular-nums ${shown.length > 9 ? "text-[8.3cqw]" : "text-[13.3cqw]"}`}
        >
          {shown}
        </span>
        <span className={stepButtonClass}>
          <PlusIcon className="size-[7.8cqw]" />
        </span>
      </div>
      <div className="flex flex-col gap-[1.1cqw]">
        <div className="relative h-[13.3cqw]">
          <span className="absolute inset-x-0 top-1/2 h-[3.3cqw] -translate-y-1/2 rounded-full bg-white/30" />
          {/* Where a native range input draws its thumb: its centre travels from half a thumb in from each end. */}
          <span
            className="absolute top-0 size-[13.3cqw] rounded-full border-[1.1cqw] border-white bg-amber-400 shadow-lg"
            style={{ left: `calc(${fraction} * (100% - 13.3cqw))` }}
          />
        </div>
        <div className="flex justify-between text-[3.9cqw] font-semibold text-indigo-200 tabular-nums">
          <span>{print(range.min)}</span>
          <span>{print(top)}</span>
        </div>
      </div>
      <div className="flex items-center gap-[3.3cqw]">
        <span className="shrink-0 text-[4.4cqw] font-semibold text-indigo-100">Or type it{slider.unit?.trim() ? ` (${slider.unit.trim()})` : ""}</span>
        <span className={`${fieldClass} min-w-0 flex-1 justify-center border-white/30 tabular-nums`}>{formatValue(value, range, NUMBER_LOCALE)}</span>
      </div>
      <span className={readySubmitClass}>Submit {shown}</span>
    </div>
  );
}
