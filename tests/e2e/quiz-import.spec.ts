/**
 * A teacher imports the sample CSV through the library: the converted quiz shows in the editor with
 * the row that could not be carried over, is saved and hosted; its page offers the Kahoot! export.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { hostQuiz, signUpAsNewTeacher } from "./teacher";

const CSV = readFileSync(path.resolve(import.meta.dirname, "../fixtures/convert/sample.csv"));

test("a teacher imports a CSV quiz, sees what was left out, saves it, exports it to Kahoot! and hosts it", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const teacher = await context.newPage();
  await teacher.goto("/");
  await signUpAsNewTeacher(teacher, "Mr Okafor");

  await teacher.goto("/quizzes/new");
  await teacher.getByTestId("quiz-import-input").setInputFiles({ name: "sample.csv", mimeType: "text/csv", buffer: CSV });
  await expect(teacher.getByTestId("quiz-import-done")).toContainText("sample.csv");
  await expect(teacher.getByTestId("convert-note")).toHaveText([/^Row 11: the kind "drawing"/]);
  await expect(teacher.getByTestId("quiz-ready")).toContainText("9 questions");
  await expect(teacher.getByTestId("preview-question")).toHaveCount(9);
  await teacher.getByTestId("quiz-save").click();

  await teacher.getByTestId("nav-quizzes").click();
  const row = teacher.locator('[data-quiz-title="Sample"]');
  await row.getByTestId("quiz-preview-link").click();
  const download = teacher.waitForEvent("download");
  await teacher.getByTestId("quiz-export-kahoot").click();
  expect((await download).suggestedFilename()).toBe("sample-kahoot.xlsx");
  await expect(teacher.getByTestId("quiz-export-done")).toContainText("ordering question is left out");

  await teacher.getByTestId("nav-quizzes").click();
  await hostQuiz(teacher, row);
  await expect(teacher.getByTestId("phase-lobby")).toBeVisible();
  await context.close();
});
