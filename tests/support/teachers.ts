/** Teacher accounts for tests: signs up through the real better-auth endpoints and keeps the session cookie. */
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { AppRouter } from "../../server/trpc/router";

export type ApiClient = ReturnType<typeof createTRPCClient<AppRouter>>;

export interface TestTeacher {
  email: string;
  name: string;
  /** `Cookie` header value carrying the session. */
  cookie: string;
  api: ApiClient;
}

/** A tRPC client; with a cookie it acts as that teacher, without one as an anonymous visitor. */
export function apiClient(url: string, cookie?: string): ApiClient {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${url}/api/trpc`, headers: () => (cookie ? { cookie } : {}) })],
  });
}

let counter = 0;

export const TEST_PASSWORD = "correct horse battery";

/** The admin (first account) of each server the tests signed up on, by URL: later teachers get their invite from them. */
const admins = new Map<string, TestTeacher>();

export interface SignUpDetails {
  name?: string;
  email?: string;
  password?: string;
  /** Sign up with this invite token / school code. Unset (and no school code): the server's admin makes an invite. */
  inviteToken?: string;
  schoolCode?: string;
}

/** The raw sign-up request, as the sign-up page sends it. */
export function postSignUp(url: string, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify(body),
  });
}

/**
 * Signs a new teacher up (POST /api/auth/sign-up/email, as the sign-up page does) and returns their session.
 * The first teacher on a server becomes its admin; for each later one the admin makes a one-time invite,
 * as a school would, unless the test gives an invite token or a school code itself.
 */
export async function signUpTeacher(url: string, who: SignUpDetails = {}): Promise<TestTeacher> {
  counter += 1;
  const name = who.name ?? `Teacher ${counter}`;
  const email = who.email ?? `teacher-${process.pid}-${counter}-${Date.now()}@school.test`;
  let admin = admins.get(url);
  let inviteToken = who.inviteToken;
  if (inviteToken === undefined && who.schoolCode === undefined && admin) {
    // A server started later on a port an earlier test used doesn't know that admin: it is a fresh install.
    inviteToken = await admin.api.admin.createInvite.mutate().then(
      (invite) => invite.token,
      () => undefined,
    );
    if (inviteToken === undefined) {
      admins.delete(url);
      admin = undefined;
    }
  }
  const response = await postSignUp(url, { name, email, password: who.password ?? TEST_PASSWORD, inviteToken, schoolCode: who.schoolCode });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const teacher = { email, name, cookie: sessionCookie(response), api: apiClient(url, sessionCookie(response)) };
  if (!admin && (await teacher.api.account.status.query()).teacher?.isAdmin) admins.set(url, teacher);
  return teacher;
}

/** Signs an existing teacher in and returns the new session. */
export async function signInTeacher(url: string, email: string, password = TEST_PASSWORD): Promise<TestTeacher> {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { user: { name: string } };
  return { email, name: body.user.name, cookie: sessionCookie(response), api: apiClient(url, sessionCookie(response)) };
}

function sessionCookie(response: Response): string {
  const cookies = response.headers.getSetCookie().map((header) => header.split(";")[0]!);
  if (!cookies.some((cookie) => cookie.includes("session_token"))) throw new Error("no session cookie came back");
  return cookies.join("; ");
}
