/**
 * Teacher accounts through the real better-auth endpoints on a real server: sign-up, sign-in,
 * sessions on tRPC calls, the origin (CSRF) check, and what an anonymous visitor may not do.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { TRPCClientError } from "@trpc/client";
import { afterEach, describe, expect, it } from "vitest";
import { startQuizServer, type RunningQuizServer } from "../../server/app";
import { AUTH_SECRET_FILE, resolveAuthSecret } from "../../server/auth/secret";
import { loadContentDirectory } from "../../server/content";
import { getGameAuth, listQuizzes, schema } from "../../server/db";
import { silentLogger } from "../../server/http/console-logger";
import { CONTENT_DIR, TEST_AUTH_SECRET } from "../support/quiz-server";
import { apiClient, signInTeacher, signUpTeacher, TEST_PASSWORD } from "../support/teachers";
import { openTestDatabase, testDatabaseTargets, type TestDatabase } from "../support/test-database";

async function errorOf(promise: Promise<unknown>): Promise<TRPCClientError<any>> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  return error as TRPCClientError<any>;
}

describe.each(testDatabaseTargets())("teacher accounts on %s", (target) => {
  let database: TestDatabase;
  let server: RunningQuizServer;
  let url: string;

  async function start() {
    database = await openTestDatabase(target);
    await loadContentDirectory(database.db, CONTENT_DIR);
    server = await startQuizServer({ db: database.db, port: 0, host: "127.0.0.1", log: silentLogger, authSecret: TEST_AUTH_SECRET, authRateLimit: false });
    url = `http://127.0.0.1:${server.port}`;
  }

  afterEach(async () => {
    await server?.close();
    await database?.close();
  });

  it("a new install has no teacher, so the pages start at sign-up; after it the teacher is signed in", async () => {
    await start();
    const anonymous = apiClient(url);
    expect(await anonymous.account.status.query()).toEqual({ teacher: null, hasTeachers: false });

    const teacher = await signUpTeacher(url, { name: "Ms Rivera", email: "rivera@school.test" });
    const status = await teacher.api.account.status.query();
    expect(status.hasTeachers).toBe(true);
    expect(status.teacher).toMatchObject({ name: "Ms Rivera", email: "rivera@school.test" });
    // Still anonymous without the cookie.
    expect((await anonymous.account.status.query()).teacher).toBeNull();

    // The password is stored only as better-auth's hash.
    const [account] = await database.db.select().from(schema.teacherAccounts);
    expect(account!.password).toBeTruthy();
    expect(account!.password).not.toContain(TEST_PASSWORD);
  });

  it("anonymous visitors are asked to sign in for everything a teacher does", async () => {
    await start();
    const anonymous = apiClient(url);
    const [quiz] = await listQuizzes(database.db);
    const calls = [
      () => anonymous.quizzes.list.query(),
      () => anonymous.games.create.mutate({ quizVersionId: quiz!.versionId }),
      () => anonymous.pastGames.report.query({ gameId: randomUUID() }),
    ];
    for (const call of calls) {
      const error = await errorOf(call());
      expect(error.data?.code).toBe("UNAUTHORIZED");
      expect(error.message).toBe("Please sign in as a teacher to do that.");
    }
    expect(server.registry.rooms()).toHaveLength(0);
  });

  it("signs in with the right password only, refuses a second account for the same email, and signs out", async () => {
    await start();
    await signUpTeacher(url, { email: "lee@school.test" });
    await expect(signInTeacher(url, "lee@school.test", "wrong password!")).rejects.toThrow(/401/);
    await expect(signUpTeacher(url, { email: "lee@school.test" })).rejects.toThrow(/already exists/i);

    const again = await signInTeacher(url, "lee@school.test");
    expect((await again.api.account.status.query()).teacher?.email).toBe("lee@school.test");

    const out = await fetch(`${url}/api/auth/sign-out`, { method: "POST", headers: { cookie: again.cookie, origin: url } });
    expect(out.ok).toBe(true);
    expect((await again.api.account.status.query()).teacher).toBeNull();
  });

  it("refuses a cookie-carrying request from another site's page (CSRF), and accepts the same from this site", async () => {
    await start();
    const teacher = await signUpTeacher(url);
    const forged = await fetch(`${url}/api/auth/sign-out`, { method: "POST", headers: { cookie: teacher.cookie, origin: "http://evil.example" } });
    expect(forged.status).toBe(403);
    expect((await teacher.api.account.status.query()).teacher).not.toBeNull();
  });

  it("each teacher's games are their own: another teacher's game id is 'not found'", async () => {
    await start();
    const first = await signUpTeacher(url);
    const second = await signUpTeacher(url);
    const [quiz] = await listQuizzes(database.db);
    const ticket = await first.api.games.create.mutate({ quizVersionId: quiz!.versionId });
    expect((await first.api.pastGames.report.query({ gameId: ticket.gameId })).game.id).toBe(ticket.gameId);
    const error = await errorOf(second.api.pastGames.report.query({ gameId: ticket.gameId }));
    expect(error.data?.code).toBe("NOT_FOUND");
    expect(error.message).toBe("There is no saved game with that id.");
  });

  it("games saved before accounts existed go to the first teacher, not to later ones", async () => {
    await start();
    const [quiz] = await listQuizzes(database.db);
    const oldGameId = randomUUID();
    await database.db.insert(schema.games).values({ id: oldGameId, quizVersionId: quiz!.versionId, code: "111111", hostSecretHash: "x", status: "finished" });
    const first = await signUpTeacher(url);
    const later = await signUpTeacher(url);
    const teacherId = (await first.api.account.status.query()).teacher!.id;
    const [row] = await database.db.select({ ownerId: schema.games.ownerId }).from(schema.games);
    expect(row!.ownerId).toBe(teacherId);
    expect((await getGameAuth(database.db, oldGameId))?.id).toBe(oldGameId);
    expect((await first.api.pastGames.report.query({ gameId: oldGameId })).game.status).toBe("finished");
    expect((await errorOf(later.api.pastGames.report.query({ gameId: oldGameId }))).data?.code).toBe("NOT_FOUND");
  });
});

// Once per run, not per database: better-auth keeps its attempt counts in one in-memory store per process.
describe("sign-in limits", () => {
  it("limits sign-in attempts per connection address (3 in 10 s); a client can't pose as another address", async () => {
    const database = await openTestDatabase("pglite");
    const server = await startQuizServer({ db: database.db, port: 0, host: "127.0.0.1", log: silentLogger, authSecret: TEST_AUTH_SECRET, authRateLimit: true });
    const url = `http://127.0.0.1:${server.port}`;
    try {
      await signUpTeacher(url, { email: "guess@school.test" });
      let spoofed = 0;
      const attempt = () =>
        fetch(`${url}/api/auth/sign-in/email`, {
          method: "POST",
          // Each attempt claims another address in the header the server uses; the server overwrites it.
          headers: { "content-type": "application/json", origin: url, "x-quiz-client-address": `203.0.113.${++spoofed}` },
          body: JSON.stringify({ email: "guess@school.test", password: "not the password" }),
        }).then((response) => response.status);
      expect([await attempt(), await attempt(), await attempt()]).toEqual([401, 401, 401]);
      expect(await attempt()).toBe(429);
    } finally {
      await server.close();
      await database.close();
    }
  });
});

describe("the sign-in key", () => {
  it("is AUTH_SECRET when set; otherwise made once, kept in the data folder (owner-only) and reused", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "quiz-auth-"));
    try {
      expect(await resolveAuthSecret("from-the-environment-0123456789abcdef", dataDir)).toEqual({ secret: "from-the-environment-0123456789abcdef", source: "env" });
      const made = await resolveAuthSecret(undefined, dataDir);
      expect(made.source).toBe("new");
      expect(made.secret.length).toBeGreaterThanOrEqual(32);
      const file = path.join(dataDir, AUTH_SECRET_FILE);
      expect((await readFile(file, "utf8")).trim()).toBe(made.secret);
      expect((await stat(file)).mode & 0o077).toBe(0);
      expect(await resolveAuthSecret(undefined, dataDir)).toEqual({ secret: made.secret, source: "file" });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
