/**
 * The checker says what it does with a quiz file instead of doing it silently: a settings block
 * that is not on line 1, HTML it removes, colours it had to change; and it shows warnings even
 * while there are errors.
 */
import { describe, expect, it } from "vitest";
import { parseQuizdown, type QuizdownProblem } from "@/quizdown";
import { contrast, MIN_TEXT_CONTRAST, stageTheme } from "@/quizdown/theme";

const md = (...lines: string[]) => lines.join("\n");
const QUESTION = ["## What is 2 + 2?", "", "- [x] 4", "- [ ] 5"];

function parsed(source: string) {
  return parseQuizdown(source);
}
function problems(source: string): { errors: QuizdownProblem[]; warnings: QuizdownProblem[] } {
  const result = parsed(source);
  return result.ok ? { errors: [], warnings: result.warnings } : { errors: result.errors, warnings: result.warnings };
}

describe("a settings block that does not start on line 1", () => {
  it("is an error on its line, instead of its settings being dropped without a word", () => {
    const { errors } = problems(md("", "---", "title: Sums", "timeLimit: 30", "---", "", ...QUESTION));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(2);
    expect(errors[0]!.message).toMatch(/settings block on line 2 is not at the very top.*Move it to line 1/);
  });

  it("after some text too", () => {
    const { errors } = problems(md("My quiz", "", "---", "title: Sums", "---", ...QUESTION));
    expect(errors.map((e) => e.line)).toEqual([3]);
  });

  it("still reads a block on line 1", () => {
    const result = parsed(md("---", "title: Sums", "timeLimit: 30", "---", ...QUESTION));
    expect(result.ok && [result.quiz.title, result.quiz.settings.timeLimitSec]).toEqual(["Sums", 30]);
  });
});

describe("HTML the checker removes", () => {
  it("is a warning on its line naming what was removed (a <script> in a question, an <img> without an http(s) address)", () => {
    const source = md(
      "## What is <script>alert(1)</script> 2 + 2?",
      "",
      '<img src="javascript:alert(1)"> and <b onclick="steal()">bold</b>',
      "",
      "- [x] 4 <iframe src=\"https://evil.example\"></iframe>",
      "- [ ] 5",
    );
    const { errors, warnings } = problems(source);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.line)).toEqual([1, 3, 5]);
    expect(warnings[0]!.message).toContain("<script>");
    expect(warnings[1]!.message).toMatch(/an image \(<img>\) whose address is not http/);
    expect(warnings[1]!.message).toContain("the onclick attribute of <b>");
    expect(warnings[2]!.message).toContain("<iframe>");
    expect(warnings[0]!.message).toMatch(/^Line 1 has HTML the game removes for safety/);
  });

  it("says nothing about HTML kept (<b>, an https image) or shown as code", () => {
    const source = md(
      "## What does `<script>` do, and **why**?",
      "",
      '<b>bold</b> <img src="https://example.org/a.png" alt="a">',
      "",
      "```html",
      "<script>alert(1)</script>",
      "```",
      "",
      "- [x] runs code",
      "- [ ] nothing",
    );
    expect(problems(source).warnings).toEqual([]);
  });
});

describe("warnings while there are errors", () => {
  it("come with the errors, so fixing the errors brings no surprise", () => {
    const source = md("## A question with no options <script>x</script>", "", "## What is 2 + 2?", "- [x] 4", "- [ ] 5");
    const result = parsed(source);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.length).toBeGreaterThan(0);
    expect(result.warnings.map((w) => w.line)).toEqual([1]);
  });
});

describe("the quiz's colours", () => {
  it("are read as colours (hex, rgb(), names) and stored as #rrggbb", () => {
    const result = parsed(md("---", 'primaryColor: "#1E40AF"', "secondaryColor: rgb(15, 23, 42)", "textColor: white", "---", ...QUESTION));
    expect(result.ok && result.quiz.settings).toMatchObject({ primaryColor: "#1e40af", secondaryColor: "#0f172a", textColor: "#ffffff" });
    expect(result.ok && result.warnings).toEqual([]);
  });

  it("refuse what is not a colour, in plain words with the line; an unquoted # is explained", () => {
    const { errors } = problems(md("---", "primaryColor: blurple", "textColor: #ffffff", "---", ...QUESTION));
    expect(errors.map((e) => e.line)).toEqual([2, 3]);
    expect(errors[0]!.message).toMatch(/must be a colour such as "#1e40af"/);
    expect(errors[1]!.message).toMatch(/Put a colour in quotes.*# starts a comment/);
  });

  it("replace a text colour too faint to read on the background (contrast < 4.5:1) and warn on its line", () => {
    const result = parsed(md("---", 'secondaryColor: "#2563eb"', 'textColor: "#1e3a8a"', "---", ...QUESTION));
    expect(result.ok).toBe(true);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]!.line).toBe(3);
    expect(result.warnings[0]!.message).toMatch(
      /^textColor #1e3a8a on the background \(secondaryColor #2563eb\) has a contrast of only \d\.\d:1 .*uses white text instead\.$/,
    );
    const { theme } = stageTheme(result.ok ? result.quiz.settings : {});
    expect(theme).toMatchObject({ background: "#2563eb", text: "#ffffff" });
  });

  it("theme the big screen as quizdown means them: secondaryColor the background, textColor its text, primaryColor the bars", () => {
    const { theme, notes } = stageTheme({ primaryColor: "#7952b3", secondaryColor: "#dddddd", textColor: "#000000" });
    expect(notes).toEqual([]);
    // Black on the purple bars would be 3.6:1, so the bars' text is white.
    expect(theme).toEqual({ background: "#dddddd", text: "#000000", accent: "#000000", band: "#7952b3", bandText: "#ffffff", bandAccent: "#fde68a" });
  });

  it("always give the big screen readable text on both its backgrounds", () => {
    const samples = ["#000000", "#ffffff", "#777777", "#facc15", "#1e1b4b", "#ff0000", "#00ff00", "#0000ff", "#808080"];
    const pick = (value: string | undefined) => (value === undefined ? [] : [value]);
    for (const primaryColor of [...samples, undefined]) {
      for (const secondaryColor of [...samples, undefined]) {
        for (const textColor of [...samples, undefined]) {
          const settings = Object.fromEntries([
            ...pick(primaryColor).map((v) => ["primaryColor", v]),
            ...pick(secondaryColor).map((v) => ["secondaryColor", v]),
            ...pick(textColor).map((v) => ["textColor", v]),
          ]);
          const { theme } = stageTheme(settings);
          if (!theme) continue;
          const what = JSON.stringify(settings);
          for (const [fore, back] of [
            [theme.text, theme.background],
            [theme.accent, theme.background],
            [theme.bandText, theme.band],
            [theme.bandAccent, theme.band],
          ] as const) {
            expect(contrast(fore, back), what).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
          }
        }
      }
    }
  });

  it("leave the default look when the quiz sets no colour", () => {
    expect(stageTheme({}).theme).toBeNull();
  });
});
