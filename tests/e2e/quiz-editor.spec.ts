/**
 * The visual quiz editor (issue 11): a new teacher builds a three-question quiz without typing any
 * markdown — a choice question, a true/false and a slider — by keyboard and mouse; problems show beside
 * their field; the Text tab shows the quizdown it wrote; it is saved, hosted, and a phone plays it.
 */
import { expect, test, type Page } from "@playwright/test";
import { parseQuizdown } from "../../src/quizdown";
import { openPhone } from "./phones";
import { hostQuiz, signUpAsNewTeacher } from "./teacher";

function question(page: Page, index: number) {
  return page.getByTestId("editor-question").nth(index);
}

test("a new teacher builds a quiz in the visual editor, saves it and hosts it", async ({ browser }) => {
  // Many steps, each a real render and parse in the browser; the shared machine can be slow.
  test.setTimeout(420_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const teacher = await context.newPage();
  await teacher.goto("/sign-up");
  await signUpAsNewTeacher(teacher, "Ms Novak");
  await teacher.goto("/quizzes/new");
  await teacher.getByTestId("editor-tab-visual").click();
  await expect(teacher.getByTestId("visual-editor")).toBeVisible();

  await teacher.getByTestId("editor-title").fill("Space Basics");

  // 1. Multiple choice, added with the keyboard: the new question's prompt has the focus.
  await teacher.getByTestId("editor-add-choice").focus();
  await teacher.keyboard.press("Enter");
  await expect(question(teacher, 0).getByTestId("editor-prompt")).toBeFocused();
  await teacher.keyboard.type("Which planet is largest?");
  // The checker's problem shows beside the answers until one is marked right.
  await expect(question(teacher, 0).getByTestId("editor-field-error").first()).toBeVisible();
  const options = question(teacher, 0).getByTestId("editor-option-text");
  await options.nth(0).fill("Mars");
  await options.nth(1).fill("Jupiter");
  await question(teacher, 0).getByTestId("editor-add-option").click();
  await options.nth(2).fill("Venus");
  await question(teacher, 0).getByTestId("editor-option-correct").nth(1).check();
  await expect(question(teacher, 0).getByTestId("editor-field-error")).toHaveCount(0);
  // The preview follows the typing.
  await expect(question(teacher, 0).getByTestId("editor-preview")).toContainText("Which planet is largest?");
  await expect(question(teacher, 0).getByTestId("editor-preview")).toContainText("Jupiter");

  // 2. True or false.
  await teacher.getByTestId("editor-add-truefalse").click();
  await question(teacher, 1).getByTestId("editor-prompt").fill("The sun is a star.");
  await question(teacher, 1).getByTestId("editor-truefalse-true").check();

  // 3. A slider, then moved up and back down with the keyboard.
  await teacher.getByTestId("editor-add-slider").click();
  await question(teacher, 2).getByTestId("editor-prompt").fill("How many planets orbit the sun?");
  await question(teacher, 2).getByTestId("editor-slider-min").fill("0");
  await question(teacher, 2).getByTestId("editor-slider-max").fill("20");
  await question(teacher, 2).getByTestId("editor-slider-answer").fill("80");
  await expect(question(teacher, 2).getByTestId("editor-field-error")).toContainText(/outside/);
  await question(teacher, 2).getByTestId("editor-slider-answer").fill("8");
  await expect(question(teacher, 2).getByTestId("editor-field-error")).toHaveCount(0);
  await question(teacher, 2).getByTestId("editor-move-up").focus();
  await teacher.keyboard.press("Enter");
  await expect(question(teacher, 1).getByTestId("editor-prompt")).toHaveValue("How many planets orbit the sun?");
  // The keyboard stays on the question that moved.
  await expect(question(teacher, 1).getByTestId("editor-move-up")).toBeFocused();
  await teacher.keyboard.press("Tab");
  await expect(question(teacher, 1).getByTestId("editor-move-down")).toBeFocused();
  await teacher.keyboard.press("Enter");
  await expect(question(teacher, 2).getByTestId("editor-prompt")).toHaveValue("How many planets orbit the sun?");

  // A duplicate, deleted again.
  await question(teacher, 0).getByTestId("editor-duplicate").click();
  await expect(teacher.getByTestId("editor-question")).toHaveCount(4);
  await question(teacher, 1).getByTestId("editor-delete").click();
  await expect(teacher.getByTestId("editor-question")).toHaveCount(3);

  // The Text tab shows the quizdown the editor wrote; switching back keeps everything.
  await teacher.getByTestId("editor-tab-text").click();
  const source = await teacher.getByTestId("quiz-source").inputValue();
  const parsed = parseQuizdown(source);
  expect(parsed.ok, source).toBe(true);
  if (!parsed.ok) return;
  expect(parsed.quiz.title).toBe("Space Basics");
  expect(parsed.quiz.questions.map((q) => q.kind)).toEqual(["single", "truefalse", "slider"]);
  expect(parsed.quiz.questions[2]!.slider).toMatchObject({ min: 0, max: 20, correct: 8 });
  await expect(teacher.getByTestId("quiz-ready")).toBeVisible();
  await teacher.getByTestId("editor-tab-visual").click();
  await expect(teacher.getByTestId("editor-question")).toHaveCount(3);
  await expect(question(teacher, 0).getByTestId("editor-option-text").nth(1)).toHaveValue("Jupiter");

  await teacher.getByTestId("quiz-save").click();
  await expect(teacher).toHaveURL(/\/$/);
  const row = teacher.locator('[data-quiz-title="Space Basics"]');
  await expect(row).toBeVisible();
  await hostQuiz(teacher, row);
  const code = (await teacher.getByTestId("host-code").innerText()).replace(/\D/g, "");
  const phone = await openPhone(browser, code, "Ada");
  await expect(teacher.getByTestId("host-player")).toHaveCount(1);
  await teacher.getByTestId("host-start").click();
  await expect(phone.getByTestId("phase-answering")).toBeVisible({ timeout: 20_000 });
  await expect(phone.getByTestId("player-prompt")).toContainText("Which planet is largest?");
  await phone.locator('[data-testid^="answer-option-"]', { hasText: "Jupiter" }).click();
  await expect(phone.getByTestId("answer-locked").or(phone.getByTestId("phase-reveal"))).toBeVisible();
  await context.close();
});

test("a draft is kept in the browser and offered back; leaving asks first; a new version changes only what was edited", async ({ browser }) => {
  test.setTimeout(360_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const teacher = await context.newPage();
  await teacher.goto("/sign-up");
  await signUpAsNewTeacher(teacher, "Mr Draft");
  await teacher.goto("/quizzes/new");
  await teacher.getByTestId("editor-tab-visual").click();
  await teacher.getByTestId("editor-add-typed").click();
  await question(teacher, 0).getByTestId("editor-prompt").fill("Capital of France?");
  await question(teacher, 0).getByTestId("editor-accepted").first().fill("Paris");
  // A link of the page asks before leaving unsaved changes (dismissed: the teacher stays).
  let asked = "";
  teacher.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await teacher.getByTestId("nav-quizzes").click();
  await expect.poll(() => asked).toContain("aren't saved");
  await expect(teacher).toHaveURL(/\/quizzes\/new$/);

  await teacher.waitForTimeout(800); // the draft is written half a second after the last change
  await teacher.goto("/quizzes/new");
  await expect(teacher.getByTestId("editor-draft-offer")).toBeVisible();
  await teacher.getByTestId("editor-draft-restore").click();
  await expect(question(teacher, 0).getByTestId("editor-prompt")).toHaveValue("Capital of France?");
  await expect(question(teacher, 0).getByTestId("editor-accepted").first()).toHaveValue("Paris");

  // A new version in the visual editor changes only the line edited; the rest is saved as it was.
  const original = "---\ntitle: Geography # kept\n---\n\n## Capital of France?\n---\nanswers: [Paris, \"Paris, France\"]\n---\n\n## Longest river?\n\n- [x] Nile\n- [ ] Thames\n";
  await teacher.getByTestId("editor-tab-text").click();
  await teacher.getByTestId("quiz-source").fill(original);
  await teacher.getByTestId("quiz-save").click();
  await expect(teacher).toHaveURL(/\/$/);
  await teacher.locator('[data-quiz-title="Geography"]').getByTestId("quiz-preview-link").click();
  await teacher.getByTestId("quiz-replace").click();
  await teacher.getByTestId("editor-tab-visual").click();
  await expect(teacher.getByTestId("editor-question")).toHaveCount(2);
  await question(teacher, 1).getByTestId("editor-prompt").fill("Longest river in Africa?");
  await teacher.getByTestId("editor-tab-text").click();
  await expect(teacher.getByTestId("quiz-source")).toHaveValue(original.replace("## Longest river?", "## Longest river in Africa?"));
  await teacher.getByTestId("quiz-replace-save").click();
  await expect(teacher.getByTestId("quiz-replace-panel")).toHaveCount(0);
  await expect(teacher.getByTestId("quiz-source-text")).toContainText("Longest river in Africa?");
  await context.close();
});
