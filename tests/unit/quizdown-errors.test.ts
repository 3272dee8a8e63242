import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseQuizdown, type QuizdownProblem } from "@/quizdown";

const md = (...lines: string[]) => lines.join("\n");
/** What the teacher reads, line and words (each problem's code is checked in tests/unit/i18n/checker.test.ts). */
type Words = Pick<QuizdownProblem, "line" | "message">;
const words = (problems: QuizdownProblem[]): Words[] => problems.map(({ line, message }) => ({ line, message }));

function errorsOf(source: string): Words[] {
  const result = parseQuizdown(source);
  if (result.ok) throw new Error("expected the quiz to be rejected");
  return words(result.errors);
}

function warningsOf(source: string): Words[] {
  const result = parseQuizdown(source);
  if (!result.ok) throw new Error(`expected a valid quiz, got ${JSON.stringify(result.errors)}`);
  return words(result.warnings);
}

const OPTIONS = ["- [x] right", "- [ ] wrong"];

describe("quizzes without questions", () => {
  it("rejects an empty file", () => {
    expect(errorsOf("")).toEqual([
      {
        line: 1,
        message:
          'There are no questions. Start each question with a heading line such as "## What is 2 + 2?", followed by its options.',
      },
    ]);
  });

  it("rejects options without any heading, pointing at the first text line", () => {
    const errors = errorsOf(md("---", "title: x", "---", "", "What is 2 + 2?", "- [x] 4", "- [ ] 5"));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(5);
    expect(errors[0]!.message).toMatch(/^There are no questions/);
  });
});

describe("question problems (reported at the question's heading line)", () => {
  it("a question with no options", () => {
    expect(errorsOf(md("## Fine", ...OPTIONS, "", "## What is the capital of Peru?", "", "Lima, obviously."))).toEqual([
      {
        line: 5,
        message:
          'Question "What is the capital of Peru?" (line 5) has no options: add a list like "- [x] right answer" and "- [ ] wrong answer" under the question.',
      },
    ]);
  });

  it("a plain bullet list without boxes is explained", () => {
    expect(errorsOf(md("## Pick one", "- Lima", "- Quito"))).toEqual([
      {
        line: 1,
        message:
          'Question "Pick one" (line 1) has no options: the list on line 2 has no boxes. Write "- [x] right answer" and "- [ ] wrong answer".',
      },
    ]);
  });

  it("fewer than 2 options", () => {
    expect(errorsOf(md(...["## Fine", ...OPTIONS], "## Lonely", "- [x] only"))).toEqual([
      { line: 4, message: 'Question "Lonely" (line 4) has only 1 option; a question needs at least 2.' },
    ]);
  });

  it("more than 8 options", () => {
    const nine = Array.from({ length: 9 }, (_, i) => `- [${i === 0 ? "x" : " "}] option ${i + 1}`);
    expect(errorsOf(md("## Crowded", ...nine))).toEqual([
      { line: 1, message: 'Question "Crowded" (line 1) has 9 options; the most a question can have is 8.' },
    ]);
    const eight = nine.slice(0, 8);
    expect(parseQuizdown(md("## Full", ...eight)).ok).toBe(true);
  });

  it("a choice question with no [x], with a long prompt shortened", () => {
    const prompt = "Which function is typically handled by the back office?";
    expect(errorsOf(md("", "", "", "", "", "", "", "", "", "", "", `## ${prompt}`, "- [ ] a", "- [ ] b"))).toEqual([
      { line: 12, message: 'Question "Which function is typically handled by…" (line 12) has no correct option: mark one with [x].' },
    ]);
  });

  it("a numbered checkbox question with several [x]", () => {
    expect(errorsOf(md("## Pick", "1. [x] a", "1. [x] b", "1. [ ] c"))).toEqual([
      {
        line: 1,
        message:
          'Question "Pick" (line 1) is a numbered single-answer question but has 2 options marked [x] (lines 2, 3). Mark exactly one, or use "- [ ]" bullets for a question with several right answers.',
      },
    ]);
  });

  it("a heading without text", () => {
    expect(errorsOf(md("##", ...OPTIONS))).toEqual([{ line: 1, message: "The heading on line 1 has no question text." }]);
  });

  it("an option without text", () => {
    expect(errorsOf(md("## Q", "- [x]", "- [ ] b", "- [ ] c"))).toEqual([
      { line: 2, message: 'The option on line 2 of Question "Q" (line 1) has no text.' },
    ]);
  });
});

describe("lines inside the options list", () => {
  it("a text line that isn't an option", () => {
    expect(errorsOf(md("## Q", "- [x] a", "- [ ] b", "This line is a mistake."))).toEqual([
      {
        line: 4,
        message:
          'Line 4 is among the options of Question "Q" (line 1) but is not an option. Options look like "- [ ] text" or "- [x] text"; other text must go above the options.',
      },
    ]);
  });

  it("an explanation that is not indented under its option", () => {
    expect(errorsOf(md("## Q", "- [x] a", "> because", "- [ ] b"))).toEqual([
      {
        line: 3,
        message:
          'Line 3 is among the options of Question "Q" (line 1) but is not an option. To explain an option, indent the > line under that option (e.g. with 4 spaces); a hint goes above the options.',
      },
    ]);
  });

  it("an option without a box in a checkbox list", () => {
    expect(errorsOf(md("## Q", "- [x] a", "- [ ] b", "- c"))).toEqual([
      {
        line: 4,
        message:
          'Line 4 is an option of Question "Q" (line 1) without a box. Write "- [ ] text" for a wrong answer or "- [x] text" for a right one.',
      },
    ]);
  });

  it("bullets and numbers mixed", () => {
    expect(errorsOf(md("## Q", "- [x] a", "- [ ] b", "1. [ ] c"))).toEqual([
      {
        line: 4,
        message:
          'Line 4 mixes numbered and bulleted options in Question "Q" (line 1). Use the same style for every option: all "- [ ]" or all "1. [ ]".',
      },
    ]);
  });

  it("text after an ordering list", () => {
    const errors = errorsOf(md("## Order", "1. a", "2. b", "", "Trailing words"));
    expect(errors).toEqual([
      {
        line: 5,
        message:
          'Line 5 is among the options of Question "Order" (line 1) but is not an option. Options look like "1. text"; other text must go above the options.',
      },
    ]);
  });

  it("duplicate option texts are a warning, not an error", () => {
    expect(warningsOf(md("## Capital?", "- [x] Paris", "- [ ] Lyon", "- [ ]  paris"))).toEqual([
      { line: 4, message: 'Question "Capital?" (line 1) has the option "paris" twice (lines 2 and 4).' },
    ]);
  });

  it("text before the first question is a warning", () => {
    expect(warningsOf(md("Welcome!", "", "## Q", ...OPTIONS))).toEqual([
      { line: 1, message: "The text on line 1, before the first question, is not shown in the game." },
    ]);
  });
});

describe("code blocks", () => {
  it("a code block that is never closed and hides the options", () => {
    expect(errorsOf(md("## Q", "", "```js", "let x = 1;", "", "- [x] a", "- [ ] b", "## R", ...OPTIONS))).toEqual([
      {
        line: 1,
        message: 'Question "Q" (line 1) has no options: add a list like "- [x] right answer" and "- [ ] wrong answer" under the question.',
      },
      {
        line: 3,
        message:
          "The code block starting on line 3 is never closed, so everything after it is shown as code. Add a line with just ``` where the code ends.",
      },
    ]);
  });

  it("a code block inside an option ends with that option", () => {
    const result = parseQuizdown(md("## Q", "- [x] a", "  ```", "  ## code, not a question", "- [ ] b"));
    expect(result.ok && result.quiz.questions.map((q) => q.options.length)).toEqual([2]);
  });

  it("an unclosed code block that hides nothing is fine", () => {
    const result = parseQuizdown(md("## Q", ...OPTIONS, "  > see:", "  ```", "  code"));
    expect(result.ok && result.quiz.questions[0]!.options[1]!.commentHtml).toBe("<p>see:</p>\n<pre><code>code\n</code></pre>");
  });
});

describe("front matter problems", () => {
  it("an unclosed front matter block, still checking the questions", () => {
    expect(errorsOf(md("---", "title: x", "timeLimit: 30", "", "## Q", "- [ ] a", "- [ ] b"))).toEqual([
      {
        line: 1,
        message:
          "The settings block at the top of the file (starting on line 1) is never closed: add a line with just --- after the last setting.",
      },
      { line: 5, message: 'Question "Q" (line 5) has no correct option: mark one with [x].' },
    ]);
  });

  it("invalid YAML, with the YAML error's line mapped to the file line", () => {
    const errors = errorsOf(md("---", "title: x", "locale: de", "colors: [red, blue", "---", "## Q", ...OPTIONS));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(4);
    expect(errors[0]!.message).toMatch(/^The settings block at the top of the file can't be read: line 4 is not valid \(.+\)\./);
  });

  it("a line without a colon", () => {
    const errors = errorsOf(md("---", "title: x", "shuffle questions", "timeLimit: 30", "---", "## Q", ...OPTIONS));
    expect(errors.map((e) => e.line)).toEqual([3]);
    expect(errors[0]!.message).toContain("Write each setting on its own line as name: value.");
  });

  it("front matter that is not a list of settings", () => {
    expect(errorsOf(md("---", "- a", "- b", "---", "## Q", ...OPTIONS))).toEqual([
      { line: 2, message: "The settings block at the top of the file must be a list of settings written as name: value, one per line." },
    ]);
  });

  it("wrong types and out-of-range values, each at the line of its key", () => {
    const errors = errorsOf(
      md(
        "---",
        "shuffle_questions: yes", //  2
        "shuffleAnswers: 1", //       3
        "nQuestions: 0", //           4
        "primaryColor: 12", //        5
        "title: [a, b]", //           6
        "timeLimit: 4", //            7
        "readTime: 31", //            8
        "locale: ''", //              9
        "---",
        "## Q",
        ...OPTIONS,
      ),
    );
    expect(errors).toEqual([
      { line: 2, message: 'The setting "shuffle_questions" (line 2) must be true or false, not "yes".' },
      { line: 3, message: 'The setting "shuffleAnswers" (line 3) must be true or false, not 1.' },
      { line: 4, message: 'The setting "nQuestions" (line 4) must be a whole number of at least 1, not 0.' },
      {
        line: 5,
        message: 'The setting "primaryColor" (line 5) must be a colour such as "#1e40af", "rgb(30, 64, 175)" or navy (not see-through), not 12.',
      },
      { line: 6, message: 'The setting "title" (line 6) must be a piece of text, not a list. Put it in quotes, e.g. title: "…".' },
      { line: 7, message: 'The setting "timeLimit" (line 7) must be a whole number of seconds from 5 to 240, not 4.' },
      { line: 8, message: 'The setting "readTime" (line 8) must be a whole number of seconds from 0 to 30, not 31.' },
      { line: 9, message: 'The setting "locale" (line 9) must be a piece of text, not "". Put it in quotes, e.g. locale: "…".' },
    ]);
  });

  it("accepts the range limits", () => {
    const ok = (fm: string) => parseQuizdown(md("---", fm, "---", "## Q", ...OPTIONS)).ok;
    expect([ok("timeLimit: 5"), ok("timeLimit: 240"), ok("readTime: 0"), ok("readTime: 30")]).toEqual([true, true, true, true]);
    expect([ok("timeLimit: 241"), ok("timeLimit: 12.5"), ok("readTime: -1"), ok("timeLimit: '30'")]).toEqual([false, false, false, false]);
  });

  it("bad per-question overrides are reported at the heading line", () => {
    expect(errorsOf(md("## Fine", ...OPTIONS, "## Slow {timeLimit=300 readTime=abc}", ...OPTIONS, "## Odd {timeLimit=30 quick}", ...OPTIONS))).toEqual([
      { line: 4, message: 'The setting "timeLimit" (line 4) must be a whole number of seconds from 5 to 240, not 300.' },
      { line: 4, message: 'The setting "readTime" (line 4) must be a whole number of seconds from 0 to 30, not "abc".' },
      {
        line: 7,
        message: "The settings {timeLimit=30 quick} at the end of the heading on line 7 can't be read. Write them like {timeLimit=30 readTime=2}.",
      },
    ]);
  });
});

describe("several problems at once", () => {
  it("reports every problem in the file, top to bottom", () => {
    const source = readFileSync(new URL("../fixtures/quizdown/broken.md", import.meta.url), "utf8");
    const errors = errorsOf(source);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 7, 12, 16, 20, 30]);
    const expectedStarts = [
      'The setting "shuffle_questions" (line 2) must be true or false',
      'The setting "timeLimit" (line 3) must be a whole number of seconds',
      'Question "Which is right?" (line 7) has no correct option',
      'Question "A question without options" (line 12) has no options',
      'Question "Only one option" (line 16) has only 1 option',
      'Question "Numbered, but two right answers" (line 20) is a numbered single-answer question',
      'Line 30 is among the options of Question "Stray lines among the options" (line 26) but is not an option',
    ];
    errors.forEach((error, i) => expect(error.message.startsWith(expectedStarts[i]!), error.message).toBe(true));
  });
});
