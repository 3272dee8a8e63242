/** Importing the project's sample files: each gives quizdown our parser reads, and says what it left out. */
import { describe, expect, it } from "vitest";
import { importCsv, importKahootXlsx, importMoodleXml, importQuizFile } from "../../../server/quizzes/convert";
import { fixture, readBack, summary } from "./helpers";

describe("importing Kahoot!'s quiz spreadsheet template", () => {
  it("reads every question row under the header, with right answers and time limits", async () => {
    const { quizdown, notes } = await importKahootXlsx(fixture("kahoot-template.xlsx"));
    expect(summary(readBack(quizdown))).toEqual([
      { kind: "single", prompt: "Which planet is closest to the sun?", options: ["Venus", "✓ Mercury", "Mars", "Earth"], timeLimitSec: 20 },
      { kind: "multiple", prompt: "Which of these are prime numbers?", options: ["✓ 2", "4", "✓ 7", "9"], timeLimitSec: 30 },
      { kind: "truefalse", prompt: "The sun is a star.", truth: true, timeLimitSec: 10 },
      { kind: "single", prompt: "How many legs has a spider?", options: ["6", "✓ 8"] },
      { kind: "single", prompt: "What is 2 + 2?", options: ["✓ 4", "5"], timeLimitSec: 20 },
    ]);
    expect(notes).toEqual([
      { row: 12, message: 'Row 12: the time limit "300" isn\'t a number of seconds from 5 to 240; the quiz\'s time limit is used.' },
      { row: 14, message: 'Row 14: a cell holds a formula; its last computed value "4" is used as text.' },
    ]);
  });

  it("refuses a truncated spreadsheet in plain words", async () => {
    const whole = fixture("kahoot-template.xlsx");
    await expect(importKahootXlsx(whole.subarray(0, whole.length / 2))).rejects.toThrow(/can't be read as a spreadsheet/);
    await expect(importQuizFile("quiz.xlsx", new TextEncoder().encode("question,answer\n"))).rejects.toThrow(/can't be read as a spreadsheet/);
  });
});

describe("importing CSV", () => {
  it("reads every kind from the documented header, and notes the row it skipped", () => {
    const { quizdown, notes } = importCsv(fixture("sample.csv").toString("utf8"));
    const quiz = readBack(quizdown);
    expect(summary(quiz)).toEqual([
      { kind: "single", prompt: "Which planet is closest to the sun?", options: ["Venus", "✓ Mercury", "Mars"], timeLimitSec: 20 },
      { kind: "multiple", prompt: 'Which are gas giants? (pick all, e.g. "Jupiter")', options: ["✓ Jupiter", "Mars", "✓ Saturn"], timeLimitSec: 30 },
      { kind: "truefalse", prompt: "The sun is a star.", truth: true },
      { kind: "typed", prompt: "What is the capital of France?", typed: { accepted: ["Paris", "Paris, France"] } },
      { kind: "typed", prompt: "What is pi to two decimal places?", typed: { accepted: ["3.14"], tolerance: 0.01 } },
      { kind: "slider", prompt: "In which year did people first walk on the moon?" },
      { kind: "order", prompt: "Put these in order, earliest first", options: ["Ancient Egypt", "Roman Empire", "Middle Ages"] },
      { kind: "poll", prompt: "Which season do you like best?", options: ["Summer", "Winter"] },
      { kind: "single", prompt: "What is 7 x 6?", options: ["42", "✓ 36"], timeLimitSec: 7 },
    ]);
    expect(quiz.questions[5]!.slider).toEqual({ min: 1900, max: 2000, step: 1, correct: 1969, tolerance: 2 });
    expect(quiz.questions[1]!.points).toBe("double");
    expect(quiz.questions[0]!.options[1]!.commentHtml).toContain("Mercury orbits at about 58 million km.");
    expect(notes).toEqual([{ row: 11, message: 'Row 11: the kind "drawing" isn\'t one of single, multiple, truefalse, typed, order, slider, poll; skipped.' }]);
  });

  it("keeps markdown, maths and HTML in cells as the text they are", () => {
    const csv = 'question,option1,option2,correct\n"<script>alert(1)</script> costs $5 and *bold* {timeLimit=5}","=1+1",# two,2\n';
    const quiz = readBack(importCsv(csv).quizdown);
    expect(summary(quiz)[0]).toMatchObject({ prompt: "<script>alert(1)</script> costs $5 and *bold* {timeLimit=5}", options: ["=1+1", "✓ # two"] });
    expect(quiz.questions[0]!.promptHtml).not.toContain("<script");
    expect(quiz.questions[0]!.timeLimitSec).toBeUndefined();
  });

  it("drops control characters and broken emoji halves a quiz file may not hold", () => {
    const csv = "question,kind,option1,correct\nBell\u0007 rings \ud83d?,typed,ding\u001b[31m,\n";
    expect(summary(readBack(importCsv(csv).quizdown))[0]).toMatchObject({ prompt: "Bell rings \ufffd?", typed: { accepted: ["ding[31m"] } });
  });

  it("reads a semicolon-separated file (as Excel writes in many languages) and names the rows at fault", () => {
    const { quizdown, notes } = importCsv("question;option1;option2;correct;time_limit;colour\nOne, two?;a;b;2;soon;red\n");
    expect(summary(readBack(quizdown))[0]).toMatchObject({ prompt: "One, two?", options: ["a", "✓ b"] });
    expect(notes.map((note) => note.row)).toEqual([1, 2]);
    expect(notes[0]!.message).toBe('Row 1: the column "colour" is not imported.');
  });

  it("refuses a 10 MB file, a file without the header and an unclosed quote in plain words", () => {
    const huge = `question,option1,option2,correct\n${"What?,a,b,1\n".repeat(900_000)}`;
    expect(() => importCsv(huge)).toThrow("This file is too big to import: it can be at most 512 KB. Split it into several quizzes.");
    expect(() => importCsv("a,b,c\n1,2,3\n")).toThrow(/The first row must name the columns, starting with "question"/);
    expect(() => importCsv('question,option1\n"never closed,a\n')).toThrow(/can't be read.*quotes/);
  });
});

describe("importing Moodle XML", () => {
  it("reads multichoice, truefalse, shortanswer, numerical and ordering, with the category as title", () => {
    const { quizdown, notes } = importMoodleXml(fixture("moodle-sample.xml").toString("utf8"));
    const quiz = readBack(quizdown);
    expect(quiz.title).toBe("Solar system");
    expect(summary(quiz)).toEqual([
      { kind: "single", prompt: "Which planet is closest to the sun?", options: ["✓ Mercury", "Venus", "Mars"] },
      { kind: "multiple", prompt: "Which are gas giants?", options: ["✓ Jupiter", "✓ Saturn", "Mars"] },
      { kind: "truefalse", prompt: "The sun is a star.", truth: true },
      { kind: "typed", prompt: "Which planet is called the red planet?", typed: { accepted: ["Mars"] } },
      { kind: "typed", prompt: "How many days does Mars take to go round the sun?", typed: { accepted: ["687"], tolerance: 5 } },
      { kind: "order", prompt: "Put these in order from the sun.", options: ["Mercury", "Venus", "Earth"] },
    ]);
    expect(notes).toEqual([
      { line: 30, message: "Question 4 (line 30): answers worth partial credit are not imported; only fully right answers are accepted." },
      { line: 42, message: 'Question 6 (line 42): Moodle "essay" questions have no equivalent here; skipped.' },
      { line: 46, message: "Question 7 (line 46): an image in the question text is not imported; add it as an https:// address." },
    ]);
  });

  it("refuses entity definitions (no billion laughs), malformed XML and XML that isn't Moodle's", () => {
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<quiz><question type="truefalse"><questiontext><text>&lol2;</text></questiontext></question></quiz>`;
    expect(() => importMoodleXml(laughs)).toThrow(/declares its own entities/);
    expect(() => importMoodleXml('<quiz>\n<question type="truefalse">\n</quiz>')).toThrow(/isn't well-formed XML \(line 3/);
    expect(() => importMoodleXml("<html><body/></html>")).toThrow(/has no <quiz> element/);
    expect(() => importMoodleXml('<quiz><question type="essay"><questiontext><text>Write</text></questiontext></question></quiz>')).toThrow(/no questions this game can play/);
  });

  it("refuses a file type it doesn't know", async () => {
    await expect(importQuizFile("quiz.pdf", new Uint8Array(10))).rejects.toThrow(/can't be imported: pick a Kahoot! spreadsheet \(\.xlsx\), a CSV file \(\.csv\) or Moodle XML \(\.xml\)/);
  });
});
