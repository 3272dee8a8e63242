/**
 * In real Chromium with axe-core: every teacher page, and one game walked through every state on
 * the big screen and on 360×640 phones, has no accessibility violation of any impact. The same game
 * checks that reduced motion stops every animation (the countdown bar included), that phase
 * changes and results are announced on the phone, that the phone can read the question aloud,
 * and that the host can hide the question text on phones.
 */
import AxeBuilder from "@axe-core/playwright";
import sharp from "sharp";
import { expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import axeCore from "axe-core";
import { PHONE } from "./phones";
import { signUpAsNewTeacher } from "./teacher";

const SOURCE = `---
title: Every Kind
timeLimit: 180
readTime: 1
shuffleQuestions: false
shuffleAnswers: false
---

## Which planet is closest to the sun? {readTime=6}

Think of the *inner* planets.

- [x] Mercury
- [ ] Venus
- [ ] Mars
- [ ] Earth

## Which of these are prime numbers?

- [x] 2
- [x] 3
- [ ] 4
- [ ] 6

## The sun is a star.
---
answer: true
---

## Which season do you like best?
---
kind: poll
---

- [ ] Summer
- [ ] Winter

## Put these in order, earliest first

1. Ancient Egypt
2. Roman Empire
3. Middle Ages

## What is the capital of France?
---
answer: Paris
---

## How many minutes are in an hour?
---
min: 0
max: 100
answer: 60
---
`;

interface Finding {
  where: string;
  rule: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

const findings: Finding[] = [];
const checked: string[] = [];

/**
 * A browser context whose pages load axe-core once per page load (before the app's scripts), so a
 * check does not send axe's half megabyte of source again: on a slow machine that was most of its time.
 */
async function auditedContext(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  await context.addInitScript({ content: axeCore.source });
  return context.newPage();
}

/** Runs axe on the page as it is now and keeps every violation, whatever its impact. */
async function audit(page: Page, where: string): Promise<void> {
  // axe is already in the page (auditedContext); legacy mode runs it there, without a blank page per check.
  const results = await new AxeBuilder({ page, axeSource: "window.axe" }).setLegacyMode(true).analyze();
  checked.push(where);
  if (results.violations.length > 0) console.log(`axe: ${where}: ${results.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(", ")}`);
  for (const violation of results.violations) {
    findings.push({
      where,
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 3).map((node) => `${node.target.join(" ")} — ${(node.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 220)}`),
    });
  }
}

function report(): string {
  return findings.map((f) => `[${f.where}] ${f.rule} (${f.impact}): ${f.help}\n    ${f.nodes.join("\n    ")}`).join("\n");
}

async function newPhone(browser: Browser, code: string): Promise<Page> {
  const phone = await auditedContext(browser, { viewport: PHONE, isMobile: true, hasTouch: true });
  await phone.goto(`/join?code=${code}`);
  await expect(phone.getByTestId("join-code")).toHaveValue(code);
  return phone;
}

async function join(phone: Page, nickname: string): Promise<void> {
  await phone.getByTestId("join-nickname").fill(nickname);
  await phone.getByTestId("join-submit").click();
  await expect(phone.getByTestId("player-joined")).toBeVisible();
}

/** Taps the option whose text is `text`. */
async function tapOption(phone: Page, text: string): Promise<void> {
  await phone.locator('[data-testid^="answer-option-"]').filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) }).click();
}

/** Every element's running animations and transitions: none may move while reduced motion is asked for. */
async function movingElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    document.getAnimations().map((animation) => {
      const target = (animation.effect as KeyframeEffect | null)?.target as Element | null;
      return `${animation.constructor.name} on ${target?.tagName ?? "?"}.${target?.className ?? ""}`;
    }),
  );
}

async function barWidth(page: Page): Promise<number> {
  return page.getByTestId("countdown-bar").evaluate((bar) => bar.getBoundingClientRect().width);
}

test("every page and every game state passes axe; reduced motion, announcements, read aloud and hidden question text work", async ({ browser }) => {
  // About 35 axe checks and a 7-question game with three phones: a few minutes on a busy 2-core machine.
  // It audits every page and game state (now also the editor, pictures, teams and homework screens):
  // 10 min alone, over 15 min on a busy machine.
  test.setTimeout(1_800_000);
  // Signed out: sign-in, sign-up and /join.
  const visitor = await auditedContext(browser, { viewport: { width: 1280, height: 800 } });
  await visitor.goto("/sign-in");
  await expect(visitor.getByTestId("auth-email")).toBeVisible();
  await audit(visitor, "sign-in");
  await visitor.goto("/sign-up");
  await expect(visitor.locator("main")).toBeVisible();
  await audit(visitor, "sign-up");
  await visitor.context().close();

  const teacher = await auditedContext(browser, { viewport: { width: 1366, height: 768 } });
  await teacher.goto("/sign-up");
  await signUpAsNewTeacher(teacher, "Ms Access");
  await teacher.goto("/");
  await expect(teacher.getByTestId("quiz-back-office")).toBeVisible();
  await audit(teacher, "library");

  await teacher.goto("/quizzes/new");
  await teacher.getByTestId("quiz-source").fill(SOURCE);
  await expect(teacher.getByTestId("quiz-errors")).toHaveCount(0);
  await expect(teacher.getByTestId("preview-question")).toHaveCount(7);
  await audit(teacher, "new quiz with previews");
  // The same quiz in the visual editor (issue 11): every kind's fields and previews.
  await teacher.getByTestId("editor-tab-visual").click();
  await expect(teacher.getByTestId("editor-question")).toHaveCount(7);
  await expect(teacher.getByTestId("editor-preview")).toHaveCount(7);
  await audit(teacher, "visual quiz editor");
  await teacher.getByTestId("editor-tab-text").click();
  await teacher.getByTestId("quiz-save").click();
  await teacher.getByTestId("nav-quizzes").click();
  const quiz = teacher.locator('[data-quiz-title="Every Kind"]');
  await quiz.getByTestId("quiz-preview-link").click();
  await expect(teacher.getByTestId("preview-question").first()).toBeVisible();
  await audit(teacher, "quiz page with preview");
  // The editor's Pictures panel, with one picture added (its thumbnail in the list) and written into the text.
  await teacher.getByTestId("quiz-replace").click();
  await teacher.getByTestId("picture-alt").fill("A small orange square");
  const square = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#f97316" } }).png().toBuffer();
  await teacher.getByTestId("picture-file").setInputFiles({ name: "square.png", mimeType: "image/png", buffer: square });
  await teacher.getByTestId("picture-add").click();
  await expect(teacher.getByTestId("picture-item")).toHaveCount(1);
  await expect(teacher.getByTestId("quiz-source")).toHaveValue(/!\[A small orange square\]\(picture:square\.png\)/);
  await audit(teacher, "quiz editor with a picture");
  // The picture's line is not saved: leaving asks first (the editor's leave prompt); leave anyway.
  teacher.once("dialog", (dialog) => void dialog.accept());
  await teacher.getByTestId("nav-quizzes").click();

  // Host options: the question text shows on phones unless the host hides it.
  await quiz.getByRole("button", { name: /^host/i }).click();
  await expect(teacher.getByTestId("host-options")).toBeVisible();
  await expect(teacher.getByTestId("host-option-question-on-phones")).toBeChecked();
  await audit(teacher, "host options dialog");
  await teacher.getByTestId("host-options-start").click();
  await expect(teacher).toHaveURL(/\/host\/[0-9a-f-]{36}$/);
  await expect(teacher.getByTestId("phase-lobby")).toBeVisible();
  const code = (await teacher.getByTestId("host-code").innerText()).replace(/\D/g, "");

  const ada = await newPhone(browser, code);
  await audit(ada, "phone join form");
  await join(ada, "Ada");
  await audit(ada, "phone lobby");
  const bo = await newPhone(browser, code);
  await join(bo, "Bo");
  const cy = await newPhone(browser, code);
  await join(cy, "Cy");
  await expect(teacher.getByTestId("host-player")).toHaveCount(3);
  await audit(teacher, "host lobby (players)");
  await teacher.getByTestId("host-player").filter({ hasText: "Cy" }).getByTestId("host-remove-player").click();
  await expect(cy.getByTestId("player-removed")).toBeVisible();
  await audit(cy, "phone removed");
  await expect(teacher.getByTestId("host-player")).toHaveCount(2);
  await audit(teacher, "host lobby (a player removed)");
  await cy.context().close();

  await teacher.getByTestId("host-start").click();

  // 1. Single choice: read, answering, paused, locked in, correct and incorrect.
  await expect(teacher.getByTestId("phase-question-read")).toBeVisible();
  await expect(ada.getByTestId("phase-question-read")).toBeVisible();
  // The phone announces the new phase and can read the question aloud.
  await expect(ada.getByTestId("player-announcer")).toContainText("Question 1 of 7");
  await expect(ada.getByTestId("read-aloud")).toBeVisible();
  await ada.evaluate(() => {
    const spoken: string[] = [];
    (window as unknown as { spoken: string[] }).spoken = spoken;
    window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => void spoken.push(utterance.text);
  });
  await ada.getByTestId("read-aloud").click();
  await expect.poll(() => ada.evaluate(() => (window as unknown as { spoken: string[] }).spoken.join(" "))).toContain("Which planet is closest to the sun?");
  await audit(teacher, "host question read");
  await audit(ada, "phone question read");

  await expect(teacher.getByTestId("phase-answering")).toBeVisible({ timeout: 15_000 });
  await expect(ada.getByTestId("phase-answering")).toBeVisible();
  await expect(ada.getByTestId("player-announcer")).toContainText("Answer now");
  await audit(teacher, "host answering");
  await audit(ada, "phone answering (single)");

  await teacher.getByTestId("host-pause").click();
  await expect(teacher.getByTestId("paused-overlay")).toBeVisible();
  await expect(ada.getByTestId("paused-overlay")).toBeVisible();
  await audit(teacher, "host paused");
  await audit(ada, "phone paused");
  await teacher.getByTestId("host-resume").click();
  await expect(ada.getByTestId("paused-overlay")).toHaveCount(0);

  // Keyboard only: Tab to Mercury and press Enter.
  for (let i = 0; i < 12 && !(await ada.getByTestId("answer-option-0").evaluate((el) => el === document.activeElement)); i++) await ada.keyboard.press("Tab");
  await expect(ada.getByTestId("answer-option-0")).toBeFocused();
  await ada.keyboard.press("Enter");
  await expect(ada.getByTestId("answer-locked")).toBeVisible();
  await expect(ada.getByTestId("player-announcer")).toContainText("Answer locked in");
  await audit(ada, "phone locked in");
  await tapOption(bo, "Venus");
  await expect(teacher.getByTestId("phase-reveal")).toBeVisible();
  await expect(ada.getByTestId("result-correct")).toBeVisible();
  await expect(bo.getByTestId("result-incorrect")).toBeVisible();
  await expect(ada.getByTestId("player-announcer")).toContainText(/Correct.*points/);
  await expect(bo.getByTestId("player-announcer")).toContainText("Incorrect");
  await audit(teacher, "host reveal (single)");
  await audit(ada, "phone reveal correct");
  await audit(bo, "phone reveal incorrect");
  await teacher.getByTestId("host-next").click();
  await expect(teacher.getByTestId("phase-leaderboard")).toBeVisible();
  await expect(ada.getByTestId("phase-leaderboard")).toBeVisible();
  await expect(ada.getByTestId("player-announcer")).toContainText(/1st of 2/);
  await audit(teacher, "host leaderboard");
  await audit(ada, "phone leaderboard");
  await teacher.getByTestId("host-next").click();

  // 2. Multiple: reduced motion stops every animation, the countdown bar too.
  await expect(teacher.getByTestId("phase-answering")).toBeVisible({ timeout: 15_000 });
  await expect(ada.getByTestId("phase-answering")).toBeVisible();
  await audit(ada, "phone answering (multiple)");
  await expect.poll(() => barWidth(teacher).then(async (before) => (await teacher.waitForTimeout(400), before - (await barWidth(teacher))))).toBeGreaterThan(0);
  await teacher.emulateMedia({ reducedMotion: "reduce" });
  await ada.emulateMedia({ reducedMotion: "reduce" });
  expect(await movingElements(teacher)).toEqual([]);
  const still = await barWidth(teacher);
  expect(still).toBeGreaterThan(0);
  await teacher.waitForTimeout(500);
  expect(await barWidth(teacher)).toBe(still);
  await tapOption(ada, "2");
  expect(await movingElements(ada)).toEqual([]);
  await tapOption(ada, "3");
  await ada.getByTestId("answer-submit").click();
  await expect(ada.getByTestId("answer-locked")).toBeVisible();
  expect(await movingElements(ada)).toEqual([]);
  await tapOption(bo, "4");
  await bo.getByTestId("answer-submit").click();
  await expect(teacher.getByTestId("phase-reveal")).toBeVisible();
  await expect(ada.getByTestId("result-correct")).toBeVisible();
  expect(await movingElements(ada)).toEqual([]);
  expect(await movingElements(teacher)).toEqual([]);
  await audit(teacher, "host reveal (multiple)");
  await teacher.emulateMedia({ reducedMotion: "no-preference" });
  await ada.emulateMedia({ reducedMotion: "no-preference" });
  await teacher.getByTestId("host-next").click();
  await expect(teacher.getByTestId("phase-leaderboard")).toBeVisible();
  await teacher.getByTestId("host-next").click();

  // 3–7: the other kinds, answering and reveal.
  const kinds: Array<{ kind: string; answerAda: () => Promise<void>; answerBo: () => Promise<void> }> = [
    { kind: "true/false", answerAda: () => tapOption(ada, "True"), answerBo: () => tapOption(bo, "False") },
    { kind: "poll", answerAda: () => tapOption(ada, "Summer"), answerBo: () => tapOption(bo, "Winter") },
    { kind: "ordering", answerAda: () => ada.getByTestId("answer-submit").click(), answerBo: () => bo.getByTestId("answer-submit").click() },
    {
      kind: "typed",
      answerAda: async () => {
        await ada.getByTestId("typed-input").fill("Paris");
        await ada.getByTestId("answer-submit").click();
      },
      answerBo: async () => {
        await bo.getByTestId("typed-input").fill("Lyon");
        await bo.getByTestId("answer-submit").click();
      },
    },
    { kind: "slider", answerAda: () => ada.getByTestId("answer-submit").click(), answerBo: () => bo.getByTestId("answer-submit").click() },
  ];
  for (const [i, { kind, answerAda, answerBo }] of kinds.entries()) {
    await expect(ada.getByTestId("phase-answering")).toBeVisible({ timeout: 15_000 });
    await expect(teacher.getByTestId("phase-answering")).toBeVisible();
    await audit(ada, `phone answering (${kind})`);
    await answerAda();
    await answerBo();
    await expect(teacher.getByTestId("phase-reveal")).toBeVisible();
    await expect(ada.locator('[data-testid^="result-"]').first()).toBeVisible();
    await audit(teacher, `host reveal (${kind})`);
    await audit(bo, `phone reveal (${kind})`);
    await teacher.getByTestId("host-next").click();
    if (i < kinds.length - 1) {
      await expect(teacher.getByTestId("phase-leaderboard")).toBeVisible();
      await teacher.getByTestId("host-next").click();
    }
  }

  await expect(teacher.getByTestId("phase-podium").or(teacher.getByTestId("phase-leaderboard"))).toBeVisible();
  if (await teacher.getByTestId("phase-leaderboard").isVisible()) await teacher.getByTestId("host-next").click();
  await expect(teacher.getByTestId("phase-podium")).toBeVisible();
  await expect(ada.getByTestId("player-final")).toBeVisible();
  await audit(teacher, "host podium");
  await audit(ada, "phone final");

  // Past games, a report and the admin page.
  await teacher.goto("/games");
  await expect(teacher.getByTestId("past-game-row").first()).toBeVisible();
  await audit(teacher, "past games");
  await teacher.getByTestId("past-game-row").filter({ hasText: "Every Kind" }).getByRole("link").first().click();
  await expect(teacher.getByTestId("report-title")).toContainText("Every Kind");
  await audit(teacher, "report");
  await teacher.goto("/admin");
  await expect(teacher.locator("main")).toBeVisible();
  await audit(teacher, "admin");

  expect(checked.length).toBeGreaterThan(30);
  expect(findings, `axe found:\n${report()}`).toEqual([]);
});

test("the host can hide the question text on phones; the phone says where to read it", async ({ browser }) => {
  const teacher = await auditedContext(browser, { viewport: { width: 1366, height: 768 } });
  await teacher.goto("/sign-up");
  await signUpAsNewTeacher(teacher, "Mr Hidden");
  const quiz = teacher.getByTestId("quiz-back-office");
  await quiz.getByRole("button", { name: /^host/i }).click();
  await teacher.getByTestId("host-option-question-on-phones").uncheck();
  // Long enough to look at the phone while the class reads, even on a busy machine.
  await teacher.getByTestId("host-option-read-time").fill("20");
  await teacher.getByTestId("host-option-time-limit").fill("120");
  await teacher.getByTestId("host-options-start").click();
  await expect(teacher.getByTestId("phase-lobby")).toBeVisible();
  const code = (await teacher.getByTestId("host-code").innerText()).replace(/\D/g, "");
  const phone = await newPhone(browser, code);
  await join(phone, "Ada");
  await teacher.getByTestId("host-start").click();
  await expect(teacher.getByTestId("phase-question-read")).toBeVisible();
  const prompt = (await teacher.getByTestId("host-prompt").innerText()).trim();
  expect(prompt.length).toBeGreaterThan(5);
  await expect(phone.getByTestId("phase-question-read")).toBeVisible();
  await expect(phone.getByTestId("question-on-big-screen").first()).toBeVisible();
  await expect(phone.locator("main")).not.toContainText(prompt);
  await expect(phone.getByTestId("read-aloud")).toHaveCount(0);
  await expect(phone.getByTestId("phase-answering")).toBeVisible({ timeout: 40_000 });
  await expect(phone.getByTestId("question-on-big-screen").first()).toBeVisible();
  await expect(phone.locator("main")).not.toContainText(prompt);
  // The options still show: the student answers from the phone.
  await expect(phone.locator('[data-testid^="answer-option-"]').first()).toBeVisible();
  await audit(phone, "phone answering (question hidden)");
  expect(findings, `axe found:\n${report()}`).toEqual([]);
});
