/**
 * In real Chromium, the school's side of teacher accounts: sign-up is closed to a visitor without an
 * invite; the admin makes an invite link that a new teacher opens to sign up (once); the admin sets a
 * school sign-up code that the sign-up page then asks for; and a teacher the admin turns off is signed out
 * and told why when signing in again.
 */
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_PASSWORD, signInAsAdmin } from "./teacher";

const SHOTS = path.join("test-results", "screenshots");
const CLOSED = "Sign-up is closed on this server. Ask your school's quiz admin for an invite link.";

test("the admin invites a teacher, sets a school code, and turns a teacher off", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAsAdmin(admin);
  await admin.getByTestId("nav-admin").click();
  await expect(admin.getByTestId("admin-screen")).toBeVisible();

  // A visitor without an invite finds sign-up closed: no form at all.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/sign-up");
  await expect(visitor.getByTestId("sign-up-closed")).toHaveText(CLOSED);
  await expect(visitor.getByTestId("auth-submit")).toHaveCount(0);

  // An invite link lets one teacher in.
  await admin.getByTestId("invite-create").click();
  const link = await admin.getByTestId("invite-link").innerText();
  expect(link).toMatch(/\/sign-up\?invite=[\w-]+$/);
  await admin.screenshot({ path: path.join(SHOTS, "admin-teachers.png"), fullPage: true });
  const invitedContext = await browser.newContext();
  const invited = await invitedContext.newPage();
  await invited.goto(link);
  await invited.getByTestId("auth-name").fill("Mr Okafor");
  await invited.getByTestId("auth-email").fill(`okafor-${Date.now()}@school.test`);
  await invited.getByTestId("auth-password").fill("password123");
  await invited.getByTestId("auth-submit").click();
  await expect(invited.getByTestId("auth-error")).toContainText("most common ones");
  await invited.getByTestId("auth-password").fill(E2E_PASSWORD);
  await invited.getByTestId("auth-submit").click();
  await expect(invited.getByTestId("teacher-name")).toHaveText("Mr Okafor");
  // The same link again: used.
  await visitor.goto(link);
  await expect(visitor.getByTestId("sign-up-closed")).toContainText("already been used");

  // A school code: the sign-up page asks for it, and a wrong one is refused in words.
  await admin.getByTestId("school-code-input").fill("Maple Hill 2026");
  await admin.getByTestId("school-code-save").click();
  await expect(admin.getByTestId("school-code-state")).toContainText("Maple Hill 2026");
  // better-auth allows 3 sign-up attempts per address in 10 s, and the ones above came from this same machine.
  await visitor.waitForTimeout(10_500);
  await visitor.goto("/sign-up");
  const coded = `coded-${Date.now()}@school.test`;
  await visitor.getByTestId("auth-name").fill("Ms Chen");
  await visitor.getByTestId("auth-email").fill(coded);
  await visitor.getByTestId("auth-password").fill(E2E_PASSWORD);
  await visitor.getByTestId("auth-school-code").fill("Oak Lane 2026");
  await visitor.getByTestId("auth-submit").click();
  await expect(visitor.getByTestId("auth-error")).toContainText("That school sign-up code isn't right.");
  await visitor.getByTestId("auth-school-code").fill("maple hill 2026");
  await visitor.getByTestId("auth-submit").click();
  await expect(visitor.getByTestId("teacher-name")).toHaveText("Ms Chen");
  await admin.getByTestId("school-code-off").click();
  await expect(admin.getByTestId("school-code-state")).toContainText("No code");

  // The admin turns Ms Chen off: her next page load sends her to sign in, where she is told why.
  await admin.reload();
  const row = admin.locator(`[data-testid="teacher-row"][data-email="${coded}"]`);
  await row.getByTestId("teacher-disable").click();
  await expect(row.getByTestId("teacher-enable")).toBeVisible();
  await visitor.goto("/games");
  await expect(visitor).toHaveURL(/\/sign-in/);
  await visitor.getByTestId("auth-email").fill(coded);
  await visitor.getByTestId("auth-password").fill(E2E_PASSWORD);
  await visitor.getByTestId("auth-submit").click();
  await expect(visitor.getByTestId("auth-error")).toContainText("turned off by your school's quiz admin");

  // A teacher who isn't the admin has no Teachers page.
  await expect(invited.getByTestId("nav-admin")).toHaveCount(0);
  await invited.goto("/admin");
  await expect(invited.getByTestId("admin-only")).toBeVisible();
});
