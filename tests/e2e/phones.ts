/** Phone-side browser steps shared by the Playwright specs. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Browser, type Page } from "@playwright/test";
import { parseQuizdown } from "../../src/quizdown";

export const PHONE = { width: 360, height: 640 };

/** Correct option texts by question prompt, read from the quiz source (the test knows; the phones don't). */
export function correctAnswersByPrompt(source = readFileSync(path.join("content", "back-office.md"), "utf8")): Map<string, string> {
  const parsed = parseQuizdown(source);
  if (!parsed.ok) throw new Error("the quiz does not parse");
  return new Map(parsed.quiz.questions.map((question) => [question.promptMarkdown.trim(), question.options.find((option) => option.correct)!.markdown.trim()]));
}

/**
 * A 360×640 phone that joins the game by code under `nickname`. `deviceScaleFactor` 2 gives sharp
 * screenshots but makes every page load slower to paint (no GPU here), so timings use 1.
 */
export async function openPhone(browser: Browser, code: string, nickname: string, deviceScaleFactor = 1): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor });
  const phone = await context.newPage();
  await phone.goto(`/join?code=${code}`);
  await expect(phone.getByTestId("join-code")).toHaveValue(code);
  await phone.getByTestId("join-nickname").fill(nickname);
  await phone.getByTestId("join-submit").click();
  await expect(phone.getByTestId("player-joined")).toBeVisible();
  await expect(phone.getByTestId("player-joined-nickname")).toHaveText(nickname);
  return phone;
}

/**
 * Taps the option whose text is `text` (or, when `wrong`, the first other option); returns the text
 * tapped and the tile's place on screen (0 = the red triangle, 1 = the blue diamond, …).
 */
export async function answer(phone: Page, text: string, wrong: boolean): Promise<{ text: string; place: number }> {
  const options = phone.locator('[data-testid^="answer-option-"]');
  await expect(options.first()).toBeVisible();
  const count = await options.count();
  for (let i = 0; i < count; i++) {
    const optionText = (await options.nth(i).innerText()).trim();
    if ((optionText === text) !== wrong) {
      const place = Number((await options.nth(i).getAttribute("data-testid"))!.slice("answer-option-".length));
      await options.nth(i).click();
      // The last phone to answer closes the round, so the reveal may replace "locked in" at once.
      await expect(phone.getByTestId("answer-locked").or(phone.getByTestId("phase-reveal"))).toBeVisible();
      return { text: optionText, place };
    }
  }
  throw new Error(`no option matching "${text}" (wrong=${wrong}) on the phone`);
}

/** Waits for the answer buttons and taps the correct one. */
export async function answerCorrectly(phone: Page, correct: Map<string, string>): Promise<void> {
  await expect(phone.getByTestId("phase-answering")).toBeVisible({ timeout: 15_000 });
  const prompt = (await phone.getByTestId("player-prompt").innerText()).trim();
  const text = correct.get(prompt);
  if (!text) throw new Error(`no correct option known for "${prompt}"`);
  await answer(phone, text, false);
}
