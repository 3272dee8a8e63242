import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatProblem, loadContentDirectory, titleFromSlug } from "../../server/content/load";
import { listQuizzes, loadQuizVersion } from "../../server/db/index";
import { openTestDatabase, testDatabaseTargets, useTestDatabase } from "../support/test-database";

const GOOD = `---
title: Capitals of Europe
timeLimit: 25
---

## Capital of France?

- [x] Paris
    > It has been the capital since 987.
- [ ] Lyon
- [ ] Nice

## Which are in Spain?

- [x] Madrid
- [x] Seville
- [ ] Porto
`;

// The second question (heading on line 6, options on lines 8-9) has no option marked correct.
const MALFORMED = `## Fine question

- [x] Yes
- [ ] No

## A question without a correct answer

- [ ] One
- [ ] Two
`;

/** Its only question is of a kind the game can't play. */
const UNPLAYABLE = `## Click the capital on the map
---
kind: hotspot
---
`;

describe("titleFromSlug / formatProblem", () => {
  it("title-cases slugs", () => {
    expect(titleFromSlug("back-office")).toBe("Back Office");
    expect(titleFromSlug("intro_to-sql")).toBe("Intro To Sql");
  });
  it("formats problems like a compiler", () => {
    expect(formatProblem({ file: "content/x.md", line: 12, message: "oops" })).toBe("content/x.md:12: oops");
    expect(formatProblem({ file: "content/x.md", line: 0, message: "can't read" })).toBe("content/x.md: can't read");
  });
});

describe.each(testDatabaseTargets())("content loader on %s", (target) => {
  const database = useTestDatabase(target);
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "quiz-content-"));
    await writeFile(path.join(dir, "capitals.md"), GOOD);
    await writeFile(path.join(dir, "broken.md"), MALFORMED);
    await writeFile(path.join(dir, "sort-numbers.md"), UNPLAYABLE);
    await writeFile(path.join(dir, "notes.txt"), "not a quiz");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("loads good and unplayable files, reports the malformed one with file and line", async () => {
    const { db } = database();
    const result = await loadContentDirectory(db, dir);

    expect(result.quizzes.map((q) => [path.basename(q.file), q.slug, q.title, q.version, q.changed, q.playable])).toEqual([
      ["capitals.md", "capitals", "Capitals of Europe", 1, true, true],
      ["sort-numbers.md", "sort-numbers", "Sort Numbers", 1, true, false],
    ]);
    expect(result.quizzes[1]?.unplayableReason).toMatch(/“hotspot” question/);

    expect(result.problems.length).toBeGreaterThan(0);
    for (const p of result.problems) {
      expect(path.basename(p.file)).toBe("broken.md");
      expect(p.line).toBeGreaterThanOrEqual(6);
      expect(p.line).toBeLessThanOrEqual(9);
      expect(formatProblem(p)).toMatch(/broken\.md:\d+: ./);
    }

    const listed = await listQuizzes(db);
    expect(listed.map((q) => [q.slug, q.title, q.playable, q.questionCount])).toEqual([
      ["capitals", "Capitals of Europe", true, 2],
      ["sort-numbers", "Sort Numbers", false, 1],
    ]);
    const loaded = await loadQuizVersion(db, result.quizzes[0]!.versionId);
    expect(loaded?.settings.timeLimitSec).toBe(25);
    expect(loaded?.questions.map((q) => q.kind)).toEqual(["single", "multiple"]);
    expect(loaded?.questions[0]?.options[0]?.commentHtml).toContain("987");
    expect(loaded?.questions[0]?.line).toBe(6);
  });

  it("loading again changes nothing; editing a file makes version 2", async () => {
    const { db } = database();
    const again = await loadContentDirectory(db, dir);
    expect(again.quizzes.map((q) => [q.slug, q.version, q.changed])).toEqual([
      ["capitals", 1, false],
      ["sort-numbers", 1, false],
    ]);

    await writeFile(path.join(dir, "capitals.md"), GOOD.replace("Nice", "Marseille"));
    const edited = await loadContentDirectory(db, dir);
    expect(edited.quizzes.map((q) => [q.slug, q.version, q.changed])).toEqual([
      ["capitals", 2, true],
      ["sort-numbers", 1, false],
    ]);
    const v2 = await loadQuizVersion(db, edited.quizzes[0]!.versionId);
    expect(v2?.questions[0]?.options.map((o) => o.markdown)).toEqual(["Paris", "Lyon", "Marseille"]);
    const v1 = await loadQuizVersion(db, again.quizzes[0]!.versionId);
    expect(v1?.questions[0]?.options.map((o) => o.markdown)).toEqual(["Paris", "Lyon", "Nice"]);
  });

  it("an unreadable file or a missing directory is a problem, not a throw", async () => {
    const { db } = database();
    const missing = await loadContentDirectory(db, path.join(dir, "nope"));
    expect(missing.quizzes).toEqual([]);
    expect(missing.problems).toHaveLength(1);
    expect(missing.problems[0]?.line).toBe(0);

    // A directory named like a quiz can't be read as a file (works even when tests run as root).
    const sub = await mkdtemp(path.join(tmpdir(), "quiz-content-odd-"));
    try {
      await writeFile(path.join(sub, "a-good.md"), GOOD);
      await writeFile(path.join(sub, "locked.md"), GOOD);
      await chmod(path.join(sub, "locked.md"), 0o000);
      await mkdir(path.join(sub, "folder.md"));
      const result = await loadContentDirectory(db, sub);
      expect(result.quizzes.map((q) => q.slug)).toContain("a-good");
      // folder.md is not a file: ignored. locked.md: unreadable unless running as root.
      const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
      if (!isRoot) expect(result.problems.map((p) => path.basename(p.file))).toEqual(["locked.md"]);
    } finally {
      await rm(sub, { recursive: true, force: true });
    }
  });

  it("a database failure is reported per file, not thrown", async () => {
    const broken = await openTestDatabase(target);
    await broken.close();
    const result = await loadContentDirectory(broken.db, dir);
    expect(result.quizzes).toEqual([]);
    expect(result.problems.map((p) => [path.basename(p.file), p.line])).toEqual(
      expect.arrayContaining([
        ["capitals.md", 0],
        ["sort-numbers.md", 0],
      ]),
    );
    expect(result.problems.find((p) => p.file.endsWith("capitals.md"))?.message).toMatch(/database/);
  });
});
