/**
 * In real Chromium: a teacher adds a picture to a quiz on its page (file + what it shows), the
 * picture is written into the text and shown in the preview, they save and host the quiz, and the
 * big screen and a phone show the picture, loaded, with its alt text (the phone its small rendition);
 * exported as quizdown it is a .zip that, imported, is the quiz again with its picture.
 */
import sharp from "sharp";
import { expect, test } from "@playwright/test";
import { openPhone } from "./phones";
import { signUpAsNewTeacher } from "./teacher";

const ALT = "A robin on a snowy branch";
const QUIZ = `## Which bird is this?

- [x] Robin
- [ ] Sparrow
- [ ] Crow
`;


test("a teacher adds a picture to a quiz, hosts it, and the big screen and a phone show it", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const teacher = await context.newPage();
  await teacher.goto("/");
  await signUpAsNewTeacher(teacher, "Mr Okafor");

  await teacher.goto("/quizzes/new");
  await teacher.getByTestId("quiz-source").fill(QUIZ);
  await teacher.getByTestId("quiz-save").click();
  await expect(teacher).toHaveURL(/\/$/);
  // No title: line 1 is the question, where the cursor will go.
  const row = teacher.locator('[data-quiz-title="Untitled quiz"]');
  await row.getByTestId("quiz-replace").click();
  await expect(teacher.getByTestId("quiz-replace-panel")).toBeVisible();

  // The cursor at the end of the question's line: the picture goes under it.
  const source = teacher.getByTestId("quiz-source");
  await source.click();
  await source.press("Control+Home");
  await source.press("End");
  const photo = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: "#b5482d" } }).jpeg().toBuffer();
  await teacher.getByTestId("picture-file").setInputFiles({ name: "Robin.JPG", mimeType: "image/jpeg", buffer: photo });
  // Alt text is required before anything is sent.
  await teacher.getByTestId("picture-add").click();
  await expect(teacher.getByTestId("picture-error")).toContainText(/what the picture shows/i);
  await teacher.getByTestId("picture-alt").fill(ALT);
  await teacher.getByTestId("picture-add").click();
  await expect(teacher.getByTestId("picture-done")).toContainText("robin.jpg");
  await expect(teacher.getByTestId("picture-item")).toHaveCount(1);
  await expect(source).toHaveValue(`## Which bird is this?\n\n![${ALT}](picture:robin.jpg)\n\n- [x] Robin\n- [ ] Sparrow\n- [ ] Crow\n`);
  await expect(teacher.getByTestId("quiz-warning")).toHaveCount(0);
  // The live preview shows it (resized to 1280 px at most: 1800 × 1200 → 1280 × 853).
  const preview = teacher.getByRole("img", { name: ALT }).first();
  await expect(preview).toBeVisible();
  await expect(preview).toHaveAttribute("width", "1280");
  await expect(preview).toHaveAttribute("height", "853");

  await teacher.getByTestId("quiz-replace-save").click();
  await expect(teacher.getByTestId("quiz-replace-panel")).toHaveCount(0);
  await teacher.getByTestId("quiz-host").click();
  await teacher.getByTestId("host-options-start").click();
  await expect(teacher).toHaveURL(/\/host\/[0-9a-f-]{36}$/);
  const code = (await teacher.getByTestId("host-code").innerText()).replace(/\D/g, "");
  const phone = await openPhone(browser, code, "Ife");
  await teacher.getByTestId("host-start").click();

  const bigScreen = teacher.getByTestId("host-question-body").getByRole("img", { name: ALT });
  await expect(bigScreen).toBeVisible({ timeout: 15_000 });
  // The big screen loads the 1280 px picture; the phone only its 640 px rendition.
  await expect.poll(() => bigScreen.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1280);
  await expect(phone.getByRole("img", { name: ALT })).toBeVisible({ timeout: 15_000 });
  await expect(phone.getByRole("img", { name: ALT })).toHaveAttribute("src", /^\/pictures\/[0-9a-f]{64}-phone\.webp$/);
  await expect(phone.getByRole("img", { name: ALT })).not.toHaveAttribute("srcset", /.*/);
  await expect.poll(() => phone.getByRole("img", { name: ALT }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(640);
  // Sized for the phone's screen: no wider than it.
  const box = await phone.getByRole("img", { name: ALT }).boundingBox();
  expect(box!.width).toBeLessThanOrEqual(360);
  expect(box!.height).toBeGreaterThan(50);
  await phone.context().close();

  // Exported as quizdown, the quiz is a .zip with its picture; Kahoot! says the picture is not in it.
  await teacher.goto("/");
  await teacher.locator('[data-quiz-title="Untitled quiz"]').getByTestId("quiz-preview-link").click();
  let download = teacher.waitForEvent("download");
  await teacher.getByTestId("quiz-export-kahoot").click();
  await download;
  await expect(teacher.getByTestId("quiz-export-pictures")).toContainText("not in this file");
  download = teacher.waitForEvent("download");
  await teacher.getByTestId("quiz-export-quizdown").click();
  const zip = await download;
  expect(zip.suggestedFilename()).toBe("untitled-quiz.zip");
  await expect(teacher.getByTestId("quiz-export-pictures")).toContainText("in the .zip");
  // Imported back, the .zip is a new quiz showing the picture.
  await teacher.goto("/quizzes/new");
  const zipPath = test.info().outputPath("untitled-quiz.zip");
  await zip.saveAs(zipPath);
  await teacher.getByTestId("quiz-import-input").setInputFiles(zipPath);
  await expect(teacher.getByTestId("quiz-import-zip-done")).toContainText("1 picture");
  await teacher.getByTestId("quiz-import-zip-open").click();
  await expect(teacher).toHaveURL(/\/quizzes\/[0-9a-f-]{36}$/);
  await expect(teacher.getByRole("img", { name: ALT }).first()).toBeVisible();
  await context.close();
});
