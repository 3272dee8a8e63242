/**
 * Linear limits on a quiz file, checked in one pass before anything is rendered.
 *
 * The markdown renderer (marked) is fast on ordinary text but slows down sharply on some shapes:
 * long runs of `*`/`_` in one paragraph cost (runs × paragraph length), every level of quote or
 * list nesting re-reads what it holds, and very long lines make every line regex slow. Each limit
 * below keeps the worst case of one of those shapes small, and refuses the file with the line and
 * a plain reason instead. Pure: runs in the browser (live check) and on the server.
 */
import type { ProblemCode, ProblemParams, ProblemText } from "./problems";
import { fencePosition, isBlank, matchFenceOpen, matchHeading, type Fence } from "./lines";
import { MAX_QUIZ_SOURCE_BYTES } from "./source-rules";
import type { QuizdownProblem } from "./types";

export const QUIZ_LIMITS = {
  /** The whole file, in UTF-8 bytes. */
  sourceBytes: MAX_QUIZ_SOURCE_BYTES,
  /** Characters on one line. */
  lineLength: 2_000,
  /** Quotes and lists inside each other (`> > -` is 3 deep). */
  nestingDepth: 10,
  /** Items in one list, counting nested items. */
  listItems: 200,
  tableRows: 100,
  tableColumns: 20,
  /** `[label]: https://…` definitions in the whole file. */
  linkDefinitions: 100,
  /** Runs of `*`, `_` or `~` in one paragraph (`**` is one run). */
  emphasisMarks: 200,
  /** Questions in one quiz (each is stored, and sent to the host, on its own). */
  questions: 200,
} as const;

/** At most this many limit problems are listed; the file is refused either way. */
const MAX_REPORTED = 20;

const count = (n: number) => n.toLocaleString("en-US");

/** Every limit the file breaks, top to bottom (at most 20), each with its 1-based line. */
export function checkQuizLimits(lines: string[]): QuizdownProblem[] {
  const problems: QuizdownProblem[] = [];
  const report = (line: number, message: string, code: ProblemCode, params: ProblemParams) => {
    if (problems.length < MAX_REPORTED) problems.push({ line, message, code, params });
  };

  let bytes = 0;
  let fence: Fence | null = null;
  let linkDefinitions = 0;
  const paragraph = { open: false, start: 0, marks: 0, reported: false };
  const list = { start: 0, items: 0, reported: false, columns: [] as number[], quotes: 0 };
  const table = { start: 0, rows: -1, reported: false };
  let previousBlank = true;

  const endParagraph = () => {
    paragraph.open = false;
    paragraph.marks = 0;
    paragraph.reported = false;
  };
  const endList = () => {
    list.items = 0;
    list.reported = false;
    list.columns.length = 0;
  };

  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const line = i + 1;

    const invalid = invalidCharacter(text);
    if (invalid) report(line, invalid.message, invalid.code, invalid.params);
    const tooLong = text.length > QUIZ_LIMITS.lineLength;
    if (tooLong) report(line, `This line is ${count(text.length)} characters long; a line can be at most ${count(QUIZ_LIMITS.lineLength)}. Break it into shorter lines.`, "lineTooLong", {
        length: text.length,
        max: QUIZ_LIMITS.lineLength,
      });

    bytes += utf8Length(text) + (i > 0 ? 1 : 0);
    if (bytes > QUIZ_LIMITS.sourceBytes) {
      report(line, `The file passes ${count(QUIZ_LIMITS.sourceBytes / 1024)} KB on this line; a quiz file can be at most ${count(QUIZ_LIMITS.sourceBytes / 1024)} KB. Split it into several quizzes.`, "fileTooBig", {
        kb: QUIZ_LIMITS.sourceBytes / 1024,
      });
      break; // nothing after this point is read
    }
    if (tooLong) {
      previousBlank = false;
      continue; // the line checks below are only run on lines of a sensible length
    }

    // Code blocks are shown as they are: nothing inside them is nested, emphasised or a table.
    if (fence) {
      const where = fencePosition(text, fence);
      if (where !== "outside") {
        if (where === "closing") fence = null;
        continue;
      }
      fence = null;
    }
    const opened = matchFenceOpen(text);
    if (opened) {
      fence = opened;
      endParagraph();
      continue;
    }

    if (isBlank(text)) {
      endParagraph();
      table.rows = -1;
      previousBlank = true;
      continue;
    }

    if (matchHeading(text)) {
      // Each question's text is rendered on its own.
      endParagraph();
      endList();
      table.rows = -1;
      paragraph.start = line;
      countMarks(text, line, paragraph, report);
      endParagraph();
      previousBlank = false;
      continue;
    }

    const prefix = containerPrefix(text);
    if (prefix.quotes !== list.quotes) {
      endList();
      list.quotes = prefix.quotes;
    } else if (prefix.markers.length === 0 && previousBlank && prefix.indent < (list.columns[0] ?? Infinity)) {
      endList(); // a paragraph after a blank line, left of every open item, ends the list
    }

    // Nesting: quotes on this line, plus the open list items this line's items sit inside.
    let depth = prefix.quotes + prefix.quotesAfterList;
    for (const marker of prefix.markers) {
      while (list.columns.length > 0 && list.columns[list.columns.length - 1]! > marker.column) list.columns.pop();
      list.columns.push(marker.content);
      if (list.items === 0) {
        list.start = line;
        list.reported = false;
      }
      list.items++;
    }
    if (prefix.markers.length > 0) {
      depth += list.columns.length;
      endParagraph(); // each list item is its own paragraph
      if (list.items > QUIZ_LIMITS.listItems && !list.reported) {
        list.reported = true;
        report(line, `The list starting on line ${count(list.start)} has more than ${count(QUIZ_LIMITS.listItems)} items; a list can have at most ${count(QUIZ_LIMITS.listItems)}.`, "listTooLong", {
          start: list.start,
          max: QUIZ_LIMITS.listItems,
        });
      }
    }
    if (depth > QUIZ_LIMITS.nestingDepth) {
      report(line, `Quotes and lists are nested ${count(depth)} deep on this line; they can be nested at most ${count(QUIZ_LIMITS.nestingDepth)} deep.`, "nestedTooDeep", {
        depth,
        max: QUIZ_LIMITS.nestingDepth,
      });
    }

    // Tables: a delimiter row (|---|---|) under a header row starts one; rows run to the next blank line.
    if (table.rows >= 0) {
      table.rows++;
      endParagraph(); // each cell is rendered on its own
      if (table.rows > QUIZ_LIMITS.tableRows && !table.reported) {
        table.reported = true;
        report(line, `The table starting on line ${count(table.start)} has more than ${count(QUIZ_LIMITS.tableRows)} rows; a table can have at most ${count(QUIZ_LIMITS.tableRows)}.`, "tableTooLong", {
          start: table.start,
          max: QUIZ_LIMITS.tableRows,
        });
      }
    } else if (!previousBlank) {
      const columns = tableDelimiterColumns(prefix.rest);
      if (columns > 0) {
        table.start = line - 1;
        table.rows = 0;
        table.reported = false;
        endParagraph();
        if (columns > QUIZ_LIMITS.tableColumns) {
          report(line, `This table has ${count(columns)} columns; a table can have at most ${count(QUIZ_LIMITS.tableColumns)}.`, "tableTooWide", {
            columns,
            max: QUIZ_LIMITS.tableColumns,
          });
        }
      }
    }

    if (isLinkDefinition(prefix.rest)) {
      linkDefinitions++;
      if (linkDefinitions === QUIZ_LIMITS.linkDefinitions + 1) {
        report(line, `This is link definition number ${count(linkDefinitions)} (like "[name]: https://…"); a quiz can have at most ${count(QUIZ_LIMITS.linkDefinitions)}. Write the addresses in the links instead.`, "tooManyLinkDefinitions", {
          count: linkDefinitions,
          max: QUIZ_LIMITS.linkDefinitions,
        });
      }
    }

    if (!paragraph.open) {
      paragraph.open = true;
      paragraph.start = line;
    }
    countMarks(text, line, paragraph, report);
    previousBlank = false;
  }
  return problems;
}

function countMarks(
  text: string,
  line: number,
  paragraph: { start: number; marks: number; reported: boolean },
  report: (line: number, message: string, code: ProblemCode, params: ProblemParams) => void,
): void {
  let previous = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ((ch === "*" || ch === "_" || ch === "~") && ch !== previous) paragraph.marks++;
    previous = ch;
  }
  if (paragraph.marks > QUIZ_LIMITS.emphasisMarks && !paragraph.reported) {
    paragraph.reported = true;
    const where = paragraph.start === line ? "This line has" : `The paragraph from line ${count(paragraph.start)} to this line has`;
    report(
      line,
      `${where} more than ${count(QUIZ_LIMITS.emphasisMarks)} *, _ or ~ marks; a paragraph can have at most ${count(QUIZ_LIMITS.emphasisMarks)}. Split it with an empty line, or write \\* for a star that isn't formatting.`,
      "paragraphTooLong",
      { start: paragraph.start === line ? 0 : paragraph.start, max: QUIZ_LIMITS.emphasisMarks },
    );
  }
}

/** The problem with the question one past the limit (its heading's 1-based line), or null. */
export function tooManyQuestions(questionCount: number, headingLineOfFirstExtra: number): QuizdownProblem | null {
  if (questionCount <= QUIZ_LIMITS.questions) return null;
  return {
    line: headingLineOfFirstExtra,
    message: `This is question ${count(QUIZ_LIMITS.questions + 1)} of ${count(questionCount)}; a quiz can have at most ${count(QUIZ_LIMITS.questions)} questions. Split the file into several quizzes.`,
    code: "tooManyQuestions",
    params: { number: QUIZ_LIMITS.questions + 1, count: questionCount, max: QUIZ_LIMITS.questions },
  };
}

/** UTF-8 length without encoding: 1–3 bytes per UTF-16 unit, 4 for a surrogate pair. */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * A plain sentence about the first character on the line that can't be stored or shown as text
 * (NUL, other control characters except tab, half of a surrogate pair), or null.
 */
export function findInvalidCharacter(text: string): string | null {
  return invalidCharacter(text)?.message ?? null;
}

/** findInvalidCharacter with the problem's code and values. */
function invalidCharacter(text: string): ProblemText | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const column = i + 1;
    if (code === 0) {
      return {
        message: `Column ${count(column)} holds a NUL character (U+0000): this looks like a binary file, not a text file. A quiz file is plain text.`,
        code: "nulCharacter",
        params: { column },
      };
    }
    if (code < 0x20 && code !== 0x09) {
      return {
        message: `Column ${count(column)} holds an invisible control character (${hex(code)}). Delete it; a quiz file is plain text.`,
        code: "controlCharacter",
        params: { column, character: hex(code) },
      };
    }
    if (isHighSurrogate(code)) {
      if (i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      return halfCharacter(column, code);
    }
    if (isLowSurrogate(code)) return halfCharacter(column, code);
  }
  return null;
}

function halfCharacter(column: number, code: number): ProblemText {
  return {
    message: `Column ${count(column)} holds half of a character (${hex(code)}), which can't be stored. Retype the character there.`,
    code: "halfCharacter",
    params: { column, character: hex(code) },
  };
}

interface ContainerPrefix {
  /** `>` markers before any list marker. */
  quotes: number;
  /** `>` markers after a list marker on the same line (`- > text`). */
  quotesAfterList: number;
  /** List markers at the start of the line, with their column and where their text starts. */
  markers: Array<{ column: number; content: number }>;
  /** Indentation of the text after the quote markers. */
  indent: number;
  /** The line after its quote and list markers. */
  rest: string;
}

/** Reads `> > - 1. ` style prefixes in one pass (no regex, so a long line stays linear). */
function containerPrefix(text: string): ContainerPrefix {
  const result: ContainerPrefix = { quotes: 0, quotesAfterList: 0, markers: [], indent: 0, rest: text };
  let i = 0;
  let column = 0;
  let lineStart = 0; // column where the text after the last `>` starts
  const skipSpace = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t")) {
      column = text[i] === "\t" ? column + 4 - (column % 4) : column + 1;
      i++;
    }
  };
  for (;;) {
    skipSpace();
    if (i >= text.length) break;
    const ch = text[i]!;
    if (ch === ">") {
      if (result.markers.length > 0) result.quotesAfterList++;
      else {
        result.quotes++;
        lineStart = column + 1;
      }
      i++;
      column++;
      continue;
    }
    let end = i;
    if (ch === "-" || ch === "*" || ch === "+") end = i + 1;
    else {
      while (end < text.length && end - i < 9 && text[end]! >= "0" && text[end]! <= "9") end++;
      if (end === i || (text[end] !== "." && text[end] !== ")")) end = i;
      else end++;
    }
    const followedBySpace = end < text.length && (text[end] === " " || text[end] === "\t");
    if (end > i && followedBySpace && !isThematicBreakFrom(text, i)) {
      const markerColumn = column - lineStart;
      column += end - i;
      i = end;
      skipSpace();
      result.markers.push({ column: markerColumn, content: column - lineStart });
      continue;
    }
    break;
  }
  result.rest = text.slice(i);
  result.indent = result.markers.length > 0 ? result.markers[0]!.column : Math.max(0, column - lineStart);
  return result;
}

/** `- - -`, `***`, `_ _ _`: a horizontal rule, not a list. */
function isThematicBreakFrom(text: string, from: number): boolean {
  const ch = text[from];
  if (ch !== "-" && ch !== "*" && ch !== "_") return false;
  let marks = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === ch) marks++;
    else if (c !== " " && c !== "\t") return false;
  }
  return marks >= 3;
}

/** Number of columns when the text is a table delimiter row (`| --- | :-: |`), else 0. */
function tableDelimiterColumns(text: string): number {
  if (!text.includes("|") || !text.includes("-")) return 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== "|" && c !== "-" && c !== ":" && c !== " " && c !== "\t") return 0;
  }
  const cells = text.trim().split("|");
  if (cells[0]!.trim() === "") cells.shift();
  if (cells.length > 0 && cells[cells.length - 1]!.trim() === "") cells.pop();
  return cells.every((cell) => /^\s*:?-+:?\s*$/.test(cell)) ? cells.length : 0;
}

/** `[label]: destination` at the start of a line. */
function isLinkDefinition(text: string): boolean {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith("[") || text.length - trimmed.length > 3) return false;
  const close = trimmed.indexOf("]:");
  return close > 1 && !trimmed.slice(1, close).includes("]");
}
