/** Browser steps every teacher-side test starts with. */
import { expect, request, type Page } from "@playwright/test";

export const E2E_PASSWORD = "correct horse battery";
/** The first teacher of the run's server is its quiz admin; later teachers sign up with an invite link from them. */
const ADMIN_EMAIL = "quiz-admin@school.test";
let teacherCount = 0;

/** An invite link made by the server's admin (signed in from a separate, cookie-only API client). */
async function inviteFromAdmin(baseURL: string): Promise<string> {
  const admin = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  try {
    let signIn = await admin.post("/api/auth/sign-in/email", { data: { email: ADMIN_EMAIL, password: E2E_PASSWORD } });
    // Sign-ins are limited to 3 per address in 10 s and every spec shares this machine's address: when
    // an earlier spec used them up, the admin waits as the answer says and signs in again.
    if (signIn.status() === 429) {
      const waitSeconds = Number(signIn.headers()["x-retry-after"] ?? 10);
      await new Promise((resolve) => setTimeout(resolve, (Math.min(waitSeconds, 60) + 0.5) * 1_000));
      signIn = await admin.post("/api/auth/sign-in/email", { data: { email: ADMIN_EMAIL, password: E2E_PASSWORD } });
    }
    expect(signIn.status(), "the admin signs in to make an invite").toBe(200);
    const made = await admin.post("/api/trpc/admin.createInvite", { data: {} });
    expect(made.ok(), "the admin makes an invite").toBe(true);
    return ((await made.json()) as { result: { data: { path: string } } }).result.data.path;
  } finally {
    await admin.dispose();
  }
}

/**
 * Signs a new teacher up through the sign-up page and lands where they were going (the library by default).
 * On a fresh server that teacher is the admin; afterwards sign-up is closed, so the admin makes an invite link
 * and the new teacher opens it, as at a school.
 */
export async function signUpAsNewTeacher(page: Page, name = "Ms Rivera"): Promise<{ email: string }> {
  teacherCount += 1;
  // As in playwright.config.ts.
  const baseURL = `http://localhost:${process.env.E2E_PORT ?? 3199}`;
  const status = await page.request.get(`${baseURL}/api/trpc/account.status`);
  const hasTeachers = ((await status.json()) as { result: { data: { hasTeachers: boolean } } }).result.data.hasTeachers;
  const email = hasTeachers ? `teacher-${Date.now()}-${teacherCount}@school.test` : ADMIN_EMAIL;
  if (hasTeachers) {
    const next = new URL(page.url().startsWith("http") ? page.url() : baseURL).searchParams.get("next");
    const invitePath = await inviteFromAdmin(baseURL);
    await page.goto(`${invitePath}${next ? `&next=${encodeURIComponent(next)}` : ""}`);
  } else if (/\/sign-in/.test(page.url())) {
    // Sent here by the sign-in gate: carry on from that page, as a teacher would.
    await page.getByTestId("auth-switch").click();
  } else if (!/\/sign-up/.test(page.url())) await page.goto("/sign-up");
  await expect(page).toHaveURL(/\/sign-up/);
  if (!hasTeachers) await expect(page.getByTestId("first-account-note")).toBeVisible();
  await page.getByTestId("auth-name").fill(name);
  await page.getByTestId("auth-email").fill(email);
  await page.getByTestId("auth-password").fill(E2E_PASSWORD);
  await page.getByTestId("auth-submit").click();
  // Sign-up attempts are limited to 3 per address in 10 s, and every spec's browser shares this machine's
  // address: when an earlier spec used them up, wait as the page asks and press the button again.
  const signedIn = page.getByTestId("teacher-name");
  const tooMany = page.getByText("Too many attempts. Wait a minute and try again.");
  await expect(signedIn.or(tooMany)).toBeVisible();
  if (await tooMany.isVisible()) {
    await page.waitForTimeout(10_500);
    await page.getByTestId("auth-submit").click();
  }
  await expect(signedIn).toHaveText(name);
  await expect(page).not.toHaveURL(/\/sign-(up|in)/);
  return { email };
}

/** Signs the run's admin in through the sign-in page (signing them up first on a fresh server). */
export async function signInAsAdmin(page: Page): Promise<void> {
  const baseURL = `http://localhost:${process.env.E2E_PORT ?? 3199}`;
  const status = await page.request.get(`${baseURL}/api/trpc/account.status`);
  if (!((await status.json()) as { result: { data: { hasTeachers: boolean } } }).result.data.hasTeachers) {
    await page.goto("/sign-up");
    await signUpAsNewTeacher(page, "Ms Admin");
    return;
  }
  await page.goto("/sign-in");
  await page.getByTestId("auth-email").fill(ADMIN_EMAIL);
  await page.getByTestId("auth-password").fill(E2E_PASSWORD);
  await page.getByTestId("auth-submit").click();
  await expect(page).not.toHaveURL(/\/sign-(up|in)/);
}

/** Opens the host options of a quiz in the library and starts hosting it with the defaults. */
export async function hostQuiz(page: Page, quizRow: ReturnType<Page["getByTestId"]>): Promise<void> {
  await quizRow.getByRole("button", { name: /^host/i }).click();
  await page.getByTestId("host-options-start").click();
  await expect(page).toHaveURL(/\/host\/[0-9a-f-]{36}$/);
}
