/**
 * In real Chromium, the teacher's side end to end: a new teacher signs up, adds a quiz file whose
 * mistake the page points at by line, fixes it, hosts it for two phones, then opens Past games, the
 * report with its item analysis, and downloads the CSV, whose rows are what was played.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { expect, test, type Download, type Locator } from "@playwright/test";
import { optionLabel } from "../../src/components/shared/option-styles";
import { answer, correctAnswersByPrompt, openPhone } from "./phones";
import { hostQuiz, signUpAsNewTeacher } from "./teacher";

const SHOTS = path.join("test-results", "screenshots");

const FRONT_MATTER = `---
title: Planets
timeLimit: 15
readTime: 1
shuffleQuestions: false
shuffleAnswers: false
---
`;
const LARGEST = `
## Which planet is largest?

- [ ] Mars
- [x] Jupiter
- [ ] Venus
`;
// The second question has no option marked correct: the page must point at its line.
const CLOSEST_BROKEN = `
## Which planet is closest to the Sun?

- [ ] Earth
- [ ] Mars
- [ ] Mercury
`;
const CLOSEST = CLOSEST_BROKEN.replace("- [ ] Mercury", "- [x] Mercury");
const BROKEN = FRONT_MATTER + LARGEST + CLOSEST_BROKEN;
const FIXED = FRONT_MATTER + LARGEST + CLOSEST;

test("a new teacher adds a quiz, fixes the line it points at, hosts it for two phones and reviews the report and CSV", async ({ browser }) => {
  // Uploading, tagging and filtering, a game with two phones, the report and the CSV: more than the default 3 minutes on a busy machine.
  test.slow();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const teacher = await context.newPage();

  // Nobody is signed in: the library sends the visitor to sign up (or sign in, once teachers exist).
  await teacher.goto("/");
  await expect(teacher).toHaveURL(/\/sign-(up|in)\?next=/);
  await signUpAsNewTeacher(teacher, "Ms Rivera");
  await expect(teacher.getByTestId("quiz-back-office")).toBeVisible();

  // Add a quiz: the upload has a mistake, shown with its line before anything is saved.
  await teacher.goto("/quizzes/new");
  await teacher.getByTestId("quiz-file-input").setInputFiles({ name: "planets.md", mimeType: "text/markdown", buffer: Buffer.from(BROKEN) });
  const errorLine = BROKEN.split("\n").findIndex((line) => line.includes("closest to the Sun")) + 1;
  await expect(teacher.getByTestId("quiz-error").first()).toContainText(`Line ${errorLine}`);
  await expect(teacher.getByTestId("quiz-error").first()).toContainText(/no correct option/i);
  await expect(teacher.getByTestId("quiz-save")).toBeDisabled();
  await teacher.screenshot({ path: path.join(SHOTS, "library-upload-error.png"), fullPage: true });

  await teacher.getByTestId("quiz-source").fill(FIXED);
  await expect(teacher.getByTestId("quiz-errors")).toHaveCount(0);
  await expect(teacher.getByTestId("preview-question")).toHaveCount(2);
  await teacher.screenshot({ path: path.join(SHOTS, "library-preview.png"), fullPage: true });
  await teacher.getByTestId("quiz-save").click();

  await teacher.getByTestId("nav-quizzes").click();
  const planets = teacher.locator('[data-quiz-title="Planets"]');
  await expect(planets).toBeVisible();

  // Tags: one on Planets and, in another case, on the shared back-office quiz (one tag for both), one more there.
  const backOffice = teacher.getByTestId("quiz-back-office");
  await tagQuiz(planets, "Year 7");
  await tagQuiz(backOffice, "year 7");
  await tagQuiz(backOffice, "Business");
  await expect(planets.getByTestId("quiz-tag")).toHaveText(["Year 7"]);
  await expect(backOffice.getByTestId("quiz-tag")).toHaveText(["Business", "year 7"]);
  // A tag too long is refused in plain words before anything is sent.
  await planets.getByTestId("quiz-tag-add").click();
  await planets.getByTestId("quiz-tag-input").fill("x".repeat(31));
  await planets.getByTestId("quiz-tag-save").click();
  await expect(planets.getByTestId("quiz-tag-error")).toHaveText("A tag can be at most 30 characters.");
  await planets.getByTestId("quiz-tag-input").press("Escape");
  await teacher.screenshot({ path: path.join(SHOTS, "library.png"), fullPage: true });

  // The filter lists each tag once (as the first quiz by title spells it); it combines with the search.
  const tagFilter = teacher.getByTestId("library-tag");
  await expect(tagFilter.locator("option")).toHaveText(["All tags", "Business", "year 7"]);
  await tagFilter.selectOption({ label: "Business" });
  await expect(backOffice).toBeVisible();
  await expect(planets).toHaveCount(0);
  await tagFilter.selectOption({ label: "year 7" });
  await expect(planets).toBeVisible();
  await expect(backOffice).toBeVisible();
  await teacher.getByTestId("library-search").fill("settlement");
  await expect(planets).toHaveCount(0);
  await expect(backOffice).toBeVisible();
  await teacher.getByTestId("library-search").fill("");
  // Taking a tag off: the filter no longer offers it once no quiz has it.
  await tagFilter.selectOption("");
  await backOffice.getByRole("button", { name: "Remove the tag “Business”" }).click();
  await expect(backOffice.getByTestId("quiz-tag")).toHaveText(["year 7"]);
  await expect(tagFilter.locator("option")).toHaveText(["All tags", "year 7"]);
  // Picking a quiz's tag filters by it.
  await planets.getByRole("button", { name: "Year 7", exact: true }).click();
  await expect(tagFilter).toHaveValue("year 7");
  await tagFilter.selectOption("");

  // Host it for two phones. Ada: right, then wrong. Bo: wrong twice (so question 2 is the hardest).
  await hostQuiz(teacher, planets);
  await expect(teacher.getByTestId("phase-lobby")).toBeVisible();
  const code = (await teacher.getByTestId("host-code").innerText()).replace(/\D/g, "");
  const ada = await openPhone(browser, code, "Ada");
  const bo = await openPhone(browser, code, "Bo");
  await expect(teacher.getByTestId("host-player")).toHaveCount(2);
  await teacher.getByTestId("host-start").click();

  const correct = correctAnswersByPrompt(FIXED);
  const played: Array<{ nickname: string; question: number; chose: string; correct: boolean }> = [];
  for (const [question, script] of [
    [1, { Ada: true, Bo: false }],
    [2, { Ada: false, Bo: false }],
  ] as const) {
    await expect(teacher.getByTestId("phase-answering")).toBeVisible({ timeout: 15_000 });
    const prompt = (await ada.getByTestId("player-prompt").innerText()).trim();
    for (const [nickname, phone] of [["Ada", ada], ["Bo", bo]] as const) {
      const right = script[nickname];
      const tapped = await answer(phone, correct.get(prompt)!, !right);
      // The CSV names the choice as the class saw it: the tile's colour and shape, then its text.
      played.push({ nickname, question, chose: `${optionLabel(tapped.place)}: ${tapped.text}`, correct: right });
    }
    await expect(teacher.getByTestId("phase-reveal")).toBeVisible();
    await teacher.getByTestId("host-next").click();
    await expect(teacher.getByTestId("phase-leaderboard").or(teacher.getByTestId("phase-podium"))).toBeVisible();
    if (await teacher.getByTestId("phase-leaderboard").isVisible()) await teacher.getByTestId("host-next").click();
  }
  await expect(teacher.getByTestId("phase-podium")).toBeVisible();
  await expect(teacher.getByTestId("podium-1")).toContainText("Ada");

  // Past games lists it; the report shows what happened.
  await teacher.goto("/games");
  const row = teacher.getByTestId("past-game-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Planets");
  await expect(row).toContainText(/finished/i);
  await teacher.screenshot({ path: path.join(SHOTS, "past-games.png"), fullPage: true });
  await row.getByRole("link").first().click();

  await expect(teacher.getByTestId("report-title")).toContainText("Planets");
  await expect(teacher.getByTestId("results-status")).toContainText(/finished/i);
  await expect(teacher.getByTestId("results-player-row")).toHaveCount(2);
  await expect(teacher.getByTestId("results-player-row").first()).toContainText("Ada");
  await expect(teacher.getByTestId("results-question-row")).toHaveCount(2);
  // Question 2: nobody right (0 %), so it is flagged; question 1 (50 %) is not.
  await expect(teacher.getByTestId("report-hard-badge")).toHaveCount(1);
  // Two players: groups of one. Q1: top (Ada) right, bottom (Bo) wrong → D = 1.00; Q2: both wrong → 0.00.
  await expect(teacher.getByTestId("report-discrimination").nth(0)).toContainText("1.00");
  await expect(teacher.getByTestId("report-discrimination").nth(1)).toContainText("0.00");
  await expect(teacher.getByTestId("report-measures-help")).toBeVisible();
  // Facility from correctness: Q1 1 of 2 right. With two players every correlation and the reliability
  // are undefined: they say so in words, and the report warns that 2 players are too few.
  await expect(teacher.getByTestId("report-facility").nth(0)).toContainText("50%");
  await expect(teacher.getByTestId("report-item-rest").nth(0)).toContainText("not enough data");
  await expect(teacher.getByTestId("report-reliability")).toContainText("KR-20");
  await expect(teacher.getByTestId("report-reliability")).toContainText("not enough data");
  await expect(teacher.getByTestId("report-few-players")).toContainText("Too few players for stable numbers");
  await expect(teacher.locator("main")).not.toContainText("NaN");
  await teacher.screenshot({ path: path.join(SHOTS, "report.png"), fullPage: true });
  await teacher.getByTestId("report-discrimination").first().scrollIntoViewIfNeeded();
  await teacher.screenshot({ path: path.join(SHOTS, "report-item-analysis.png") });

  // The CSV download: one row per player per question, matching what the phones tapped.
  const downloads: Download[] = [];
  teacher.on("download", (download) => downloads.push(download));
  await teacher.getByTestId("report-download-csv").click();
  await expect.poll(() => downloads.length).toBe(2);
  const names = downloads.map((download) => download.suggestedFilename()).sort();
  expect(names[0]).toMatch(/^planets-\d{4}-\d{2}-\d{2}-answers\.csv$/);
  expect(names[1]).toMatch(/^planets-\d{4}-\d{2}-\d{2}-summary\.csv$/);
  const answersFile = downloads.find((download) => download.suggestedFilename().endsWith("-answers.csv"))!;
  const rows = parse(readFileSync((await answersFile.path())!, "utf8"), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  expect(rows).toHaveLength(4);
  for (const expected of played) {
    const row = rows.find((r) => csvNickname(r) === expected.nickname && csvQuestion(r) === expected.question);
    expect(row, `a CSV row for ${expected.nickname}, question ${expected.question}`).toBeDefined();
    expect(csvChosen(row!)).toBe(expected.chose);
    expect(csvCorrect(row!)).toBe(expected.correct);
  }
});

// The CSV's column names are for people; find them by meaning rather than exact spelling.
function column(row: Record<string, string>, pattern: RegExp): string {
  const key = Object.keys(row).find((name) => pattern.test(name));
  if (!key) throw new Error(`no column like ${pattern} in ${Object.keys(row).join(", ")}`);
  return row[key]!;
}
const csvNickname = (row: Record<string, string>) => column(row, /nickname|player/i);
const csvQuestion = (row: Record<string, string>) => Number(column(row, /^question (no|number|#)|^question$/i));
const csvChosen = (row: Record<string, string>) => column(row, /chos|answer given|picked/i);
const csvCorrect = (row: Record<string, string>) => /^(yes|true|1)$/i.test(column(row, /^correct/i));

/** Adds a tag on a library row, as a teacher types it. */
async function tagQuiz(row: Locator, tag: string): Promise<void> {
  await row.getByTestId("quiz-tag-add").click();
  await row.getByTestId("quiz-tag-input").fill(tag);
  await row.getByTestId("quiz-tag-save").click();
  await expect(row.getByTestId("quiz-tag-form")).toHaveCount(0);
  await expect(row.getByTestId("quiz-tag").filter({ hasText: tag })).toHaveCount(1);
}
