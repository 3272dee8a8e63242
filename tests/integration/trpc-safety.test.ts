/**
 * The tRPC API facing a school network: errors that tell a client nothing about the server (no stack,
 * paths or SQL; a reference that is also in the server log), characters that can't be stored refused
 * in plain words, and limits on what one account or one address can make, each refused in a sentence.
 */
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { startQuizServer, type QuizServerOptions, type RunningQuizServer } from "../../server/app";
import { loadContentDirectory } from "../../server/content";
import { listQuizzes } from "../../server/db";
import { parseTrustProxy } from "../../server/http/client-address";
import type { Logger } from "../../server/rooms/ports";
import type { AppRouter } from "../../server/trpc/router";
import { CONTENT_DIR, PROJECT_DIR, TEST_AUTH_SECRET } from "../support/quiz-server";
import { TestHost } from "../support/socket-clients";
import { signUpTeacher } from "../support/teachers";
import { openTestDatabase, testDatabaseTargets, type TestDatabase } from "../support/test-database";
import { ClientEvent } from "../../src/protocol";
import { refusal } from "../support/trpc-refusal";

const SMALL_QUIZ = `---
title: Rivers
---

## Which river flows through Cairo?

- [x] The Nile
- [ ] The Amazon
`;


/** Nothing a student could learn the server's insides from. */
function expectNothingInternal(body: string) {
  expect(body).not.toMatch(/"stack"/);
  expect(body).not.toContain(PROJECT_DIR);
  expect(body).not.toMatch(/node_modules|\.ts:\d+|at [A-Za-z.]+ \(/);
  expect(body).not.toMatch(/\b(select|insert|update|from)\b.*"/i);
  expect(body).not.toMatch(/relation|params|query/i);
}

/** A tRPC client as the teacher with this cookie, calling from `address` (the server trusts X-Forwarded-For from loopback here). */
function clientFrom(url: string, cookie: string | undefined, address: string) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${url}/api/trpc`, maxItems: 1, headers: () => ({ ...(cookie ? { cookie } : {}), "x-forwarded-for": address }) })],
  });
}

describe.each(testDatabaseTargets())("the tRPC API on a school network, on %s", (target) => {
  let database: TestDatabase | undefined;
  let server: RunningQuizServer | undefined;
  let url: string;
  const logged: string[] = [];
  const captureLog: Logger = {
    info: () => {},
    warn: () => {},
    error: (message, error) => logged.push(`${message} ${error instanceof Error ? error.message : String(error)}`),
  };

  async function start(options: Partial<QuizServerOptions> = {}) {
    database = await openTestDatabase(target);
    await loadContentDirectory(database.db, CONTENT_DIR);
    server = await startQuizServer({ db: database.db, port: 0, host: "127.0.0.1", log: captureLog, authSecret: TEST_AUTH_SECRET, authRateLimit: false, ...options });
    url = `http://127.0.0.1:${server.port}`;
  }

  afterEach(async () => {
    await server?.close();
    await database?.close();
    server = undefined;
    database = undefined;
    logged.length = 0;
  });

  it("an anonymous 401 and a server failure carry no stack, path or SQL; the failure's reference is in the server log", async () => {
    await start();
    const anonymous = await fetch(`${url}/api/trpc/quizzes.list`);
    expect(anonymous.status).toBe(401);
    const anonymousBody = await anonymous.text();
    expectNothingInternal(anonymousBody);
    expect(JSON.parse(anonymousBody).error.message).toBe("Please sign in as a teacher to do that.");

    const teacher = await signUpTeacher(url);
    // The database loses a table under the server's feet: every query on it fails with SQL in the driver's error.
    await database!.db.execute(sql`alter table quiz_versions rename to quiz_versions_gone`);
    const failed = await fetch(`${url}/api/trpc/quizzes.list`, { headers: { cookie: teacher.cookie } });
    expect(failed.status).toBe(500);
    const failedBody = await failed.text();
    expectNothingInternal(failedBody);
    expect(failedBody).not.toContain("quiz_versions");
    const message: string = JSON.parse(failedBody).error.message;
    const reference = /^Something went wrong on the server \(reference ([A-Z2-9]{6})\)\. Please try again\.$/.exec(message)?.[1];
    expect(reference, message).toBeDefined();
    // The details went to the server's log under the same reference.
    expect(logged.some((line) => line.includes(`reference ${reference}`) && line.includes("quiz_versions"))).toBe(true);
    await database!.db.execute(sql`alter table quiz_versions_gone rename to quiz_versions`);
  });

  it("a NUL byte, a lone surrogate or a control character in a quiz's text, title or file name is refused in plain words, not a 500", async () => {
    await start();
    const teacher = await signUpTeacher(url);
    const saved = await teacher.api.quizzes.create.mutate({ source: SMALL_QUIZ, fileName: "rivers.md" });

    const cases: Array<[string, () => Promise<unknown>, RegExp]> = [
      ["NUL in the title", () => teacher.api.quizzes.rename.mutate({ quizId: saved.quizId, title: "Rivers\u0000" }), /^The quiz title has a NUL byte, which can't be used/],
      ["lone surrogate in the title", () => teacher.api.quizzes.rename.mutate({ quizId: saved.quizId, title: "Rivers \ud83d" }), /^The quiz title has half of a broken emoji/],
      ["line break in the title", () => teacher.api.quizzes.rename.mutate({ quizId: saved.quizId, title: "Rivers\nand lakes" }), /^The quiz title has a line break/],
      ["NUL in the source", () => teacher.api.quizzes.create.mutate({ source: SMALL_QUIZ.replace("Cairo", "Ca\u0000iro") }), /^The quiz text has a NUL byte on line 5/],
      ["lone surrogate in the source", () => teacher.api.quizzes.replace.mutate({ quizId: saved.quizId, source: SMALL_QUIZ.replace("Amazon", "Amazon \udc00") }), /^The quiz text has half of a broken emoji or symbol \(a lone surrogate\) on line 8/],
      ["escape character in the source", () => teacher.api.quizzes.check.mutate({ source: `${SMALL_QUIZ}\u001b[31m` }), /^The quiz text has an invisible control character \(U\+001B\) on line 9/],
      ["NUL in the file name", () => teacher.api.quizzes.create.mutate({ source: SMALL_QUIZ, fileName: "rivers\u0000.md" }), /^The file name has a NUL byte/],
      ["lone surrogate in the file name", () => teacher.api.quizzes.check.mutate({ source: SMALL_QUIZ, fileName: "\ud800.md" }), /^The file name has half of a broken emoji/],
    ];
    for (const [label, call, words] of cases) {
      const refused = await refusal(call());
      expect(refused.code, label).toBe("BAD_REQUEST");
      expect(refused.message, label).toMatch(words);
      expect(refused.message, label).toMatch(/Remove it \(or retype that part\) and try again\.$/);
    }
    // Nothing was stored; tabs, line breaks in the text and emoji are ordinary text.
    const { quizzes } = await teacher.api.quizzes.list.query();
    expect(quizzes.filter((quiz) => quiz.title.startsWith("Rivers")).map((quiz) => quiz.title)).toEqual(["Rivers"]);
    await teacher.api.quizzes.rename.mutate({ quizId: saved.quizId, title: "Rivers 🌊 and lakes" });
    expect(logged).toEqual([]);
  });

  it("a teacher may have 2 live games open here (LIVE_GAMES_PER_TEACHER); the next is refused in words until one ends", async () => {
    await start({ limits: { liveGamesPerTeacher: 2 } });
    const teacher = await signUpTeacher(url);
    const other = await signUpTeacher(url);
    const [quiz] = await listQuizzes(database!.db);
    const first = await teacher.api.games.create.mutate({ quizVersionId: quiz!.versionId });
    await teacher.api.games.create.mutate({ quizVersionId: quiz!.versionId });
    // Even asked for all at once, no more than the limit get through.
    const burst = await Promise.allSettled([1, 2, 3].map(() => teacher.api.games.create.mutate({ quizVersionId: quiz!.versionId })));
    expect(burst.map((result) => result.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(await refusal(teacher.api.games.create.mutate({ quizVersionId: quiz!.versionId }))).toEqual({
      code: "FORBIDDEN",
      message: "You already have 2 games open, the most one teacher may have at once (2). End one of them first.",
    });
    expect(server!.registry.rooms()).toHaveLength(2);
    // Another teacher has their own allowance.
    await other.api.games.create.mutate({ quizVersionId: quiz!.versionId });

    // The host ends the first game: its slot is free again.
    const host = new TestHost(url);
    try {
      expect((await host.attach(first.gameId, first.hostSecret)).ok).toBe(true);
      expect(await host.action(ClientEvent.hostEnd)).toMatchObject({ ok: true });
    } finally {
      host.close();
    }
    await teacher.api.games.create.mutate({ quizVersionId: quiz!.versionId });
  });

  it("a teacher's library holds QUIZZES_PER_TEACHER quizzes; one more is refused in words", async () => {
    await start({ limits: { quizzesPerTeacher: 2 } });
    const teacher = await signUpTeacher(url);
    const kept = await teacher.api.quizzes.create.mutate({ source: SMALL_QUIZ });
    await teacher.api.quizzes.create.mutate({ source: SMALL_QUIZ.replace("Rivers", "Lakes") });
    const full = { code: "FORBIDDEN", message: "Your library already has 2 quizzes, the most one teacher may keep. Delete one you no longer use first." };
    expect(await refusal(teacher.api.quizzes.create.mutate({ source: SMALL_QUIZ.replace("Rivers", "Seas") }))).toEqual(full);
    expect(await refusal(teacher.api.quizzes.copy.mutate({ quizId: kept.quizId }))).toEqual(full);
    await teacher.api.quizzes.delete.mutate({ quizId: kept.quizId });
    await teacher.api.quizzes.create.mutate({ source: SMALL_QUIZ.replace("Rivers", "Seas") });
  });

  it("changes are limited per account and per network address, each refused in words; other addresses go on", async () => {
    await start({ limits: { mutationsPerMinutePerAccount: 5, mutationsPerMinutePerAddress: 12 }, trustProxy: parseTrustProxy("loopback") });
    const admin = await signUpTeacher(url);
    const busy = await signUpTeacher(url);
    const neighbour = await signUpTeacher(url);
    const check = (cookie: string, address: string) => clientFrom(url, cookie, address).quizzes.check.mutate({ source: SMALL_QUIZ });

    // One account: 5 changes a minute, from any address.
    for (let n = 0; n < 5; n++) await check(busy.cookie, n % 2 ? "10.0.0.1" : "10.0.0.2");
    const perAccount = await refusal(check(busy.cookie, "10.0.0.3"));
    expect(perAccount.code).toBe("TOO_MANY_REQUESTS");
    expect(perAccount.message).toMatch(/^Too many changes from your account in the last minute\. Wait \d+ seconds and try again\.$/);
    // Reading is not limited, and another account on the same address goes on.
    expect((await clientFrom(url, busy.cookie, "10.0.0.1").quizzes.list.query()).quizzes.length).toBeGreaterThan(0);
    await check(neighbour.cookie, "10.0.0.9");

    // One address: 12 changes a minute across everyone behind it: accounts (each also on its own limit) and
    // anonymous callers (refused as "sign in", but counted). The admin has used 2 (the invites), the neighbour 1.
    const results: string[] = [];
    for (let n = 0; n < 12; n++) {
      const cookie = [admin.cookie, neighbour.cookie, undefined][n % 3];
      results.push(
        await clientFrom(url, cookie, "192.0.2.7")
          .quizzes.check.mutate({ source: SMALL_QUIZ })
          .then(
            () => "ok",
            (error: TRPCClientError<any>) => String(error.data?.code),
          ),
      );
    }
    expect(results).toEqual(["ok", "ok", "UNAUTHORIZED", "ok", "ok", "UNAUTHORIZED", "ok", "ok", "UNAUTHORIZED", "TOO_MANY_REQUESTS", "ok", "UNAUTHORIZED"]);
    const perAddress = await refusal(clientFrom(url, undefined, "192.0.2.7").quizzes.check.mutate({ source: SMALL_QUIZ }));
    expect(perAddress.code).toBe("TOO_MANY_REQUESTS");
    expect(perAddress.message).toMatch(/^Too many changes from this network address in the last minute\. Wait \d+ seconds and try again\.$/);
    // Another address is not slowed by that one.
    expect(await clientFrom(url, undefined, "192.0.2.8").quizzes.check.mutate({ source: SMALL_QUIZ }).catch((error: TRPCClientError<any>) => error.data?.code)).toBe("UNAUTHORIZED");
  });
});
