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

/** Signs a new teacher up (POST /api/auth/sign-up/email, as the sign-up page does) and returns their session. */
export async function signUpTeacher(url: string, who: { name?: string; email?: string; password?: string } = {}): Promise<TestTeacher> {
  counter += 1;
  const name = who.name ?? `Teacher ${counter}`;
  const email = who.email ?? `teacher-${process.pid}-${counter}-${Date.now()}@school.test`;
  const response = await fetch(`${url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ name, email, password: who.password ?? TEST_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  return { email, name, cookie: sessionCookie(response), api: apiClient(url, sessionCookie(response)) };
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
