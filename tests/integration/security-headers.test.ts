/**
 * Every kind of response the server sends (tRPC, auth, /healthz, Socket.IO polling, and its
 * refusals) carries the security headers and a request id; a failure answers with a reference and
 * nothing else, and the server's log has that reference and a bounded error without the SQL
 * parameters. (The pages themselves, under the production build, are checked in
 * tests/e2e/security-headers.spec.ts.)
 */
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { startQuizServer, type RunningQuizServer } from "../../server/app";
import { loadContentDirectory } from "../../server/content";
import { parseTrustProxy } from "../../server/http/client-address";
import { createServerLogger } from "../../server/logging/logger";
import { CONTENT_DIR, TEST_AUTH_SECRET } from "../support/quiz-server";
import { signUpTeacher } from "../support/teachers";
import { openTestDatabase, testDatabaseTargets, type TestDatabase } from "../support/test-database";

function expectSecurityHeaders(response: Response, what: string, kind: "data" | "page" = "data") {
  const headers = response.headers;
  expect(headers.get("content-security-policy"), what).toContain("frame-ancestors 'none'");
  if (kind === "data") expect(headers.get("content-security-policy"), what).toContain("default-src 'none'");
  else expect(headers.get("content-security-policy"), what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  expect(headers.get("x-frame-options"), what).toBe("DENY");
  expect(headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(headers.get("referrer-policy"), what).toBe("strict-origin-when-cross-origin");
  expect(headers.get("x-request-id"), what).toMatch(/^[A-Za-z0-9_-]{8}$/);
}

describe.each(testDatabaseTargets())("security headers and error responses on %s", (target) => {
  let database: TestDatabase | undefined;
  let server: RunningQuizServer | undefined;
  let url: string;
  let logLines: Record<string, unknown>[];

  async function start(options: { trustProxy?: string; publicUrl?: string } = {}) {
    database = await openTestDatabase(target);
    await loadContentDirectory(database.db, CONTENT_DIR);
    logLines = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const log = createServerLogger({ format: "json", destination });
    server = await startQuizServer({
      db: database.db,
      port: 0,
      host: "127.0.0.1",
      log,
      authSecret: TEST_AUTH_SECRET,
      authRateLimit: false,
      trustProxy: parseTrustProxy(options.trustProxy),
      publicUrl: options.publicUrl,
    });
    url = `http://127.0.0.1:${server.port}`;
    return log;
  }

  afterEach(async () => {
    await server?.close();
    await database?.close();
    server = undefined;
    database = undefined;
  });

  it("tRPC, auth, /healthz, Socket.IO polling and refusals all carry the headers and their own request id", async () => {
    await start();
    const teacher = await signUpTeacher(url);
    const responses: [string, Response][] = [
      ["healthz", await fetch(`${url}/healthz`)],
      ["tRPC query", await fetch(`${url}/api/trpc/account.status`)],
      ["tRPC refusal (anonymous)", await fetch(`${url}/api/trpc/quizzes.list`)],
      ["tRPC unknown procedure", await fetch(`${url}/api/trpc/no.such.thing`)],
      ["auth session", await fetch(`${url}/api/auth/get-session`, { headers: { cookie: teacher.cookie } })],
      ["auth refusal", await fetch(`${url}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: url }, body: JSON.stringify({ email: teacher.email, password: "wrong password" }) })],
      ["Socket.IO polling handshake", await fetch(`${url}/socket.io/?EIO=4&transport=polling`)],
      ["Socket.IO refusal", await fetch(`${url}/socket.io/?EIO=4&transport=carrier-pigeon`)],
      ["no page server", await fetch(`${url}/anything`)],
    ];
    expect(responses.map(([, response]) => response.status)).toEqual([200, 200, 401, 404, 200, 401, 200, 400, 404]);
    for (const [what, response] of responses) expectSecurityHeaders(response, what, what === "no page server" ? "page" : "data");
    const ids = responses.map(([, response]) => response.headers.get("x-request-id"));
    expect(new Set(ids).size).toBe(ids.length);

    // The session cookie is not Secure over plain http (phones on the school LAN), and is HttpOnly.
    const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url },
      body: JSON.stringify({ email: teacher.email, password: "correct horse battery" }),
    });
    const cookie = signIn.headers.getSetCookie().find((header) => header.includes("session_token"))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it("behind HTTPS (PUBLIC_URL https://…) the teacher's session cookie is Secure, and it still signs the teacher in", async () => {
    await start({ publicUrl: "https://quiz.example-school.test" });
    const teacher = await signUpTeacher(url);
    expect(teacher.cookie).toContain("__Secure-");
    const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url },
      body: JSON.stringify({ email: teacher.email, password: "correct horse battery" }),
    });
    const cookie = signIn.headers.getSetCookie().find((header) => header.includes("session_token"))!;
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
    expect((await teacher.api.account.status.query()).teacher?.email).toBe(teacher.email);
  });

  it("behind a trusted proxy that says HTTPS the session cookie is Secure; a client's own X-Forwarded-Proto changes nothing", async () => {
    // Only the first account is made by sign-up; the cookies under test come from signing in.
    async function sessionCookie(email: string, headers: Record<string, string>) {
      const response = await fetch(`${url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: url, ...headers },
        body: JSON.stringify({ email, password: "correct horse battery" }),
      });
      expect(response.status).toBe(200);
      return response.headers.getSetCookie().find((header) => header.includes("session_token"))!;
    }
    await start();
    const first = await signUpTeacher(url);
    expect(await sessionCookie(first.email, { "x-forwarded-proto": "https" })).not.toMatch(/;\s*Secure/i);
    await server!.close();
    await database!.close();

    await start({ trustProxy: "loopback" });
    const second = await signUpTeacher(url);
    expect(await sessionCookie(second.email, { "x-forwarded-proto": "https" })).toMatch(/;\s*Secure/i);
    expect(await sessionCookie(second.email, { "x-forwarded-proto": "http" })).not.toMatch(/;\s*Secure/i);
  });

  it("a request id from a client is ignored; one from a trusted proxy is kept", async () => {
    await start();
    const fromStudent = await fetch(`${url}/healthz`, { headers: { "x-request-id": "chosen-by-student" } });
    expect(fromStudent.headers.get("x-request-id")).not.toBe("chosen-by-student");
    await server!.close();
    await database!.close();

    await start({ trustProxy: "loopback" });
    const fromProxy = await fetch(`${url}/healthz`, { headers: { "x-request-id": "proxy-id-1234" } });
    expect(fromProxy.headers.get("x-request-id")).toBe("proxy-id-1234");
    const malformed = await fetch(`${url}/healthz`, { headers: { "x-request-id": "<script>" } });
    expect(malformed.headers.get("x-request-id")).toMatch(/^[A-Za-z0-9_-]{8}$/);
  });

  it("when the database fails, sign-in answers 500 with a reference only, and the log has that reference without the SQL parameters", async () => {
    const log = await start();
    const email = "leak-check-7f3a@school.test";
    await signUpTeacher(url, { email });
    // The database goes away under the running server.
    await database!.close();
    database = undefined;

    const response = await fetch(`${url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url },
      body: JSON.stringify({ email, password: "correct horse battery" }),
    });
    const body = await response.text();
    expect(response.status).toBe(500);
    expectSecurityHeaders(response, "auth failure");
    const reference = response.headers.get("x-request-id")!;
    expect(JSON.parse(body)).toEqual({ error: "Something went wrong on the server.", reference });
    expect(body).not.toMatch(/ at |\/node_modules\/|\.ts:|select |query/i);

    await log.flush();
    const entries = logLines.filter((line) => line.reqId === reference);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ level: 50, msg: "auth /api/auth/sign-in/email failed" });
    const logged = JSON.stringify(entries[0]);
    expect(logged).not.toContain(email);
    expect(logged.length).toBeLessThan(8_000);
  });
});
