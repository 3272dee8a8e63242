/**
 * The teacher's quiz library over the real tRPC API: checking and uploading quiz files, the list of
 * shared + own quizzes, rename / replace / delete, hosting an uploaded quiz with host options — and
 * that another teacher's quiz is invisible ("doesn't exist") while anonymous visitors get nothing.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../../server/db";
import { apiClient, signUpTeacher, startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import { TestHost } from "../support/socket-clients";
import type { ApiClient, TestTeacher } from "../support/teachers";
import { testDatabaseTargets } from "../support/test-database";
import { refusal } from "../support/trpc-refusal";

const SHARED_SLUG = "back-office";
const NOT_FOUND = "That quiz doesn't exist (any more).";
const READ_ONLY = "Shared quizzes from the content folder are read-only. Copy it to your library to change it.";

/** Three questions, answers in file order, correct answer first in each. */
const VOLCANOES = `---
title: Volcanoes
shuffleAnswers: false
timeLimit: 25
---

## Which of these is a volcano?

- [x] Etna
- [ ] The Alps
- [ ] The Rhine

## What comes out of a volcano?

- [x] Lava
- [ ] Snow

## Where is Mount Fuji?

- [x] Japan
- [ ] Peru
`;

/** Version 2: four questions, a new first one. */
const VOLCANOES_V2 = `---
title: Volcanoes (new)
shuffleAnswers: false
---

## What is molten rock underground called?

- [x] Magma
- [ ] Lava
- [ ] Basalt

## Which of these is a volcano?

- [x] Etna
- [ ] The Alps

## What comes out of a volcano?

- [x] Lava
- [ ] Snow

## Where is Mount Fuji?

- [x] Japan
- [ ] Peru
`;

/** Line 5: no correct option; line 10: only one option. */
const BROKEN = `---
title: Broken
---

## Which planet is red?

- [ ] Venus
- [ ] Saturn

## Which planet is biggest?

- [x] Jupiter
`;

/** No `title:`: the title comes from the file name. */
const UNTITLED = `## Two plus two?

- [x] Four
- [ ] Five
`;


describe.each(testDatabaseTargets())("quiz library on %s", (target) => {
  let quiz: TestQuizServer;
  let other: TestTeacher;
  let anonymous: ApiClient;
  const hosts: TestHost[] = [];

  beforeAll(async () => {
    quiz = await startTestQuizServer(target);
    other = await signUpTeacher(quiz.url);
    anonymous = apiClient(quiz.url);
  });

  afterAll(async () => {
    for (const host of hosts) host.close();
    await quiz?.close();
  });

  async function quizRowCount(): Promise<number> {
    const [row] = await quiz.database.db.select({ n: count() }).from(schema.quizzes);
    return row?.n ?? 0;
  }

  async function listed(api: ApiClient) {
    return (await api.quizzes.list.query()).quizzes;
  }

  async function upload(source = VOLCANOES, fileName?: string) {
    return quiz.api.quizzes.create.mutate({ source, fileName });
  }

  /** The live game's questions as the engine holds them. */
  function liveQuestions(gameId: string) {
    const room = quiz.server.registry.findById(gameId);
    if (!room) throw new Error(`game ${gameId} has no room`);
    return room.state;
  }

  describe("checking and uploading a quiz file", () => {
    it("check reports each error with its line and saves nothing", async () => {
      const before = await quizRowCount();
      const check = await quiz.api.quizzes.check.mutate({ source: BROKEN });
      expect(check.ok).toBe(false);
      expect(check.problems.map((problem) => problem.line)).toEqual([5, 10]);
      expect(check.problems[0]!.message).toMatch(/no correct option/);
      expect(check.questionCount).toBeNull();
      expect(await quizRowCount()).toBe(before);
    });

    it("check of a good file gives its title and question count, without saving", async () => {
      const before = await quizRowCount();
      const check = await quiz.api.quizzes.check.mutate({ source: VOLCANOES });
      expect(check).toMatchObject({ ok: true, title: "Volcanoes", questionCount: 3, problems: [], playable: true });
      expect(await quizRowCount()).toBe(before);
    });

    it("check takes a long file (up to the 200 KB limit)", async () => {
      const long = VOLCANOES.replace("## What comes out", `## A long one\n\n${`${"All about volcanoes. ".repeat(90)}\n`.repeat(100)}\n\n- [x] Yes\n- [ ] No\n\n## What comes out`);
      expect(long.length).toBeGreaterThan(150_000);
      expect(await quiz.api.quizzes.check.mutate({ source: long })).toMatchObject({ ok: true, questionCount: 4 });
    });

    it("create refuses a file with errors, naming the first error's line, and saves nothing", async () => {
      const before = await quizRowCount();
      const refused = await refusal(quiz.api.quizzes.create.mutate({ source: BROKEN, fileName: "broken.md" }));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.message).toMatch(/^Nothing was saved\. Line 5: .*no correct option/);
      expect(refused.message).toMatch(/1 more problem/);
      expect(await quizRowCount()).toBe(before);
      expect((await listed(quiz.api)).some((entry) => entry.title === "Broken")).toBe(false);
    });

    it("create refuses a file over 200 KB in plain words", async () => {
      const huge = VOLCANOES + `\n${"x".repeat(210 * 1024)}\n`;
      const refused = await refusal(quiz.api.quizzes.create.mutate({ source: huge }));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.message).toBe("This quiz file is too big: a quiz file can be at most 200 KB.");
    });

    it("create saves a quiz owned by the teacher, with a slug of its own", async () => {
      const saved = await upload(VOLCANOES, "volcanoes.md");
      expect(saved).toMatchObject({ title: "Volcanoes", version: 1 });
      expect(saved.slug).toMatch(/^u-[0-9a-f-]{36}$/);
      const [row] = await quiz.database.db.select().from(schema.quizzes).where(eq(schema.quizzes.id, saved.quizId));
      expect(row).toMatchObject({ source: "upload", ownerId: expect.any(String), deletedAt: null });
    });

    it("a file without a title takes its name from the file name", async () => {
      const saved = await upload(UNTITLED, "rock-cycle.md");
      expect(saved.title).toBe("Rock Cycle");
    });
  });

  describe("the list", () => {
    it("shows the shared quizzes (read-only) and the teacher's own (editable)", async () => {
      const saved = await upload();
      const quizzes = await listed(quiz.api);
      expect(quizzes.find((entry) => entry.slug === SHARED_SLUG)).toMatchObject({ source: "content", editable: false, playable: true });
      expect(quizzes.find((entry) => entry.quizId === saved.quizId)).toMatchObject({
        source: "upload",
        editable: true,
        title: "Volcanoes",
        versionId: saved.versionId,
        questionCount: 3,
        settings: { shuffleAnswers: false, timeLimitSec: 25 },
        hasQuestionTimes: false,
      });
    });

    it("says when some questions set their own times (a changed time per question replaces them)", async () => {
      const saved = await upload(VOLCANOES.replace("## Where is Mount Fuji?", "## Where is Mount Fuji? {timeLimit=40}"));
      expect((await listed(quiz.api)).find((entry) => entry.quizId === saved.quizId)).toMatchObject({ hasQuestionTimes: true, questionCount: 3 });
    });

    it("another teacher sees the shared quizzes but none of the first teacher's", async () => {
      const saved = await upload();
      const theirs = await listed(other.api);
      expect(theirs.some((entry) => entry.slug === SHARED_SLUG)).toBe(true);
      expect(theirs.some((entry) => entry.quizId === saved.quizId)).toBe(false);
      expect(theirs.every((entry) => entry.source === "content")).toBe(true);
    });
  });

  describe("changing one's own quiz", () => {
    it("rename changes the title in the list and the preview", async () => {
      const saved = await upload();
      expect(await quiz.api.quizzes.rename.mutate({ quizId: saved.quizId, title: "  Fire mountains  " })).toEqual({ quizId: saved.quizId, title: "Fire mountains" });
      expect((await listed(quiz.api)).find((entry) => entry.quizId === saved.quizId)?.title).toBe("Fire mountains");
      expect((await quiz.api.quizzes.get.query({ quizId: saved.quizId })).title).toBe("Fire mountains");
    });

    it("rename refuses an empty title in plain words", async () => {
      const saved = await upload();
      const refused = await refusal(quiz.api.quizzes.rename.mutate({ quizId: saved.quizId, title: "   " }));
      expect(refused).toEqual({ code: "BAD_REQUEST", message: "The quiz needs a title." });
    });

    it("get gives the current version's file and questions for the preview", async () => {
      const saved = await upload();
      const preview = await quiz.api.quizzes.get.query({ quizId: saved.quizId });
      expect(preview).toMatchObject({ editable: true, source: "upload", version: 1, sourceText: VOLCANOES });
      expect(preview.questions.map((question) => question.promptMarkdown)).toEqual([
        "Which of these is a volcano?",
        "What comes out of a volcano?",
        "Where is Mount Fuji?",
      ]);
      expect(preview.questions[0]!.options.map((option) => option.correct)).toEqual([true, false, false]);
    });

    it("replace makes a new version; new games play it and a game made before keeps the old one", async () => {
      const saved = await upload();
      const before = await quiz.api.games.create.mutate({ quizVersionId: saved.versionId });

      const replaced = await quiz.api.quizzes.replace.mutate({ quizId: saved.quizId, source: VOLCANOES_V2 });
      expect(replaced).toMatchObject({ quizId: saved.quizId, version: 2, changed: true, title: "Volcanoes (new)" });
      expect(replaced.versionId).not.toBe(saved.versionId);

      const entry = (await listed(quiz.api)).find((item) => item.quizId === saved.quizId);
      expect(entry).toMatchObject({ versionId: replaced.versionId, version: 2, questionCount: 4, title: "Volcanoes (new)" });
      const preview = await quiz.api.quizzes.get.query({ quizId: saved.quizId });
      expect(preview.sourceText).toBe(VOLCANOES_V2);
      expect(preview.questions[0]!.promptMarkdown).toBe("What is molten rock underground called?");

      const after = await quiz.api.games.create.mutate({ quizVersionId: entry!.versionId });
      expect(liveQuestions(after.gameId).questions).toHaveLength(4);
      expect(liveQuestions(after.gameId).questions.map((question) => question.promptHtml).join(" ")).toContain("molten rock");
      expect(liveQuestions(before.gameId).questions).toHaveLength(3);
      expect(liveQuestions(before.gameId).questions.map((question) => question.promptHtml).join(" ")).not.toContain("molten rock");
    });

    it("replace with the same file changes nothing", async () => {
      const saved = await upload();
      expect(await quiz.api.quizzes.replace.mutate({ quizId: saved.quizId, source: VOLCANOES })).toMatchObject({ version: 1, changed: false });
    });

    it("replace with errors is refused with the line, and the quiz stays as it was", async () => {
      const saved = await upload();
      const refused = await refusal(quiz.api.quizzes.replace.mutate({ quizId: saved.quizId, source: BROKEN }));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.message).toMatch(/Line 5:/);
      expect(await quiz.api.quizzes.get.query({ quizId: saved.quizId })).toMatchObject({ version: 1, sourceText: VOLCANOES });
    });

    it("delete takes it out of the list and out of hosting, but a past game's report still opens", async () => {
      const saved = await upload();
      const game = await quiz.api.games.create.mutate({ quizVersionId: saved.versionId });

      expect(await quiz.api.quizzes.delete.mutate({ quizId: saved.quizId })).toEqual({ quizId: saved.quizId });
      expect((await listed(quiz.api)).some((entry) => entry.quizId === saved.quizId)).toBe(false);
      expect(await refusal(quiz.api.quizzes.get.query({ quizId: saved.quizId }))).toEqual({ code: "NOT_FOUND", message: NOT_FOUND });
      expect(await refusal(quiz.api.quizzes.rename.mutate({ quizId: saved.quizId, title: "Back again" }))).toEqual({ code: "NOT_FOUND", message: NOT_FOUND });
      expect(await refusal(quiz.api.games.create.mutate({ quizVersionId: saved.versionId }))).toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/doesn't exist/) });

      const [row] = await quiz.database.db.select().from(schema.quizzes).where(eq(schema.quizzes.id, saved.quizId));
      expect(row?.deletedAt).toBeInstanceOf(Date);
      expect((await quiz.api.pastGames.report.query({ gameId: game.gameId })).game.quizTitle).toBe("Volcanoes");
    });
  });

  describe("hosting an uploaded quiz", () => {
    it("the host options reach the game", async () => {
      const saved = await upload();
      const ticket = await quiz.api.games.create.mutate({
        quizVersionId: saved.versionId,
        options: { questionCount: 2, shuffleQuestions: false, shuffleAnswers: false, timeLimitSec: 30, readTimeSec: 2, lateJoin: false },
      });
      const state = liveQuestions(ticket.gameId);
      expect(state.questions).toHaveLength(2);
      expect(state.lateJoin).toBe(false);
      for (const question of state.questions) {
        expect(question.timeLimitMs).toBe(30_000);
        expect(question.readTimeMs).toBe(2_000);
        expect(question.optionOrder).toEqual(question.optionOrder.map((_, index) => index));
      }
      expect(state.questions.map((question) => question.promptHtml)).toEqual(["Which of these is a volcano?", "What comes out of a volcano?"]);

      const host = new TestHost(quiz.url);
      hosts.push(host);
      const ack = await host.attach(ticket.gameId, ticket.hostSecret);
      expect(ack.ok).toBe(true);
      expect(host.state?.questionCount).toBe(2);
      expect(host.state?.quizTitle).toBe("Volcanoes");
    });

    it("without options the quiz file's settings apply", async () => {
      const saved = await upload();
      const ticket = await quiz.api.games.create.mutate({ quizVersionId: saved.versionId });
      const state = liveQuestions(ticket.gameId);
      expect(state.questions).toHaveLength(3);
      expect(state.questions.every((question) => question.timeLimitMs === 25_000)).toBe(true);
      expect(state.lateJoin).toBe(true);
    });
  });

  describe("another teacher's quiz doesn't exist for them", () => {
    it("get, rename, replace, delete, copy and games.create are all 'not found', and nothing changes", async () => {
      const saved = await upload();
      const expected = { code: "NOT_FOUND", message: NOT_FOUND };
      expect(await refusal(other.api.quizzes.get.query({ quizId: saved.quizId }))).toEqual(expected);
      expect(await refusal(other.api.quizzes.rename.mutate({ quizId: saved.quizId, title: "Mine now" }))).toEqual(expected);
      expect(await refusal(other.api.quizzes.replace.mutate({ quizId: saved.quizId, source: VOLCANOES_V2 }))).toEqual(expected);
      expect(await refusal(other.api.quizzes.delete.mutate({ quizId: saved.quizId }))).toEqual(expected);
      expect(await refusal(other.api.quizzes.copy.mutate({ quizId: saved.quizId }))).toEqual(expected);
      expect(await refusal(other.api.games.create.mutate({ quizVersionId: saved.versionId }))).toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/doesn't exist/) });

      expect(await quiz.api.quizzes.get.query({ quizId: saved.quizId })).toMatchObject({ title: "Volcanoes", version: 1, sourceText: VOLCANOES });
      expect((await listed(quiz.api)).some((entry) => entry.quizId === saved.quizId)).toBe(true);
      expect((await listed(other.api)).some((entry) => entry.quizId === saved.quizId)).toBe(false);
    });

    it("an id that was never a quiz (or isn't an id at all) is 'not found' too", async () => {
      expect(await refusal(quiz.api.quizzes.get.query({ quizId: "00000000-0000-4000-8000-000000000000" }))).toEqual({ code: "NOT_FOUND", message: NOT_FOUND });
      expect(await refusal(quiz.api.quizzes.get.query({ quizId: "not-a-quiz" }))).toEqual({ code: "NOT_FOUND", message: NOT_FOUND });
    });
  });

  describe("shared quizzes from content/", () => {
    async function sharedQuiz() {
      const entry = (await listed(quiz.api)).find((item) => item.slug === SHARED_SLUG);
      if (!entry) throw new Error("the shared quiz isn't listed");
      return entry;
    }

    it("every teacher can preview and host them", async () => {
      const shared = await sharedQuiz();
      const preview = await other.api.quizzes.get.query({ quizId: shared.quizId });
      expect(preview).toMatchObject({ editable: false, source: "content", title: "Back Office" });
      expect(preview.questions.length).toBe(shared.questionCount);
      expect(preview.sourceText).toMatch(/^---/);
      await expect(other.api.games.create.mutate({ quizVersionId: shared.versionId })).resolves.toMatchObject({ gameId: expect.any(String) });
    });

    it("rename, replace and delete are refused as read-only", async () => {
      const shared = await sharedQuiz();
      const expected = { code: "FORBIDDEN", message: READ_ONLY };
      expect(await refusal(quiz.api.quizzes.rename.mutate({ quizId: shared.quizId, title: "Mine" }))).toEqual(expected);
      expect(await refusal(quiz.api.quizzes.replace.mutate({ quizId: shared.quizId, source: VOLCANOES }))).toEqual(expected);
      expect(await refusal(quiz.api.quizzes.delete.mutate({ quizId: shared.quizId }))).toEqual(expected);
      expect(await sharedQuiz()).toMatchObject({ title: "Back Office", version: shared.version, versionId: shared.versionId });
    });

    it("copy makes an editable copy in the teacher's own library only", async () => {
      const shared = await sharedQuiz();
      const copy = await quiz.api.quizzes.copy.mutate({ quizId: shared.quizId });
      expect(copy.title).toBe("Back Office (copy)");
      expect(copy.quizId).not.toBe(shared.quizId);
      expect((await listed(quiz.api)).find((entry) => entry.quizId === copy.quizId)).toMatchObject({ editable: true, source: "upload", questionCount: shared.questionCount });
      expect((await listed(other.api)).some((entry) => entry.quizId === copy.quizId)).toBe(false);
      await quiz.api.quizzes.rename.mutate({ quizId: copy.quizId, title: "My back office" });
      expect((await sharedQuiz()).title).toBe("Back Office");
    });
  });

  describe("anonymous visitors", () => {
    it("are asked to sign in for every library call", async () => {
      const saved = await upload();
      const calls: Array<() => Promise<unknown>> = [
        () => anonymous.quizzes.list.query(),
        () => anonymous.quizzes.check.mutate({ source: VOLCANOES }),
        () => anonymous.quizzes.create.mutate({ source: VOLCANOES }),
        () => anonymous.quizzes.get.query({ quizId: saved.quizId }),
        () => anonymous.quizzes.rename.mutate({ quizId: saved.quizId, title: "Anon" }),
        () => anonymous.quizzes.replace.mutate({ quizId: saved.quizId, source: VOLCANOES_V2 }),
        () => anonymous.quizzes.delete.mutate({ quizId: saved.quizId }),
        () => anonymous.quizzes.copy.mutate({ quizId: saved.quizId }),
      ];
      for (const call of calls) expect((await refusal(call())).code).toBe("UNAUTHORIZED");
      expect(await quiz.api.quizzes.get.query({ quizId: saved.quizId })).toMatchObject({ title: "Volcanoes", version: 1 });
    });
  });
});
