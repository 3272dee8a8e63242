/** Wording helpers for teacher-facing messages. */

const MAX_PROMPT = 40;

/** `Question "Which function is typically…" (line 12)`, or `Question 3 (line 12)` without text. */
export function describeQuestion(prompt: string, position: number, line: number): string {
  const text = prompt.replace(/\s+/g, " ").trim();
  if (text === "") return `Question ${position + 1} (line ${line})`;
  return `Question "${shorten(text)}" (line ${line})`;
}

export function shorten(text: string, max = MAX_PROMPT): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
