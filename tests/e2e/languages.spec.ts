/**
 * In real Chromium: the phone speaks its browser's language. One phone set to Arabic and one to
 * English play a one-question game of the (English) back-office quiz: the Arabic phone is laid out
 * right to left with Arabic words on the lobby, question and reveal, while the quiz's own text and
 * the nicknames still read left to right. The switcher changes a phone's language, keeps it after a
 * reload, and does not drop the phone from its game; the teacher picks the big screen's language.
 */
import path from "node:path";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { answer, correctAnswersByPrompt, PHONE } from "./phones";
import { signUpAsNewTeacher } from "./teacher";

const SHOTS = path.join("test-results", "screenshots");

async function phoneIn(browser: Browser, locale: string, code: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale });
  const phone = await context.newPage();
  await phone.goto(`/join?code=${code}`);
  await expect(phone.getByTestId("join-code")).toHaveValue(code);
  return phone;
}

async function join(phone: Page, nickname: string): Promise<void> {
  await phone.getByTestId("join-nickname").fill(nickname);
  await phone.getByTestId("join-submit").click();
  await expect(phone.getByTestId("player-joined-nickname")).toHaveText(nickname);
}

function direction(locator: Locator): Promise<string> {
  return locator.evaluate((element) => getComputedStyle(element).direction);
}

async function hostOneQuestion(host: Page): Promise<string> {
  await signUpAsNewTeacher(host);
  await host.getByTestId("quiz-back-office").getByRole("button", { name: /^host/i }).click();
  await host.getByTestId("host-option-question-count").fill("1");
  await host.getByTestId("host-option-time-limit").fill("90");
  await host.getByTestId("host-options-start").click();
  await expect(host.getByTestId("phase-lobby")).toBeVisible();
  return (await host.getByTestId("host-code").innerText()).replace(/\D/g, "");
}

test("a phone in Arabic and a phone in English play the same game, each in its own language", async ({ browser }) => {
  const correct = correctAnswersByPrompt();
  const host = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "en-US" })).newPage();
  const code = await hostOneQuestion(host);

  const arabic = await phoneIn(browser, "ar", code);
  await expect(arabic.locator("html")).toHaveAttribute("lang", "ar");
  await expect(arabic.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(arabic.getByRole("heading", { name: "انضم إلى لعبة" })).toBeVisible();
  await expect(arabic.getByTestId("language-switcher")).toHaveValue("ar");
  // A form refusal in Arabic, before anything is sent.
  await arabic.getByTestId("join-submit").click();
  await expect(arabic.getByTestId("join-error")).toHaveText("اكتب اسمًا مستعارًا.");
  await join(arabic, "Ada");
  await expect(arabic.getByTestId("player-joined")).toContainText("لقد انضممت!");
  await expect(arabic.getByTestId("player-joined")).toContainText("بانتظار أن يبدأ المعلم");
  expect(await direction(arabic.getByTestId("player-joined-nickname")), "a Latin nickname reads left to right").toBe("ltr");

  const english = await phoneIn(browser, "en-US", code);
  await expect(english.locator("html")).toHaveAttribute("lang", "en");
  await expect(english.locator("html")).toHaveAttribute("dir", "ltr");
  await join(english, "Grace");
  await expect(english.getByTestId("player-joined")).toContainText("You're in!");
  await arabic.screenshot({ path: path.join(SHOTS, "phone-ar-lobby.png") });

  await expect(host.getByTestId("host-player")).toHaveCount(2);
  await host.getByTestId("host-start").click();

  await expect(arabic.getByTestId("phase-question-read")).toContainText("السؤال 1 من 1");
  await expect(english.getByTestId("phase-question-read")).toContainText("Question 1 of 1");
  const prompt = arabic.getByTestId("player-prompt");
  expect(await direction(prompt), "the English quiz's question reads left to right on the Arabic phone").toBe("ltr");

  await expect(arabic.getByTestId("phase-answering")).toBeVisible({ timeout: 15_000 });
  await expect(arabic.getByRole("heading", { name: "السؤال 1 من 1" })).toBeAttached();
  // Right to left: the first option sits in the right-hand column.
  const first = (await arabic.getByTestId("answer-option-0").boundingBox())!;
  const second = (await arabic.getByTestId("answer-option-1").boundingBox())!;
  expect(first.x).toBeGreaterThan(second.x);
  expect(await direction(arabic.getByTestId("answer-option-0").locator(".rich-text"))).toBe("ltr");
  await arabic.screenshot({ path: path.join(SHOTS, "phone-ar-question.png") });

  const promptText = (await arabic.getByTestId("player-prompt").innerText()).trim();
  const correctText = correct.get(promptText);
  expect(correctText, `a question from the quiz: "${promptText}"`).toBeDefined();
  await answer(arabic, correctText!, false);
  await answer(english, correctText!, true);

  await expect(arabic.getByTestId("result-correct")).toContainText("صحيح");
  await expect(arabic.getByTestId("result-rank")).toHaveText("أنت في المركز 1 من 2");
  await expect(arabic.getByTestId("player-announcer")).toContainText("صحيح");
  await expect(english.getByTestId("result-incorrect")).toContainText("Incorrect");
  await expect(english.getByTestId("result-rank")).toHaveText("You're 2nd of 2");
  await arabic.screenshot({ path: path.join(SHOTS, "phone-ar-reveal.png") });

  // Reveal → (leaderboard →) podium. Each wait is for a screen the host is not on yet: after a click
  // on the leaderboard, "leaderboard or podium" would pass at once, and the next click could land on
  // the podium and end the game.
  await host.getByTestId("host-next").click();
  await expect(host.getByTestId("phase-leaderboard").or(host.getByTestId("phase-podium"))).toBeVisible();
  if (await host.getByTestId("phase-leaderboard").isVisible()) await host.getByTestId("host-next").click();
  await expect(host.getByTestId("phase-podium")).toBeVisible();
  await expect(arabic.getByTestId("phase-podium")).toContainText("انتهت اللعبة");
  await expect(english.getByTestId("phase-podium")).toContainText("Game over");
});

test("the switcher changes a phone's language, keeps it, and keeps the phone in its game", async ({ browser }) => {
  const host = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "en-US" })).newPage();
  const code = await hostOneQuestion(host);

  // The teacher picks the big screen's language.
  await host.getByTestId("language-switcher").selectOption("es");
  await expect(host.getByTestId("host-start")).toHaveText("Empezar");
  await expect(host.locator("html")).toHaveAttribute("lang", "es");

  const phone = await phoneIn(browser, "en-US", code);
  await expect(phone.getByRole("heading", { name: "Join a game" })).toBeVisible();
  await phone.getByTestId("join-nickname").fill("Zoë");
  await phone.getByTestId("language-switcher").selectOption("fr");
  await expect(phone.getByRole("heading", { name: "Rejoindre une partie" })).toBeVisible();
  await expect(phone.locator("html")).toHaveAttribute("lang", "fr");
  // The page changed language in place: what the student typed is still there.
  await expect(phone.getByTestId("join-nickname")).toHaveValue("Zoë");

  await phone.reload();
  await expect(phone.getByRole("heading", { name: "Rejoindre une partie" })).toBeVisible();
  await join(phone, "Zoë");
  await expect(phone.getByTestId("player-joined")).toContainText("C’est bon, tu es dedans !");

  // In the lobby: to Arabic, still in the game.
  await phone.getByTestId("language-switcher").selectOption("ar");
  await expect(phone.getByTestId("player-joined")).toContainText("لقد انضممت!");
  await expect(phone.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(phone.getByTestId("player-joined-nickname")).toHaveText("Zoë");
  await expect(host.getByTestId("host-player")).toHaveCount(1);
});

test("a Spanish teacher reads the checker's problems, the host options and the big screen's sound button in Spanish", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "en-US" });
  const teacher = await context.newPage();
  await signUpAsNewTeacher(teacher, "Sra. García");
  // The language a teacher picked is a cookie, read on every page.
  await context.addCookies([{ name: "quiz-locale", value: "es", url: teacher.url() }]);

  // A broken quiz in the editor: the problem is in Spanish, the question quoted as the teacher wrote it.
  await teacher.goto("/quizzes/new");
  await teacher.getByTestId("quiz-source").fill("## ¿Cuál es la capital de *Perú*?\n\n- [ ] Lima\n- [ ] Cusco\n");
  await expect(teacher.getByTestId("quiz-error")).toContainText(
    "La pregunta «¿Cuál es la capital de *Perú*?» (línea 1) no tiene ninguna opción correcta: marca una con [x].",
  );

  await teacher.goto("/");
  await teacher.getByTestId("host-quiz-back-office").click();
  const options = teacher.getByTestId("host-options");
  await expect(options).toContainText("Estas opciones son solo para esta partida.");
  await expect(options.getByText("Exigir apodos generados", { exact: false })).toBeVisible();
  await teacher.getByTestId("host-option-time-limit").fill("1");
  await expect(options).toContainText("Un número entero de segundos entre 5 y 240.");
  await teacher.getByTestId("host-option-time-limit").fill("30");
  await expect(teacher.getByTestId("host-options-start")).toHaveText("Empezar la partida");
  await teacher.getByTestId("host-options-start").click();

  await expect(teacher.getByTestId("phase-lobby")).toBeVisible();
  await expect(teacher.locator("html")).toHaveAttribute("lang", "es");
  await expect(teacher.getByTestId("sound-toggle")).toHaveText("Sonido");
  await expect(teacher.getByTestId("sound-toggle")).toHaveAttribute("title", /^El sonido está (activado|desactivado)/);
});
