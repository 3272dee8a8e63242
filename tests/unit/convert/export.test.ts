/** Exports to Kahoot! and Moodle XML, read back by the importers: the same questions come back. */
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { exportKahootXlsx, exportMoodleXml, importKahootXlsx, importMoodleXml } from "../../../server/quizzes/convert";
import { KAHOOT_HEADERS } from "../../../server/quizzes/convert/kahoot";
import { fixture, readBack, summary } from "./helpers";

const SOURCE = `---
title: Space
timeLimit: 30
---

## Which planet is closest to the sun?

- [ ] Venus
- [x] Mercury
    > About 58 million km away.
- [ ] Mars

## Which are gas giants? {timeLimit=60}

- [x] Jupiter
- [ ] Mars
- [x] Saturn

## The sun is a star.
---
answer: false
timeLimit: 45
---

## What is the capital of France?
---
answers: [Paris, "Paris, France"]
---

## What is pi to two decimal places?
---
answer: 3.14
tolerance: 0.01
---

## In which year did people first walk on the moon?
---
min: 1900
max: 2000
answer: 1969
tolerance: 2
---

## Put these in order, earliest first

1. Ancient Egypt
2. Roman Empire
3. Middle Ages

## Which season do you like best?
---
kind: poll
---

- [ ] Summer
- [ ] Winter

## Pick a number

- [x] 1
- [ ] 2
- [ ] 3
- [ ] 4
- [ ] 5
`;

describe("exporting to Kahoot!'s spreadsheet template", () => {
  it("writes the template's layout: header on row 8, questions from row 9, correct answers as numbers", async () => {
    const { buffer } = await exportKahootXlsx(readBack(SOURCE));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(8).values as unknown[]).slice(2)).toEqual([...KAHOOT_HEADERS]);
    expect((sheet.getRow(9).values as unknown[]).slice(1)).toEqual([1, "Which planet is closest to the sun?", "Venus", "Mercury", "Mars", "", 30, "2"]);
    expect((sheet.getRow(10).values as unknown[]).slice(1)).toEqual([2, "Which are gas giants?", "Jupiter", "Mars", "Saturn", "", 60, "1,3"]);
  });

  it("round-trips through the importer, naming what Kahoot!'s template can't hold", async () => {
    const quiz = readBack(SOURCE);
    const { buffer, notes } = await exportKahootXlsx(quiz);
    const back = readBack((await importKahootXlsx(buffer)).quizdown);
    expect(summary(back)).toEqual([
      { kind: "single", prompt: "Which planet is closest to the sun?", options: ["Venus", "✓ Mercury", "Mars"], timeLimitSec: 30 },
      { kind: "multiple", prompt: "Which are gas giants?", options: ["✓ Jupiter", "Mars", "✓ Saturn"], timeLimitSec: 60 },
      { kind: "truefalse", prompt: "The sun is a star.", truth: false, timeLimitSec: 60 },
    ]);
    expect(notes.map((note) => note.message)).toEqual([
      "Question 3 (line 19): Kahoot! has no 45-second time limit; 60 seconds is used.",
      "Question 4 (line 25): Kahoot!'s spreadsheet holds only quiz questions; this type-answer question is left out.",
      "Question 5 (line 30): Kahoot!'s spreadsheet holds only quiz questions; this type-answer question is left out.",
      "Question 6 (line 36): Kahoot!'s spreadsheet holds only quiz questions; this slider question is left out.",
      "Question 7 (line 44): Kahoot!'s spreadsheet holds only quiz questions; this ordering question is left out.",
      "Question 8 (line 50): Kahoot!'s spreadsheet holds only quiz questions; this poll question is left out.",
      "Question 9 (line 58): it has 5 options and Kahoot!'s spreadsheet holds at most 4; left out.",
    ]);
  });

  it("refuses a spreadsheet that unpacks to far more than a quiz needs (a zip bomb)", async () => {
    const zip = await JSZip.loadAsync(fixture("kahoot-template.xlsx"));
    zip.file("xl/padding.xml", "a".repeat(21 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(bomb.byteLength).toBeLessThan(512 * 1024);
    await expect(importKahootXlsx(bomb)).rejects.toThrow(/unpacks to more than 20 MB/);

    // The same zip claiming its padding unpacks to 10 bytes: the bytes are counted, not the claim.
    const liar = Buffer.from(bomb);
    const name = Buffer.from("xl/padding.xml");
    for (let at = 0; at < liar.length - 4; at++) {
      const signature = liar.readUInt32LE(at);
      if (signature === 0x04034b50 && liar.subarray(at + 30, at + 30 + name.length).equals(name)) liar.writeUInt32LE(10, at + 22);
      if (signature === 0x02014b50 && liar.subarray(at + 46, at + 46 + name.length).equals(name)) liar.writeUInt32LE(10, at + 24);
    }
    expect(liar.equals(Buffer.from(bomb))).toBe(false);
    await expect(importKahootXlsx(liar)).rejects.toThrow(/unpacks to more than 20 MB/);
  }, 30_000);
});

describe("exporting to Moodle XML", () => {
  it("round-trips every kind Moodle has through the importer", () => {
    const { xml, notes } = exportMoodleXml(readBack(SOURCE));
    const back = readBack(importMoodleXml(xml).quizdown);
    expect(back.title).toBe("Space");
    expect(summary(back)).toEqual([
      { kind: "single", prompt: "Which planet is closest to the sun?", options: ["Venus", "✓ Mercury", "Mars"] },
      { kind: "multiple", prompt: "Which are gas giants?", options: ["✓ Jupiter", "Mars", "✓ Saturn"] },
      { kind: "truefalse", prompt: "The sun is a star.", truth: false },
      { kind: "typed", prompt: "What is the capital of France?", typed: { accepted: ["Paris", "Paris, France"] } },
      { kind: "typed", prompt: "What is pi to two decimal places?", typed: { accepted: ["3.14"], tolerance: 0.01 } },
      { kind: "typed", prompt: "In which year did people first walk on the moon?", typed: { accepted: ["1969"], tolerance: 2 } },
      { kind: "order", prompt: "Put these in order, earliest first", options: ["Ancient Egypt", "Roman Empire", "Middle Ages"] },
      { kind: "multiple", prompt: "Which season do you like best?", options: ["✓ Summer", "✓ Winter"] },
      { kind: "single", prompt: "Pick a number", options: ["✓ 1", "2", "3", "4", "5"] },
    ]);
    expect(back.questions[0]!.options[1]!.commentHtml).toContain("About 58 million km away.");
    expect(notes.map((note) => note.line)).toEqual([13, 19, 25, 36, 44, 50]);
    expect(notes.find((note) => note.line === 36)!.message).toBe(
      "Question 6 (line 36): Moodle has no slider; it is exported as a numerical question (answer 1969 ± 2; the range 1900–2000 are left out).",
    );
  });

  it("escapes what the quiz says, so no text can break the XML", () => {
    const { xml } = exportMoodleXml(readBack("## Is 1 < 2 & ]]> fine?\n\n- [x] yes <b>\n- [ ] no\n"));
    const back = readBack(importMoodleXml(xml).quizdown);
    expect(summary(back)[0]!.prompt).toBe("Is 1 < 2 & ]]> fine?");
  });
});
