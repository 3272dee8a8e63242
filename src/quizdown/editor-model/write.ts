/**
 * The visual editor's model → quizdown text. What the editor did not change is written back as it
 * was read (`source`), so a file nobody edited is saved byte for byte; an edited question or settings
 * block is written the way README.md's quiz format shows.
 */
import { Document, parseDocument, stringify } from "yaml";
import { matchHeading, matchListItem, splitLines } from "../lines";
import { settingName } from "../settings";
import { KIND_WORD } from "./kind-words";
import type { EditorHeader, EditorQuestion, EditorQuiz, EditorSettings } from "./types";

export function writeEditorQuiz(quiz: EditorQuiz): string {
  const { eol } = quiz;
  let out = writeHeader(quiz.header, eol, quiz.questions.length > 0);
  let previous: number | undefined = quiz.header.source !== undefined ? -1 : undefined;
  for (const question of quiz.questions) {
    const text = question.source ?? writeQuestion(question, eol);
    // Neighbours that were neighbours in the file keep the text between them exactly.
    const adjacent = question.source !== undefined && previous !== undefined && question.origin === previous + 1;
    if (out !== "" && !/[\r\n]$/.test(out)) out += eol;
    if (out !== "" && !adjacent && !out.endsWith(eol + eol)) out += eol;
    out += text;
    previous = question.source !== undefined ? question.origin : undefined;
  }
  return out;
}

function writeHeader(header: EditorHeader, eol: string, hasQuestions: boolean): string {
  if (header.source !== undefined) return header.source;
  if (header.yaml === null || header.yaml.trim() === "") return header.preamble.replace(/^(?:\r\n|\r|\n)+/, "");
  const yaml = withEol(header.yaml.endsWith("\n") ? header.yaml : `${header.yaml}\n`, eol);
  const preamble = header.preamble === "" && hasQuestions ? eol : header.preamble;
  return `---${eol}${yaml}---${eol}${preamble}`;
}

const CANONICAL_SETTING: Record<keyof EditorSettings, string> = {
  title: "title",
  timeLimitSec: "timeLimit",
  readTimeSec: "readTime",
  shuffleQuestions: "shuffleQuestions",
  shuffleAnswers: "shuffleAnswers",
};

/**
 * The settings block with one setting changed: the key already there is updated in place (comments and
 * other settings stay), a new one is added, and an empty value removes it.
 */
export function withSetting(header: EditorHeader, name: keyof EditorSettings, value: string | number | boolean | null): EditorHeader {
  const doc = new Document();
  const parsed = header.yaml === null ? null : safeParse(header.yaml);
  const target = parsed ?? doc;
  const canonical = CANONICAL_SETTING[name];
  const keys = existingKeys(target, canonical);
  const empty = value === null || (typeof value === "string" && value.trim() === "");
  if (empty) for (const key of keys) target.delete(key);
  else {
    for (const key of keys.slice(1)) target.delete(key);
    target.set(keys[0] ?? canonical, typeof value === "string" ? value.trim() : value);
  }
  const items = (target.contents as { items?: unknown[] } | null)?.items ?? [];
  const yaml = items.length === 0 ? null : target.toString({ lineWidth: 0 });
  return { ...header, source: undefined, yaml, settings: { ...header.settings, [name]: typeof value === "string" ? value.trim() : value } };
}

function safeParse(yaml: string): Document | null {
  const doc = parseDocument(yaml);
  return doc.errors.length > 0 ? null : doc;
}

function existingKeys(doc: Document, canonical: string): string[] {
  const items = (doc.contents as { items?: Array<{ key: unknown }> } | null)?.items ?? [];
  return items
    .map((pair) => String((pair.key as { value?: unknown })?.value ?? pair.key))
    .filter((key) => settingName(key) === settingName(canonical));
}

/** One question as quizdown: heading, settings block (only what is set), body, hint, options. */
export function writeQuestion(question: Omit<EditorQuestion, "source" | "origin">, eol: string): string {
  const parts: string[] = [`## ${oneLine(question.prompt)}`.trimEnd()];
  const settings = questionSettings(question);
  if (Object.keys(settings).length > 0) parts[0] += `\n---\n${stringify(settings, { lineWidth: 0 })}---`;
  if (question.body.trim() !== "") parts.push(escapeBlock(question.body.trim()));
  if (question.hint.trim() !== "") parts.push(quote(question.hint.trim(), ""));
  const options = optionLines(question);
  if (options !== "") parts.push(options);
  return withEol(`${parts.join("\n\n")}\n`, eol);
}

function questionSettings(question: Omit<EditorQuestion, "source" | "origin">): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  const { kind } = question;
  if (kind === "poll" || kind === "order" || kind === "truefalse" || kind === "typed" || kind === "slider") settings.kind = KIND_WORD[kind];
  if (kind === "truefalse") settings.answer = question.answer;
  if (kind === "typed") {
    const accepted = question.accepted.map((answer) => answer.trim()).filter((answer) => answer !== "");
    if (accepted.length === 1) settings.answer = accepted[0];
    else if (accepted.length > 1) settings.answers = accepted;
    if (question.typedTolerance !== null) settings.tolerance = question.typedTolerance;
  }
  if (kind === "slider") {
    const { min, max, step, unit, answer, tolerance } = question.slider;
    if (min !== null) settings.min = min;
    if (max !== null) settings.max = max;
    if (step !== null) settings.step = step;
    if (unit.trim() !== "") settings.unit = unit.trim();
    if (answer !== null) settings.answer = answer;
    if (tolerance !== null) settings.tolerance = tolerance;
  }
  if (question.points !== null) settings.points = question.points;
  if (question.scoring !== null) settings.scoring = question.scoring;
  if (question.timeLimitSec !== null) settings.timeLimit = question.timeLimitSec;
  if (question.readTimeSec !== null) settings.readTime = question.readTimeSec;
  if (question.shuffleAnswers !== null) settings.shuffleAnswers = question.shuffleAnswers;
  return settings;
}

function optionLines(question: Omit<EditorQuestion, "source" | "origin">): string {
  const { kind } = question;
  if (kind !== "choice" && kind !== "order" && kind !== "poll") return "";
  return question.options
    .map((option, i) => {
      const marker = kind === "order" || question.numbered ? `${i + 1}.` : "-";
      const box = kind === "order" ? "" : option.correct ? "[x] " : "[ ] ";
      const line = `${marker} ${box}${oneLine(option.text)}`.trimEnd();
      return option.explanation.trim() === "" ? line : `${line}\n${quote(option.explanation.trim(), "    ")}`;
    })
    .join("\n");
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

function quote(text: string, indent: string): string {
  return splitLines(text)
    .map((line) => (line.trim() === "" ? `${indent}>` : `${indent}> ${line}`))
    .join("\n");
}

/** Body text can't start a new question or the options: such lines are written escaped. */
function escapeBlock(text: string): string {
  return splitLines(text)
    .map((line) => {
      if (matchHeading(line)) return line.replace(/^(\s*)#/, "$1\\#");
      if (matchListItem(line)?.checked != null) return line.replace(/^(\s*)(?:([-*+])|(\d+)([.)]))/, (_m, space: string, bullet?: string, digits?: string, dot?: string) => (bullet ? `${space}\\${bullet}` : `${space}${digits}\\${dot}`));
      return line;
    })
    .join("\n");
}

function withEol(text: string, eol: string): string {
  return eol === "\n" ? text : text.replace(/\r?\n/g, eol);
}
