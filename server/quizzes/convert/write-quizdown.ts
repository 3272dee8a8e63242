/** Writes questions read from another format as a quizdown file our parser reads back. */
import { cleanText, escapeBlock, escapeInline } from "./text";
import type { DraftQuestion } from "./types";

/** YAML value: JSON strings and numbers are valid YAML, and quote whatever needs quoting. */
const yaml = (value: string | number | boolean) => JSON.stringify(typeof value === "string" ? cleanText(value) : value);

function settingsBlock(question: DraftQuestion): string[] {
  const lines: string[] = [];
  const add = (key: string, value: string | number | boolean) => lines.push(`${key}: ${yaml(value)}`);
  if (question.kind === "poll") lines.push("kind: poll");
  if (question.kind === "truefalse") add("answer", question.truth ?? true);
  if (question.kind === "typed") {
    const accepted = question.accepted ?? [];
    lines.push(`answers: [${accepted.map((answer) => yaml(answer)).join(", ")}]`);
    if (question.tolerance !== undefined) add("tolerance", question.tolerance);
  }
  if (question.kind === "slider" && question.slider) {
    const { min, max, step, unit, answer, tolerance } = question.slider;
    add("min", min);
    add("max", max);
    if (step !== undefined) add("step", step);
    if (unit) add("unit", unit);
    add("answer", answer);
    if (tolerance !== undefined) add("tolerance", tolerance);
  }
  if (question.timeLimitSec !== undefined) add("timeLimit", question.timeLimitSec);
  if (question.points && question.points !== "standard" && question.kind !== "poll") lines.push(`points: ${question.points}`);
  return lines.length > 0 ? ["---", ...lines, "---"] : [];
}

function optionLines(question: DraftQuestion): string[] {
  const lines: string[] = [];
  question.options.forEach((option, index) => {
    const text = escapeInline(option.text) || "\\-";
    if (question.kind === "order") lines.push(`${index + 1}. ${text}`);
    else lines.push(`- [${option.correct && question.kind !== "poll" ? "x" : " "}] ${text}`);
    if (option.feedback) lines.push(`    > ${escapeInline(option.feedback)}`);
  });
  return lines;
}

export function writeQuizdown(title: string | undefined, questions: DraftQuestion[]): string {
  const out: string[] = [];
  if (title?.trim()) out.push("---", `title: ${yaml(title.replace(/\s+/g, " ").trim())}`, "---", "");
  for (const question of questions) {
    out.push(`## ${escapeInline(question.prompt) || "\\-"}`, ...settingsBlock(question), "");
    if (question.body?.trim()) out.push(escapeBlock(question.body), "");
    const options = optionLines(question);
    if (options.length > 0) out.push(...options, "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
