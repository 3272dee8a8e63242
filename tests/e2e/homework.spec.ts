/**
 * In real Chromium: a teacher assigns the back-office quiz as homework (asking for a class number),
 * a 360×640 phone opens the link, does it at its own pace (reloading the page mid-way and carrying
 * on where it was), the teacher's progress page shows the student finished, and the report opens.
 * The homework's link is shown as a QR code (checked against the link it encodes) with its code beside it.
 * axe-core checks every homework screen on the way (teacher and phone): no violation allowed.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import axeCore from "axe-core";
import { create } from "qrcode";
import { correctAnswersByPrompt, PHONE } from "./phones";
import { signUpAsNewTeacher } from "./teacher";

const violations: string[] = [];

async function audit(page: Page, where: string): Promise<void> {
  // axe is loaded into every page once (addInitScript below); legacy mode runs it there, as accessibility.spec.ts does.
  const results = await new AxeBuilder({ page, axeSource: "window.axe" }).setLegacyMode(true).analyze();
  for (const violation of results.violations) violations.push(`[${where}] ${violation.id}: ${violation.help} — ${violation.nodes.slice(0, 2).map((node) => node.target.join(" ")).join(", ")}`);
}

/** The path a QR code of `url` draws, made here with the same library: equal paths, equal encoded link. */
function qrPath(url: string): string {
  const { modules } = create(url, { errorCorrectionLevel: "M" });
  let d = "";
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) if (modules.data[row * modules.size + col]) d += `M${col + 2} ${row + 2}h1v1h-1z`;
  }
  return d;
}

/** The homework QR is visible, named for screen readers, beside the code, and encodes the homework's link; returns that link. */
async function expectHomeworkQr(page: Page, code: string): Promise<string> {
  const qr = page.getByTestId("homework-qr");
  await expect(qr).toBeVisible();
  const link = (await qr.getAttribute("data-url"))!;
  expect(link).toMatch(new RegExp(`^http://[^/]+/homework\\?code=${code}$`));
  await expect(qr.getByRole("img")).toHaveAccessibleName(`QR code of the homework link: ${link}`);
  expect(await qr.locator("path").getAttribute("d")).toBe(qrPath(link));
  await expect(page.getByTestId("homework-qr-block").getByTestId("homework-code")).toHaveText(code);
  await expect(page.getByTestId("homework-qr-block").getByTestId("homework-link")).toHaveText(link);
  const box = (await qr.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(150);
  return link;
}

test("homework from assignment to report", async ({ browser, page: teacher }) => {
  test.setTimeout(360_000);
  await teacher.context().addInitScript({ content: axeCore.source });
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
  // The link is shown as a QR code to project, with the code in plain text beside it.
  await expectHomeworkQr(teacher, code);
  await expect(teacher.getByTestId("homework-list")).toBeVisible();
  await audit(teacher, "assignments");
  await assigned.getByRole("link").click();
  await expect(teacher.getByTestId("homework-code")).toHaveText(code);
  const link = await teacher.getByTestId("homework-link").innerText();
  expect(link).toContain(`/homework?code=${code}`);
  expect(await expectHomeworkQr(teacher, code)).toBe(link);

  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  await context.addInitScript({ content: axeCore.source });
  const phone = await context.newPage();
  await phone.goto(`/homework?code=${code}`);
  await expect(phone.getByTestId("homework-start")).toBeVisible();
  await audit(phone, "phone start");
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
    if (question === 1) await audit(phone, "phone question");
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
    if (question <= 2) await audit(phone, `phone result ${question}`);
    await phone.getByTestId("homework-next").click();
  }
  await expect(phone.getByTestId("homework-finished")).toBeVisible();
  await expect(phone.getByTestId("homework-score")).toHaveText(/^\d+$/);
  await audit(phone, "phone finished");

  // The teacher's page follows by itself.
  const row = teacher.getByTestId("homework-student");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Ana");
  await expect(row).toContainText("12");
  await expect(teacher.getByTestId("homework-summary")).toContainText("1 of 1 student finished");
  await audit(teacher, "progress");
  await teacher.getByTestId("homework-report").click();
  await expect(teacher.getByTestId("results-player-row")).toHaveCount(1);
  await expect(teacher.getByTestId("results-player-row").first()).toContainText("Ana");
  await expect(teacher.getByTestId("results-question-row")).toHaveCount(10);
  await context.close();
  expect(violations).toEqual([]);
});
