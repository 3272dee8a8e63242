import { createElement, type FunctionComponent } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/i18n/messages/en.json";
import { OrderingAnswer, type OrderingAnswerProps } from "@/components/player/answers/OrderingAnswer";
import { SliderAnswer, type SliderAnswerProps } from "@/components/player/answers/SliderAnswer";
import { TypedAnswer, type TypedAnswerProps } from "@/components/player/answers/TypedAnswer";

// What a phone shows first, before any touch: the server-rendered markup of each answer component.
function render<P extends object>(component: FunctionComponent<P>, props: P): HTMLish {
  // In English, as a phone whose browser asks for English gets it.
  return new HTMLish(renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: "en", messages: en, timeZone: "UTC", children: createElement(component, props) })));
}

class HTMLish {
  constructor(readonly html: string) {}
  /** The opening tag of the element with this data-testid. */
  tag(testId: string): string {
    const match = new RegExp(`<[a-z]+[^>]*data-testid="${testId}"[^>]*>`).exec(this.html);
    if (!match) throw new Error(`no element ${testId} in ${this.html}`);
    return match[0];
  }
  text(): string {
    return this.html.replace(/<[^>]+>/g, " ").replace(/[ \t\n]+/g, " ").trim();
  }
}

const nothing = () => undefined;

describe("ordering answer, as first shown", () => {
  const props: OrderingAnswerProps = {
    items: [
      { id: "b", html: "Steam <em>engine</em>" },
      { id: "c", html: "Telephone" },
      { id: "a", html: "Printing press" },
    ],
    onSubmit: nothing,
  };

  it("lists the items in the order given, numbered from 1, with their HTML as sent", () => {
    const page = render(OrderingAnswer, props);
    const positions = [...page.html.matchAll(/data-testid="ordering-item-(\w)" data-position="(\d)"/g)].map((m) => `${m[2]}:${m[1]}`);
    expect(positions).toEqual(["1:b", "2:c", "3:a"]);
    expect(page.html).toContain("Steam <em>engine</em>");
    expect(page.text()).toContain("1 of 3: Steam engine");
    expect(page.text()).toContain("Submit this order");
  });

  it("says how to reorder by drag, tap and keyboard, and points each item at those words", () => {
    const page = render(OrderingAnswer, props);
    expect(page.text()).toMatch(/Drag or tap two items to swap them, then Submit\. Keyboard: ↑ ↓ move the focused item/);
    const instructionsId = /<p id="([^"]+)"/.exec(page.html)?.[1];
    expect(page.html.match(new RegExp(`aria-describedby="${instructionsId}"`, "g"))).toHaveLength(3);
    expect(page.html).toContain('aria-pressed="false"');
  });

  it("while sending, disables every item and the button, which says so", () => {
    const page = render(OrderingAnswer, { ...props, sending: true });
    expect(page.tag("answer-submit")).toContain("disabled");
    expect(page.text()).toContain("Sending…");
    expect(page.html.match(/<button[^>]*aria-pressed="false"[^>]*disabled=""/g)).toHaveLength(3);
  });
});

describe("typed answer, as first shown", () => {
  const props: TypedAnswerProps = { maxLength: 40, onSubmit: nothing };

  it("opens a keyboard that neither capitalises nor corrects, capped at the server's length", () => {
    const input = render(TypedAnswer, props).tag("typed-input");
    for (const attribute of ['inputMode="text"', 'autoCapitalize="off"', 'autoCorrect="off"', 'spellCheck="false"', 'maxLength="40"', 'enterKeyHint="send"']) {
      expect(input.toLowerCase()).toContain(attribute.toLowerCase());
    }
  });

  it("shows the characters left and cannot be submitted empty", () => {
    const page = render(TypedAnswer, props);
    expect(page.text()).toContain("40 characters left");
    expect(page.tag("answer-submit")).toContain("disabled");
    expect(page.text()).toContain("Type your answer");
  });

  it("for a number, opens the decimal pad and offers ± (the iOS pad has no minus)", () => {
    const page = render(TypedAnswer, { ...props, numeric: true });
    expect(page.tag("typed-input")).toContain('inputMode="decimal"');
    expect(page.tag("typed-toggle-sign")).toContain('aria-label="Plus or minus"');
    expect(render(TypedAnswer, props).html).not.toContain("typed-toggle-sign");
  });
});

describe("slider answer, as first shown", () => {
  const props: SliderAnswerProps = { min: 0, max: 10, step: 0.5, unit: "km", onSubmit: nothing };

  it("starts in the middle and shows the value with its unit, large and to screen readers", () => {
    const page = render(SliderAnswer, props);
    expect(page.tag("slider-value")).toContain("text-5xl");
    expect(page.html).toMatch(/data-testid="slider-value"[^>]*>5\.0\u00a0km</);
    const range = page.tag("slider-range");
    for (const attribute of ['type="range"', 'min="0"', 'max="10"', 'step="0.5"', 'value="5"', 'aria-valuetext="5.0\u00a0km"']) {
      expect(range).toContain(attribute);
    }
    expect(page.tag("slider-number")).toContain('value="5.0"');
    expect(page.text()).toContain("Submit 5.0\u00a0km");
  });

  it("labels the ends with the values the slider can reach", () => {
    const page = render(SliderAnswer, { min: 0, max: 10, step: 3, onSubmit: nothing });
    expect(page.text()).toMatch(/ 0 9 Or type it /);
    expect(page.tag("slider-number")).toContain('aria-description="From 0 to 9"');
  });

  it("while sending, disables the slider, the field and the buttons", () => {
    const page = render(SliderAnswer, { ...props, sending: true });
    for (const testId of ["slider-range", "slider-number", "slider-decrease", "slider-increase", "answer-submit"]) {
      expect(page.tag(testId), testId).toContain("disabled");
    }
    expect(page.text()).toContain("Sending…");
  });
});
