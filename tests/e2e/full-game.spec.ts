/**
 * In real Chromium: one desktop host page and three 360×640 phone pages join by code, play the
 * whole back-office quiz, and the podium shows the right top 3. The host then plays the hard
 * questions again and the phones follow without typing. Screenshots of every stage are saved under
 * test-results/screenshots/.
 */
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { answer, correctAnswersByPrompt, openPhone } from "./phones";
import { hostQuiz, signUpAsNewTeacher } from "./teacher";

const SHOTS = path.join("test-results", "screenshots");

test("a host and three phones play the back-office quiz to the podium", async ({ browser }) => {
  const correct = correctAnswersByPrompt();
  const hostContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const host = await hostContext.newPage();

  await signUpAsNewTeacher(host);
  await hostQuiz(host, host.getByTestId("quiz-back-office"));
  await expect(host.getByTestId("phase-lobby")).toBeVisible();
  const code = (await host.getByTestId("host-code").innerText()).replace(/\D/g, "");
  expect(code).toMatch(/^\d{6}$/);
  await expect(host.getByTestId("host-join-url")).toContainText("/join");
  await expect(host.getByTestId("host-qr-code").locator("svg")).toBeVisible();

  // Ada always answers right, Grace on even rounds only, Linus never: the podium order is certain.
  const names = ["Ada", "Grace", "Linus"];
  const phones: Page[] = [];
  for (const name of names) phones.push(await openPhone(browser, code, name, 2));
  await expect(host.getByTestId("host-player")).toHaveCount(3);
  await host.screenshot({ path: path.join(SHOTS, "host-lobby.png") });
  await phones[0]!.screenshot({ path: path.join(SHOTS, "phone-lobby.png") });

  await host.getByTestId("host-start").click();
  for (let round = 0; round < 10; round++) {
    await expect(host.getByTestId("phase-question-read")).toBeVisible();
    if (round === 0) {
      await host.screenshot({ path: path.join(SHOTS, "host-question-read.png") });
      await phones[0]!.screenshot({ path: path.join(SHOTS, "phone-question-read.png") });
    }
    await expect(host.getByTestId("phase-answering")).toBeVisible({ timeout: 15_000 });
    const prompt = (await phones[0]!.getByTestId("player-prompt").innerText()).trim();
    const correctText = correct.get(prompt);
    expect(correctText, `the phone shows a question from the quiz: "${prompt}"`).toBeDefined();
    if (round === 0) {
      await host.screenshot({ path: path.join(SHOTS, "host-question.png") });
      await phones[0]!.screenshot({ path: path.join(SHOTS, "phone-question.png") });
    }

    await answer(phones[0]!, correctText!, false);
    if (round === 0) await phones[0]!.screenshot({ path: path.join(SHOTS, "phone-locked-in.png") });
    await answer(phones[1]!, correctText!, round % 2 === 1);
    await answer(phones[2]!, correctText!, true);

    // Everyone answered, so the round closes before the timer.
    await expect(host.getByTestId("phase-reveal")).toBeVisible();
    await expect(phones[0]!.getByTestId("result-correct")).toBeVisible();
    await expect(phones[2]!.getByTestId("result-incorrect")).toBeVisible();
    await expect(phones[0]!.getByTestId("result-rank")).toContainText("1");
    if (round === 0) {
      await host.screenshot({ path: path.join(SHOTS, "host-reveal.png") });
      await phones[0]!.screenshot({ path: path.join(SHOTS, "phone-reveal-correct.png") });
      await phones[2]!.screenshot({ path: path.join(SHOTS, "phone-reveal-incorrect.png") });
    }

    await host.getByTestId("host-next").click();
    await expect(host.getByTestId("phase-leaderboard")).toBeVisible();
    await expect(host.getByTestId("leaderboard-row").first()).toContainText("Ada");
    if (round === 0) {
      await host.screenshot({ path: path.join(SHOTS, "host-leaderboard.png") });
      await phones[1]!.screenshot({ path: path.join(SHOTS, "phone-leaderboard.png") });
    }
    // Space is the keyboard shortcut for Next on the big screen; like the button, it waits for the
    // reply to the last click (the leaderboard can arrive before it).
    await expect(host.getByTestId("host-next")).toBeEnabled();
    await host.keyboard.press("Space");
  }

  await expect(host.getByTestId("phase-podium")).toBeVisible();
  await expect(host.getByTestId("podium-1")).toContainText("Ada");
  await expect(host.getByTestId("podium-2")).toContainText("Grace");
  await expect(host.getByTestId("podium-3")).toContainText("Linus");
  await host.screenshot({ path: path.join(SHOTS, "host-podium.png") });

  for (const [i, phone] of phones.entries()) {
    await expect(phone.getByTestId("player-final")).toBeVisible();
    await expect(phone.getByTestId("player-final-rank")).toContainText(String(i + 1));
    await phone.screenshot({ path: path.join(SHOTS, `phone-final-${names[i]!.toLowerCase()}.png`) });
  }
  await expect(phones[2]!.getByTestId("player-final-score")).toContainText("0");

  // Play again, the hard ones: Grace missed the odd rounds and Linus all (33 % right) — 5 of the 10.
  const gameId = new URL(host.url()).pathname.split("/").pop()!;
  await host.getByTestId("play-again-hard").click();
  await expect(host).not.toHaveURL(new RegExp(gameId));
  await expect(host.getByTestId("phase-lobby")).toBeVisible();
  // In the order the phones moved, each under its own nickname.
  await expect(host.getByTestId("host-player")).toHaveCount(names.length);
  for (const name of names) await expect(host.getByTestId("host-player").filter({ hasText: name })).toHaveCount(1);
  for (const phone of phones) await expect(phone.getByTestId("phase-lobby")).toBeVisible();
  await phones[1]!.screenshot({ path: path.join(SHOTS, "phone-play-again-lobby.png") });
  await host.getByTestId("host-start").click();
  // A new game: question 1 of the 5 hard ones, everyone back at 0 points.
  await expect(phones[0]!.getByTestId("player-header")).toContainText("1 / 5", { timeout: 15_000 });
  await expect(phones[0]!.getByTestId("player-score")).toHaveText(/^0\b/);

  // The results page shows the first game as it was saved.
  await host.goto(`/games/${gameId}`);
  await expect(host.getByTestId("results-player-row")).toHaveCount(3);
  await expect(host.getByTestId("results-player-row").first()).toContainText("Ada");
  await expect(host.getByTestId("results-question-row")).toHaveCount(10);
  await expect(host.getByTestId("results-status")).toContainText(/finished/i);
  await host.screenshot({ path: path.join(SHOTS, "results.png"), fullPage: true });

  // The library says when the quiz was last played (both games started) and how the class did; its search finds words in the questions.
  await host.goto("/");
  const row = host.getByTestId("quiz-back-office");
  await expect(row.getByTestId("quiz-last-played")).toContainText("(2 games)");
  await expect(row.getByTestId("quiz-percent-correct")).toHaveText(/^\d+ % correct$/);
  await host.getByTestId("library-search").fill("settlement");
  await expect(row).toBeVisible();
  await host.getByTestId("library-search").fill("no quiz says this");
  await expect(host.getByTestId("library-no-match")).toBeVisible();
  await expect(row).toHaveCount(0);
  await host.screenshot({ path: path.join(SHOTS, "library-search.png") });
});
