/**
 * Team mode in real Chromium: the host turns team mode on in the options (teams of 2, picked in the
 * lobby, 10 s of team talk); three phones pick their teams (Red fills up, which Linus's phone shows
 * without a refresh, so he takes Blue), see the team talk with the options to discuss, play two questions, and the big screen shows the team leaderboard and the team
 * podium while each phone shows its team and its rank; the report ranks the teams. axe-core finds
 * nothing on the team screens (checked outside the answering time: on a loaded machine a check takes
 * many seconds).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { answer, correctAnswersByPrompt, openPhone } from "./phones";
import { signUpAsNewTeacher } from "./teacher";

async function noAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${where}: ${violation.id} ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a team game: teams picked in the lobby, team talk, team leaderboard and podium, the phones' team rank, the report's team ranking", async ({ browser }) => {
  test.setTimeout(600_000);
  const correct = correctAnswersByPrompt();
  const host = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await signUpAsNewTeacher(host);
  await host.getByTestId("quiz-back-office").getByRole("button", { name: /^host/i }).click();
  await host.getByTestId("host-option-read-time").fill("0");
  // Time for the axe checks on a slow machine before the answers close.
  await host.getByTestId("host-option-time-limit").fill("90");
  await host.getByTestId("host-option-question-count").fill("2");
  await host.getByTestId("host-option-teams").check();
  await host.getByTestId("host-option-team-pick").check();
  await host.getByTestId("host-option-team-size").fill("2");
  // Long enough to be seen on a slow machine (a click may take seconds there).
  await host.getByTestId("host-option-team-talk").fill("10");
  await noAxeViolations(host, "host options with team mode");
  await host.getByTestId("host-options-start").click();
  await expect(host.getByTestId("phase-lobby")).toBeVisible();
  const code = (await host.getByTestId("host-code").innerText()).replace(/\D/g, "");

  const [ada, grace, linus] = [await openPhone(browser, code, "Ada"), await openPhone(browser, code, "Grace"), await openPhone(browser, code, "Linus")];
  const redChoice = (phone: Page) => phone.getByTestId("team-choice").and(phone.locator('[data-team="0"]'));
  await redChoice(ada).click();
  await expect(redChoice(ada)).toHaveAttribute("aria-pressed", "true");
  await redChoice(grace).click();
  await expect(redChoice(grace)).toHaveAttribute("aria-pressed", "true");
  // Linus's list follows the others' picks without a refresh: Red is full, so he takes Blue.
  await expect(redChoice(linus)).toBeDisabled();
  await expect(redChoice(linus)).toContainText("Full");
  await linus.getByTestId("team-choice").and(linus.locator('[data-team="1"]')).click();
  await expect(linus.getByTestId("player-team")).toHaveCount(0);
  await noAxeViolations(linus, "phone team picker");
  await expect(host.getByTestId("host-player").filter({ hasText: "Ada" })).toContainText("Red team");
  await expect(host.getByTestId("host-player").filter({ hasText: "Linus" })).toContainText("Blue team");

  await host.getByTestId("host-start").click();
  for (let round = 0; round < 2; round++) {
    await expect(host.getByTestId("team-talk")).toBeVisible();
    await expect(ada.getByTestId("player-team-talk")).toContainText("Red team");
    // The team talk shows the options to discuss, on the big screen and the phones; answers open after it.
    await expect(host.getByTestId("host-talk-option-0")).toBeVisible();
    await expect(ada.getByTestId("player-talk-option-0")).toBeVisible();
    await expect(ada.getByTestId("answer-option-0")).toHaveCount(0);
    await expect(ada.getByTestId("phase-answering")).toBeVisible({ timeout: 15_000 });
    const prompt = (await ada.getByTestId("player-prompt").innerText()).trim();
    const right = correct.get(prompt)!;
    await answer(ada, right, false);
    await answer(grace, right, false);
    await answer(linus, right, true);
    await expect(host.getByTestId("phase-reveal")).toBeVisible();
    await host.getByTestId("host-next").click();
    await expect(host.getByTestId("team-leaderboard-row").first()).toContainText("Red team");
    await expect(host.getByTestId("team-leaderboard-row")).toHaveCount(2);
    await expect(linus.getByTestId("player-team")).toContainText("Blue team");
    await expect(linus.getByTestId("player-team-rank")).toContainText("2 of 2");
    if (round === 0) {
      await noAxeViolations(host, "host team leaderboard");
      await noAxeViolations(linus, "phone team standing");
    }
    await host.getByTestId("host-next").click();
  }

  await expect(host.getByTestId("team-podium-1")).toContainText("Red team");
  await expect(host.getByTestId("team-podium-2")).toContainText("Blue team");
  await expect(ada.getByTestId("player-team-rank")).toContainText("1 of 2");
  await noAxeViolations(host, "host team podium");

  await host.getByTestId("results-link").click();
  await expect(host.getByTestId("team-ranking-row").first()).toContainText("Red team");
  await expect(host.getByTestId("team-ranking-row").first()).toContainText("Ada");
  await noAxeViolations(host, "report with team ranking");
});
