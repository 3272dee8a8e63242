import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseQuizdown, type ParsedQuiz, type ParseResult } from "@/quizdown";

const read = (relative: string) => readFileSync(new URL(relative, import.meta.url), "utf8");
const md = (...lines: string[]) => lines.join("\n");

function quizOf(result: ParseResult): ParsedQuiz {
  if (!result.ok) throw new Error(`expected a valid quiz, got errors: ${JSON.stringify(result.errors)}`);
  return result.quiz;
}

/** The seed's one-line quiz, split back into questions and options (independent of our parser). */
function seedQuestions() {
  const line = read("../fixtures/quizdown/back-office-seed-line.txt").trim();
  const body = line.slice(line.indexOf("## "));
  return body
    .split(/ ?## /)
    .filter((chunk) => chunk !== "")
    .map((chunk) => {
      const [prompt, ...options] = chunk.split(/ - \[/);
      return {
        prompt: prompt!.trim(),
        options: options.map((o) => ({ text: o.slice(3).trim(), correct: o.startsWith("x]") })),
      };
    });
}

describe("content/back-office.md", () => {
  const result = parseQuizdown(read("../../content/back-office.md"));
  const quiz = quizOf(result);

  it("parses without errors or warnings", () => {
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings).toEqual([]);
    expect(quiz.playable).toBe(true);
    expect(quiz.unplayableReason).toBeUndefined();
  });

  it("has ten single-choice questions with four options and one right answer each", () => {
    expect(quiz.questions).toHaveLength(10);
    for (const q of quiz.questions) {
      expect(q.kind).toBe("single");
      expect(q.options).toHaveLength(4);
      expect(q.options.filter((o) => o.correct)).toHaveLength(1);
    }
    expect(quiz.questions.map((q) => q.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("keeps the seed's questions and options word for word", () => {
    const seed = seedQuestions();
    expect(seed).toHaveLength(10);
    expect(
      quiz.questions.map((q) => ({
        prompt: q.promptMarkdown,
        options: q.options.map((o) => ({ text: o.markdown, correct: o.correct })),
      })),
    ).toEqual(seed);
  });

  it("marks the right answers", () => {
    expect(quiz.questions.map((q) => q.options.find((o) => o.correct)?.markdown)).toEqual([
      "Trade settlement and record keeping",
      "Compliance and regulatory reporting",
      "Client acquisition",
      "Back office",
      "It ensures all transactions and records are accurate and compliant",
      "Compliance officer",
      "Maintaining regulatory compliance and internal audits",
      "Maintaining financial systems and databases",
      "Often in a separate location to reduce costs",
      "High attention to detail and process accuracy",
    ]);
  });

  it("reads the front matter settings and title, with default timings", () => {
    expect(quiz.title).toBe("Back Office");
    expect(quiz.settings).toEqual({
      shuffleQuestions: true,
      shuffleAnswers: true,
      // Colours are checked and stored as #rrggbb.
      primaryColor: "#7952b3",
      secondaryColor: "#dddddd",
      textColor: "#000000",
      timeLimitSec: 20,
      readTimeSec: 4,
    });
    for (const q of quiz.questions) {
      expect(q.timeLimitSec).toBeUndefined();
      expect(q.readTimeSec).toBeUndefined();
    }
  });

  it("has explanations on some right answers, taken from the article", () => {
    const commented = quiz.questions.flatMap((q) => q.options.filter((o) => o.commentHtml !== undefined));
    expect(commented.length).toBeGreaterThanOrEqual(3);
    for (const option of commented) {
      expect(option.correct).toBe(true);
      expect(option.commentHtml).toMatch(/^<p>.+<\/p>$/s);
    }
    const q1 = quiz.questions[0]!.options[1]!;
    expect(q1.commentHtml).toContain("settlements, clearances, record maintenance");
    const q9 = quiz.questions[8]!.options[1]!;
    expect(q9.commentHtml).toContain("Florida or North Carolina");
  });

  it("records the heading line of each question", () => {
    const lines = read("../../content/back-office.md").split("\n");
    for (const q of quiz.questions) expect(lines[q.line - 1]).toBe(`## ${q.promptMarkdown}`);
  });
});

describe("question kinds", () => {
  it("a bulleted list with several [x] (or [X]) is a multiple-select question", () => {
    const quiz = quizOf(parseQuizdown(md("## Which are fruits?", "- [x] Apple", "* [X] Pear", "- [ ] Carrot")));
    const q = quiz.questions[0]!;
    expect(q.kind).toBe("multiple");
    expect(q.options.map((o) => [o.markdown, o.correct])).toEqual([
      ["Apple", true],
      ["Pear", true],
      ["Carrot", false],
    ]);
  });

  it("a bulleted list with one [x] is a single-choice question", () => {
    const quiz = quizOf(parseQuizdown(md("## Capital of France?", "* [ ] Lyon", "* [x] Paris")));
    expect(quiz.questions[0]!.kind).toBe("single");
  });

  it("a numbered list with boxes is a single-choice question", () => {
    const quiz = quizOf(parseQuizdown(md("## Pick one", "1. [ ] a", "1. [x] b", "1. [ ] c")));
    const q = quiz.questions[0]!;
    expect(q.kind).toBe("single");
    expect(q.options.map((o) => o.correct)).toEqual([false, true, false]);
  });

  it("a numbered list without boxes is an ordering question, and the quiz stays playable", () => {
    const result = parseQuizdown(
      md(
        "## First", //             line 1
        "- [x] a",
        "- [ ] b",
        "## Second",
        "- [x] a",
        "- [ ] b",
        "## Put these in order", // line 7
        "",
        "1. One",
        "2. Two",
        "3. Three",
      ),
    );
    const quiz = quizOf(result);
    const q = quiz.questions[2]!;
    expect(q.kind).toBe("order");
    expect(q.options.map((o) => o.markdown)).toEqual(["One", "Two", "Three"]);
    expect(q.options.every((o) => o.correct === false)).toBe(true);
    expect(quiz.playable).toBe(true);
    expect(quiz.unplayableReason).toBeUndefined();
  });

  it("lists in the question body before the options stay in the body", () => {
    const quiz = quizOf(
      parseQuizdown(md("## Q", "Consider:", "", "- apples", "- pears", "", "1. first", "2. second", "", "- [x] a", "- [ ] b")),
    );
    const q = quiz.questions[0]!;
    expect(q.kind).toBe("single");
    expect(q.options.map((o) => o.markdown)).toEqual(["a", "b"]);
    expect(q.bodyHtml).toContain("<li>apples</li>");
    expect(q.bodyHtml).toContain("<ol>");
  });
});

describe("settings and timing", () => {
  it("defaults to 20 s to answer and 4 s to read, answers shuffled, questions not", () => {
    const quiz = quizOf(parseQuizdown(md("## Q", "- [x] a", "- [ ] b")));
    expect(quiz.settings).toEqual({ shuffleQuestions: false, shuffleAnswers: true, timeLimitSec: 20, readTimeSec: 4 });
    expect(quiz.title).toBeUndefined();
  });

  it("reads every recognised front matter key, in snake_case or camelCase", () => {
    const quiz = quizOf(
      parseQuizdown(
        md(
          "---",
          "title: My quiz",
          "shuffleQuestions: true",
          "shuffle_answers: false",
          "nQuestions: 1",
          "primaryColor: '#FF851B'",
          "secondaryColor: '#DDDDDD'",
          "textColor: navy",
          "locale: de",
          "timeLimit: 60",
          "readTime: 0",
          "---",
          "## Q",
          "- [x] a",
          "- [ ] b",
        ),
      ),
    );
    expect(quiz.title).toBe("My quiz");
    expect(quiz.settings).toEqual({
      shuffleQuestions: true,
      shuffleAnswers: false,
      nQuestions: 1,
      primaryColor: "#ff851b",
      secondaryColor: "#dddddd",
      textColor: "#000080",
      locale: "de",
      timeLimitSec: 60,
      readTimeSec: 0,
    });
  });

  it("takes per-question overrides from {timeLimit=… readTime=…} and strips them from the prompt", () => {
    const quiz = quizOf(
      parseQuizdown(
        md(
          "## Both {timeLimit=30 readTime=2}",
          "- [x] a",
          "- [ ] b",
          "## Only time {timeLimit=240}",
          "- [x] a",
          "- [ ] b",
          "## Only read {readTime=0}",
          "- [x] a",
          "- [ ] b",
          "## What does {} mean in Python?",
          "- [x] an empty dict",
          "- [ ] an empty set",
        ),
      ),
    );
    const [both, time, read, braces] = quiz.questions;
    expect([both!.promptMarkdown, both!.timeLimitSec, both!.readTimeSec]).toEqual(["Both", 30, 2]);
    expect([time!.promptMarkdown, time!.timeLimitSec, time!.readTimeSec]).toEqual(["Only time", 240, undefined]);
    expect([read!.promptMarkdown, read!.timeLimitSec, read!.readTimeSec]).toEqual(["Only read", undefined, 0]);
    expect(braces!.promptMarkdown).toBe("What does {} mean in Python?");
    expect(braces!.timeLimitSec).toBeUndefined();
  });

  it("accepts quizdown's per-question YAML block under the heading", () => {
    const result = parseQuizdown(
      md("## Q", "---", "shuffleAnswers: false", "timeLimit: 12", "---", "Body text", "- [x] a", "- [ ] b"),
    );
    const q = quizOf(result).questions[0]!;
    expect(q.shuffleAnswers).toBe(false);
    expect(q.timeLimitSec).toBe(12);
    expect(q.bodyHtml).toBe("<p>Body text</p>");
  });

  it("warns about unknown settings without failing", () => {
    const result = parseQuizdown(md("---", "title: x", "start_on_load: true", "---", "## Q {timeLimit=30 colour=red}", "- [x] a", "- [ ] b"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([
      { line: 3, message: 'Unknown setting "start_on_load" on line 3 is ignored.', code: "unknownSetting", params: { setting: "start_on_load", line: 3 } },
      {
        line: 5,
        message: 'Unknown question setting "colour" on line 5 is ignored; only timeLimit and readTime can be set on a question.',
        code: "headingUnknownSetting",
        params: { setting: "colour", line: 5 },
      },
    ]);
    expect(result.quiz.questions[0]!.timeLimitSec).toBe(30);
  });
});

describe("the feature-tour fixture", () => {
  const quiz = quizOf(parseQuizdown(read("../fixtures/quizdown/features.md")));
  const [primes, planet, code, order] = quiz.questions;

  it("reads the front matter", () => {
    expect(quiz.title).toBe("Feature tour");
    expect(quiz.settings).toMatchObject({ shuffleAnswers: false, timeLimitSec: 30, readTimeSec: 2, locale: "de" });
  });

  it("renders the body markdown, keeping fenced code out of the question structure", () => {
    expect(quiz.questions).toHaveLength(4);
    expect(primes!.promptHtml).toBe("Which of these are <em>prime</em> numbers?");
    expect(primes!.bodyHtml).toContain("<strong>carefully</strong>");
    expect(primes!.bodyHtml).toContain('<pre><code class="language-python"># a comment, not a question');
    expect(primes!.bodyHtml).toContain("- [x] not an option either");
    expect(primes!.options.map((o) => o.markdown)).toEqual(["2", "3", "4", "9"]);
    expect(primes!.kind).toBe("multiple");
  });

  it("reads the hint and the option comments (spaces or tabs)", () => {
    expect(primes!.hintHtml).toBe("<p>Hint: a prime has exactly two divisors.</p>");
    expect(primes!.options[0]!.commentHtml).toBe("<p>The only even prime.</p>");
    expect(primes!.options[1]!.commentHtml).toBeUndefined();
    expect(primes!.options[2]!.commentHtml).toBe("<p>4 = 2 × 2, so it is not prime.\nIt has three divisors.</p>");
    expect(planet!.options[1]!.commentHtml).toBe("<p>Mercury orbits at about 58 million km.</p>");
    expect(planet!.hintHtml).toBeUndefined();
  });

  it("applies per-question overrides on top of the quiz settings", () => {
    expect([primes!.timeLimitSec, primes!.readTimeSec]).toEqual([45, 0]);
    expect([planet!.timeLimitSec, planet!.readTimeSec]).toEqual([10, undefined]);
  });

  it("renders inline markdown in prompts and options, and links in the body", () => {
    expect(code!.promptHtml).toBe(`What does <code>print("hi")</code> output?`);
    expect(code!.options.map((o) => o.html)).toEqual(["<code>hi</code>", `<code>"hi"</code>`]);
    expect(code!.bodyHtml).toContain('<a href="https://docs.python.org/3/"');
  });

  it("reads the ordering question, which the game plays", () => {
    expect(order!.kind).toBe("order");
    expect(order!.line).toBe(42);
    expect(quiz.playable).toBe(true);
  });
});
