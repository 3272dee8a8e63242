/**
 * Kahoot!'s quiz spreadsheet template (.xlsx): a few rows of instructions, then a header row
 * "Question - max 120 characters | Answer 1 - max 75 characters | … Answer 4 | Time limit (sec) |
 * Correct answer(s) - choose at least one", one question per row below it (column A numbers them).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { QUIZ_LIMITS } from "../../../src/quizdown/limits";
import type { ParsedQuiz, QuizQuestion } from "../../../src/quizdown/types";
import { markdownToPlain } from "./text";
import { writeQuizdown } from "./write-quizdown";
import { IMPORT_TOO_BIG, ImportRefused, KAHOOT_TIME_LIMITS, MAX_IMPORT_BYTES, type ConvertNote, type DraftQuestion, type ImportResult } from "./types";

export const KAHOOT_HEADERS = [
  "Question - max 120 characters",
  "Answer 1 - max 75 characters",
  "Answer 2 - max 75 characters",
  "Answer 3 - max 75 characters",
  "Answer 4 - max 75 characters",
  "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
  "Correct answer(s) - choose at least one",
] as const;
const INSTRUCTIONS = [
  "Quiz template",
  "Add questions, at least two answer alternatives, time limit and choose correct answers (at least one).",
  "Questions can have up to 120 characters and answers up to 75 characters.",
  "If several answers are correct, separate their numbers with a comma.",
  "Exported from Classroom Quiz.",
];
const HEADER_ROW = 8;
/** What the parts of an .xlsx file may unpack to, together (a real template is well under 1 MB). */
const MAX_UNPACKED_BYTES = 20 * 1024 * 1024;
const UNREADABLE = "This file can't be read as a spreadsheet. Save it from Excel, Google Sheets or LibreOffice as .xlsx (the Kahoot! template) and try again.";

/** A cell as text: formulas give their last computed value, rich text its plain text; nothing is evaluated. */
function cellText(cell: ExcelJS.Cell): { text: string; formula: boolean } {
  const value = cell.value;
  if (value === null || value === undefined) return { text: "", formula: false };
  if (typeof value === "object" && "formula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return { text: result === undefined || result === null || typeof result === "object" ? "" : String(result), formula: true };
  }
  if (typeof value === "object" && "richText" in value) return { text: value.richText.map((part) => part.text).join(""), formula: false };
  if (typeof value === "object" && "text" in value) return { text: String(value.text), formula: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), formula: false };
  return { text: String(value), formula: false };
}

/** Bytes the part unpacks to, counted as it unpacks; stops as soon as the count passes `limit`. */
function unpackedSize(file: JSZip.JSZipObject, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const stream = file.nodeStream("nodebuffer");
    stream
      .on("data", (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > limit) {
          stream.pause();
          resolve(size);
        }
      })
      .on("error", reject)
      .on("end", () => resolve(size));
  });
}

/** Refuses a zip bomb: the parts are unpacked once, counting, before exceljs reads anything. */
async function checkUnpackedSize(buffer: Uint8Array): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    throw new ImportRefused(UNREADABLE);
  }
  let total = 0;
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    try {
      total += await unpackedSize(file, MAX_UNPACKED_BYTES - total);
    } catch {
      throw new ImportRefused(UNREADABLE);
    }
    if (total > MAX_UNPACKED_BYTES) throw new ImportRefused("This spreadsheet unpacks to more than 20 MB, far more than a quiz needs. Copy the questions into a new Kahoot! template and try again.");
  }
}

export async function importKahootXlsx(buffer: Uint8Array): Promise<ImportResult> {
  if (buffer.byteLength > MAX_IMPORT_BYTES) throw new ImportRefused(IMPORT_TOO_BIG);
  await checkUnpackedSize(buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportRefused(UNREADABLE);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportRefused(UNREADABLE);

  // The header row: the first row (of the first 30) with a cell starting "Question".
  let headerRow = 0;
  const columns = { question: 0, answers: [] as number[], time: 0, correct: 0 };
  for (let r = 1; r <= Math.min(30, sheet.rowCount) && headerRow === 0; r++) {
    sheet.getRow(r).eachCell((cell, col) => {
      const text = cellText(cell).text.trim().toLowerCase();
      if (text.startsWith("question")) columns.question = col;
      else if (/^answer \d/.test(text)) columns.answers.push(col);
      else if (text.startsWith("time limit")) columns.time = col;
      else if (text.startsWith("correct answer")) columns.correct = col;
    });
    if (columns.question && columns.correct && columns.answers.length > 0) headerRow = r;
    else Object.assign(columns, { question: 0, answers: [], time: 0, correct: 0 });
  }
  if (headerRow === 0) {
    throw new ImportRefused('This spreadsheet has no Kahoot! header row: a row with "Question", "Answer 1" … "Answer 4", "Time limit" and "Correct answer(s)" columns. Start from the Kahoot! quiz template.');
  }

  const notes: ConvertNote[] = [];
  const imageRows = new Set(sheet.getImages().map((image) => Math.floor(image.range.tl.nativeRow) + 1));
  for (const row of [...imageRows].sort((a, b) => a - b)) notes.push({ row, message: `Row ${row}: an image is not imported; add it to the question as an https:// address.` });

  const questions: DraftQuestion[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const read = (col: number) => {
      if (!col) return "";
      const { text, formula } = cellText(row.getCell(col));
      if (formula) notes.push({ row: r, message: `Row ${r}: a cell holds a formula; its last computed value "${text}" is used as text.` });
      return text.trim();
    };
    const prompt = read(columns.question);
    const answers = columns.answers.map(read);
    const timeText = read(columns.time);
    const correctText = read(columns.correct);
    if (!prompt && answers.every((answer) => !answer)) continue; // an empty (or only numbered) row
    if (questions.length >= QUIZ_LIMITS.questions) {
      notes.push({ row: r, message: `Row ${r} and the rows after it are left out: a quiz can have at most ${QUIZ_LIMITS.questions} questions.` });
      break;
    }
    if (!prompt) {
      notes.push({ row: r, message: `Row ${r}: this row has answers but no question; skipped.` });
      continue;
    }
    const options = answers.map((text, index) => ({ text, number: index + 1 })).filter((answer) => answer.text !== "");
    const correct = new Set(
      correctText
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map(Number),
    );
    const bad = [...correct].filter((n) => !options.some((option) => option.number === n));
    if (bad.length > 0 || correctText.split(/[\s,;]+/).filter(Boolean).some((part) => !/^\d+$/.test(part))) {
      notes.push({ row: r, message: `Row ${r}: the correct answer "${correctText}" doesn't name a filled-in answer (1 to ${answers.length}); mark the right option with [x] below.` });
    }
    if (options.length < 2) notes.push({ row: r, message: `Row ${r}: a question needs at least two answers; add them below.` });
    const draft: DraftQuestion = {
      kind: [...correct].filter((n) => !bad.includes(n)).length > 1 ? "multiple" : "single",
      prompt,
      options: options.map((option) => ({ text: option.text, correct: correct.has(option.number) })),
    };
    const isTrueFalse = options.length === 2 && options[0]!.text.toLowerCase() === "true" && options[1]!.text.toLowerCase() === "false" && correct.size === 1;
    if (isTrueFalse) Object.assign(draft, { kind: "truefalse", truth: correct.has(options[0]!.number), options: [] });
    if (timeText) {
      const seconds = Number(timeText);
      if (Number.isInteger(seconds) && seconds >= 5 && seconds <= 240) draft.timeLimitSec = seconds;
      else notes.push({ row: r, message: `Row ${r}: the time limit "${timeText}" isn't a number of seconds from 5 to 240; the quiz's time limit is used.` });
    }
    questions.push(draft);
  }
  if (questions.length === 0) throw new ImportRefused(`This spreadsheet has no questions below its header row (row ${headerRow}).`);
  return { quizdown: writeQuizdown(undefined, questions), notes };
}

const KAHOOT_QUESTION_MAX = 120;
const KAHOOT_ANSWER_MAX = 75;

function nearestKahootTime(seconds: number): number {
  return KAHOOT_TIME_LIMITS.reduce((best, value) => (Math.abs(value - seconds) <= Math.abs(best - seconds) ? value : best));
}

/** The quiz in Kahoot!'s template; questions Kahoot!'s template can't hold are left out and named in the notes. */
export async function exportKahootXlsx(quiz: ParsedQuiz): Promise<{ buffer: Buffer; notes: ConvertNote[] }> {
  const notes: ConvertNote[] = [];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  INSTRUCTIONS.forEach((text, index) => (sheet.getCell(index + 2, 2).value = text));
  sheet.getRow(HEADER_ROW).values = ["", ...KAHOOT_HEADERS];
  sheet.getRow(HEADER_ROW).font = { bold: true };
  sheet.getColumn(2).width = 60;
  for (let c = 3; c <= 8; c++) sheet.getColumn(c).width = 24;

  let row = HEADER_ROW + 1;
  const where = (question: QuizQuestion) => `Question ${question.position + 1} (line ${question.line})`;
  for (const question of quiz.questions) {
    const prompt = markdownToPlain(question.promptMarkdown);
    let options: { text: string; correct: boolean }[];
    if (question.kind === "single" || question.kind === "multiple" || question.kind === "truefalse") {
      options = question.options.map((option) => ({ text: markdownToPlain(option.markdown), correct: option.correct }));
    } else {
      const kind = { order: "ordering", typed: "type-answer", slider: "slider", poll: "poll" }[question.kind];
      notes.push({ line: question.line, message: `${where(question)}: Kahoot!'s spreadsheet holds only quiz questions; this ${kind} question is left out.` });
      continue;
    }
    if (options.length > 4) {
      notes.push({ line: question.line, message: `${where(question)}: it has ${options.length} options and Kahoot!'s spreadsheet holds at most 4; left out.` });
      continue;
    }
    if (prompt.length > KAHOOT_QUESTION_MAX) notes.push({ line: question.line, message: `${where(question)}: the question is ${prompt.length} characters long; Kahoot! takes at most ${KAHOOT_QUESTION_MAX}, shorten it there.` });
    if (options.some((option) => option.text.length > KAHOOT_ANSWER_MAX)) notes.push({ line: question.line, message: `${where(question)}: an answer is longer than the ${KAHOOT_ANSWER_MAX} characters Kahoot! takes; shorten it there.` });
    if (question.bodyHtml.trim() || question.hintHtml) notes.push({ line: question.line, message: `${where(question)}: the text under the question and its hint are not carried over.` });
    const seconds = question.timeLimitSec ?? quiz.settings.timeLimitSec;
    const time = nearestKahootTime(seconds);
    if (time !== seconds) notes.push({ line: question.line, message: `${where(question)}: Kahoot! has no ${seconds}-second time limit; ${time} seconds is used.` });
    const correct = options.flatMap((option, index) => (option.correct ? [index + 1] : []));
    sheet.getRow(row).values = [row - HEADER_ROW, prompt, ...[0, 1, 2, 3].map((i) => options[i]?.text ?? ""), time, correct.join(",")];
    row++;
  }
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), notes };
}
