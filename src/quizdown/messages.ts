/** Wording helpers for teacher-facing messages. */
import type { QuestionLabel } from "./problems";

const MAX_PROMPT = 40;

/** `Question "Which function is typically…" (line 12)`, or `Question 3 (line 12)` without text. */
export function describeQuestion(prompt: string, position: number, line: number): QuestionLabel {
  const text = prompt.replace(/\s+/g, " ").trim();
  const params = { prompt: text === "" ? "" : shorten(text), number: position + 1, questionLine: line };
  if (text === "") return { text: `Question ${position + 1} (line ${line})`, params };
  return { text: `Question "${params.prompt}" (line ${line})`, params };
}

export function shorten(text: string, max = MAX_PROMPT): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
