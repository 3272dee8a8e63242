/** Browser steps every teacher-side test starts with. */
import { expect, type Page } from "@playwright/test";

export const E2E_PASSWORD = "correct horse battery";
let teacherCount = 0;

/** Signs a new teacher up through the sign-up page and lands where they were going (the library by default). */
export async function signUpAsNewTeacher(page: Page, name = "Ms Rivera"): Promise<{ email: string }> {
  teacherCount += 1;
  const email = `teacher-${Date.now()}-${teacherCount}@school.test`;
  // Sent here by the sign-in gate: carry on from that page, as a teacher would.
  if (/\/sign-in/.test(page.url())) await page.getByTestId("auth-switch").click();
  else if (!/\/sign-up/.test(page.url())) await page.goto("/sign-up");
  await expect(page).toHaveURL(/\/sign-up/);
  await page.getByTestId("auth-name").fill(name);
  await page.getByTestId("auth-email").fill(email);
  await page.getByTestId("auth-password").fill(E2E_PASSWORD);
  await page.getByTestId("auth-submit").click();
  await expect(page.getByTestId("teacher-name")).toHaveText(name);
  await expect(page).not.toHaveURL(/\/sign-(up|in)/);
  return { email };
}

/** Opens the host options of a quiz in the library and starts hosting it with the defaults. */
export async function hostQuiz(page: Page, quizRow: ReturnType<Page["getByTestId"]>): Promise<void> {
  await quizRow.getByRole("button", { name: /^host/i }).click();
  await page.getByTestId("host-options-start").click();
  await expect(page).toHaveURL(/\/host\/[0-9a-f-]{36}$/);
}
