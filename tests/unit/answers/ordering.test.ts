import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import en from "@/i18n/messages/en.json";
import { describeOrderChange, moveBy, moveItem, moveToEnd, swapItems, tapItem, type TapState } from "@/components/player/answers/ordering";

const shown = ["c", "a", "d", "b"];

describe("reordering an ordering answer", () => {
  it("moves an item to a new place, shifting the ones between", () => {
    expect(moveItem(shown, 0, 2)).toEqual(["a", "d", "c", "b"]);
    expect(moveItem(shown, 3, 0)).toEqual(["b", "c", "a", "d"]);
    expect(shown).toEqual(["c", "a", "d", "b"]);
  });

  it("ignores a move from or to a place that does not exist", () => {
    expect(moveItem(shown, 4, 0)).toEqual(shown);
    expect(moveItem(shown, 0, -1)).toEqual(shown);
  });

  it("moves up and down one place at a time and stops at the ends", () => {
    expect(moveBy(shown, "a", -1)).toEqual(["a", "c", "d", "b"]);
    expect(moveBy(shown, "a", 1)).toEqual(["c", "d", "a", "b"]);
    expect(moveBy(shown, "c", -1)).toEqual(shown);
    expect(moveBy(shown, "b", 1)).toEqual(shown);
    expect(moveBy(shown, "zzz", 1)).toEqual(shown);
  });

  it("moves straight to the top or the bottom", () => {
    expect(moveToEnd(shown, "d", "first")).toEqual(["d", "c", "a", "b"]);
    expect(moveToEnd(shown, "a", "last")).toEqual(["c", "d", "b", "a"]);
  });

  it("swaps two items and leaves the rest where they were", () => {
    expect(swapItems(shown, "c", "b")).toEqual(["b", "a", "d", "c"]);
    expect(swapItems(shown, "c", "nope")).toEqual(shown);
  });
});

describe("tap to swap", () => {
  const start: TapState = { order: shown, picked: null };

  it("picks on the first tap, swaps on a tap on another item, then nothing is picked", () => {
    const first = tapItem(start, "a");
    expect(first.state).toEqual({ order: shown, picked: "a" });
    expect(first.outcome).toEqual({ kind: "picked", id: "a" });
    const second = tapItem(first.state, "b");
    expect(second.state).toEqual({ order: ["c", "b", "d", "a"], picked: null });
    expect(second.outcome).toEqual({ kind: "swapped", first: "a", second: "b" });
  });

  it("puts the item back when the picked item is tapped again", () => {
    const picked = tapItem(start, "d").state;
    const again = tapItem(picked, "d");
    expect(again.state).toEqual({ order: shown, picked: null });
    expect(again.outcome.kind).toBe("dropped");
  });

  it("ignores a tap on an id that is not in the list", () => {
    expect(tapItem(start, "x").state).toBe(start);
  });
});

describe("what a screen reader hears", () => {
  const label = (id: string) => ({ a: "Alps", b: "Baltic", c: "Crete", d: "Danube" })[id] ?? id;
  const say = createTranslator({ locale: "en", messages: en, namespace: "player.ordering.announce" });

  it("says where items are after a swap or a move, counting from 1", () => {
    const order = ["c", "b", "d", "a"];
    expect(describeOrderChange(order, { kind: "swapped", first: "a", second: "b" }, label, say)).toBe(
      "Swapped: “Alps” is now at position 4 of 4, “Baltic” at position 2 of 4.",
    );
    expect(describeOrderChange(order, { kind: "moved", id: "c" }, label, say)).toBe("“Crete” moved to position 1 of 4.");
  });

  it("tells how to finish a swap when an item is picked", () => {
    expect(describeOrderChange(shown, { kind: "picked", id: "d" }, label, say)).toBe("“Danube” picked, at position 3 of 4. Tap another item to swap them.");
  });
});
