import { describe, expect, it } from "vitest";
import { buildGameReport } from "../../../server/reports/build-report";
import { gameReportCsvFiles } from "../../../server/reports/csv";
import { exportFileBaseName } from "../../../server/reports/export-file-name";
import { parseCsv, scriptedGame } from "./scripted-game";

describe("gameReportCsvFiles", () => {
  const files = gameReportCsvFiles(buildGameReport(scriptedGame()));
  const [answers, summary] = files.map((file) => parseCsv(file.content));

  it("names the files after the quiz and the day the game started (UTC)", () => {
    expect(files.map((file) => file.fileName)).toEqual(["capitals-numbers-etude-2025-03-01-answers.csv", "capitals-numbers-etude-2025-03-01-summary.csv"]);
    expect(files.every((file) => file.content.startsWith("\uFEFF"))).toBe(true);
  });

  it("has one answer row per player per question they were in, best player first", () => {
    expect(answers![0]).toEqual(["Rank", "Nickname", "Question", "Question text", "Answered", "Chosen", "Correct", "Response (s)", "Points", "Streak"]);
    // 6 ranked players × 3 rounds, minus Finn's round 0 (he joined late) = 17 rows.
    expect(answers!.length).toBe(1 + 17);
    expect(answers!.slice(1, 4)).toEqual([
      ["1", "Ana", "1", "Capital of France?", "yes", "Paris", "yes", "2", "900", "1"],
      ["1", "Ana", "2", "2 & 2 = ?", "yes", "3", "no", "3", "0", "0"],
      ["1", "Ana", "3", "Prime numbers?", "yes", "2 | 3", "yes", "1.5", "950", "1"],
    ]);
    const dan = answers!.filter((row) => row[1] === "Dan");
    expect(dan[0]).toEqual(["4", "Dan", "1", "Capital of France?", "no", "", "no", "", "0", "0"]);
    expect(answers!.filter((row) => row[1] === "Finn").map((row) => row[2])).toEqual(["2", "3"]);
  });

  it("summarises questions with their item analysis, the reliability, then players", () => {
    expect(summary![0]).toEqual(["Questions"]);
    expect(summary![1]).toEqual([
      "Question", "Question text", "% correct", "Avg response (s)", "Discrimination index", "Discrimination", "Hard", "Answered", "Players",
      "Facility", "Item-rest correlation", "Item-rest reading",
      "Option 1", "Option 1 picked", "Option 1 point-biserial", "Option 2", "Option 2 picked", "Option 2 point-biserial",
      "Option 3", "Option 3 picked", "Option 3 point-biserial",
    ]);
    // Facility, item–rest and point-biserials as worked out in build-report.test.ts; empty = not enough data.
    expect(summary!.slice(2, 5)).toEqual([
      ["1", "Capital of France?", "33", "4.8", "1", "very good", "yes", "5", "6", "0.33", "", "not enough data", "Paris (correct)", "2", "", "Lyon", "3", "", "Nice", "0", ""],
      ["2", "2 & 2 = ?", "50", "4.92", "-0.5", "negative", "no", "6", "6", "0.5", "-1", "negative", "3", "2", "0.61", "4 (correct)", "3", "", "5", "1", "0.61"],
      ["3", "Prime numbers?", "50", "3.33", "0.5", "very good", "no", "6", "6", "0.5", "", "not enough data", "2 (correct)", "5", "", "3 (correct)", "3", "", "4", "2", ""],
    ]);
    expect(summary!.slice(5, 9)).toEqual([
      [""],
      ["Reliability", "Value", "Reading", "Scored questions", "Players in every question"],
      ["KR-20", "-3", "unacceptable", "3", "5"],
      [""],
    ]);
    expect(summary!.slice(9, 11)).toEqual([["Players"], ["Rank", "Nickname", "Score", "Correct", "Answered", "Questions played", "Avg response (s)", "Group"]]);
    expect(summary!.slice(11)).toEqual([
      ["1", "Ana", "1850", "2", "3", "3", "2.17", "top"],
      ["2", "Ben", "1650", "2", "3", "3", "3.33", "top"],
      ["3", "Cleo", "600", "1", "3", "3", "4.33", ""],
      ["4", "Dan", "500", "1", "2", "3", "4.5", ""],
      ["5", "Finn", "500", "1", "2", "2", "6.5", "bottom"],
      ["6", "Eve", "400", "1", "3", "3", "6.33", "bottom"],
    ]);
  });

  it("keeps spreadsheets from running typed-in text as a formula, and quotes commas", () => {
    const source = scriptedGame();
    source.players[0]!.nickname = "=HYPERLINK(\"x\")";
    source.rounds.find((round) => round.roundIndex === 0)!.question.promptHtml = "Paris, Lyon or Nice?";
    const [answersFile] = gameReportCsvFiles(buildGameReport(source));
    const first = parseCsv(answersFile!.content)[1]!;
    expect(first[1]).toBe("'=HYPERLINK(\"x\")");
    expect(first[3]).toBe("Paris, Lyon or Nice?");
  });
});

describe("exportFileBaseName", () => {
  it("falls back to the creation day and to 'quiz' for a title with no letters", () => {
    expect(exportFileBaseName({ quizTitle: "¿¡!?", startedAt: null, createdAt: new Date("2024-12-31T23:59:59Z") })).toBe("quiz-2024-12-31");
  });
});
