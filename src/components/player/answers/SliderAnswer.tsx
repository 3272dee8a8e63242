"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type KeyboardEvent } from "react";
import { MinusIcon, PlusIcon } from "./answer-icons";
import { answerInputClass, submitButtonClass } from "./answer-styles";
import { formatValue, highestValue, parseTypedNumber, snapToStep, startValue, stepBy, withUnit } from "./slider-values";

export interface SliderAnswerProps {
  min: number;
  max: number;
  /** > 0. A max off the grid (min 0, max 10, step 3) is never reached, as with a native range input. */
  step: number;
  /** Shown after the value: "km", "%", "°C"… */
  unit?: string;
  disabled?: boolean;
  /** The answer is on its way: everything is disabled and the button says so. */
  sending?: boolean;
  /** Receives a value on the grid, within [min, max]. */
  onSubmit(value: number): void;
}

// A big thumb for thumbs (48 px), a thick track, and the same look in Chromium, Safari and Firefox.
const rangeClass = [
  "h-12 w-full cursor-pointer appearance-none rounded-full bg-transparent disabled:cursor-default disabled:opacity-60",
  "focus-visible:outline-4 focus-visible:outline-offset-4 focus-visible:outline-amber-300",
  "[&::-webkit-slider-runnable-track]:h-3 [&::-webkit-slider-runnable-track]:rounded-full [&::-webkit-slider-runnable-track]:bg-white/30",
  "[&::-webkit-slider-thumb]:-mt-[18px] [&::-webkit-slider-thumb]:size-12 [&::-webkit-slider-thumb]:appearance-none [&::-webkit-slider-thumb]:rounded-full",
  "[&::-webkit-slider-thumb]:border-4 [&::-webkit-slider-thumb]:border-white [&::-webkit-slider-thumb]:bg-amber-400 [&::-webkit-slider-thumb]:shadow-lg",
  "[&::-moz-range-track]:h-3 [&::-moz-range-track]:rounded-full [&::-moz-range-track]:bg-white/30",
  "[&::-moz-range-thumb]:size-10 [&::-moz-range-thumb]:rounded-full [&::-moz-range-thumb]:border-4 [&::-moz-range-thumb]:border-white [&::-moz-range-thumb]:bg-amber-400",
].join(" ");

const stepButtonClass =
  "flex size-14 shrink-0 touch-manipulation items-center justify-center rounded-full bg-white/15 text-white active:scale-95 disabled:opacity-50 aria-disabled:opacity-50";

/**
 * A native range input (arrow keys, Page Up/Down, Home/End work as usual) with a number field kept
 * in sync, − and + buttons for one step, and the value with its unit written large. It starts in the
 * middle of the range. Mount it once per question and keep it mounted while sending.
 */
export function SliderAnswer({ min, max, step, unit, disabled = false, sending = false, onSubmit }: SliderAnswerProps) {
  const t = useTranslations("player.slider");
  const sendingText = useTranslations("player.answering")("sending");
  const range = { min, max, step };
  const [value, setValue] = useState(() => startValue(range));
  // What the number field shows; it may briefly hold something unfinished ("3," or "-") while typing.
  const [draft, setDraft] = useState<string | null>(null);
  const blocked = disabled || sending;
  const fieldId = useId();
  const top = highestValue(range);
  const shown = formatValue(value, range);
  const spoken = withUnit(shown, unit);

  const set = (next: number) => {
    setValue(snapToStep(next, range));
    setDraft(null);
  };

  const onDraft = (text: string) => {
    setDraft(text);
    const typed = parseTypedNumber(text);
    if (typed !== null && typed >= min && typed <= top) setValue(snapToStep(typed, range));
  };

  // Leaving the field (or Enter) settles what was typed on the grid and in range, and shows it.
  const settleDraft = () => {
    if (draft === null) return;
    const typed = parseTypedNumber(draft);
    set(typed ?? value);
  };

  const onFieldKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      settleDraft();
    }
  };

  return (
    <div data-testid="slider-answer" className="flex flex-1 flex-col justify-center-safe gap-4 px-1">
      <div className="flex items-center justify-between gap-2">
        <button type="button" data-testid="slider-decrease" aria-label={t("less")} disabled={blocked}
          aria-disabled={value <= min} onClick={() => set(stepBy(value, -1, range))} className={stepButtonClass}>
          <MinusIcon className="size-7" />
        </button>
        <p aria-hidden data-testid="slider-value" className={`min-w-0 text-center font-black break-words tabular-nums ${spoken.length > 9 ? "text-3xl" : "text-5xl"}`}>
          {spoken}
        </p>
        <button type="button" data-testid="slider-increase" aria-label={t("more")} disabled={blocked}
          aria-disabled={value >= top} onClick={() => set(stepBy(value, 1, range))} className={stepButtonClass}>
          <PlusIcon className="size-7" />
        </button>
      </div>

      <div className="flex flex-col gap-1">
        <input
          type="range"
          data-testid="slider-range"
          aria-label={t("estimate")}
          aria-valuetext={spoken}
          min={min}
          max={max}
          step={step}
          value={value}
          disabled={blocked}
          onChange={(event) => set(Number(event.target.value))}
          className={rangeClass}
        />
        <div aria-hidden className="flex justify-between text-sm font-semibold text-indigo-200 tabular-nums">
          <span>{withUnit(formatValue(min, range), unit)}</span>
          <span>{withUnit(formatValue(top, range), unit)}</span>
        </div>
      </div>

      <div className="flex items-center gap-3">
        <label htmlFor={fieldId} className="shrink-0 font-semibold text-indigo-100">
          {unit?.trim() ? t("typeItUnit", { unit: unit.trim() }) : t("typeIt")}
        </label>
        <input
          id={fieldId}
          data-testid="slider-number"
          type="text"
          // iOS's decimal pad has no minus key: ranges below zero get the full keyboard.
          inputMode={min < 0 ? "text" : "decimal"}
          enterKeyHint="done"
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          aria-description={t("range", { min: withUnit(formatValue(min, range), unit), max: withUnit(formatValue(top, range), unit) })}
          value={draft ?? shown}
          disabled={blocked}
          onChange={(event) => onDraft(event.target.value)}
          onBlur={settleDraft}
          onKeyDown={onFieldKey}
          className={`${answerInputClass} min-w-0 flex-1 text-center tabular-nums`}
        />
      </div>

      <button type="button" data-testid="answer-submit" disabled={blocked} onClick={() => onSubmit(snapToStep(value, range))} className={submitButtonClass}>
        {sending ? sendingText : t("submit", { value: spoken })}
      </button>
    </div>
  );
}
