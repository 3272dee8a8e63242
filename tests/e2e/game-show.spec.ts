/**
 * In real Chromium, the game-show touches of issue 10: the host can require generated nicknames
 * (a phone then joins only under a drawn name, "Suggest a name" works from the keyboard); the big
 * screen counts 3-2-1 before answers open and throws confetti on the podium (neither moves with
 * reduced motion asked for); its sound button is remembered and the host's first click starts the
 * audio; a phone is silent until the student turns sound on, and remembers it.
 */
import { expect, test, type Page } from "@playwright/test";
import { isGeneratedNickname } from "../../src/protocol/generated-nickname";
import { openPhone, PHONE } from "./phones";
import { signUpAsNewTeacher } from "./teacher";

const PROJECTOR = { width: 1366, height: 768 };

test("the host requires generated nicknames: a typed name is refused, a drawn one joins", async ({ browser }) => {
  const host = await (await browser.newContext({ viewport: PROJECTOR })).newPage();
  await signUpAsNewTeacher(host, "Mr Dice");
  await host.getByTestId("quiz-back-office").getByRole("button", { name: /^host/i }).click();
  await expect(host.getByTestId("host-option-generated-nicknames")).not.toBeChecked();
  await host.getByTestId("host-option-generated-nicknames").check();
  await host.getByTestId("host-options-start").click();
  await expect(host.getByTestId("phase-lobby")).toBeVisible();
  const code = (await host.getByTestId("host-code").innerText()).replace(/\D/g, "");

  const phone = await (await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
  await phone.goto(`/join?code=${code}`);
  const nickname = phone.getByTestId("join-nickname");
  await nickname.fill("Bob");
  await phone.getByTestId("join-submit").click();
  // The server refuses the typed name in plain words; the phone locks the field and draws a name.
  await expect(phone.getByTestId("join-error")).toContainText("drawn name");
  await expect(phone.getByTestId("join-drawn-only")).toBeVisible();
  await expect(nickname).not.toBeEditable();
  const first = await nickname.inputValue();
  expect(isGeneratedNickname(first), first).toBe(true);

  // "Suggest a name" from the keyboard: Tab to it, press Enter, and another name is drawn.
  await phone.getByTestId("join-suggest-name").focus();
  await phone.keyboard.press("Enter");
  await expect(nickname).not.toHaveValue(first);
  const drawn = await nickname.inputValue();
  expect(isGeneratedNickname(drawn), drawn).toBe(true);

  await phone.getByTestId("join-submit").click();
  await expect(phone.getByTestId("player-joined-nickname")).toHaveText(drawn);
  await expect(host.getByTestId("host-player")).toHaveCount(1);
  await expect(host.getByTestId("host-player")).toContainText(drawn);
  await expect(host.getByTestId("host-player-count")).toHaveText("1");

  // A phone that scans the QR code knows at once: no typing, a name already drawn.
  const qr = new URL((await host.getByTestId("host-qr-code").getAttribute("data-url"))!);
  expect(qr.searchParams.get("names")).toBe("drawn");
  const scanned = await (await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
  await scanned.goto(`${qr.pathname}${qr.search}`);
  await expect(scanned.getByTestId("join-code")).toHaveValue(code);
  await expect(scanned.getByTestId("join-drawn-only")).toBeVisible();
  await expect(scanned.getByTestId("join-nickname")).not.toBeEditable();
  await expect(scanned.getByTestId("join-nickname")).not.toHaveValue("");
  const scannedName = await scanned.getByTestId("join-nickname").inputValue();
  expect(isGeneratedNickname(scannedName), scannedName).toBe(true);
  await scanned.getByTestId("join-submit").click();
  await expect(scanned.getByTestId("player-joined-nickname")).toHaveText(scannedName);
  await expect(host.getByTestId("host-player-count")).toHaveText("2");
});

test("a phone in an ordinary game can still type, or draw a name with the dice", async ({ browser }) => {
  const phone = await (await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
  await phone.goto("/join");
  const nickname = phone.getByTestId("join-nickname");
  await phone.getByTestId("join-suggest-name").click();
  const drawn = await nickname.inputValue();
  expect(isGeneratedNickname(drawn), drawn).toBe(true);
  // The drawn name is a suggestion: it can be edited.
  await nickname.fill("Ada");
  await expect(nickname).toHaveValue("Ada");
  await expect(phone.getByTestId("join-drawn-only")).toHaveCount(0);
});

const SHOW_QUIZ = `---
title: Show Time
readTime: 8
timeLimit: 60
---

## Which planet is the largest?

- [x] Jupiter
- [ ] Mars

## Which is a mammal?

- [x] Whale
- [ ] Shark
`;

async function hostShowQuiz(host: Page): Promise<string> {
  await host.goto("/sign-up");
  await signUpAsNewTeacher(host, "Ms Show");
  await host.goto("/quizzes/new");
  await host.getByTestId("quiz-source").fill(SHOW_QUIZ);
  await expect(host.getByTestId("quiz-errors")).toHaveCount(0);
  await host.getByTestId("quiz-save").click();
  await host.getByTestId("nav-quizzes").click();
  await host.locator('[data-quiz-title="Show Time"]').getByRole("button", { name: /^host/i }).click();
  await host.getByTestId("host-options-start").click();
  await expect(host.getByTestId("phase-lobby")).toBeVisible();
  return (await host.getByTestId("host-code").innerText()).replace(/\D/g, "");
}

test("the big screen: sound button remembered, audio starts with the host's click, 3-2-1 build-up, confetti on the podium", async ({ browser }) => {
  test.setTimeout(240_000);
  const host = await (await browser.newContext({ viewport: PROJECTOR })).newPage();
  const code = await hostShowQuiz(host);
  const sound = host.getByTestId("sound-toggle");

  // Sound is on until muted; no audio runs before the host has clicked anything on the page.
  await expect(sound).toHaveAttribute("aria-pressed", "true");
  await expect(sound).toHaveAttribute("data-audio", "none");
  // One click mutes, and the choice survives a reload.
  await sound.click();
  await expect(sound).toHaveAttribute("aria-pressed", "false");
  await host.reload();
  await expect(sound).toHaveAttribute("aria-pressed", "false");
  await expect(sound).toHaveAttribute("data-sound", "off");
  // Muted, a click makes no audio at all.
  await host.getByTestId("host-code").click();
  await expect(sound).toHaveAttribute("data-audio", "none");
  // Turned on again: that click starts the audio, and on is remembered too.
  await sound.click();
  await expect(sound).toHaveAttribute("aria-pressed", "true");
  await expect(sound).toHaveAttribute("data-audio", "running");
  await host.reload();
  await expect(sound).toHaveAttribute("aria-pressed", "true");
  await expect(sound).toHaveAttribute("data-audio", "none");

  const phone = await openPhone(browser, code, "Ada");
  // The phone is silent unless the student turns sound on; then it is remembered on the phone.
  const phoneSound = phone.getByTestId("phone-sound-toggle");
  await expect(phoneSound).toHaveAttribute("aria-pressed", "false");
  await expect(phoneSound).toHaveAttribute("data-audio", "none");
  await phoneSound.click();
  await expect(phoneSound).toHaveAttribute("aria-pressed", "true");
  await expect(phoneSound).toHaveAttribute("data-audio", "running");
  await phone.reload();
  await expect(phone.getByTestId("phone-sound-toggle")).toHaveAttribute("aria-pressed", "true");

  // Start is the host's first click since the reload: the audio starts with it.
  await host.getByTestId("host-start").click();
  await expect(sound).toHaveAttribute("data-audio", "running");
  // The read time's last three seconds count down 3, 2, 1, each number landing with an animation.
  const buildUp = host.getByTestId("countdown-build-up");
  // (A loaded test machine may show the question a moment late: the count is then already under way.)
  await expect(buildUp).toHaveText(/^[123]$/, { timeout: 15_000 });
  await expect(buildUp.locator("span")).toHaveCSS("animation-name", "build-up");
  await expect(buildUp).toHaveText("1");
  await expect(host.getByTestId("phase-answering")).toBeVisible();
  await expect(buildUp).toHaveCount(0);
  await phone.locator('[data-testid^="answer-option-"]', { hasText: "Jupiter" }).click();
  await expect(host.getByTestId("phase-reveal")).toBeVisible();

  // With reduced motion asked for, the numbers just change.
  await host.emulateMedia({ reducedMotion: "reduce" });
  await host.getByTestId("host-next").click();
  await expect(host.getByTestId("phase-leaderboard")).toBeVisible();
  await host.getByTestId("host-next").click();
  await expect(buildUp).toHaveText(/^[123]$/, { timeout: 20_000 });
  await expect(buildUp.locator("span")).toHaveCSS("animation-name", "none");
  await expect(host.getByTestId("phase-answering")).toBeVisible();
  await phone.locator('[data-testid^="answer-option-"]', { hasText: "Whale" }).click();
  await expect(host.getByTestId("phase-reveal")).toBeVisible();
  await host.getByTestId("host-next").click();
  await expect(host.getByTestId("phase-leaderboard")).toBeVisible();
  await host.getByTestId("host-next").click();
  await expect(host.getByTestId("phase-podium")).toBeVisible();
  // Reduced motion: no confetti.
  const confetti = host.getByTestId("podium-confetti");
  await expect(confetti).toHaveAttribute("data-confetti", "reduced-motion");
  await expect(host.locator("canvas")).toHaveCount(0);
  // Without it (the podium stays up after a refresh): confetti falls.
  await host.emulateMedia({ reducedMotion: "no-preference" });
  await host.reload();
  await expect(host.getByTestId("phase-podium")).toBeVisible();
  await expect(confetti).toHaveAttribute("data-confetti", "fired");
  await expect(host.locator("canvas[data-testid=podium-confetti]")).toBeVisible();
});
