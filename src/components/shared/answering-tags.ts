import type { PlayKind, SliderView } from "@/protocol";

const KIND_TAG: Partial<Record<PlayKind, string>> = {
  multiple: "Pick all that apply",
  order: "Put these in order",
  truefalse: "True or false?",
  typed: "Type your answer",
  slider: "Estimate",
  poll: "Poll: no points",
};

/** The big screen's tag names this kind (its words are in the catalog under host.answering.kindTag). */
export function hasKindTag(kind: PlayKind): kind is "multiple" | "order" | "truefalse" | "typed" | "slider" | "poll" {
  return KIND_TAG[kind] !== undefined;
}

/**
 * The tag under the prompt on the big screen while students answer (the host screen and the
 * library's preview of it): the kind of question and any unusual points. Null for a plain one-answer question.
 */
export function answeringKindTag(kind: PlayKind, points?: string): string | null {
  const tag = KIND_TAG[kind];
  if (!tag) return null;
  return `${tag}${points === "double" ? " · double points" : points === "none" ? " · no points" : ""}`;
}

/** The big screen's line telling students what to do with a slider on their phones. */
export function sliderRangeLine({ min, max, unit }: Pick<SliderView, "min" | "max" | "unit">): string {
  return `Pick a value from ${min} to ${max}${unit ? ` ${unit}` : ""} on your phone`;
}
