/**
 * In real Chromium, on a 1366×768 projector and 360×640 phones: the papercuts of issue 10 stay fixed.
 * The checker shows warnings with errors; the quiz's colours theme the big screen; the host's
 * "x / N answers" counts only the players who can answer; text is big enough to read from the back;
 * code wraps on a phone and stays in view while answering; "Answer locked in" says what was picked;
 * nobody is "new" on the first leaderboard; the podium has no "End game" and no empty steps; the
 * report shows options in the colours and shapes the class saw.
 */
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { openPhone } from "./phones";
import { hostQuiz, signUpAsNewTeacher } from "./teacher";

const SHOTS = path.join("test-results", "screenshots");
const PROJECTOR = { width: 1366, height: 768 };
const LONG_LINE = "const total = orders.filter((order) => order.status === 'settled').reduce((sum, order) => sum + order.amount, 0);";

const SOURCE = `---
title: Projector Check
secondaryColor: "#fef3c7"
textColor: "#1c1917"
primaryColor: "#7c2d12"
readTime: 2
timeLimit: 90
---

## What does this line compute?

\`\`\`js
${LONG_LINE}
\`\`\`

- [x] The sum of settled orders
  > filter keeps the settled orders, reduce adds their amounts.
- [ ] The number of orders
  > That would be orders.length.
- [ ] The largest order
- [ ] Nothing: it throws
`;

async function fontSize(locator: Locator): Promise<number> {
  return locator.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
}

/** Hosts the quiz with time enough for the checks below (the host options start at 20 s a question). */
async function hostSlowly(page: Page, title: string) {
  await page.locator(`[data-quiz-title="${title}"]`).getByRole("button", { name: /^host/i }).click();
  await page.getByTestId("host-option-time-limit").fill("120");
  await page.getByTestId("host-options-start").click();
  await expect(page).toHaveURL(/\/host\/[0-9a-f-]{36}$/);
}

/** A phone that joins after the start: it waits for the next question. */
async function joinLate(page: Page, code: string, nickname: string): Promise<Page> {
  const context = await page.context().browser()!.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  const phone = await context.newPage();
  await phone.goto(`/join?code=${code}`);
  await phone.getByTestId("join-nickname").fill(nickname);
  await phone.getByTestId("join-submit").click();
  await expect(phone.getByText("You joined during this question")).toBeVisible();
  return phone;
}

async function newTeacherWithQuiz(page: Page, name: string) {
  await page.goto("/sign-up");
  await signUpAsNewTeacher(page, name);
  await page.goto("/quizzes/new");
}

test("the checker, the themed big screen, answer counts, text sizes, code on phones and the first leaderboard", async ({ browser }) => {
  // Four browsers and a teacher's whole path on a shared 2-core machine: more than the default 3 minutes.
  test.setTimeout(360_000);
  const context = await browser.newContext({ viewport: PROJECTOR });
  const teacher = await context.newPage();
  await newTeacherWithQuiz(teacher, "Ms Papercut");

  // A settings block not on line 1 is an error; HTML the checker removes is a warning, shown with the error.
  await teacher.getByTestId("quiz-source").fill(`\n${SOURCE.replace("## What does", "## What <script>alert(1)</script> does")}`);
  await expect(teacher.getByTestId("quiz-error")).toContainText(/settings block on line 2 is not at the very top/);
  await expect(teacher.getByTestId("quiz-warning")).toContainText(/<script>/);

  await teacher.getByTestId("quiz-source").fill(SOURCE);
  await expect(teacher.getByTestId("quiz-errors")).toHaveCount(0);
  await expect(teacher.getByTestId("quiz-warnings")).toHaveCount(0);
  await teacher.getByTestId("quiz-save").click();
  await teacher.getByTestId("nav-quizzes").click();
  await hostSlowly(teacher, "Projector Check");
  const code = (await teacher.getByTestId("host-code").innerText()).replace(/\D/g, "");

  // The quiz's colours: the light background with dark text, the dark bars.
  const screen = teacher.getByTestId("host-screen");
  await expect(screen).toHaveCSS("background-color", "rgb(254, 243, 199)");
  await expect(screen).toHaveCSS("color", "rgb(28, 25, 23)");

  const ada = await openPhone(browser, code, "Ada");
  const bo = await openPhone(browser, code, "Bo");
  const cy = await openPhone(browser, code, "Cy");
  await expect(teacher.getByTestId("host-player")).toHaveCount(3);
  await teacher.getByTestId("host-start").click();
  await expect(teacher.getByTestId("phase-answering")).toBeVisible({ timeout: 15_000 });

  // Cy closes the phone and a latecomer joins: 2 can answer this question, not 3 or 4.
  await expect(teacher.getByTestId("host-answer-count")).toContainText("0 / 3");
  await cy.context().close();
  const late = await joinLate(teacher, code, "Late");
  await expect(teacher.getByTestId("host-answer-count")).toContainText("0 / 2");

  // Projector sizes at 1366×768: question ≥ 40 px, options ≥ 28 px, code ≥ 24 px.
  expect(await fontSize(teacher.getByTestId("host-prompt"))).toBeGreaterThanOrEqual(40);
  for (let i = 0; i < 4; i++) expect(await fontSize(teacher.getByTestId(`host-option-${i}`).locator(".rich-text"))).toBeGreaterThanOrEqual(28);
  expect(await fontSize(teacher.getByTestId("host-question-body").locator("pre"))).toBeGreaterThanOrEqual(24);
  expect(await fontSize(teacher.getByTestId("host-question-body").locator("pre code"))).toBeGreaterThanOrEqual(24);
  await teacher.screenshot({ path: path.join(SHOTS, "host-projector-answering.png") });

  // On a 360 px phone the code is in view while answering, and its long line wraps (nothing sticks out).
  await expect(ada.getByTestId("phase-answering")).toBeVisible();
  const body = ada.getByTestId("player-question-body");
  await expect(body.locator("pre")).toBeVisible();
  await expect(body).toContainText("reduce((sum, order)");
  const overflow = await body.locator("pre").evaluate((pre) => ({ scroll: pre.scrollWidth, client: pre.clientWidth, right: pre.getBoundingClientRect().right }));
  expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
  expect(overflow.right).toBeLessThanOrEqual(360);
  expect(await ada.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await ada.screenshot({ path: path.join(SHOTS, "phone-code-answering.png") });

  // "Answer locked in" says what was picked: the shape and the option's text.
  const right = ada.locator('[data-testid^="answer-option-"]', { hasText: "The sum of settled orders" });
  await right.click();
  await expect(ada.getByTestId("locked-answer")).toContainText("The sum of settled orders");
  await expect(teacher.getByTestId("host-answer-count")).toContainText("1 / 2");
  await bo.locator('[data-testid^="answer-option-"]', { hasText: "The number of orders" }).click();

  // Everyone who can answer has: the reveal, whose explanations are ≥ 24 px.
  await expect(teacher.getByTestId("phase-reveal")).toBeVisible();
  const explanation = teacher.locator('[data-testid^="host-explanation-"]').first();
  await expect(explanation).toBeVisible();
  expect(await fontSize(explanation)).toBeGreaterThanOrEqual(24);
  expect(await fontSize(teacher.getByTestId("host-prompt"))).toBeGreaterThanOrEqual(40);
  const shownFirst = (await teacher.getByTestId("host-reveal-option-0").locator(".rich-text").first().innerText()).trim();

  // The first leaderboard: nobody who played is "new"; the latecomer is.
  await teacher.getByTestId("host-next").click();
  await expect(teacher.getByTestId("phase-leaderboard")).toBeVisible();
  const rows = teacher.getByTestId("leaderboard-row");
  await expect(rows).toHaveCount(4);
  for (const name of ["Ada", "Bo", "Cy"]) await expect(rows.filter({ hasText: name }).getByTestId("leaderboard-movement")).toHaveText("—");
  await expect(rows.filter({ hasText: "Late" }).getByTestId("leaderboard-movement")).toHaveText("new");

  // The podium: the game is over, so no "End game".
  await teacher.getByTestId("host-next").click();
  await expect(teacher.getByTestId("phase-podium")).toBeVisible();
  await expect(teacher.getByTestId("host-end")).toHaveCount(0);

  // The report shows each option with the colour and shape the class saw, in that order.
  await teacher.getByTestId("results-link").click();
  const firstRow = teacher.locator('li:has([data-testid="report-option-mark"])').first();
  await expect(firstRow).toContainText(shownFirst);
  await expect(firstRow.locator(".sr-only").first()).toHaveText(/^Answer Red triangle:/);
  await late.context().close();
});

test("a 2-player podium has no empty third step and no End game", async ({ browser }) => {
  const context = await browser.newContext({ viewport: PROJECTOR });
  const teacher = await context.newPage();
  await newTeacherWithQuiz(teacher, "Mr Two");
  await teacher.getByTestId("quiz-source").fill(SOURCE.replace("Projector Check", "Two Players"));
  await teacher.getByTestId("quiz-save").click();
  await teacher.getByTestId("nav-quizzes").click();
  await hostQuiz(teacher, teacher.locator('[data-quiz-title="Two Players"]'));
  const code = (await teacher.getByTestId("host-code").innerText()).replace(/\D/g, "");
  const phones = [await openPhone(browser, code, "Ada"), await openPhone(browser, code, "Bo")];
  await teacher.getByTestId("host-start").click();
  for (const phone of phones) {
    await expect(phone.getByTestId("phase-answering")).toBeVisible({ timeout: 15_000 });
    await phone.locator('[data-testid^="answer-option-"]').first().click();
  }
  await expect(teacher.getByTestId("phase-reveal")).toBeVisible();
  await teacher.getByTestId("host-next").click();
  await expect(teacher.getByTestId("phase-leaderboard")).toBeVisible();
  await teacher.getByTestId("host-next").click();
  await expect(teacher.getByTestId("phase-podium")).toBeVisible();
  await expect(teacher.getByTestId("podium-1")).toBeVisible();
  await expect(teacher.getByTestId("podium-2")).toBeVisible();
  await expect(teacher.getByTestId("podium-3")).toHaveCount(0);
  await expect(teacher.getByTestId("host-end")).toHaveCount(0);
  await teacher.screenshot({ path: path.join(SHOTS, "host-podium-two-players.png") });
});
