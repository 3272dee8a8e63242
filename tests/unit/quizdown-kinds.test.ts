import { describe, expect, it } from "vitest";
import { parseQuizdown, type ParsedQuiz, type ParseResult, type QuizdownProblem } from "@/quizdown";
import { matchesTypedAnswer, normaliseTypedAnswer } from "@/quizdown/typedAnswer";

const md = (...lines: string[]) => lines.join("\n");

function quizOf(result: ParseResult): ParsedQuiz {
  if (!result.ok) throw new Error(`expected a quiz, got errors: ${JSON.stringify(result.errors)}`);
  return result.quiz;
}

/** What the teacher reads, line and words (each problem's code is checked in tests/unit/i18n/checker.test.ts). */
type Words = Pick<QuizdownProblem, "line" | "message">;
const words = (problems: QuizdownProblem[]): Words[] => problems.map(({ line, message }) => ({ line, message }));

function errorsOf(result: ParseResult): Words[] {
  if (result.ok) throw new Error("expected errors");
  return words(result.errors);
}

describe("question kinds in quizdown", () => {
  it("true/false: answer: true|false and no options plays as two options, True then False", () => {
    const quiz = quizOf(parseQuizdown(md("## The sun is a star.", "---", "answer: true", "---", "## Bats are birds.", "---", "answer: false", "---")));
    expect(quiz.questions.map((q) => q.kind)).toEqual(["truefalse", "truefalse"]);
    expect(quiz.questions[0]!.options.map((o) => [o.markdown, o.correct])).toEqual([["True", true], ["False", false]]);
    expect(quiz.questions[1]!.options.map((o) => [o.markdown, o.correct])).toEqual([["True", false], ["False", true]]);
  });

  it("type answer: answer or answers, numbers kept as text, tolerance for numbers", () => {
    const quiz = quizOf(
      parseQuizdown(
        md("## Capital of France?", "---", 'answers: [Paris, "Paris, France"]', "---", "## Pi to two places?", "---", "answer: 3.14", "tolerance: 0.01", "---"),
      ),
    );
    expect(quiz.questions[0]).toMatchObject({ kind: "typed", options: [], typed: { accepted: ["Paris", "Paris, France"] } });
    expect(quiz.questions[1]).toMatchObject({ kind: "typed", typed: { accepted: ["3.14"], tolerance: 0.01 } });
  });

  it("slider: min, max, step, unit, answer and tolerance", () => {
    const quiz = quizOf(parseQuizdown(md("## How tall is Everest?", "---", "min: 0", "max: 10000", "step: 10", "unit: m", "answer: 8850", "tolerance: 100", "---")));
    expect(quiz.questions[0]).toMatchObject({ kind: "slider", options: [], slider: { min: 0, max: 10000, step: 10, unit: "m", correct: 8850, tolerance: 100 } });
  });

  it("poll: kind: poll on boxed options, no right answer needed; an [x] is ignored with a warning", () => {
    const result = parseQuizdown(md("## Favourite season?", "---", "kind: poll", "---", "- [ ] Summer", "- [x] Winter"));
    const quiz = quizOf(result);
    expect(quiz.questions[0]!.kind).toBe("poll");
    expect(quiz.questions[0]!.options.every((o) => !o.correct)).toBe(true);
    expect(result.ok && words(result.warnings)).toEqual([{ line: 6, message: expect.stringMatching(/poll.*\[x\] on line 6 is ignored/) }]);
  });

  it("points and multi-select scoring per question", () => {
    const quiz = quizOf(
      parseQuizdown(
        md("## Primes?", "---", "points: double", "scoring: partial", "---", "- [x] 2", "- [x] 3", "- [ ] 4", "## Warm-up", "---", "points: none", "---", "- [x] a", "- [ ] b"),
      ),
    );
    expect(quiz.questions[0]).toMatchObject({ kind: "multiple", points: "double", scoring: "partial" });
    expect(quiz.questions[1]).toMatchObject({ kind: "single", points: "none" });
    expect(quiz.questions[1]!.scoring).toBeUndefined();
  });

  it("ordering questions are playable and may use partial scoring", () => {
    const quiz = quizOf(parseQuizdown(md("## Smallest first", "---", "scoring: partial", "---", "1. one", "2. two", "3. three")));
    expect(quiz.playable).toBe(true);
    expect(quiz.questions[0]).toMatchObject({ kind: "order", scoring: "partial" });
  });

  it("a kind the game can't play leaves out only that question, with its line", () => {
    const result = parseQuizdown(md("## Fine", "- [x] a", "- [ ] b", "## Click the map", "---", "kind: hotspot", "---"));
    const quiz = quizOf(result);
    expect(quiz.playable).toBe(true);
    expect(quiz.questions[0]!.unplayableReason).toBeUndefined();
    expect(quiz.questions[1]!.unplayableReason).toBe("Question 2 (line 4) is a “hotspot” question, which this game can't play; games leave it out.");
    expect(result.ok && result.warnings.map((w) => w.line)).toEqual([4]);
  });

  it("a quiz whose only question can't be played is not playable, and says why", () => {
    const quiz = quizOf(parseQuizdown(md("## Click the map", "---", "kind: hotspot", "---")));
    expect(quiz.playable).toBe(false);
    expect(quiz.unplayableReason).toMatch(/line 1/);
  });

  it("line-numbered errors for bad kind settings", () => {
    expect(errorsOf(parseQuizdown(md("## Q", "---", "min: 10", "max: 5", "answer: 7", "---")))).toEqual([
      { line: 4, message: expect.stringMatching(/max \(5\) must be more than min \(10\)/) },
    ]);
    expect(errorsOf(parseQuizdown(md("## Q", "---", "min: 0", "max: 10", "answer: 11", "---")))).toEqual([
      { line: 5, message: expect.stringMatching(/answer 11 is outside/) },
    ]);
    expect(errorsOf(parseQuizdown(md("## Q", "---", "min: 0", "max: 10", "---")))[0]!.message).toMatch(/needs answer/);
    expect(errorsOf(parseQuizdown(md("## Q", "---", "points: triple", "---", "- [x] a", "- [ ] b")))).toEqual([
      { line: 3, message: expect.stringMatching(/standard, double or none/) },
    ]);
    expect(errorsOf(parseQuizdown(md("## Q", "---", "kind: typed", "answer: Paris", "---", "- [x] a", "- [ ] b")))[0]).toMatchObject({ line: 6, message: expect.stringMatching(/type-answer.*no options list/) });
    expect(errorsOf(parseQuizdown(md("## Q", "---", "kind: truefalse", "---")))[0]!.message).toMatch(/answer: true or answer: false/);
  });

  it("a file without extensions means what it meant: unknown keys are still ignored with a warning", () => {
    const result = parseQuizdown(md("## Q", "---", "timeLimit: 30", "colour: red", "---", "- [x] a", "- [ ] b"));
    const quiz = quizOf(result);
    expect(quiz.questions[0]).toMatchObject({ kind: "single", timeLimitSec: 30 });
    expect(quiz.questions[0]!.points).toBeUndefined();
    expect(result.ok && result.warnings.map((w) => w.line)).toEqual([4]);
  });
});

describe("typed answers are compared after normalising", () => {
  it("case, accents, spacing and punctuation don't matter", () => {
    expect(normaliseTypedAnswer("  Zürich,   CH! ")).toBe("zurich ch");
    expect(matchesTypedAnswer("paris", ["Paris"])).toBe(true);
    expect(matchesTypedAnswer("  PARÍS. ", ["Paris"])).toBe(true);
    expect(matchesTypedAnswer("Dont", ["Don't"])).toBe(true);
    expect(matchesTypedAnswer("paris france", ["Paris, France"])).toBe(true);
    expect(matchesTypedAnswer("Lyon", ["Paris"])).toBe(false);
    expect(matchesTypedAnswer("!!!", ["!!!"])).toBe(false);
  });

  it("numbers compare as numbers, within the tolerance", () => {
    expect(matchesTypedAnswer("3,14", ["3.14"])).toBe(true);
    expect(matchesTypedAnswer("3.0", ["3"])).toBe(true);
    expect(matchesTypedAnswer("3.15", ["3.14"], 0.01)).toBe(true);
    expect(matchesTypedAnswer("3.16", ["3.14"], 0.01)).toBe(false);
    expect(matchesTypedAnswer("3.2", ["3.14"])).toBe(false);
  });
});
