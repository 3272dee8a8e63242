/**
 * In real Chromium: a teacher assigns the back-office quiz as homework (asking for a class number),
 * a 360×640 phone opens the link, does it at its own pace (reloading the page mid-way and carrying
 * on where it was), the teacher's progress page shows the student finished, and the report opens.
 */
import { expect, test } from "@playwright/test";
import { correctAnswersByPrompt, PHONE } from "./phones";
import { signUpAsNewTeacher } from "./teacher";

test("homework from assignment to report", async ({ browser, page: teacher }) => {
  await teacher.goto("/assignments");
  await signUpAsNewTeacher(teacher);
  await teacher.goto("/assignments");
  await teacher.getByTestId("homework-quiz").selectOption({ label: "Back Office" });
  await teacher.getByTestId("homework-identifier-label").fill("Class number");
  await teacher.getByTestId("homework-untimed").check();
  await teacher.getByTestId("homework-assign-submit").click();
  const assigned = teacher.getByTestId("homework-assigned");
  await expect(assigned).toBeVisible();
  const code = (await assigned.innerText()).match(/\d{8}/)![0];
  await assigned.getByRole("link").click();
  await expect(teacher.getByTestId("homework-code")).toHaveText(code);
  const link = await teacher.getByTestId("homework-link").innerText();
  expect(link).toContain(`/homework?code=${code}`);

  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const phone = await context.newPage();
  await phone.goto(`/homework?code=${code}`);
  await phone.getByTestId("homework-nickname").fill("Ana");
  await phone.getByTestId("homework-identifier").fill("12");
  await phone.getByTestId("homework-begin").click();

  const correct = correctAnswersByPrompt();
  for (let question = 1; question <= 10; question++) {
    await expect(phone.getByTestId("homework-counter")).toHaveText(`${question} / 10`);
    if (question === 4) {
      // The student closes the page mid-way: it comes back on the same question.
      await phone.reload();
      await expect(phone.getByTestId("homework-counter")).toHaveText("4 / 10");
    }
    const prompt = (await phone.getByTestId("homework-prompt").innerText()).trim();
    const options = phone.locator('[data-testid^="answer-option-"]');
    const wrong = question === 2;
    const count = await options.count();
    for (let i = 0; i < count; i++) {
      if (((await options.nth(i).innerText()).trim() === correct.get(prompt)) !== wrong) {
        await options.nth(i).click();
        break;
      }
    }
    await expect(phone.getByTestId(wrong ? "homework-result-incorrect" : "homework-result-correct")).toBeVisible();
    if (wrong) await expect(phone.getByTestId("homework-right-answer")).toContainText(correct.get(prompt)!);
    await phone.getByTestId("homework-next").click();
  }
  await expect(phone.getByTestId("homework-finished")).toBeVisible();
  await expect(phone.getByTestId("homework-score")).toHaveText(/^\d+$/);

  // The teacher's page follows by itself.
  const row = teacher.getByTestId("homework-student");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Ana");
  await expect(row).toContainText("12");
  await expect(teacher.getByTestId("homework-summary")).toContainText("1 of 1 student finished");
  await teacher.getByTestId("homework-report").click();
  await expect(teacher.getByTestId("results-player-row")).toHaveCount(1);
  await expect(teacher.getByTestId("results-player-row").first()).toContainText("Ana");
  await expect(teacher.getByTestId("results-question-row")).toHaveCount(10);
  await context.close();
});
