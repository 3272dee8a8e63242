/**
 * In real Chromium: the teacher picks their language. A teacher whose browser speaks English switches
 * the library to German with the switcher in the top bar; the choice is kept (a cookie) across pages
 * and reloads: the library, a quiz page, Past games and a game's report are in German, page titles
 * included, while the quiz's own text stays as written. Switched to Arabic, the report is laid out
 * right to left. The sign-in page offers the same switcher before anyone signs in.
 */
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { answerCorrectly, correctAnswersByPrompt, openPhone } from "./phones";
import { signUpAsNewTeacher } from "./teacher";

const SHOTS = path.join("test-results", "screenshots");

function direction(locator: Locator): Promise<string> {
  return locator.evaluate((element) => getComputedStyle(element).direction);
}

/** Hosts a one-question game of the shared back-office quiz for one phone and plays it to the podium. */
async function playOneQuestion(teacher: Page): Promise<void> {
  const row = teacher.getByTestId("quiz-back-office");
  await row.getByTestId("host-quiz-back-office").click();
  await teacher.getByTestId("host-option-question-count").fill("1");
  await teacher.getByTestId("host-option-time-limit").fill("60");
  await teacher.getByTestId("host-options-start").click();
  await expect(teacher.getByTestId("phase-lobby")).toBeVisible();
  // The big screen follows the same choice.
  await expect(teacher).toHaveTitle("Leiten · Classroom Quiz");
  const code = (await teacher.getByTestId("host-code").innerText()).replace(/\D/g, "");
  const phone = await openPhone(teacher.context().browser()!, code, "Ada");
  await expect(teacher.getByTestId("host-player")).toHaveCount(1);
  await teacher.getByTestId("host-start").click();
  await answerCorrectly(phone, correctAnswersByPrompt());
  await expect(teacher.getByTestId("phase-reveal")).toBeVisible();
  // On to the podium; on a slow machine the game may already have moved on to its last screen.
  const over = teacher.getByTestId("phase-podium").or(teacher.getByTestId("phase-finished"));
  for (let step = 0; step < 3 && !(await over.isVisible()); step++) {
    await teacher.getByTestId("host-next").click();
    await expect(teacher.getByTestId("phase-leaderboard").or(over)).toBeVisible();
  }
  await phone.context().close();
}

test("a teacher switches to German, then Arabic: library, quiz page, past games and report follow", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
  const teacher = await context.newPage();

  // Before signing in: the sign-in page speaks the browser's language and has the switcher.
  await teacher.goto("/sign-in");
  await expect(teacher.getByTestId("language-switcher")).toHaveValue("en");
  await expect(teacher).toHaveTitle("Sign in · Classroom Quiz");

  await signUpAsNewTeacher(teacher, "Frau Weber");
  await expect(teacher.getByRole("heading", { level: 1, name: "Quizzes" })).toBeVisible();
  await expect(teacher).toHaveTitle("Quizzes · Classroom Quiz");

  // The library, in German, with the same cookie as the big screen and the phones.
  await teacher.getByTestId("language-switcher").selectOption("de");
  await expect(teacher.getByRole("heading", { level: 1, name: "Quizze" })).toBeVisible();
  await expect(teacher.locator("html")).toHaveAttribute("lang", "de");
  await expect(teacher.getByTestId("nav-past-games")).toHaveText("Vergangene Spiele");
  await expect(teacher.getByTestId("shared-quizzes")).toContainText("Geteilte Quizze");
  await expect(teacher.getByTestId("host-quiz-back-office")).toHaveText("Leiten");
  expect((await context.cookies()).find((cookie) => cookie.name === "quiz-locale")?.value).toBe("de");
  // The title is the server's: after a reload it is German too (and the choice is kept).
  await teacher.reload();
  await expect(teacher).toHaveTitle("Quizze · Classroom Quiz");
  await expect(teacher.getByTestId("sign-out")).toHaveText("Abmelden");
  await teacher.screenshot({ path: path.join(SHOTS, "teacher-de-library.png"), fullPage: true });

  // A quiz page: German around the quiz, the quiz's own title as written.
  await teacher.getByTestId("quiz-back-office").getByTestId("quiz-preview-link").click();
  await expect(teacher).toHaveURL(/\/quizzes\//);
  await expect(teacher).toHaveTitle("Quiz · Classroom Quiz");
  await expect(teacher.getByRole("heading", { level: 2, name: "Vorschau" })).toBeVisible();
  await expect(teacher.getByTestId("quiz-copy")).toHaveText("In meine Quizze kopieren");
  await expect(teacher.getByText("Quiz-Datei anzeigen")).toBeVisible();

  await teacher.getByTestId("nav-quizzes").click();
  await playOneQuestion(teacher);

  // Past games and the report.
  await teacher.goto("/games");
  await expect(teacher).toHaveTitle("Vergangene Spiele · Classroom Quiz");
  await expect(teacher.getByRole("heading", { level: 1, name: "Vergangene Spiele" })).toBeVisible();
  const row = teacher.getByTestId("past-game-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("beendet");
  await expect(teacher.getByTestId("past-games-table").getByRole("columnheader", { name: "Durchschnittliche Punktzahl" })).toBeVisible();
  await row.getByRole("link").first().click();

  await expect(teacher).toHaveURL(/\/games\/[0-9a-f-]{36}$/);
  await expect(teacher).toHaveTitle("Spielbericht · Classroom Quiz");
  await expect(teacher.getByRole("heading", { level: 2, name: "Endstand" })).toBeVisible();
  await expect(teacher.getByTestId("results-status")).toHaveText("beendet");
  await expect(teacher.getByTestId("report-summary")).toContainText("Durchschnittliche Antwortzeit");
  await expect(teacher.getByTestId("report-download-csv")).toHaveText("CSV herunterladen");
  await expect(teacher.getByTestId("results-question-row").first()).toContainText("Frage 1");
  // One player: the caution says so, with its plural.
  await expect(teacher.getByTestId("report-few-players")).toContainText("1 Spieler hat teilgenommen");
  // The server's English reading, said in German.
  await expect(teacher.getByTestId("report-reliability")).toContainText("Nötig sind mindestens 2 gewertete Fragen");
  await teacher.screenshot({ path: path.join(SHOTS, "teacher-de-report.png"), fullPage: true });

  // Arabic: the same report, right to left.
  await teacher.getByTestId("language-switcher").selectOption("ar");
  await expect(teacher.getByRole("heading", { level: 2, name: "الترتيب النهائي" })).toBeVisible();
  await expect(teacher.locator("html")).toHaveAttribute("dir", "rtl");
  await teacher.reload();
  await expect(teacher.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(teacher).toHaveTitle("تقرير اللعبة · Classroom Quiz");
  expect(await direction(teacher.locator("main"))).toBe("rtl");
  // Right to left: the product name leads the top bar from the right.
  const brand = (await teacher.getByRole("link", { name: "Classroom Quiz" }).boundingBox())!;
  const pastGames = (await teacher.getByTestId("nav-past-games").boundingBox())!;
  expect(brand.x).toBeGreaterThan(pastGames.x);
  await expect(teacher.getByTestId("results-status")).toHaveText("انتهت");
  await teacher.screenshot({ path: path.join(SHOTS, "teacher-ar-report.png"), fullPage: true });
});
