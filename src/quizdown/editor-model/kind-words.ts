import type { EditorKind } from "./types";

/** How the editor writes each kind in a question's settings (`kind: …`); choice is never written. */
export const KIND_WORD: Record<Exclude<EditorKind, "choice">, string> = {
  truefalse: "truefalse",
  typed: "typed",
  order: "ordering",
  slider: "slider",
  poll: "poll",
};
