/**
 * Quizdown text → the visual editor's model. Reads with the parser's own pieces (sections, heading,
 * question settings block, body and hint, options), so the editor sees the file as the game does.
 */
import { parseDocument, isMap, isNode } from "yaml";
import { readFrontMatter } from "../frontMatter";
import { parseHeadingText } from "../heading";
import { decideQuestionKind, type KindEntries } from "../kindSettings";
import { splitLines } from "../lines";
import { describeQuestion } from "../messages";
import { findOptionsStart, readOptions, type OptionList } from "../optionList";
import { splitSections } from "../parse";
import { splitBodyAndHint } from "../question";
import { readQuestionYaml } from "../questionYaml";
import { settingName } from "../settings";
import type { PointsSetting, ScoringSetting } from "../types";
import { sameMeaning } from "./meaning";
import type { EditorHeader, EditorKind, EditorQuestion, EditorQuiz, EditorSettings } from "./types";
import { blankQuestion } from "./edit";
import { writeQuestion } from "./write";

/** Offsets of each line's start in the raw text (a line break is \r\n, \r or \n, as splitLines reads them). */
export function lineStarts(source: string): number[] {
  const starts = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let m = breaks.exec(source); m !== null; m = breaks.exec(source)) starts.push(m.index + m[0].length);
  return starts;
}

export function readEditorQuiz(source: string): EditorQuiz {
  const eol = source.includes("\r\n") ? "\r\n" : "\n";
  const lines = splitLines(source);
  const starts = lineStarts(source);
  const offset = (line: number) => (line >= starts.length ? source.length : starts[line]!);
  const front = readFrontMatter(lines);
  const sections = splitSections(lines, front.bodyStart, []);
  const headerEnd = sections[0] ? offset(sections[0].heading) : source.length;

  const questions = sections.map((section, position): EditorQuestion => {
    const text = source.slice(offset(section.heading), offset(section.end));
    const fields = readQuestionFields(lines, section.heading, section.end, section.text, position);
    const question: EditorQuestion = { ...fields, source: text, origin: position };
    if (fields.notEditable === undefined && !sameMeaning(text, writeQuestion(fields, eol))) question.notEditable = "notRepresentable";
    return question;
  });
  return { header: readHeader(source.slice(0, headerEnd), lines, front.bodyStart, offset), questions, eol };
}

function readHeader(text: string, lines: string[], bodyStart: number, offset: (line: number) => number): EditorHeader {
  const hasBlock = bodyStart > 0;
  const yaml = hasBlock ? text.slice(offset(1), Math.min(offset(bodyStart - 1), text.length)) : null;
  const preamble = hasBlock ? text.slice(Math.min(offset(bodyStart), text.length)) : text;
  const closedWithDashes = hasBlock && lines[bodyStart - 1]!.trimEnd() === "---";
  const read = yaml === null ? { ok: true, values: {} } : readSettingsYaml(yaml);
  return { source: text, yaml, preamble, editable: read.ok && (yaml === null || closedWithDashes), settings: settingsFrom(read.values) };
}

/** The settings block's values by canonical name (the later of repeated names wins, as in the parser). */
export function readSettingsYaml(yaml: string): { ok: boolean; values: Record<string, unknown> } {
  const doc = parseDocument(yaml, { uniqueKeys: true });
  if (doc.errors.length > 0) return { ok: false, values: {} };
  if (doc.contents === null || doc.contents === undefined) return { ok: true, values: {} };
  if (!isMap(doc.contents)) return { ok: false, values: {} };
  const values: Record<string, unknown> = {};
  for (const pair of doc.contents.items) {
    const key = isNode(pair.key) ? String(pair.key.toJS(doc)) : String(pair.key);
    const name = settingName(key);
    if (name !== null) values[name] = isNode(pair.value) ? pair.value.toJS(doc) : pair.value;
  }
  return { ok: true, values };
}

function settingsFrom(values: Record<string, unknown>): EditorSettings {
  const title = values.title;
  return {
    title: typeof title === "string" || typeof title === "number" ? String(title).trim() : "",
    timeLimitSec: numberOrNull(values.timeLimit),
    readTimeSec: numberOrNull(values.readTime),
    shuffleQuestions: typeof values.shuffleQuestions === "boolean" ? values.shuffleQuestions : null,
    shuffleAnswers: typeof values.shuffleAnswers === "boolean" ? values.shuffleAnswers : null,
  };
}

type QuestionFields = Omit<EditorQuestion, "source" | "origin">;

/** One question's fields, read from its lines (`heading` and `end` are 0-based, as in the parser). */
export function readQuestionFields(lines: string[], heading: number, end: number, headingText: string, position: number): QuestionFields {
  const head = parseHeadingText(headingText, heading + 1);
  const yaml = readQuestionYaml(lines, heading + 1, end);
  const optionsStart = findOptionsStart(lines, yaml.next, end);
  const pre = splitBodyAndHint(lines, yaml.next, optionsStart.index === -1 ? end : optionsStart.index);
  const label = describeQuestion(head.prompt, position, heading + 1);
  const list: OptionList = optionsStart.index === -1 ? { options: [], style: null, rejected: 0 } : readOptions(lines, optionsStart.index, end, label, []);
  const decided = decideQuestionKind(yaml.kindEntries, list.style, list.options, label, [], []);
  const entries = yaml.kindEntries;
  const kind: EditorKind = decided.kind === "single" || decided.kind === "multiple" ? "choice" : decided.kind;
  const fields: QuestionFields = {
    ...blankQuestion(kind),
    prompt: head.prompt,
    body: pre.body,
    hint: pre.hint,
    timeLimitSec: head.timeLimitSec ?? yaml.timeLimitSec ?? null,
    readTimeSec: head.readTimeSec ?? yaml.readTimeSec ?? null,
    shuffleAnswers: yaml.shuffleAnswers ?? null,
    points: pointsOf(entries.points?.value),
    scoring: scoringOf(entries.scoring?.value),
  };
  // Only what the kind uses is read; the rest stays blank (the writer leaves it out).
  if (kind === "choice" || kind === "order" || kind === "poll") {
    fields.options = list.options.map((draft) => ({ text: draft.text.join("\n"), correct: draft.checked, explanation: draft.comment.join("\n") }));
    fields.numbered = kind === "choice" && list.style?.ordered === true;
  }
  if (kind === "truefalse") fields.answer = entries.answer?.value === true;
  if (kind === "typed") {
    fields.accepted = acceptedAnswers(entries);
    fields.typedTolerance = numberOrNull(entries.tolerance?.value);
  }
  if (kind === "slider") {
    fields.slider = {
      min: numberOrNull(entries.min?.value),
      max: numberOrNull(entries.max?.value),
      step: numberOrNull(entries.step?.value),
      unit: typeof entries.unit?.value === "string" || typeof entries.unit?.value === "number" ? String(entries.unit.value).trim() : "",
      answer: numberOrNull(entries.answer?.value),
      tolerance: numberOrNull(entries.tolerance?.value),
    };
  }
  if (decided.unplayableReason !== undefined) fields.notEditable = "unknownKind";
  return fields;
}

function acceptedAnswers(entries: KindEntries): string[] {
  const written: unknown[] = [];
  if (entries.answer) written.push(entries.answer.value);
  if (entries.answers) written.push(...(Array.isArray(entries.answers.value) ? entries.answers.value : [entries.answers.value]));
  return written.map((value) => (typeof value === "string" ? value.trim() : typeof value === "number" || typeof value === "boolean" ? String(value) : "")).filter((text) => text !== "");
}

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function pointsOf(value: unknown): PointsSetting | null {
  const norm = typeof value === "string" ? value.trim().toLowerCase() : value;
  if (norm === "standard" || norm === 1) return "standard";
  if (norm === "double" || norm === 2) return "double";
  if (norm === "none" || norm === 0) return "none";
  return null;
}

function scoringOf(value: unknown): ScoringSetting | null {
  const norm = typeof value === "string" ? value.toLowerCase().replace(/[^a-z]/g, "") : "";
  return norm === "partial" ? "partial" : norm === "allornothing" ? "all-or-nothing" : null;
}
