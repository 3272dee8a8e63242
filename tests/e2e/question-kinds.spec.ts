/**
 * In real Chromium: a teacher adds a quiz with an ordering, a type-answer and a slider question and
 * hosts it; on 360×640 phones Ada answers everything by touch and Bo by keyboard only, both right.
 * The slider's prompt carries a formula: typeset on the big screen, on the phones and in the preview.
 */
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { openPhone } from "./phones";
import { hostQuiz, signUpAsNewTeacher } from "./teacher";

const SHOTS = path.join("test-results", "screenshots");
const ORDER = ["Ancient Egypt", "Roman Empire", "Middle Ages", "Industrial Revolution"];

const SOURCE = `---
title: Kinds Tour
timeLimit: 60
readTime: 1
shuffleQuestions: false
---

## Put these in order, earliest first

${ORDER.map((item, i) => `${i + 1}. ${item}`).join("\n")}

## What is the capital of France?
---
answer: Paris
---

## How many minutes are in an hour, $\\frac{3600}{60}$?
---
min: 0
max: 100
answer: 60
---
`;

/** The item texts as the phone lists them, top to bottom. */
async function shownOrder(phone: Page): Promise<string[]> {
  const items = orderingItems(phone);
  await expect(items).toHaveCount(ORDER.length);
  return (await items.allInnerTexts()).map((text) => ORDER.find((item) => text.includes(item)) ?? text);
}

/** The rows of the ordering list, top to bottom; each row's first button picks it (and takes the arrow keys). */
function orderingItems(phone: Page) {
  return phone.locator('[data-testid^="ordering-item-"]');
}

/** Touch: tap the item that belongs at each place, then the item there, to swap them. */
async function orderByTouch(phone: Page) {
  for (let place = 0; place < ORDER.length; place++) {
    const shown = await shownOrder(phone);
    const at = shown.indexOf(ORDER[place]!);
    if (at === place) continue;
    await orderingItems(phone).nth(at).getByRole("button").first().tap();
    await orderingItems(phone).nth(place).getByRole("button").first().tap();
  }
  expect(await shownOrder(phone)).toEqual(ORDER);
  await phone.getByTestId("answer-submit").tap();
}

/** Keyboard only: focus the item that belongs at each place and move it up with the arrow key (focus stays on it). */
async function orderByKeyboard(phone: Page) {
  for (let place = 0; place < ORDER.length; place++) {
    const at = (await shownOrder(phone)).indexOf(ORDER[place]!);
    if (at === place) continue;
    await orderingItems(phone).nth(at).getByRole("button").first().focus();
    for (let step = at; step > place; step--) await phone.keyboard.press("ArrowUp");
  }
  expect(await shownOrder(phone)).toEqual(ORDER);
  await phone.getByTestId("answer-submit").focus();
  await phone.keyboard.press("Enter");
}

/** Space moves on only once the leaderboard is up and Next is free again (the click's reply is back): not before. */
async function spaceToNextQuestion(teacher: Page) {
  await expect(teacher.getByTestId("phase-leaderboard")).toBeVisible();
  await expect(teacher.getByTestId("host-next")).toBeEnabled();
  await teacher.keyboard.press("Space");
}

/** KaTeX's layout (its stylesheet and fonts applied) shows the fraction; its MathML, for screen readers, is not drawn twice. */
async function expectTypesetFraction(screen: Page, testId: string) {
  const formula = screen.getByTestId(testId).locator(".katex");
  await expect(formula.locator(".katex-html .mfrac")).toBeVisible();
  await expect(formula.locator("annotation")).toHaveText("\\frac{3600}{60}");
  expect(await formula.evaluate((element) => getComputedStyle(element).fontFamily)).toContain("KaTeX_Main");
  const mathml = await formula.locator(".katex-mathml").boundingBox();
  expect(mathml === null || mathml.width <= 1).toBe(true);
  // The font is served and allowed by the page's Content-Security-Policy.
  expect(await screen.evaluate(async () => (await document.fonts.load('1em "KaTeX_Main"')).filter((face) => face.status === "loaded").length)).toBeGreaterThan(0);
}

async function answering(phone: Page, prompt: RegExp) {
  await expect(phone.getByTestId("phase-answering")).toBeVisible({ timeout: 15_000 });
  await expect(phone.getByTestId("player-prompt")).toContainText(prompt);
}

test("phones answer an ordering, a typed and a slider question by touch and by keyboard", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const teacher = await context.newPage();
  await teacher.goto("/sign-up");
  await signUpAsNewTeacher(teacher, "Mr Okafor");
  await teacher.goto("/quizzes/new");
  await teacher.getByTestId("quiz-source").fill(SOURCE);
  await expect(teacher.getByTestId("quiz-errors")).toHaveCount(0);
  const previews = teacher.getByTestId("preview-question");
  await expect(previews).toHaveCount(3);
  // The library previews every kind on a phone; the ordering one never in the right order, as games show it.
  for (let i = 0; i < 3; i++) await expect(previews.nth(i).getByTestId("preview-phone")).toHaveCount(1);
  for (const testId of ["preview-phone-order-item", "preview-big-screen-option"]) {
    const items = previews.nth(0).getByTestId(testId);
    await expect(items).toHaveCount(ORDER.length);
    const previewed = (await items.allInnerTexts()).map((text) => ORDER.find((item) => text.includes(item)) ?? text);
    expect([...previewed].sort()).toEqual([...ORDER].sort());
    expect(previewed).not.toEqual(ORDER);
  }
  await expect(previews.nth(2).getByTestId("preview-phone-slider-value")).toHaveText("50");
  for (const [i, kind] of ["ordering", "typed", "slider"].entries()) {
    await previews.nth(i).screenshot({ path: path.join(SHOTS, `library-preview-${kind}.png`) });
  }
  await teacher.getByTestId("quiz-save").click();
  await teacher.getByTestId("nav-quizzes").click();
  const quiz = teacher.locator('[data-quiz-title="Kinds Tour"]');
  await hostQuiz(teacher, quiz);
  const code = (await teacher.getByTestId("host-code").innerText()).replace(/\D/g, "");
  const ada = await openPhone(browser, code, "Ada");
  const bo = await openPhone(browser, code, "Bo");
  await expect(teacher.getByTestId("host-player")).toHaveCount(2);
  await teacher.getByTestId("host-start").click();

  // Ordering: shown shuffled, never in the right order.
  for (const phone of [ada, bo]) await answering(phone, /in order/);
  expect(await shownOrder(ada)).not.toEqual(ORDER);
  await ada.screenshot({ path: path.join(SHOTS, "phone-ordering.png") });
  await orderByTouch(ada);
  // "Answer locked in" shows the order given, not just that something was sent.
  await expect(ada.getByTestId("locked-answer").locator("li")).toHaveText(ORDER.map((item, place) => new RegExp(`^${place + 1}\\.\\s*${item}$`)));
  await orderByKeyboard(bo);
  await expect(teacher.getByTestId("host-reveal-order")).toBeVisible();
  for (const phone of [ada, bo]) await expect(phone.getByTestId("result-correct")).toBeVisible();
  await teacher.getByTestId("host-next").click();
  await spaceToNextQuestion(teacher);

  // Type answer: accepted after normalising case and accents.
  for (const phone of [ada, bo]) await answering(phone, /capital of France/);
  await ada.getByTestId("typed-input").tap();
  await ada.getByTestId("typed-input").fill("paris");
  await ada.getByTestId("answer-submit").tap();
  await expect(ada.getByTestId("locked-answer")).toHaveText("You typed “paris”");
  await bo.getByTestId("typed-input").focus();
  await bo.keyboard.type("PARÍS");
  await bo.keyboard.press("Enter");
  await expect(teacher.getByTestId("host-reveal-accepted")).toContainText("Paris");
  for (const phone of [ada, bo]) await expect(phone.getByTestId("result-correct")).toBeVisible();
  await teacher.getByTestId("host-next").click();
  await spaceToNextQuestion(teacher);

  // Slider: starts halfway (50); Ada sets 60 on it, Bo presses → ten times.
  for (const phone of [ada, bo]) await answering(phone, /minutes/);
  for (const [screen, prompt] of [[ada, "player-prompt"], [teacher, "host-prompt"]] as const) await expectTypesetFraction(screen, prompt);
  await expect(ada.getByTestId("slider-value")).toHaveText("50");
  await ada.screenshot({ path: path.join(SHOTS, "phone-slider.png") });
  await ada.getByTestId("slider-range").fill("60");
  await expect(ada.getByTestId("slider-value")).toHaveText("60");
  await ada.getByTestId("answer-submit").tap();
  await expect(ada.getByTestId("locked-answer")).toHaveText("You picked 60");
  await bo.getByTestId("slider-range").focus();
  for (let i = 0; i < 10; i++) await bo.keyboard.press("ArrowRight");
  await expect(bo.getByTestId("slider-value")).toHaveText("60");
  await bo.getByTestId("answer-submit").focus();
  await bo.keyboard.press("Enter");
  await expect(teacher.getByTestId("host-reveal-slider")).toHaveText("60");
  for (const phone of [ada, bo]) await expect(phone.getByTestId("result-correct")).toBeVisible();
  await teacher.screenshot({ path: path.join(SHOTS, "host-reveal-slider.png") });
});
