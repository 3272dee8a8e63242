import { describe, expect, it } from "vitest";
import { parseQuizdown, QUIZ_LIMITS, type QuizdownProblem } from "@/quizdown";
import { pathologicalQuizzes } from "../../bench/pathological-quizzes";

const md = (...lines: string[]) => lines.join("\n");
/** What the teacher reads, line and words (each problem's code is checked in tests/unit/i18n/checker.test.ts). */
type Words = Pick<QuizdownProblem, "line" | "message">;
const words = (problems: QuizdownProblem[]): Words[] => problems.map(({ line, message }) => ({ line, message }));
const OPTIONS = ["- [x] right", "- [ ] wrong"];

function errorsOf(source: string): Words[] {
  const result = parseQuizdown(source);
  if (result.ok) throw new Error("expected the quiz to be refused");
  return words(result.errors);
}

function firstError(source: string): Words {
  return errorsOf(source)[0]!;
}

describe("quiz limits refuse with the line and a plain reason", () => {
  it("refuses a line longer than 2,000 characters, naming its length", () => {
    const error = firstError(md("## Q", "a".repeat(1_048_576), ...OPTIONS));
    expect(error).toEqual({ line: 2, message: "This line is 1,048,576 characters long; a line can be at most 2,000. Break it into shorter lines." });
  });

  it("accepts a line of exactly 2,000 characters", () => {
    expect(parseQuizdown(md("## Q", "a".repeat(QUIZ_LIMITS.lineLength), ...OPTIONS)).ok).toBe(true);
  });

  it("refuses a file over 200 KB at the line where it passes the limit, and reads no further", () => {
    const line = "word ".repeat(300);
    const lines = ["## Q", ...Array.from({ length: 200 }, () => line), ...OPTIONS];
    const errors = errorsOf(md(...lines));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(Math.ceil((200 * 1024 - 5) / (line.length + 1)) + 1);
    expect(errors[0]!.message).toMatch(/^The file passes 200 KB on this line; a quiz file can be at most 200 KB/);
  });

  it("counts UTF-8 bytes, not characters, against the 200 KB limit", () => {
    const line = "é".repeat(1_000); // 2,000 bytes
    expect(parseQuizdown(md("## Q", ...Array.from({ length: 95 }, () => line), ...OPTIONS)).ok).toBe(true);
    expect(firstError(md("## Q", ...Array.from({ length: 110 }, () => line), ...OPTIONS)).message).toMatch(/passes 200 KB/);
  });

  it("refuses quotes nested more than 10 deep", () => {
    expect(parseQuizdown(md("## Q", `${"> ".repeat(10)}deep`, "", ...OPTIONS)).ok).toBe(true);
    expect(firstError(md("## Q", `${"> ".repeat(11)}too deep`, "", ...OPTIONS))).toEqual({
      line: 2,
      message: "Quotes and lists are nested 11 deep on this line; they can be nested at most 10 deep.",
    });
  });

  it("refuses lists nested more than 10 deep, on one line or by indentation", () => {
    expect(firstError(md("## Q", `${"- ".repeat(11)}a`, "", ...OPTIONS)).line).toBe(2);
    const indented = Array.from({ length: 12 }, (_, i) => `${"  ".repeat(i)}- level ${i + 1}`);
    expect(parseQuizdown(md("## Q", ...indented.slice(0, 10), "", "Text.", "", ...OPTIONS)).ok).toBe(true);
    expect(firstError(md("## Q", ...indented, "", "Text.", "", ...OPTIONS))).toMatchObject({ line: 12, message: expect.stringMatching(/nested 11 deep/) });
  });

  it("refuses a list with more than 200 items, pointing at the first item too many", () => {
    const items = Array.from({ length: 250 }, (_, i) => `- item ${i}`);
    expect(firstError(md("## Q", "Body:", "", ...items, "", "Text.", "", ...OPTIONS))).toEqual({
      line: 4 + 200,
      message: "The list starting on line 4 has more than 200 items; a list can have at most 200.",
    });
  });

  it("refuses a table with more than 100 rows or 20 columns", () => {
    const rows = Array.from({ length: 120 }, (_, i) => `| ${i} | x |`);
    expect(firstError(md("## Q", "| a | b |", "|---|---|", ...rows, "", ...OPTIONS))).toEqual({
      line: 3 + 101,
      message: "The table starting on line 2 has more than 100 rows; a table can have at most 100.",
    });
    expect(firstError(md("## Q", `${"| h ".repeat(25)}|`, `${"|---".repeat(25)}|`, `${"| x ".repeat(25)}|`, "", ...OPTIONS))).toEqual({
      line: 3,
      message: "This table has 25 columns; a table can have at most 20.",
    });
    expect(parseQuizdown(md("## Q", "| a | b |", "|---|---|", ...rows.slice(0, 100), "", ...OPTIONS)).ok).toBe(true);
  });

  it("refuses more than 100 link definitions", () => {
    const definitions = Array.from({ length: 101 }, (_, i) => `[r${i}]: https://example.com/${i}`);
    expect(firstError(md("## Q", "See [r1].", "", ...definitions, "", ...OPTIONS))).toMatchObject({ line: 4 + 100, message: expect.stringMatching(/^This is link definition number 101/) });
    expect(parseQuizdown(md("## Q", "See [r1].", "", ...definitions.slice(0, 100), "", ...OPTIONS)).ok).toBe(true);
  });

  it("refuses a paragraph with more than 200 runs of *, _ or ~, naming where it starts", () => {
    const lines = Array.from({ length: 5 }, () => "*a".repeat(50));
    expect(firstError(md("## Q", "Intro", ...lines, "", ...OPTIONS))).toEqual({
      line: 7, // lines 3–6 hold 200 runs; line 7 brings 250
      message:
        "The paragraph from line 2 to this line has more than 200 *, _ or ~ marks; a paragraph can have at most 200. Split it with an empty line, or write \\* for a star that isn't formatting.",
    });
    // The same text split into paragraphs is fine, and so are marks inside a code block.
    expect(parseQuizdown(md("## Q", lines.join("\n\n"), "", ...OPTIONS)).ok).toBe(true);
    expect(parseQuizdown(md("## Q", "```", ...lines, ...lines, "```", "", ...OPTIONS)).ok).toBe(true);
  });

  it("refuses more than 200 questions at the first question too many", () => {
    const question = (i: number) => [`## Question ${i}`, ...OPTIONS];
    expect(parseQuizdown(md(...Array.from({ length: 200 }, (_, i) => question(i + 1)).flat())).ok).toBe(true);
    expect(errorsOf(md(...Array.from({ length: 250 }, (_, i) => question(i + 1)).flat()))).toEqual([
      { line: 200 * 3 + 1, message: "This is question 201 of 250; a quiz can have at most 200 questions. Split the file into several quizzes." },
    ]);
  });

  it("lists at most 20 limit problems", () => {
    const errors = errorsOf(md("## Q", ...Array.from({ length: 50 }, () => "x".repeat(2_001)), ...OPTIONS));
    expect(errors).toHaveLength(20);
  });
});

describe("invalid characters are refused with their line", () => {
  it.each([
    ["a NUL byte", "\u0000", /NUL character \(U\+0000\): this looks like a binary file/],
    ["a bell", "\u0007", /invisible control character \(U\+0007\)/],
    ["an escape", "\u001B", /invisible control character \(U\+001B\)/],
    ["a lone high surrogate", "\uD83D", /half of a character \(U\+D83D\)/],
    ["a lone low surrogate", "\uDE00", /half of a character \(U\+DE00\)/],
  ])("%s", (_, character, message) => {
    const error = firstError(md("## Q", "Fine line", `Bad ${character} here`, ...OPTIONS));
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^Column 5 holds /);
    expect(error.message).toMatch(message);
  });

  it("accepts tabs, CRLF line ends, emoji and accents", () => {
    expect(parseQuizdown("## Qu\u00e9?\tyes \uD83D\uDE00\r\n- [x] right\r\n- [ ] wrong\r\n").ok).toBe(true);
  });

  it("reports an invalid character in a heading or an option too", () => {
    expect(firstError(md("## Q\u0000", ...OPTIONS)).line).toBe(1);
    expect(firstError(md("## Q", "- [x] ri\u0008ght", "- [ ] wrong")).line).toBe(2);
  });
});

describe("the pathological family", () => {
  // One test (not one per input) so each file is parsed once; the point is the outcome, not the time.
  it("refuses each input that breaks a limit with a line, and reads each one that stays inside", { timeout: 60_000 }, () => {
    const outcomes: Record<string, boolean> = {};
    for (const { name, source } of pathologicalQuizzes()) {
      const result = parseQuizdown(source);
      outcomes[name] = result.ok;
      if (result.ok) {
        expect(result.quiz.questions.length, name).toBeGreaterThan(0);
        continue;
      }
      expect(result.errors.length, name).toBeGreaterThan(0);
      for (const error of result.errors) {
        expect(error.line, name).toBeGreaterThan(0);
        expect(error.message, name).toMatch(/^[A-Z].*[.)]$/);
      }
    }
    expect(outcomes).toMatchObject({
      "190 KB of *a on one line": false,
      "190 KB of *a in one paragraph": false,
      "1 MB line": false,
      "quotes 12 deep": false,
      "list 50 deep by indentation": false,
      "table with 5,000 rows": false,
      "table with 60 columns": false,
      "2,000 link definitions": false,
      "list of 10,000 items": false,
      "8,000 questions": false,
      "200 emphasis runs per 2,000-character paragraph": true,
      "200 ** openers, closer at the end of a 190 KB paragraph": true,
      "quotes 10 deep": true,
      "lists 10 deep": true,
      "tables of 100 rows × 20 columns": true,
      "100 link definitions of 1,900 characters": true,
    });
  });
});
