/**
 * In real Chromium: a phone reloaded mid-question lands back on the question with its score intact
 * and can still answer; the host page reloaded mid-game still drives the game to the podium.
 * Also measures how long a refreshed phone takes to be back on the question.
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import { expect, test } from "@playwright/test";
import { answerCorrectly, correctAnswersByPrompt, openPhone } from "./phones";
import { hostQuiz, signUpAsNewTeacher } from "./teacher";

const SHOTS = path.join("test-results", "screenshots");

test("a refreshed phone keeps its score and answers; a refreshed host still drives the game to the podium", async ({ browser }) => {
  const correct = correctAnswersByPrompt();
  const host = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await signUpAsNewTeacher(host);
  await hostQuiz(host, host.getByTestId("quiz-back-office"));
  await expect(host.getByTestId("phase-lobby")).toBeVisible();
  const code = (await host.getByTestId("host-code").innerText()).replace(/\D/g, "");
  const ada = await openPhone(browser, code, "Ada");
  const bob = await openPhone(browser, code, "Bob");
  await expect(host.getByTestId("host-player")).toHaveCount(2);
  await host.getByTestId("host-start").click();

  // Round 1: both answer, so Ada has a score to keep.
  await answerCorrectly(ada, correct);
  await answerCorrectly(bob, correct);
  await expect(ada.getByTestId("result-correct")).toBeVisible();
  const scoreBefore = (await ada.getByTestId("player-score").innerText()).trim();
  expect(scoreBefore).toMatch(/[1-9]/);

  // The host reloads in the middle of the game and carries on.
  await host.getByTestId("host-next").click();
  await expect(host.getByTestId("phase-leaderboard")).toBeVisible();
  await host.reload();
  await expect(host.getByTestId("phase-leaderboard")).toBeVisible();
  await host.getByTestId("host-next").click();

  // Round 2: Ada's phone is refreshed while the question is open; it comes back on the question.
  await expect(ada.getByTestId("phase-answering")).toBeVisible({ timeout: 15_000 });
  const reloadTimes: number[] = [];
  const started = performance.now();
  await ada.reload();
  await expect(ada.getByTestId("phase-answering")).toBeVisible();
  reloadTimes.push(performance.now() - started);
  await expect(ada.getByTestId("player-score")).toHaveText(scoreBefore);
  await ada.screenshot({ path: path.join(SHOTS, "phone-after-reload.png") });
  await answerCorrectly(ada, correct);
  await answerCorrectly(bob, correct);
  await expect(ada.getByTestId("result-correct")).toBeVisible();
  await expect(ada.getByTestId("result-streak")).toContainText("2");

  // The remaining rounds, refreshing Bob's phone during each question to measure the way back.
  for (let round = 2; round < 10; round++) {
    await host.getByTestId("host-next").click();
    await expect(host.getByTestId("phase-leaderboard")).toBeVisible();
    await host.getByTestId("host-next").click();
    await expect(bob.getByTestId("phase-answering")).toBeVisible({ timeout: 15_000 });
    if (round < 7) {
      const reloadStarted = performance.now();
      await bob.reload();
      await expect(bob.getByTestId("phase-answering")).toBeVisible();
      reloadTimes.push(performance.now() - reloadStarted);
    }
    await answerCorrectly(ada, correct);
    await answerCorrectly(bob, correct);
    await expect(host.getByTestId("phase-reveal")).toBeVisible();
  }
  await host.getByTestId("host-next").click();
  await expect(host.getByTestId("phase-leaderboard")).toBeVisible();
  await host.getByTestId("host-next").click();
  await expect(host.getByTestId("phase-podium")).toBeVisible();
  await expect(host.getByTestId("podium-1")).toContainText(/Ada|Bob/);
  await expect(host.getByTestId("podium-2")).toContainText(/Ada|Bob/);
  await expect(ada.getByTestId("player-final")).toBeVisible();
  await expect(bob.getByTestId("player-final")).toBeVisible();

  reloadTimes.sort((a, b) => a - b);
  const median = reloadTimes[Math.floor(reloadTimes.length / 2)]!;
  console.log(`refreshed phone back on the open question: median ${median.toFixed(0)} ms over ${reloadTimes.length} reloads (min ${reloadTimes[0]!.toFixed(0)}, max ${reloadTimes.at(-1)!.toFixed(0)})`);
  expect(reloadTimes).toHaveLength(6);
});
