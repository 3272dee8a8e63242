import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_OPTIONS, MIN_OPTIONS, parseQuizdown, type ParseResult } from "@/quizdown";

const read = (relative: string) => readFileSync(new URL(relative, import.meta.url), "utf8");
const backOffice = read("../../content/back-office.md");
const features = read("../fixtures/quizdown/features.md");
const broken = read("../fixtures/quizdown/broken.md");

/** Small deterministic PRNG (mulberry32) so failures are reproducible. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "#", "## ", "### Q", "- [x] ", "- [ ] ", "* [X] ", "1. [x] ", "1. ", "2) ", "> ", "    > ", "\t> ", "---", "...",
  "```", "~~~", "{timeLimit=", "readTime=", "}", "{", "\n", "\n", "\n", "\r\n", "\r", "\t", " ", "  ", "a", "Why?",
  "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[l](javascript:x)", ":", "title: ", "[", "]", "*", "`",
  "\u0000", "\uD800", "é", "😀", "\uFEFF", "30", "-1", "yes", "&amp;", "\\",
];

const LINE_STARTS = [
  "## Q", "# Q", "### Why", "- [x] a", "- [ ] b", "* [X] c", "1. [x] d", "1. [ ] e", "1. f", "2. g", "> hint",
  "    > c", "\t> c", "---", "", "", "text", "```", "timeLimit: 30", "title: T",
];
const EOLS = ["\n", "\n", "\n", "\r\n", "\r"];

/** Random lines that look like quizdown, each with a few random pieces appended. */
function randomSource(next: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const lineCount = Math.floor(next() * 25);
  let out = "";
  for (let i = 0; i < lineCount; i++) {
    let line = pick(LINE_STARTS);
    const extra = next() < 0.5 ? 0 : Math.floor(next() * 4);
    for (let j = 0; j < extra; j++) line += pick(PIECES);
    out += line + pick(EOLS);
  }
  return out;
}

/** A real quiz with a few random edits: lines dropped, duplicated, or pieces inserted. */
function mutate(source: string, next: () => number): string {
  const lines = source.split("\n");
  const edits = 1 + Math.floor(next() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * lines.length);
    const roll = next();
    if (roll < 0.3) lines.splice(at, 1);
    else if (roll < 0.5) lines.splice(at, 0, lines[at] ?? "");
    else {
      const line = lines[at] ?? "";
      const col = Math.floor(next() * (line.length + 1));
      lines[at] = line.slice(0, col) + PIECES[Math.floor(next() * PIECES.length)] + line.slice(col);
    }
  }
  return lines.join("\n");
}

/** Checks the result is well-formed, whatever the input. */
function expectWellFormed(source: string, result: ParseResult): void {
  const lineCount = Math.max(source.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/).length, 1);
  const problems = result.ok ? result.warnings : result.errors;
  if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lineCount, `line ${p.line} of ${lineCount}: ${p.message}`).toBe(true);
    expect(p.message.length).toBeGreaterThan(10);
  }
  if (result.ok) {
    expect(result.quiz.questions.length).toBeGreaterThan(0);
    for (const q of result.quiz.questions) {
      expect(q.options.length).toBeGreaterThanOrEqual(MIN_OPTIONS);
      expect(q.options.length).toBeLessThanOrEqual(MAX_OPTIONS);
      const correct = q.options.filter((o) => o.correct).length;
      if (q.kind === "single") expect(correct).toBe(1);
      if (q.kind === "multiple") expect(correct).toBeGreaterThan(1);
      if (q.kind === "order") expect(correct).toBe(0);
      expect(q.line).toBeGreaterThanOrEqual(1);
    }
    expect(result.quiz.playable).toBe(true);
    // Plain data: survives a JSON round trip unchanged.
    expect(JSON.parse(JSON.stringify(result.quiz))).toEqual(result.quiz);
  }
}

// Generous timeout: the fuzz loops run a few hundred parses and CI machines may be busy.
describe("robustness", { timeout: 30_000 }, () => {
  it("never throws on random quizdown-like garbage", () => {
    const next = random(20240611);
    let accepted = 0;
    for (let i = 0; i < 1000; i++) {
      const source = randomSource(next);
      let result: ParseResult | undefined;
      expect(() => (result = parseQuizdown(source)), JSON.stringify(source)).not.toThrow();
      expectWellFormed(source, result!);
      if (result!.ok) accepted++;
    }
    expect(accepted).toBeGreaterThan(0);
  });

  it("never throws on randomly edited real quizzes", () => {
    const next = random(31337);
    let accepted = 0;
    for (let i = 0; i < 250; i++) {
      const source = mutate(i % 2 === 0 ? backOffice : features, next);
      const result = parseQuizdown(source);
      expectWellFormed(source, result);
      if (result.ok) accepted++;
    }
    // The edits must leave a fair share of quizzes valid, or the checks on valid quizzes prove little.
    expect(accepted).toBeGreaterThan(30);
  });

  it("never throws on random bytes", () => {
    const next = random(7);
    for (let i = 0; i < 300; i++) {
      const source = String.fromCharCode(...Array.from({ length: Math.floor(next() * 200) }, () => Math.floor(next() * 0xffff)));
      expectWellFormed(source, parseQuizdown(source));
    }
  });

  it("never throws on truncated or shuffled real quizzes", () => {
    const next = random(99);
    for (const file of [backOffice, features, broken]) {
      for (let i = 0; i < 120; i++) {
        const cut = file.slice(0, Math.floor(next() * file.length));
        expectWellFormed(cut, parseQuizdown(cut));
      }
      const lines = file.split("\n");
      for (let i = 0; i < 40; i++) {
        const shuffled = [...lines].sort(() => next() - 0.5).join("\n");
        expectWellFormed(shuffled, parseQuizdown(shuffled));
      }
    }
  });

  it("does not throw when called without a string (untyped JavaScript callers)", () => {
    for (const value of [undefined, null, 42, {}]) {
      const result = parseQuizdown(value as unknown as string);
      expect(result.ok).toBe(false);
    }
  });

  it("stays fast on pathological lines", () => {
    const long = 20_000;
    const sources = [
      `# a${" \t".repeat(long)}### x`,
      `## Q {${"a".repeat(long)}}`,
      `## Q {timeLimit=5 ${"a-".repeat(long)}}`,
      `## Q\n- [x]${" \t".repeat(long)}x\n- [ ] b`,
    ];
    for (const source of sources) {
      const start = performance.now();
      expectWellFormed(source, parseQuizdown(source));
      expect(performance.now() - start).toBeLessThan(2000);
    }
  });
});

describe("line endings and indentation", () => {
  it("CRLF and CR line endings give the same quiz as LF", () => {
    const lf = parseQuizdown(backOffice);
    expect(lf.ok).toBe(true);
    expect(parseQuizdown(backOffice.replace(/\n/g, "\r\n"))).toEqual(lf);
    expect(parseQuizdown(backOffice.replace(/\n/g, "\r"))).toEqual(lf);
    expect(parseQuizdown(`\uFEFF${backOffice}`)).toEqual(lf);
  });

  it("CRLF files report the same error lines", () => {
    const errors = (s: string) => {
      const r = parseQuizdown(s);
      return r.ok ? [] : r.errors;
    };
    expect(errors(broken.replace(/\n/g, "\r\n"))).toEqual(errors(broken));
    expect(errors(broken).length).toBeGreaterThan(0);
  });

  it("option comments may be indented with spaces or tabs", () => {
    const comment = (indent: string) => {
      const r = parseQuizdown(["## Q", "- [x] right", `${indent}> because`, "- [ ] wrong"].join("\n"));
      return r.ok ? r.quiz.questions[0]!.options[0]!.commentHtml : `errors: ${JSON.stringify(r.errors)}`;
    };
    for (const indent of ["    ", "  ", "\t", " \t", "\t\t"]) expect(comment(indent), JSON.stringify(indent)).toBe("<p>because</p>");
  });

  it("a heading inside a fenced code block does not start a question", () => {
    const r = parseQuizdown(["## Real", "```", "## not a question", "```", "- [x] a", "- [ ] b"].join("\n"));
    expect(r.ok && r.quiz.questions.length).toBe(1);
  });
});
