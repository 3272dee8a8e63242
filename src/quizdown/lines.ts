/**
 * Line-level recognisers for the quizdown format. The parser works line by line so every
 * problem can be reported with the line a teacher sees in their editor.
 */

/** Splits source text into lines; accepts LF, CRLF and lone CR, drops a leading BOM. */
export function splitLines(source: string): string[] {
  return source.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
}

export function isBlank(line: string): boolean {
  return line.trim() === "";
}

/** Indentation width in columns; a tab advances to the next multiple of 4. */
export function indentWidth(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === " ") width += 1;
    else if (ch === "\t") width += 4 - (width % 4);
    else break;
  }
  return width;
}

export interface Heading {
  level: number;
  /** Heading text with any closing `#`s removed (may still hold a `{…}` attribute block). */
  text: string;
}

// Kept free of nested quantifiers over the same characters so long lines stay linear.
const HEADING = /^ {0,3}(#{1,6})(?:[ \t](.*))?$/;

/** An ATX heading (`# …` to `###### …`); quizdown starts a question at each one. */
export function matchHeading(line: string): Heading | null {
  const m = HEADING.exec(line);
  if (!m) return null;
  return { level: m[1]!.length, text: stripClosingHashes((m[2] ?? "").trim()) };
}

/** `## Title ##` → `Title` (the closing run must follow whitespace, or be all there is). */
function stripClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  if (end === text.length) return text;
  if (end === 0) return "";
  const before = text[end - 1];
  return before === " " || before === "\t" ? text.slice(0, end).trim() : text;
}

/** `---` on a line of its own: front matter (and per-question YAML) delimiter. */
export function isYamlFence(line: string): boolean {
  return line.trimEnd() === "---";
}

export interface Fence {
  char: "`" | "~";
  length: number;
  /** Indentation of the opening line; a fence inside an option is indented. */
  indent: number;
}

/** Opening line of a fenced code block (``` or ~~~), which can hide headings and list items. */
export function matchFenceOpen(line: string): Fence | null {
  const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
  if (!m) return null;
  const marker = m[1]!;
  const char = marker[0] as "`" | "~";
  if (char === "`" && m[2]!.includes("`")) return null;
  return { char, length: marker.length, indent: indentWidth(line) };
}

function closesFence(line: string, fence: Fence): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return !!m && m[1]![0] === fence.char && m[1]!.length >= fence.length;
}

/**
 * Where a line stands while a code block is open: "inside" it, its "closing" line, or
 * "outside" — a non-blank line indented less than the opening line ends the option that
 * held the block, and the block with it.
 */
export function fencePosition(line: string, fence: Fence): "inside" | "closing" | "outside" {
  if (closesFence(line, fence)) return "closing";
  if (!isBlank(line) && indentWidth(line) < fence.indent) return "outside";
  return "inside";
}

export interface ListItem {
  indent: number;
  ordered: boolean;
  /** `null` when the item has no `[ ]`/`[x]` box. */
  checked: boolean | null;
  /** Text after the marker and box. */
  text: string;
}

const TASK_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\](?:[ \t]+(.*))?$/;
const PLAIN_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;

/** A list item at the top level (indented by at most 3 columns). */
export function matchListItem(line: string): ListItem | null {
  const task = TASK_ITEM.exec(line);
  if (task) {
    const indent = indentWidth(line);
    if (indent > 3) return null;
    return {
      indent,
      ordered: /\d/.test(task[2]!),
      checked: task[3] !== " ",
      text: (task[4] ?? "").trim(),
    };
  }
  const plain = PLAIN_ITEM.exec(line);
  if (!plain || isThematicBreak(line)) return null;
  const indent = indentWidth(line);
  if (indent > 3) return null;
  return { indent, ordered: /\d/.test(plain[2]!), checked: null, text: (plain[3] ?? "").trim() };
}

function isThematicBreak(line: string): boolean {
  return /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line);
}

/** Content of a `>` blockquote line (one level of `>` removed), or null if the line isn't one. */
export function matchQuote(line: string): string | null {
  const m = /^[ \t]*>[ \t]?(.*)$/.exec(line);
  return m ? m[1]! : null;
}
