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
      // Round 0 was shown as Nice, Paris, Lyon: Paris was the blue diamond. Rounds 1–2 saved no display order.
      ["1", "Ana", "1", "Capital of France?", "yes", "Blue diamond: Paris", "yes", "2", "900", "1"],
      ["1", "Ana", "2", "2 & 2 = ?", "yes", "A: 3", "no", "3", "0", "0"],
      ["1", "Ana", "3", "Prime numbers?", "yes", "A: 2 | B: 3", "yes", "1.5", "950", "1"],
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
      // Options in the order the class saw them, named by colour and shape (letters where no order was saved).
      ["1", "Capital of France?", "33", "4.8", "1", "very good", "yes", "5", "6", "0.33", "", "not enough data", "Red triangle: Nice", "0", "", "Blue diamond: Paris (correct)", "2", "", "Yellow circle: Lyon", "3", ""],
      ["2", "2 & 2 = ?", "50", "4.92", "-0.5", "negative", "no", "6", "6", "0.5", "-1", "negative", "A: 3", "2", "0.61", "B: 4 (correct)", "3", "", "C: 5", "1", "0.61"],
      ["3", "Prime numbers?", "50", "3.33", "0.5", "very good", "no", "6", "6", "0.5", "", "not enough data", "A: 2 (correct)", "5", "", "B: 3 (correct)", "3", "", "C: 4", "2", ""],
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

  it("names a multiple choice as the class saw it: each option's colour and shape, in the order shown", () => {
    const source = scriptedGame();
    // Round 2 "Prime numbers?" (2 ✓, 3 ✓, 4 in the file) was shown as 4, 3, 2.
    source.rounds.find((round) => round.roundIndex === 2)!.optionOrder = [2, 1, 0];
    const [answersFile, summaryFile] = gameReportCsvFiles(buildGameReport(source)).map((file) => parseCsv(file.content));
    const chosen = (nickname: string) => answersFile!.find((row) => row[1] === nickname && row[2] === "3")![5];
    expect(chosen("Ana")).toBe("Blue diamond: 3 | Yellow circle: 2"); // chose 2 and 3
    expect(chosen("Dan")).toBe("Red triangle: 4 | Yellow circle: 2"); // chose 2 and 4
    expect(summaryFile![4]!.slice(12)).toEqual(["Red triangle: 4", "2", "", "Blue diamond: 3 (correct)", "3", "", "Yellow circle: 2 (correct)", "5", ""]);
  });

  it("lists an ordering answer's items by their text, and the items in the right order in the summary", () => {
    const source = scriptedGame();
    const round = source.rounds.find((entry) => entry.roundIndex === 1)!;
    round.question = { kind: "order", promptHtml: "Earliest first", options: [{ html: "Egypt", correct: false }, { html: "Rome", correct: false }, { html: "=Middle Ages", correct: false }] };
    round.optionOrder = [1, 2, 0];
    for (const answer of source.answers.filter((entry) => entry.roundIndex === 1)) (answer.choices = []), (answer.raw = { order: [1, 0, 2] });
    const [answersFile, summaryFile] = gameReportCsvFiles(buildGameReport(source)).map((file) => parseCsv(file.content));
    expect(answersFile!.find((row) => row[1] === "Ana" && row[2] === "2")![5]).toBe("Rome → Egypt → =Middle Ages");
    expect(summaryFile![3]!.slice(12)).toEqual(["Egypt", "0", "", "Rome", "0", "", "'=Middle Ages", "0", ""]);
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
