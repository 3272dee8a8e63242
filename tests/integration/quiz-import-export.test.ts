/**
 * Importing and exporting quizzes over the real tRPC API: a teacher imports the sample CSV, saves
 * the quizdown it gives and hosts it; exports it to Kahoot! and Moodle XML and reads those back;
 * another teacher and anonymous visitors get nothing; a broken file is refused in plain words.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseQuizdown } from "../../src/quizdown";
import { importKahootXlsx, importMoodleXml } from "../../server/quizzes/convert";
import { closeConvertPool } from "../../server/quizzes/convert/convert-pool";
import { apiClient, signUpTeacher, startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import type { ApiClient, TestTeacher } from "../support/teachers";
import { testDatabaseTargets } from "../support/test-database";
import { refusal } from "../support/trpc-refusal";

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../fixtures/convert", name));

describe.each(testDatabaseTargets())("quiz import and export on %s", (target) => {
  let quiz: TestQuizServer;
  let other: TestTeacher;
  let anonymous: ApiClient;

  beforeAll(async () => {
    quiz = await startTestQuizServer(target);
    other = await signUpTeacher(quiz.url);
    anonymous = apiClient(quiz.url);
  });
  afterAll(async () => {
    await quiz?.close();
    await closeConvertPool();
  });

  async function importedQuiz() {
    const imported = await quiz.api.quizzes.importFile.mutate({ fileName: "sample.csv", base64: fixture("sample.csv").toString("base64") });
    return { imported, saved: await quiz.api.quizzes.create.mutate({ source: imported.quizdown, fileName: "sample.md" }) };
  }

  it("imports the CSV as quizdown with its notes, saves it and hosts all nine questions", async () => {
    const { imported, saved } = await importedQuiz();
    expect(imported.notes).toEqual([{ row: 11, message: expect.stringMatching(/^Row 11: the kind "drawing"/) }]);
    expect(saved.title).toBe("Sample");
    const game = await quiz.api.games.create.mutate({ quizVersionId: saved.versionId });
    const room = quiz.server.registry.findById(game.gameId);
    expect(room?.state.questions.map((question) => question.kind)).toEqual(["single", "multiple", "truefalse", "typed", "typed", "slider", "order", "poll", "single"]);
  });

  it("exports quizdown as stored, and Kahoot! and Moodle files the importers read back", async () => {
    const { imported, saved } = await importedQuiz();
    const md = await quiz.api.quizzes.exportFile.query({ quizId: saved.quizId, format: "quizdown" });
    expect(md).toMatchObject({ fileName: "sample.md", notes: [] });
    expect(Buffer.from(md.base64, "base64").toString("utf8")).toBe(imported.quizdown);

    const kahoot = await quiz.api.quizzes.exportFile.query({ quizId: saved.quizId, format: "kahoot" });
    expect(kahoot.fileName).toBe("sample-kahoot.xlsx");
    // Two typed, a slider, an ordering and a poll question don't fit; 7 seconds becomes Kahoot!'s 5.
    expect(kahoot.notes.map((note) => note.line)).toEqual([26, 31, 37, 46, 52, 60]);
    const fromKahoot = parseQuizdown((await importKahootXlsx(Buffer.from(kahoot.base64, "base64"))).quizdown);
    expect(fromKahoot.ok && fromKahoot.quiz.questions.map((question) => question.kind)).toEqual(["single", "multiple", "truefalse", "single"]);

    const moodle = await quiz.api.quizzes.exportFile.query({ quizId: saved.quizId, format: "moodle" });
    expect(moodle.fileName).toBe("sample-moodle.xml");
    const fromMoodle = parseQuizdown(importMoodleXml(Buffer.from(moodle.base64, "base64").toString("utf8")).quizdown);
    expect(fromMoodle.ok && fromMoodle.quiz.questions).toHaveLength(9);
  });

  it("exports a shared quiz too, but another teacher's quiz is not found and visitors get nothing", async () => {
    const shared = (await quiz.api.quizzes.list.query()).quizzes.find((item) => item.slug === "back-office");
    const sharedFile = await quiz.api.quizzes.exportFile.query({ quizId: shared!.quizId, format: "moodle" });
    expect(Buffer.from(sharedFile.base64, "base64").toString("utf8")).toContain('<question type="multichoice">');
    const { saved } = await importedQuiz();
    expect((await refusal(other.api.quizzes.exportFile.query({ quizId: saved.quizId, format: "moodle" }))).code).toBe("NOT_FOUND");
    expect((await refusal(anonymous.quizzes.exportFile.query({ quizId: saved.quizId, format: "moodle" }))).code).toBe("UNAUTHORIZED");
    expect((await refusal(anonymous.quizzes.importFile.mutate({ fileName: "a.csv", base64: "" }))).code).toBe("UNAUTHORIZED");
  });

  it("refuses a broken file and a file over the size limit in plain words", async () => {
    const truncated = fixture("kahoot-template.xlsx").subarray(0, 3000).toString("base64");
    const broken = await refusal(quiz.api.quizzes.importFile.mutate({ fileName: "quiz.xlsx", base64: truncated }));
    expect(broken).toEqual({ code: "BAD_REQUEST", message: expect.stringMatching(/^This file can't be read as a spreadsheet\./) });
    const big = await refusal(quiz.api.quizzes.importFile.mutate({ fileName: "quiz.csv", base64: "A".repeat(800_000) }));
    expect(big.code).toBe("BAD_REQUEST");
    expect(big.message).toMatch(/too big to import: it can be at most 512 KB/);
  });
});
