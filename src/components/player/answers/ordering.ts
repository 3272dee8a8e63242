/**
 * Pure reordering rules for an ordering answer. The order is the list of item ids, first to last;
 * every function returns a new array and leaves its input alone.
 */

/** Moves the item at `from` to `to`, shifting the items between them by one. */
export function moveItem(order: readonly string[], from: number, to: number): string[] {
  const next = [...order];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length || from === to) return next;
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/** Moves `id` by `delta` places (negative: towards the top), stopping at either end. */
export function moveBy(order: readonly string[], id: string, delta: number): string[] {
  const from = order.indexOf(id);
  if (from === -1) return [...order];
  return moveItem(order, from, Math.min(order.length - 1, Math.max(0, from + delta)));
}

/** Moves `id` to the top (`"first"`) or the bottom (`"last"`). */
export function moveToEnd(order: readonly string[], id: string, end: "first" | "last"): string[] {
  const from = order.indexOf(id);
  if (from === -1) return [...order];
  return moveItem(order, from, end === "first" ? 0 : order.length - 1);
}

/** Exchanges the places of two items; unknown ids leave the order as it was. */
export function swapItems(order: readonly string[], a: string, b: string): string[] {
  const next = [...order];
  const i = next.indexOf(a);
  const j = next.indexOf(b);
  if (i === -1 || j === -1) return next;
  next[i] = b;
  next[j] = a;
  return next;
}

export interface TapState {
  order: string[];
  /** The item tapped first, waiting for a second tap to swap with; null when none is picked. */
  picked: string | null;
}

export type TapOutcome =
  | { kind: "picked"; id: string }
  | { kind: "dropped"; id: string }
  | { kind: "swapped"; first: string; second: string };

/**
 * Tap-to-swap: the first tap picks an item, a tap on another item swaps the two, a second tap on
 * the picked item puts it back.
 */
export function tapItem(state: TapState, id: string): { state: TapState; outcome: TapOutcome } {
  if (!state.order.includes(id)) return { state, outcome: { kind: "dropped", id } };
  if (state.picked === null || !state.order.includes(state.picked)) {
    return { state: { order: state.order, picked: id }, outcome: { kind: "picked", id } };
  }
  if (state.picked === id) return { state: { order: state.order, picked: null }, outcome: { kind: "dropped", id } };
  return {
    state: { order: swapItems(state.order, state.picked, id), picked: null },
    outcome: { kind: "swapped", first: state.picked, second: id },
  };
}

/** The catalog's words under player.ordering.announce (see OrderingAnswer): `t(key, values)`. */
export type OrderAnnouncer = (key: "picked" | "dropped" | "swapped" | "moved", values: Record<string, string | number>) => string;

/** What a screen reader hears after a change; `label` gives an item's text. */
export function describeOrderChange(
  order: readonly string[],
  outcome: TapOutcome | { kind: "moved"; id: string },
  label: (id: string) => string,
  t: OrderAnnouncer,
): string {
  const position = (id: string) => order.indexOf(id) + 1;
  const count = order.length;
  switch (outcome.kind) {
    case "picked":
    case "dropped":
    case "moved":
      return t(outcome.kind, { item: label(outcome.id), position: position(outcome.id), count });
    case "swapped":
      return t("swapped", {
        first: label(outcome.first),
        firstPosition: position(outcome.first),
        second: label(outcome.second),
        secondPosition: position(outcome.second),
        count,
      });
  }
}
