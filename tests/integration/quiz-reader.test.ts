/**
 * Reading a quiz never stalls a game: quiz files are read on a worker thread with a time budget.
 * A file that takes too long is stopped and the teacher told so in plain words, while phones in a
 * running game keep getting answers from the server; pathological files are refused with a line.
 */
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startQuizServer, type RunningQuizServer } from "../../server/app";
import { loadContentDirectory } from "../../server/content";
import { silentLogger } from "../../server/http/console-logger";
import { createQuizReader, QUIZ_TOO_SLOW_MESSAGE, type QuizReader } from "../../server/quizzes";
import { ClientEvent } from "../../src/protocol";
import { CONTENT_DIR, startTestQuizServer, TEST_AUTH_SECRET, type TestQuizServer } from "../support/quiz-server";
import { TestHost, TestPlayer } from "../support/socket-clients";
import { signUpTeacher, type TestTeacher } from "../support/teachers";
import { openTestDatabase, testDatabaseTargets, type TestDatabase } from "../support/test-database";
import { refusal } from "../support/trpc-refusal";


const GOOD = "## Which is a volcano?\n\n- [x] Etna\n- [ ] The Alps\n";

describe.each(testDatabaseTargets())("reading quizzes on %s", (target) => {
  describe("a file that takes longer than the time budget", () => {
    let database: TestDatabase;
    let server: RunningQuizServer;
    let reader: QuizReader;
    let teacher: TestTeacher;
    let url: string;

    beforeAll(async () => {
      database = await openTestDatabase(target);
      await loadContentDirectory(database.db, CONTENT_DIR);
      reader = createQuizReader({ budgetMs: 1_000, workerUrl: new URL("../support/spinning-reader-worker.mjs", import.meta.url) });
      server = await startQuizServer({ db: database.db, port: 0, host: "127.0.0.1", log: silentLogger, authSecret: TEST_AUTH_SECRET, authRateLimit: false, quizReader: reader });
      url = `http://127.0.0.1:${server.port}`;
      teacher = await signUpTeacher(url);
    });

    afterAll(async () => {
      await server?.close();
      await reader?.close();
      await database?.close();
    });

    it("is stopped with a plain message while a running game's phones keep getting answers", async () => {
      const { quizzes } = await teacher.api.quizzes.list.query();
      const ticket = await teacher.api.games.create.mutate({ quizVersionId: quizzes.find((quiz) => quiz.slug === "back-office")!.versionId, options: { readTimeSec: 0, timeLimitSec: 60 } });
      const host = new TestHost(url);
      const phone = new TestPlayer(url);
      try {
        await host.attach(ticket.gameId, ticket.hostSecret);
        expect((await phone.join(ticket.code, "Ada")).ok).toBe(true);
        await host.action(ClientEvent.hostStart);
        await phone.nextRoomView((view) => view.phase === "answering", "answering");

        let checkSettled = false;
        const check = refusal(teacher.api.quizzes.check.mutate({ source: GOOD })).finally(() => (checkSettled = true));

        // While the worker spins on the file, the event loop that times rounds answers every phone message.
        const syncsDuringCheck: number[] = [];
        let answeredDuringCheck: boolean | null = null;
        let answer: Promise<void> | null = null;
        while (!checkSettled) {
          const sent = performance.now();
          const ack = (await phone.socket.timeout(5_000).emitWithAck(ClientEvent.timeSync, {})) as { ok: boolean };
          if (ack.ok && !checkSettled) syncsDuringCheck.push(performance.now() - sent);
          answer ??= phone.answer(0, [0]).then((answerAck) => void (answeredDuringCheck = answerAck.ok && !checkSettled));
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await answer;

        const refused = await check;
        expect(refused.code).toBe("UNPROCESSABLE_CONTENT");
        expect(refused.message).toBe(QUIZ_TOO_SLOW_MESSAGE);
        expect(refused.message).toMatch(/^This quiz took too long to read/);
        expect(syncsDuringCheck.length).toBeGreaterThanOrEqual(5);
        expect(answeredDuringCheck).toBe(true);
      } finally {
        phone.close();
        host.close();
      }
    });

    it("saves nothing when an upload takes too long", async () => {
      const before = (await teacher.api.quizzes.list.query()).quizzes.length;
      const refused = await refusal(teacher.api.quizzes.create.mutate({ source: GOOD, fileName: "volcano.md" }));
      expect(refused).toEqual({ code: "UNPROCESSABLE_CONTENT", message: QUIZ_TOO_SLOW_MESSAGE });
      expect((await teacher.api.quizzes.list.query()).quizzes.length).toBe(before);
    });

    it("skips and reports content/ files that take too long, each on a fresh thread", async () => {
      const content = await loadContentDirectory(database.db, CONTENT_DIR, reader);
      expect(content.quizzes).toEqual([]);
      expect(content.problems.length).toBeGreaterThan(0);
      expect(content.problems[0]!.message).toContain("This quiz took too long to read");
    });
  });

  describe("files shaped to be slow, through the real reader", () => {
    let quiz: TestQuizServer;
    beforeAll(async () => {
      quiz = await startTestQuizServer(target);
    });
    afterAll(async () => {
      await quiz?.close();
    });

    it("refuses ~190 KB of *a with the line and a plain reason, and saves nothing", async () => {
      const source = `## Q\n${"*a".repeat(95_000)}\n- [x] a\n- [ ] b\n`;
      const check = await quiz.api.quizzes.check.mutate({ source });
      expect(check.ok).toBe(false);
      // With its code and values, so a teacher's screen can say it in its own language.
      expect(check.problems[0]).toEqual({
        line: 2,
        message: "This line is 190,000 characters long; a line can be at most 2,000. Break it into shorter lines.",
        code: "lineTooLong",
        params: { length: 190_000, max: 2_000 },
      });
      const refused = await refusal(quiz.api.quizzes.create.mutate({ source }));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.message).toMatch(/^Nothing was saved\. Line 2: This line is 190,000 characters long/);
    });

    it("refuses the same marks wrapped into short lines as one paragraph with too many marks", async () => {
      const source = `## Q\n${("*a".repeat(60) + "\n").repeat(190)}\n- [x] a\n- [ ] b\n`;
      const check = await quiz.api.quizzes.check.mutate({ source });
      expect(check.problems[0]).toMatchObject({ line: 5, message: expect.stringMatching(/^The paragraph from line 2 to this line has more than 200 \*, _ or ~ marks/) });
    });

    it("refuses a NUL byte or half a character in the quiz text with its line (not a database error)", async () => {
      for (const bad of ["\u0000", "\uD800"]) {
        const source = `## Q\n\nA line ${bad} here\n\n- [x] a\n- [ ] b\n`;
        const refused = await refusal(quiz.api.quizzes.create.mutate({ source, fileName: "bad.md" }));
        expect(refused.code).toBe("BAD_REQUEST");
        expect(refused.message).toMatch(/^The quiz text has (a NUL byte|half of a broken emoji or symbol \(a lone surrogate\)) on line 3, which can't be used\./);
      }
    });

    it("refuses a file name with a control character in plain words", async () => {
      const refused = await refusal(quiz.api.quizzes.create.mutate({ source: GOOD, fileName: "vol\u0000cano.md" }));
      expect(refused).toEqual({ code: "BAD_REQUEST", message: "The file name has a NUL byte, which can't be used. Remove it (or retype that part) and try again." });
    });

    it("refuses a title with a control character in plain words", async () => {
      const saved = await quiz.api.quizzes.create.mutate({ source: GOOD, fileName: "volcano.md" });
      const refused = await refusal(quiz.api.quizzes.rename.mutate({ quizId: saved.quizId, title: "Vol\u0007canoes" }));
      expect(refused).toEqual({ code: "BAD_REQUEST", message: "The quiz title has an invisible control character (U+0007), which can't be used. Remove it (or retype that part) and try again." });
    });
  });
});
