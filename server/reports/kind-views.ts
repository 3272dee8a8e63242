/**
 * Per-question report views that fit the kind: ordering — how often each item was out of place;
 * type answer — answers grouped after normalising; slider — a histogram with the right value.
 * (Choice questions and polls use the option counts.)
 */
import type { RawAnswer } from "../../src/protocol/answers";
import { normaliseTypedAnswer } from "../../src/quizdown/typedAnswer";
import type { QuestionDetails, QuestionKind } from "../../src/quizdown/types";
import { htmlToPlainText } from "./plain-text";

export const SLIDER_BINS = 10;

export type KindReport =
  | { kind: "order"; items: Array<{ index: number; text: string; misplaced: number }> }
  | { kind: "typed"; accepted: string[]; groups: Array<{ text: string; count: number; correct: boolean }> }
  | { kind: "slider"; min: number; max: number; unit?: string; correct: number; tolerance: number; bins: Array<{ from: number; to: number; count: number }> };

export function kindReport(
  question: { kind: QuestionKind; options: Array<{ html: string }>; details?: QuestionDetails | null },
  answers: Array<{ correct: boolean; raw?: RawAnswer | null }>,
): KindReport | undefined {
  if (question.kind === "order") {
    const items = question.options.map((option, index) => ({ index, text: htmlToPlainText(option.html), misplaced: 0 }));
    for (const { raw } of answers) {
      if (!raw || !("order" in raw)) continue;
      raw.order.forEach((item, position) => {
        if (item !== position && items[item]) items[item].misplaced += 1;
      });
    }
    return { kind: "order", items: items.sort((a, b) => b.misplaced - a.misplaced || a.index - b.index) };
  }
  if (question.kind === "typed") {
    const groups = new Map<string, { text: string; count: number; correct: boolean }>();
    for (const { raw, correct } of answers) {
      if (!raw || !("text" in raw)) continue;
      const key = normaliseTypedAnswer(raw.text);
      const group = groups.get(key) ?? { text: raw.text, count: 0, correct };
      group.count += 1;
      groups.set(key, group);
    }
    return { kind: "typed", accepted: question.details?.typed?.accepted ?? [], groups: [...groups.values()].sort((a, b) => b.count - a.count) };
  }
  if (question.kind === "slider" && question.details?.slider) {
    const { min, max, unit, correct, tolerance } = question.details.slider;
    const width = (max - min) / SLIDER_BINS;
    const bins = Array.from({ length: SLIDER_BINS }, (_, i) => ({ from: min + i * width, to: min + (i + 1) * width, count: 0 }));
    for (const { raw } of answers) {
      if (!raw || !("value" in raw)) continue;
      const bin = Math.min(SLIDER_BINS - 1, Math.max(0, Math.floor((raw.value - min) / width)));
      bins[bin]!.count += 1;
    }
    return { kind: "slider", min, max, ...(unit !== undefined ? { unit } : {}), correct, tolerance, bins };
  }
  return undefined;
}
