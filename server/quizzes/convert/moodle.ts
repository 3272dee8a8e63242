/**
 * Moodle XML: multichoice (one or several right), truefalse, shortanswer, numerical and
 * ordering (the qtype_ordering plugin). Read and written with fast-xml-parser; a DOCTYPE (and so
 * any entity definition) is refused before parsing, so no entity can expand.
 */
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import { QUIZ_LIMITS } from "../../../src/quizdown/limits";
import type { ParsedQuiz, QuizQuestion } from "../../../src/quizdown/types";
import { htmlToText, markdownToPlain } from "./text";
import { writeQuizdown } from "./write-quizdown";
import { IMPORT_TOO_BIG, ImportRefused, MAX_IMPORT_BYTES, type ConvertNote, type DraftQuestion, type ImportResult } from "./types";

type Node = Record<string, unknown>;

const NO_EQUIVALENT: Record<string, string> = {
  essay: "essay",
  matching: "matching",
  multianswer: "embedded answers (Cloze)",
  description: "description",
  calculated: "calculated",
  calculatedsimple: "simple calculated",
  calculatedmulti: "calculated multichoice",
  ddwtos: "drag and drop into text",
  gapselect: "select missing words",
  randomsamatch: "random short-answer matching",
};

/** Each `<question` tag's line, in order, ignoring CDATA sections and comments. */
function questionLines(xml: string): number[] {
  const masked = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, (block) => block.replace(/[^\n]/g, " "));
  const lines: number[] = [];
  let line = 1;
  let from = 0;
  for (const match of masked.matchAll(/<question\b/g)) {
    for (let i = from; i < match.index; i++) if (masked.charCodeAt(i) === 10) line++;
    from = match.index;
    lines.push(line);
  }
  return lines;
}

const text = (node: unknown): string => {
  if (node === undefined || node === null) return "";
  if (typeof node !== "object") return String(node);
  const inner = (node as Node).text;
  if (inner === undefined || inner === null) return "";
  return typeof inner === "object" ? String((inner as Node)["#text"] ?? "") : String(inner);
};
const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : value ? [value as Node] : []);
const fraction = (answer: Node) => Number(answer["@_fraction"] ?? 0);

export function importMoodleXml(xml: string): ImportResult {
  if (Buffer.byteLength(xml, "utf8") > MAX_IMPORT_BYTES) throw new ImportRefused(IMPORT_TOO_BIG);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new ImportRefused("This XML file declares its own entities (a DOCTYPE), which Moodle never writes; it is not imported. Export the questions from Moodle again as Moodle XML.");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ImportRefused(`This isn't well-formed XML (line ${valid.err.line}: ${valid.err.msg}). Export the questions from Moodle again as Moodle XML.`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    htmlEntities: false,
    isArray: (name) => name === "question" || name === "answer" || name === "file",
  });
  let document: Node;
  try {
    document = parser.parse(xml) as Node;
  } catch {
    throw new ImportRefused("This XML file can't be read. Export the questions from Moodle again as Moodle XML.");
  }
  const quiz = document.quiz as Node | undefined;
  if (!quiz || typeof quiz !== "object") throw new ImportRefused("This XML file isn't Moodle XML: it has no <quiz> element. In Moodle's question bank, export with the format \"Moodle XML\".");

  const lines = questionLines(xml);
  const notes: ConvertNote[] = [];
  const questions: DraftQuestion[] = [];
  let title: string | undefined;
  let number = 0;
  list(quiz.question).forEach((question, index) => {
    const line = lines[index] ?? 1;
    const type = String(question["@_type"] ?? "");
    if (type !== "category") number++;
    const where = `Question ${number} (line ${line})`;
    const note = (message: string) => notes.push({ line, message: `${where}: ${message}` });
    if (type === "category") {
      const path = text(question.category).split("/").filter(Boolean);
      const last = path.at(-1) ?? "";
      if (!title && last && last !== "top" && !last.startsWith("$") && !/^default for/i.test(last)) title = last;
      return;
    }
    if (questions.length >= QUIZ_LIMITS.questions) {
      if (questions.length === QUIZ_LIMITS.questions) note(`this and the questions after it are left out: a quiz can have at most ${QUIZ_LIMITS.questions} questions.`);
      questions.push({ kind: "single", prompt: "", options: [] }); // counted, never written
      return;
    }
    if (!["multichoice", "truefalse", "shortanswer", "numerical", "ordering"].includes(type)) {
      note(`Moodle "${NO_EQUIVALENT[type] ?? type}" questions have no equivalent here; skipped.`);
      return;
    }
    const { text: questionText, hadImage } = htmlToText(text(question.questiontext));
    const name = text(question.name).trim();
    const [first = "", ...rest] = (questionText || name).split("\n\n");
    if (hadImage || list((question.questiontext as Node | undefined)?.file).length > 0) note("an image in the question text is not imported; add it as an https:// address.");
    if (text(question.generalfeedback).trim()) note("the general feedback is not imported.");
    const answers = list(question.answer).map((answer) => ({ answer, text: htmlToText(text(answer)).text, feedback: htmlToText(text(answer.feedback)).text }));
    const draft: DraftQuestion = { kind: "single", prompt: first, body: rest.join("\n\n") || undefined, options: [] };

    if (type === "multichoice") {
      const single = String(text({ text: question.single }) || "true").trim() !== "false";
      draft.options = answers.map(({ answer, text: optionText, feedback }) => ({ text: optionText, correct: fraction(answer) > 0, feedback: feedback || undefined }));
      const right = draft.options.filter((option) => option.correct).length;
      draft.kind = single || right <= 1 ? "single" : "multiple";
      if (single && right > 1) note("several answers give credit in a one-answer question; it plays as multiple answers.");
      if (answers.some(({ answer }) => fraction(answer) > 0 && fraction(answer) < 100) && single) note("partial credit for an answer is not carried over; it counts as right.");
      if (draft.kind === "single" && right > 1) draft.kind = "multiple";
      if (right === 0) note("no answer gives credit; mark the right one with [x].");
    } else if (type === "truefalse") {
      const truth = answers.find(({ text: value }) => value.trim().toLowerCase() === "true");
      draft.kind = "truefalse";
      draft.truth = truth ? fraction(truth.answer) > 0 : true;
      if (answers.some(({ feedback }) => feedback)) note("the feedback on true and false is not imported.");
    } else if (type === "shortanswer" || type === "numerical") {
      draft.kind = "typed";
      const full = answers.filter(({ answer }) => fraction(answer) >= 100 && text(answer).trim() !== "*");
      draft.accepted = full.map(({ text: value }) => value.trim());
      if (answers.some(({ answer }) => fraction(answer) > 0 && fraction(answer) < 100)) note("answers worth partial credit are not imported; only fully right answers are accepted.");
      if (answers.some(({ answer }) => text(answer).trim() === "*")) note('the "any other answer" (*) entry is not imported.');
      if (type === "shortanswer" && String(question.usecase ?? "0").trim() === "1") note("case-sensitive matching is not carried over; answers are compared ignoring case and accents.");
      if (type === "numerical") {
        const tolerances = full.map(({ answer }) => Number(answer.tolerance ?? 0)).filter((value) => Number.isFinite(value));
        const tolerance = Math.max(0, ...tolerances);
        if (tolerance > 0) draft.tolerance = tolerance;
        if (new Set(tolerances).size > 1) note(`the answers have different tolerances; ${tolerance} is used for all.`);
        if (question.units) note("units are not imported; students type the number alone.");
      }
      if (draft.accepted.length === 0) note("no fully right answer; add one under answers:.");
    } else {
      draft.kind = "order";
      // qtype_ordering writes the answers in the right order, numbering them in `fraction`.
      if (answers.every(({ answer }) => Number.isFinite(fraction(answer)))) answers.sort((a, b) => fraction(a.answer) - fraction(b.answer));
      draft.options = answers.map(({ text: value }) => ({ text: value, correct: false }));
    }
    questions.push(draft);
  });
  const kept = questions.filter((question) => question.prompt !== "" || question.options.length > 0 || question.kind !== "single");
  if (kept.length === 0) throw new ImportRefused("This Moodle XML file has no questions this game can play (multiple choice, true/false, short answer, numerical or ordering).");
  return { quizdown: writeQuizdown(title, kept), notes };
}

const html = (value: string) => ({ "@_format": "html", text: value });
const plainName = (question: QuizQuestion) => markdownToPlain(question.promptMarkdown).slice(0, 100);

/** The quiz as Moodle XML; what Moodle's question types can't hold is named in the notes. */
export function exportMoodleXml(quiz: ParsedQuiz): { xml: string; notes: ConvertNote[] } {
  const notes: ConvertNote[] = [];
  const questions: Node[] = [];
  if (quiz.title) questions.push({ "@_type": "category", category: { text: `$course$/top/${quiz.title}` } });
  for (const question of quiz.questions) {
    const where = `Question ${question.position + 1} (line ${question.line})`;
    const base: Node = {
      "@_type": "",
      name: { text: plainName(question) },
      questiontext: html(`<p>${question.promptHtml}</p>${question.bodyHtml}${question.hintHtml ? `<blockquote>${question.hintHtml}</blockquote>` : ""}`),
      generalfeedback: html(""),
      defaultgrade: question.points === "double" ? 2 : question.points === "none" ? 0 : 1,
      penalty: 0,
      hidden: 0,
    };
    const answer = (fraction: number, textValue: string, feedback = "", format = "html") => ({
      "@_fraction": fraction,
      "@_format": format,
      text: textValue,
      feedback: html(feedback),
    });
    if (question.kind === "single" || question.kind === "multiple" || question.kind === "poll") {
      const right = question.options.filter((option) => option.correct).length;
      if (question.kind === "poll") notes.push({ line: question.line, message: `${where}: Moodle has no poll question; it is exported as multiple answers with every answer right, sharing the credit.` });
      // Moodle's multiple-answer credit adds up to 100 %, split between the right answers (5 decimals, as Moodle writes them).
      const rightCount = question.kind === "poll" ? question.options.length : right;
      const share = rightCount > 0 ? Math.round((100 / rightCount) * 100000) / 100000 : 0;
      questions.push({
        ...base,
        "@_type": "multichoice",
        single: question.kind === "single" ? "true" : "false",
        shuffleanswers: question.shuffleAnswers ?? quiz.settings.shuffleAnswers ? "true" : "false",
        answernumbering: "abc",
        answer: question.options.map((option) =>
          answer(question.kind === "poll" || option.correct ? (question.kind === "single" ? 100 : share) : question.kind === "multiple" ? -share : 0, option.html, option.commentHtml ?? ""),
        ),
      });
    } else if (question.kind === "truefalse") {
      const truth = question.options.find((option) => option.markdown.toLowerCase() === "true")?.correct ?? true;
      questions.push({ ...base, "@_type": "truefalse", answer: [answer(truth ? 100 : 0, "true", "", "moodle_auto_format"), answer(truth ? 0 : 100, "false", "", "moodle_auto_format")] });
    } else if (question.kind === "typed" && question.typed) {
      const { accepted, tolerance } = question.typed;
      if (tolerance !== undefined && accepted.every((value) => Number.isFinite(Number(value.replace(",", "."))))) {
        questions.push({ ...base, "@_type": "numerical", answer: accepted.map((value) => ({ ...answer(100, value.replace(",", "."), "", "moodle_auto_format"), tolerance })) });
      } else {
        notes.push({ line: question.line, message: `${where}: Moodle's short answer compares accents and punctuation exactly, where this game forgives them.` });
        questions.push({ ...base, "@_type": "shortanswer", usecase: 0, answer: accepted.map((value) => answer(100, value, "", "moodle_auto_format")) });
      }
    } else if (question.kind === "slider" && question.slider) {
      const { correct, tolerance, min, max, unit } = question.slider;
      notes.push({ line: question.line, message: `${where}: Moodle has no slider; it is exported as a numerical question (answer ${correct} ± ${tolerance}; the range ${min}–${max}${unit ? ` and the unit "${unit}"` : ""} are left out).` });
      questions.push({ ...base, "@_type": "numerical", answer: [{ ...answer(100, String(correct), "", "moodle_auto_format"), tolerance }] });
    } else if (question.kind === "order") {
      notes.push({ line: question.line, message: `${where}: ordering questions need Moodle's "Ordering" question type (qtype_ordering) installed.` });
      questions.push({
        ...base,
        "@_type": "ordering",
        layouttype: "VERTICAL",
        selecttype: "ALL",
        selectcount: 0,
        gradingtype: question.scoring === "partial" ? "RELATIVE_NEXT_EXCLUDE_LAST" : "ALL_OR_NOTHING",
        answer: question.options.map((option, index) => ({ "@_fraction": index + 1, "@_format": "html", text: option.html })),
      });
    }
    if (question.timeLimitSec !== undefined) notes.push({ line: question.line, message: `${where}: Moodle questions have no time limit; ${question.timeLimitSec} seconds is left out.` });
  }
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, indentBy: "  ", suppressEmptyNode: false });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ quiz: { question: questions } }) as string}`;
  return { xml, notes };
}
