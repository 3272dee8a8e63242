"use client";

/**
 * Plain built-in inputs for ordering, type-answer and slider questions: they work by touch and by
 * keyboard with the browser's own controls. PlayerAnswering picks one per kind; richer components
 * (drag to reorder, say) drop in there with the same props.
 */
import { useState } from "react";
import type { OptionView, SliderView } from "@/protocol";
import { RichText } from "@/components/shared/RichText";

const SUBMIT =
  "rounded-xl bg-white py-3.5 text-xl font-black text-indigo-950 shadow-lg disabled:bg-white/30 disabled:text-white/70";

export interface OrderingAnswerProps {
  /** The items as shown (display order). */
  items: OptionView[];
  disabled: boolean;
  sending: boolean;
  /** Display indexes, first to last. */
  onSubmit(order: number[]): void;
}

/** Move an item with its ↑/↓ buttons, or tap one item then another to swap them. */
export function SimpleOrderingAnswer({ items, disabled, sending, onSubmit }: OrderingAnswerProps) {
  const [order, setOrder] = useState(() => items.map((_, index) => index));
  const [picked, setPicked] = useState<number | null>(null);
  const swap = (a: number, b: number) =>
    setOrder((current) => {
      if (b < 0 || b >= current.length) return current;
      const next = [...current];
      [next[a], next[b]] = [next[b]!, next[a]!];
      return next;
    });
  const tap = (position: number) => {
    if (picked === null) return setPicked(position);
    if (picked !== position) swap(picked, position);
    setPicked(null);
  };
  return (
    <>
      <p className="px-1 text-sm font-semibold text-amber-200">Put them in order (first at the top): tap two items to swap them, or use the arrows.</p>
      <ol data-testid="ordering-list" className="flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto">
        {order.map((item, position) => (
          <li key={item} data-testid={`ordering-item-${position}`} data-item={item} className="flex items-stretch gap-1.5">
            <button
              type="button"
              disabled={disabled}
              aria-pressed={picked === position}
              onClick={() => tap(position)}
              className={`flex min-h-12 min-w-0 flex-1 items-center gap-2 rounded-xl bg-white/15 px-3 text-left font-bold ${picked === position ? "ring-4 ring-amber-300" : ""}`}
            >
              <span className="tabular-nums">{position + 1}.</span>
              <RichText as="span" html={items[item]!.html} className="min-w-0 break-words" />
            </button>
            <button type="button" aria-label={`Move item ${position + 1} up`} disabled={disabled || position === 0} onClick={() => swap(position, position - 1)} className="w-11 rounded-xl bg-white/15 text-xl font-black disabled:opacity-40">
              ↑
            </button>
            <button type="button" aria-label={`Move item ${position + 1} down`} disabled={disabled || position === order.length - 1} onClick={() => swap(position, position + 1)} className="w-11 rounded-xl bg-white/15 text-xl font-black disabled:opacity-40">
              ↓
            </button>
          </li>
        ))}
      </ol>
      <button type="button" data-testid="answer-submit" disabled={disabled} onClick={() => onSubmit(order)} className={SUBMIT}>
        {sending ? "Sending…" : "Submit this order"}
      </button>
    </>
  );
}

export interface TypedAnswerProps {
  /** The accepted answers are numbers: offer a number keyboard. */
  numeric: boolean;
  maxLength: number;
  disabled: boolean;
  sending: boolean;
  onSubmit(text: string): void;
}

export function SimpleTypedAnswer({ numeric, maxLength, disabled, sending, onSubmit }: TypedAnswerProps) {
  const [text, setText] = useState("");
  const empty = text.trim() === "";
  return (
    <form
      className="flex flex-1 flex-col justify-center gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (!empty && !disabled) onSubmit(text.trim());
      }}
    >
      <label className="flex flex-col gap-1.5 text-sm font-semibold">
        Your answer
        <input
          data-testid="typed-input"
          value={text}
          onChange={(event) => setText(event.target.value)}
          maxLength={maxLength}
          inputMode={numeric ? "decimal" : "text"}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          disabled={disabled}
          className="rounded-xl bg-white px-4 py-3 text-2xl font-bold text-indigo-950"
        />
      </label>
      <button type="submit" data-testid="answer-submit" disabled={disabled || empty} className={SUBMIT}>
        {sending ? "Sending…" : "Submit"}
      </button>
    </form>
  );
}

export interface SliderAnswerProps {
  slider: SliderView;
  disabled: boolean;
  sending: boolean;
  onSubmit(value: number): void;
}

/** Steps counted as whole numbers, so 0.1-steps never drift (0.30000000000000004). */
function valueAt(slider: SliderView, steps: number): number {
  return Number((slider.min + steps * slider.step).toFixed(10));
}

export function SimpleSliderAnswer({ slider, disabled, sending, onSubmit }: SliderAnswerProps) {
  // Whole steps that stay within max (a step that doesn't divide the range stops short of it).
  const positions = Math.floor((slider.max - slider.min) / slider.step + 1e-9);
  const [steps, setSteps] = useState(Math.round(positions / 2));
  const value = valueAt(slider, steps);
  const unit = slider.unit ? ` ${slider.unit}` : "";
  return (
    <div className="flex flex-1 flex-col justify-center gap-4">
      <output data-testid="slider-value" className="text-center text-5xl font-black tabular-nums">
        {value}
        {unit}
      </output>
      <input
        data-testid="slider-input"
        type="range"
        min={0}
        max={positions}
        step={1}
        value={steps}
        aria-valuetext={`${value}${unit}`}
        aria-label="Your estimate"
        disabled={disabled}
        onChange={(event) => setSteps(Number(event.target.value))}
        className="w-full accent-white"
      />
      <div className="flex justify-between text-sm font-semibold text-white/80">
        <span>
          {slider.min}
          {unit}
        </span>
        <span>
          {slider.max}
          {unit}
        </span>
      </div>
      <button type="button" data-testid="answer-submit" disabled={disabled} onClick={() => onSubmit(value)} className={SUBMIT}>
        {sending ? "Sending…" : `Submit ${value}${unit}`}
      </button>
    </div>
  );
}
