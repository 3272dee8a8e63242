/**
 * CSV with a header row: question,kind,option1,…,option6,correct,time_limit,points,explanation
 * (see docs/notes/w-import.md). Read with csv-parse; row numbers are the file's lines as a
 * spreadsheet shows them (the header is row 1).
 */
import { parse } from "csv-parse/sync";
import { QUIZ_LIMITS } from "../../../src/quizdown/limits";
import type { PointsSetting, QuestionKind } from "../../../src/quizdown/types";
import { writeQuizdown } from "./write-quizdown";
import { IMPORT_TOO_BIG, ImportRefused, MAX_IMPORT_BYTES, type ConvertNote, type DraftQuestion, type ImportResult } from "./types";

export const CSV_HEADER = ["question", "kind", "option1", "option2", "option3", "option4", "option5", "option6", "correct", "time_limit", "points", "explanation"] as const;
const KNOWN = new Set<string>(CSV_HEADER);
const KINDS: Record<string, QuestionKind> = {
  "": "single",
  single: "single",
  multiple: "multiple",
  truefalse: "truefalse",
  "true/false": "truefalse",
  typed: "typed",
  order: "order",
  ordering: "order",
  slider: "slider",
  poll: "poll",
};

export function importCsv(text: string): ImportResult {
  if (Buffer.byteLength(text, "utf8") > MAX_IMPORT_BYTES) throw new ImportRefused(IMPORT_TOO_BIG);
  if (text.includes("\u0000")) throw new ImportRefused("This isn't a text file. Save the spreadsheet as CSV (UTF-8) and try again.");
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // The header row says which separator the spreadsheet used (Excel in many languages writes ";").
    const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
    const delimiter = firstLine.includes(",") ? "," : firstLine.includes(";") ? ";" : firstLine.includes("\t") ? "\t" : ",";
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, delimiter, max_record_size: 64 * 1024 }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ImportRefused(`This CSV file can't be read${line ? ` (near row ${line})` : ""}: check its quotes ("…") are closed, and save it again as CSV (UTF-8).`);
  }
  const [header, ...rows] = records;
  const names = (header?.record ?? []).map((name) => name.trim().toLowerCase().replace(/\s+/g, "_"));
  if (!names.includes("question")) {
    throw new ImportRefused(`The first row must name the columns, starting with "question": ${CSV_HEADER.join(",")}.`);
  }
  const notes: ConvertNote[] = [];
  const unknown = names.filter((name) => name && !KNOWN.has(name));
  if (unknown.length > 0) notes.push({ row: 1, message: `Row 1: the column${unknown.length > 1 ? "s" : ""} ${unknown.map((name) => `"${name}"`).join(", ")} ${unknown.length > 1 ? "are" : "is"} not imported.` });

  const questions: DraftQuestion[] = [];
  for (const { record, info } of rows) {
    const r = info.lines;
    const cell = (name: string) => (record[names.indexOf(name)] ?? "").trim();
    const prompt = cell("question");
    if (!prompt && record.every((value) => value.trim() === "")) continue;
    if (questions.length >= QUIZ_LIMITS.questions) {
      notes.push({ row: r, message: `Row ${r} and the rows after it are left out: a quiz can have at most ${QUIZ_LIMITS.questions} questions.` });
      break;
    }
    if (!prompt) {
      notes.push({ row: r, message: `Row ${r}: no question text; skipped.` });
      continue;
    }
    const kindText = cell("kind").toLowerCase();
    const kind = KINDS[kindText];
    if (!kind) {
      notes.push({ row: r, message: `Row ${r}: the kind "${kindText}" isn't one of single, multiple, truefalse, typed, order, slider, poll; skipped.` });
      continue;
    }
    const options = [1, 2, 3, 4, 5, 6].map((n) => cell(`option${n}`));
    const filled = options.map((text, index) => ({ text, number: index + 1 })).filter((option) => option.text !== "");
    const correctText = cell("correct");
    const draft: DraftQuestion = { kind, prompt, options: [] };
    const explanation = cell("explanation");

    if (kind === "single" || kind === "multiple" || kind === "poll") {
      const correct = new Set(correctText.split(/[\s,;]+/).filter(Boolean).map(Number));
      draft.options = filled.map((option) => ({ text: option.text, correct: correct.has(option.number), feedback: correct.has(option.number) && explanation ? explanation : undefined }));
      if (kind !== "poll" && !draft.options.some((option) => option.correct)) notes.push({ row: r, message: `Row ${r}: "correct" names no filled-in option (write its number, e.g. 2, or 1;3); mark the right one with [x].` });
      if (kind === "single" && correct.size > 1) draft.kind = "multiple";
      if (kind === "multiple" && correct.size === 1) notes.push({ row: r, message: `Row ${r}: a multiple-answer question with one right option plays as single choice.` });
    } else if (kind === "order") {
      draft.options = filled.map((option) => ({ text: option.text, correct: false }));
    } else if (kind === "truefalse") {
      if (!/^(true|false)$/i.test(correctText)) notes.push({ row: r, message: `Row ${r}: "correct" must be true or false; true is used.` });
      draft.truth = !/^false$/i.test(correctText);
    } else if (kind === "typed") {
      draft.accepted = filled.map((option) => option.text);
      if (correctText) {
        const tolerance = Number(correctText);
        if (Number.isFinite(tolerance) && tolerance >= 0) draft.tolerance = tolerance;
        else notes.push({ row: r, message: `Row ${r}: for a typed question "correct" is an optional numeric tolerance; "${correctText}" is ignored.` });
      }
    } else if (kind === "slider") {
      const [min, max, step, , tolerance] = options.map((value) => (value === "" ? undefined : Number(value)));
      const answer = Number(correctText);
      if ([min, max, answer].some((value) => value === undefined || !Number.isFinite(value))) {
        notes.push({ row: r, message: `Row ${r}: a slider needs numbers in option1 (min), option2 (max) and correct (the answer); check the question below.` });
      }
      draft.slider = { min: min ?? 0, max: max ?? 100, step, unit: options[3] || undefined, answer: Number.isFinite(answer) ? answer : (min ?? 0), tolerance };
    }
    if (explanation && !["single", "multiple", "poll"].includes(kind)) notes.push({ row: r, message: `Row ${r}: the explanation is not imported (only options can carry one).` });

    const time = cell("time_limit");
    if (time) {
      const seconds = Number(time);
      if (Number.isInteger(seconds) && seconds >= 5 && seconds <= 240) draft.timeLimitSec = seconds;
      else notes.push({ row: r, message: `Row ${r}: the time limit "${time}" isn't a number of seconds from 5 to 240; the quiz's time limit is used.` });
    }
    const points = cell("points").toLowerCase();
    if (points) {
      if (["standard", "double", "none"].includes(points)) draft.points = points as PointsSetting;
      else notes.push({ row: r, message: `Row ${r}: points "${points}" isn't standard, double or none; standard is used.` });
    }
    questions.push(draft);
  }
  if (questions.length === 0) throw new ImportRefused("This CSV file has no questions under its header row.");
  return { quizdown: writeQuizdown(undefined, questions), notes };
}
