/**
 * Teacher accounts on a school network, through the real better-auth endpoints and tRPC API on a real
 * server: the first account is the admin, sign-up is then closed unless the admin hands out a one-time
 * invite link or sets the school code; a turned-off teacher is signed out and can't sign back in; and
 * passwords follow NIST SP 800-63B (length, not composition; leaked and obvious ones refused).
 */
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { startQuizServer, type RunningQuizServer } from "../../server/app";
import { schema } from "../../server/db";
import { silentLogger } from "../../server/http/console-logger";
import { TEST_AUTH_SECRET } from "../support/quiz-server";
import { apiClient, postSignUp, signInTeacher, signUpTeacher, TEST_PASSWORD, type TestTeacher } from "../support/teachers";
import { openTestDatabase, testDatabaseTargets, type TestDatabase } from "../support/test-database";
import { refusal } from "../support/trpc-refusal";

const CLOSED = "Sign-up is closed on this server. Ask your school's quiz admin for an invite link.";


/** A sign-up as the page sends it; returns the HTTP status and better-auth's error body. */
async function trySignUp(url: string, body: Record<string, unknown>): Promise<{ status: number; code?: string; message?: string }> {
  const response = await postSignUp(url, { name: "A Student", password: "my dog eats homework", ...body });
  const json = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  return { status: response.status, code: json.code, message: json.message };
}

let emails = 0;
const newEmail = () => `someone-${++emails}-${Date.now()}@school.test`;

describe.each(testDatabaseTargets())("accounts for a school on %s", (target) => {
  let database: TestDatabase | undefined;
  let server: RunningQuizServer | undefined;
  let url: string;

  async function start() {
    database = await openTestDatabase(target);
    server = await startQuizServer({ db: database.db, port: 0, host: "127.0.0.1", log: silentLogger, authSecret: TEST_AUTH_SECRET, authRateLimit: false });
    url = `http://127.0.0.1:${server.port}`;
  }

  afterEach(async () => {
    await server?.close();
    await database?.close();
    server = undefined;
    database = undefined;
  });

  it("the first account is the admin; after it sign-up is closed, in plain words", async () => {
    await start();
    expect(await apiClient(url).account.signUpOptions.query()).toEqual({ firstAccount: true, schoolCodeEnabled: false, invite: null });
    const admin = await signUpTeacher(url, { name: "Ms Admin", email: "admin@school.test" });
    expect((await admin.api.account.status.query()).teacher).toMatchObject({ email: "admin@school.test", isAdmin: true });
    expect(await apiClient(url).account.signUpOptions.query()).toEqual({ firstAccount: false, schoolCodeEnabled: false, invite: null });

    // A student who finds the sign-up page gets nothing, whatever they send.
    for (const extra of [{}, { inviteToken: "guess" }, { schoolCode: "12345678" }, { role: "admin" }]) {
      const refused = await trySignUp(url, { email: newEmail(), ...extra });
      expect(refused.status, JSON.stringify(extra)).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
    }
    expect(await trySignUp(url, { email: newEmail() })).toMatchObject({ status: 403, code: "SIGN_UP_CLOSED", message: CLOSED });
    expect(await database!.db.select().from(schema.teachers)).toHaveLength(1);

    // Nor can a teacher use the admin's pages.
    const admitted = await signUpTeacher(url);
    expect((await admitted.api.account.status.query()).teacher?.isAdmin).toBe(false);
    for (const call of [() => admitted.api.admin.teachers.query(), () => admitted.api.admin.createInvite.mutate(), () => admitted.api.admin.setSchoolCode.mutate({ schoolCode: "open sesame 1" })]) {
      expect(await refusal(call())).toEqual({ code: "FORBIDDEN", message: "Only your school's quiz admin can do that." });
    }
  });

  it("of two sign-ups racing on a fresh install exactly one becomes the admin, and the other is refused", async () => {
    await start();
    const results = await Promise.all([trySignUp(url, { email: newEmail() }), trySignUp(url, { email: newEmail() })]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 403]);
    const rows = await database!.db.select({ role: schema.teachers.role }).from(schema.teachers);
    expect(rows).toEqual([{ role: "admin" }]);
  });

  it("an invite link works once, for one teacher, and not after it expires", async () => {
    await start();
    const admin = await signUpTeacher(url);
    const invite = await admin.api.admin.createInvite.mutate();
    expect(invite.path).toBe(`/sign-up?invite=${invite.token}`);
    expect(new Date(invite.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
    expect((await apiClient(url).account.signUpOptions.query({ inviteToken: invite.token })).invite).toBe("valid");

    const teacher = await signUpTeacher(url, { name: "Mr Okafor", inviteToken: invite.token });
    expect((await teacher.api.account.status.query()).teacher).toMatchObject({ name: "Mr Okafor", isAdmin: false });
    expect(await trySignUp(url, { email: newEmail(), inviteToken: invite.token })).toMatchObject({ status: 403, message: expect.stringMatching(/already been used/) });
    expect((await apiClient(url).account.signUpOptions.query({ inviteToken: invite.token })).invite).toBe("used");
    const listed = await admin.api.admin.invites.query();
    expect(listed).toEqual([expect.objectContaining({ id: invite.id, state: "used", usedByName: "Mr Okafor" })]);

    // An invite made a week ago has expired.
    const old = await admin.api.admin.createInvite.mutate();
    await database!.db.update(schema.teacherInvites).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.teacherInvites.id, old.id));
    expect(await trySignUp(url, { email: newEmail(), inviteToken: old.token })).toMatchObject({ status: 403, message: expect.stringMatching(/expired/) });
    expect((await apiClient(url).account.signUpOptions.query({ inviteToken: old.token })).invite).toBe("expired");

    // A cancelled invite is no longer valid.
    const cancelled = await admin.api.admin.createInvite.mutate();
    await admin.api.admin.cancelInvite.mutate({ inviteId: cancelled.id });
    expect(await trySignUp(url, { email: newEmail(), inviteToken: cancelled.token })).toMatchObject({ status: 403, message: expect.stringMatching(/isn't valid/) });
    expect(await database!.db.select().from(schema.teachers)).toHaveLength(2);
  });

  it("the school sign-up code lets teachers in until the admin changes it or turns it off", async () => {
    await start();
    const admin = await signUpTeacher(url);
    expect(await refusal(admin.api.admin.setSchoolCode.mutate({ schoolCode: "1234" }))).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/8 to 64 characters/) });
    await admin.api.admin.setSchoolCode.mutate({ schoolCode: "Maple Hill 2026" });
    expect(await admin.api.admin.signUpSettings.query()).toEqual({ schoolCode: "Maple Hill 2026" });
    expect((await apiClient(url).account.signUpOptions.query()).schoolCodeEnabled).toBe(true);

    const first = await signUpTeacher(url, { schoolCode: "maple hill 2026" });
    expect((await first.api.account.status.query()).teacher?.isAdmin).toBe(false);
    expect(await trySignUp(url, { email: newEmail(), schoolCode: "Maple Hill 2025" })).toMatchObject({ status: 403, message: expect.stringMatching(/code isn't right/) });

    await admin.api.admin.setSchoolCode.mutate({ schoolCode: "Birch Road 2027" });
    expect(await trySignUp(url, { email: newEmail(), schoolCode: "Maple Hill 2026" })).toMatchObject({ status: 403 });
    await signUpTeacher(url, { schoolCode: "Birch Road 2027" });

    await admin.api.admin.setSchoolCode.mutate({ schoolCode: null });
    expect((await apiClient(url).account.signUpOptions.query()).schoolCodeEnabled).toBe(false);
    expect(await trySignUp(url, { email: newEmail(), schoolCode: "Birch Road 2027" })).toMatchObject({ status: 403, message: CLOSED });
    expect(await database!.db.select().from(schema.teachers)).toHaveLength(3);
  });

  it("a teacher the admin turns off is signed out at once and can't sign in, until turned on again", async () => {
    await start();
    const admin = await signUpTeacher(url);
    const teacher: TestTeacher = await signUpTeacher(url, { email: "leaving@school.test" });
    const teacherId = (await teacher.api.account.status.query()).teacher!.id;
    const listed = await admin.api.admin.teachers.query();
    expect(listed.map((row) => [row.email, row.isAdmin, row.disabled])).toEqual([
      [admin.email, true, false],
      ["leaving@school.test", false, false],
    ]);

    await admin.api.admin.disableTeacher.mutate({ teacherId });
    expect((await teacher.api.account.status.query()).teacher).toBeNull();
    expect(await refusal(teacher.api.quizzes.list.query())).toMatchObject({ code: "UNAUTHORIZED" });
    await expect(signInTeacher(url, "leaving@school.test")).rejects.toThrow(/turned off by your school's quiz admin/);
    expect((await admin.api.admin.teachers.query()).find((row) => row.id === teacherId)?.disabled).toBe(true);
    // The admin can't lock themself out.
    const self = (await admin.api.account.status.query()).teacher!.id;
    expect(await refusal(admin.api.admin.disableTeacher.mutate({ teacherId: self }))).toMatchObject({ code: "BAD_REQUEST" });

    // The admin manages sign-ins, not teachers' work: acting as a teacher, taking over or deleting an account are off.
    for (const path of ["impersonate-user", "set-user-password", "remove-user", "create-user"]) {
      const response = await fetch(`${url}/api/auth/admin/${path}`, {
        method: "POST",
        headers: { cookie: admin.cookie, origin: url, "content-type": "application/json" },
        body: JSON.stringify({ userId: teacherId, newPassword: "a brand new password", email: "x@school.test", password: "a brand new password", name: "X" }),
      });
      expect(response.status, path).toBe(404);
    }

    await admin.api.admin.enableTeacher.mutate({ teacherId });
    const back = await signInTeacher(url, "leaving@school.test");
    expect((await back.api.account.status.query()).teacher?.id).toBe(teacherId);
  });

  it("passwords: at least 8 characters, long passphrases welcome, leaked and obvious ones refused", async () => {
    await start();
    const weak = async (password: string, email = newEmail(), name = "Dana Rivera") => {
      const refused = await trySignUp(url, { email, name, password });
      return refused.status === 400 ? refused.message : `accepted (${refused.status})`;
    };
    // The first sign-up is open, so the password rules are what refuse these.
    expect(await weak("short")).toMatch(/at least 8 characters/);
    expect(await weak("password1")).toMatch(/most common ones/);
    expect(await weak("iloveyou")).toMatch(/most common ones/);
    expect(await weak("Sunshine2024!")).toMatch(/most common ones/);
    expect(await weak("aaaaaaaaaaa")).toMatch(/repeated character or a run/);
    expect(await weak("123456789012")).toMatch(/most common|run/);
    expect(await weak("classroom2026")).toMatch(/too close to your name, your email or the name of this app/);
    expect(await weak("QuizQuiz!!")).toMatch(/too close/);
    expect(await weak("quarshie1980!", "d.quarshie@school.test", "Dana Quarshie")).toMatch(/too close/);
    expect(await weak("Dana-Quarshie", newEmail(), "Dana Quarshie")).toMatch(/too close/);
    expect(await database!.db.select().from(schema.teachers)).toHaveLength(0);

    // A name with a NUL byte is refused in words (not a database error), and doesn't hold up the real first sign-up.
    expect(await trySignUp(url, { email: newEmail(), name: "Dana\u0000" })).toMatchObject({ status: 400, code: "NAME_NOT_ALLOWED" });

    // No composition rules: a long all-lowercase passphrase is fine, and so are 200 characters.
    const long = "the tide comes in twice a day ".repeat(7);
    expect(long.length).toBeGreaterThan(200);
    const admin = await signUpTeacher(url, { email: "longpass@school.test", password: long });
    expect((await admin.api.account.status.query()).teacher?.isAdmin).toBe(true);
    expect((await signInTeacher(url, "longpass@school.test", long)).email).toBe("longpass@school.test");
    // The rules hold for invited teachers too.
    const invite = await admin.api.admin.createInvite.mutate();
    expect(await trySignUp(url, { email: newEmail(), inviteToken: invite.token, password: "qwertyuiop" })).toMatchObject({ status: 400, code: "WEAK_PASSWORD" });
    expect((await apiClient(url).account.signUpOptions.query({ inviteToken: invite.token })).invite).toBe("valid");
    await signUpTeacher(url, { inviteToken: invite.token, password: TEST_PASSWORD });
  });
});
