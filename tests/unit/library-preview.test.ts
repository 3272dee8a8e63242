import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PreviewQuestion } from "@/components/library/PreviewQuestion";
import { parseQuizdown, type ParsedQuiz } from "@/quizdown";
import en from "@/i18n/messages/en.json";

// The library's preview of each question, as the teacher's browser first draws it.
function parse(source: string): ParsedQuiz {
  const result = parseQuizdown(source);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.quiz;
}

function preview(quiz: ParsedQuiz, index: number): string {
  const question = quiz.questions[index]!;
  // As the library page provides it: the teacher's words, in English here.
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale: "en",
      messages: en,
      timeZone: "UTC",
      children: createElement(PreviewQuestion, { question, number: index + 1, total: quiz.questions.length, quizTitle: "Tour", settings: quiz.settings }),
    }),
  );
}

/** The text of each element with this data-testid, in page order. */
function texts(html: string, testId: string): string[] {
  const pattern = new RegExp(`<([a-z]+)[^>]*data-testid="${testId}"[^>]*>(.*?)</\\1>`, "g");
  return [...html.matchAll(pattern)].map((match) => match[2]!.replace(/<[^>]+>/g, "").trim());
}

const SOURCE = `---
title: Tour
---

## Put these in order

1. One
2. Two
3. Three

## Capital of France?
---
answer: Paris
---

## How many legs has a spider?
---
answer: 8
---

## How long is the Thames?
---
min: 0
max: 400
step: 5
unit: km
answer: 346
---

## Is the sun a star?
---
answer: true
---

## Favourite season?
---
kind: poll
---
- [ ] Spring
- [ ] Autumn
`;

describe("library preview", () => {
  const quiz = parse(SOURCE);

  it("draws the big screen and a phone for every kind of question", () => {
    expect(quiz.questions.map((question) => question.kind)).toEqual(["order", "typed", "typed", "slider", "truefalse", "poll"]);
    quiz.questions.forEach((_, index) => {
      const html = preview(quiz, index);
      expect(html).toContain('data-testid="preview-big-screen"');
      expect(html).toContain('data-testid="preview-phone"');
    });
  });

  it("never shows an ordering question's items in the right order, on the phone or the big screen, however many", () => {
    for (let count = 2; count <= 8; count++) {
      const items = Array.from({ length: count }, (_, i) => `Item ${i + 1}`);
      const html = preview(parse(`## Order them\n\n${items.map((item, i) => `${i + 1}. ${item}`).join("\n")}\n`), 0);
      for (const testId of ["preview-phone-order-item", "preview-big-screen-option"]) {
        const shown = texts(html, testId).map((text) => text.replace(/^\d+/, ""));
        expect(shown.toSorted()).toEqual(items.toSorted());
        expect(shown).not.toEqual(items);
      }
    }
  });

  it("shows an empty answer field, with the number pad and ± only when the accepted answers are numbers", () => {
    const text = preview(quiz, 1);
    expect(text).toContain('data-testid="preview-phone-typed-field"');
    expect(text).toContain("Your answer<");
    expect(text).not.toContain("preview-phone-number-pad");
    const number = preview(quiz, 2);
    expect(number).toContain("Your answer (a number)");
    expect(number).toContain('data-testid="preview-phone-number-pad"');
    expect(number).toContain("±");
  });

  it("starts the phone's slider in the middle with its unit, and the big screen says the range as the host does", () => {
    const html = preview(quiz, 3);
    expect(texts(html, "preview-phone-slider-value")).toEqual(["200\u00a0km"]);
    expect(html).toContain("Submit 200\u00a0km");
    expect(texts(html, "preview-big-screen-slider-range")).toEqual(["Pick a value from 0 to 400 km on your phone"]);
  });
});
