/**
 * Issue 11, end to end: a new teacher builds a three-question quiz with a picture and an equation
 * without typing any markdown (maths is written `$x^2$` in a field, as the editor's help says), using
 * only the visual editor: the picture is uploaded on the quiz's page and chosen for a question with
 * the editor's picture picker. The quiz is hosted; two 360×640 phones and the big screen show the
 * picture (loaded, with its alt text) and the maths typeset by KaTeX.
 */
import sharp from "sharp";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { parseQuizdown } from "../../src/quizdown";
import { openPhone } from "./phones";
import { hostQuiz, signUpAsNewTeacher } from "./teacher";

const TITLE = "Squares";
const ALT = "A red square with sides of x centimetres";
const PROMPT = "This square's sides are $x$ cm long. What is its area?";

function question(page: Page, index: number) {
  return page.getByTestId("editor-question").nth(index);
}

/**
 * The picture is an <img> named by its alt text that has loaded (a real picture, not its alt text
 * shown instead): the big screen's file, or on a phone the phone-sized one.
 */
async function expectPicture(where: Locator, screen: "big" | "phone") {
  const img = where.getByRole("img", { name: ALT });
  await expect(img).toBeVisible({ timeout: 15_000 });
  await expect(img).toHaveAttribute("src", screen === "phone" ? /^\/pictures\/[0-9a-f]{64}-phone\.webp$/ : /^\/pictures\/[0-9a-f]{64}\.webp$/);
  await expect.poll(() => img.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(600);
}

/** The prompt's maths typeset by KaTeX (drawn with its fonts), with the TeX it came from. */
async function expectMaths(prompt: Locator) {
  const formula = prompt.locator(".katex").first();
  await expect(formula.locator(".katex-html")).toBeVisible({ timeout: 15_000 });
  await expect(formula.locator("annotation")).toHaveText("x");
  expect(await formula.evaluate((element) => getComputedStyle(element).fontFamily)).toContain("KaTeX_Main");
}

test("a new teacher builds a quiz with a picture and maths in the visual editor; the big screen and two phones show both", async ({ browser }) => {
  test.setTimeout(420_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const teacher = await context.newPage();
  await teacher.goto("/sign-up");
  await signUpAsNewTeacher(teacher, "Ms Haddad");
  await teacher.goto("/quizzes/new");
  await teacher.getByTestId("editor-tab-visual").click();
  await expect(teacher.getByTestId("visual-editor")).toBeVisible();
  await teacher.getByTestId("editor-title").fill(TITLE);
  // Time enough for both phones to be looked at while the question is open, on a slow machine.
  await teacher.getByTestId("editor-time-limit").fill("240");

  // 1. A choice question whose prompt and options have maths in them.
  await teacher.getByTestId("editor-add-choice").click();
  await question(teacher, 0).getByTestId("editor-prompt").fill(PROMPT);
  const options = question(teacher, 0).getByTestId("editor-option-text");
  await options.nth(0).fill("$x^2$ cm²");
  await options.nth(1).fill("$4x$ cm²");
  await question(teacher, 0).getByTestId("editor-option-correct").nth(0).check();
  // 2. True or false.
  await teacher.getByTestId("editor-add-truefalse").click();
  await question(teacher, 1).getByTestId("editor-prompt").fill("A square has four equal sides.");
  await question(teacher, 1).getByTestId("editor-truefalse-true").check();
  // 3. A typed answer.
  await teacher.getByTestId("editor-add-typed").click();
  await question(teacher, 2).getByTestId("editor-prompt").fill("How many corners does a square have?");
  await question(teacher, 2).getByTestId("editor-accepted").first().fill("4");
  await expect(teacher.getByTestId("editor-field-error")).toHaveCount(0);
  // A quiz not saved yet has nowhere to keep pictures: the picker shows once it is saved.
  await expect(teacher.getByTestId("editor-question-picture")).toHaveCount(0);
  await teacher.getByTestId("quiz-save").click();
  await expect(teacher).toHaveURL(/\/$/);

  // The picture: added on the quiz's page, then chosen for question 1 in the visual editor.
  const row = teacher.locator(`[data-quiz-title="${TITLE}"]`);
  await row.getByTestId("quiz-replace").click();
  await expect(teacher.getByTestId("quiz-replace-panel")).toBeVisible();
  await teacher.getByTestId("editor-tab-visual").click();
  await expect(teacher.getByTestId("editor-question")).toHaveCount(3);
  const square = await sharp({ create: { width: 600, height: 600, channels: 3, background: "#c0392b" } }).png().toBuffer();
  await teacher.getByTestId("picture-file").setInputFiles({ name: "Square.png", mimeType: "image/png", buffer: square });
  await teacher.getByTestId("picture-alt").fill(ALT);
  await teacher.getByTestId("picture-add").click();
  await expect(teacher.getByTestId("picture-done")).toContainText("square.png");
  // In the Visual tab adding a picture writes nothing into the quiz: it is chosen where it belongs.
  await expect(teacher.getByTestId("quiz-replace-save")).toBeDisabled();
  const picker = question(teacher, 0).getByTestId("editor-question-picture");
  await expect(picker.locator("option", { hasText: "square.png" })).toHaveCount(1);
  // By keyboard: focus the picker, choose the picture.
  await picker.focus();
  await picker.selectOption("square.png");
  await expect(picker).toBeFocused();
  // What the teacher said the picture shows comes with it; an empty alt text is refused.
  const alt = question(teacher, 0).getByTestId("editor-question-picture-alt");
  await expect(alt).toHaveValue(ALT);
  await alt.fill("");
  await expect(question(teacher, 0).getByTestId("editor-question-picture-alt-needed")).toBeVisible();
  await expect(teacher.getByTestId("quiz-replace-save")).toBeDisabled();
  await alt.pressSequentially(ALT);
  await expect(question(teacher, 0).getByTestId("editor-question-picture-alt-needed")).toHaveCount(0);
  await expect(question(teacher, 0).getByTestId("editor-field-error")).toHaveCount(0);

  // The quiz the editor wrote (read here, not typed): the picture on question 1, the maths as written.
  await teacher.getByTestId("editor-tab-text").click();
  const source = await teacher.getByTestId("quiz-source").inputValue();
  await teacher.getByTestId("editor-tab-visual").click();
  const parsed = parseQuizdown(source, { pictures: { "square.png": { name: "square.png", hash: "0".repeat(64), width: 600, height: 600 } } });
  expect(parsed.ok, source).toBe(true);
  if (!parsed.ok) return;
  expect(parsed.quiz.questions.map((q) => q.kind)).toEqual(["single", "truefalse", "typed"]);
  expect(parsed.quiz.questions[0]!.bodyHtml).toContain(`alt="${ALT}"`);

  await teacher.getByTestId("quiz-replace-save").click();
  await expect(teacher.getByTestId("quiz-replace-panel")).toHaveCount(0);
  await teacher.goto("/");
  await hostQuiz(teacher, teacher.locator(`[data-quiz-title="${TITLE}"]`));
  const code = (await teacher.getByTestId("host-code").innerText()).replace(/\D/g, "");
  const phones = [await openPhone(browser, code, "Ana"), await openPhone(browser, code, "Ben")];
  await expect(teacher.getByTestId("host-player")).toHaveCount(2);
  await teacher.getByTestId("host-start").click();

  // The big screen: the picture in the question's body, the maths in its prompt.
  await expectPicture(teacher.getByTestId("host-question-body"), "big");
  await expectMaths(teacher.getByTestId("host-prompt"));
  for (const phone of phones) {
    await expect(phone.getByTestId("phase-answering")).toBeVisible({ timeout: 20_000 });
    await expectPicture(phone.getByTestId("player-question-body"), "phone");
    await expectMaths(phone.getByTestId("player-prompt"));
    // The options' maths too, and the picture fits the phone's screen.
    await expect(phone.locator('[data-testid^="answer-option-"] .katex').first()).toBeVisible();
    const box = (await phone.getByRole("img", { name: ALT }).boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(360);
  }
  // Still on the question, now being answered.
  await expect(teacher.getByTestId("phase-answering")).toBeVisible();
  await expectPicture(teacher.getByTestId("host-question-body"), "big");
  await expectMaths(teacher.getByTestId("host-prompt"));
  await context.close();
  for (const phone of phones) await phone.context().close();
});
