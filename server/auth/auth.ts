/**
 * Teacher accounts: better-auth with its Drizzle adapter. Sessions, password hashing and the
 * origin (CSRF) checks are the library's; this file only wires it to our tables and server.
 */
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { fromNodeHeaders } from "better-auth/node";
import { claimOwnerlessGames, type Database } from "../db";
import { authVerifications, teacherAccounts, teacherSessions, teachers } from "../db/schema";
import type { Logger } from "../rooms/ports";

export interface AuthOptions {
  db: Database;
  secret: string;
  /** Used where no request tells the address (e.g. links made outside a request). */
  fallbackUrl: string;
  /** better-auth limits sign-in attempts per address; tests that sign up many teachers turn it off. */
  rateLimit?: boolean;
  /** Cookies marked Secure (and __Secure- named): when teachers reach the server over HTTPS (PUBLIC_URL https://…). */
  secureCookies?: boolean;
  /** better-auth's own messages go to the server's log instead of console. */
  log?: Logger;
}

export const PASSWORD_MIN_LENGTH = 8;

/**
 * The server writes the connection's address into this header (replacing anything a client sent),
 * so better-auth's sign-in limits count per address instead of one bucket shared by every teacher.
 */
export const CLIENT_ADDRESS_HEADER = "x-quiz-client-address";

export function createAuth(options: AuthOptions) {
  return betterAuth({
    secret: options.secret,
    // Teachers reach the laptop as localhost, 127.0.0.1 or its LAN address: accept whichever host was used.
    baseURL: { allowedHosts: ["*"], fallback: options.fallbackUrl },
    // A request is trusted when it comes from a page of this very server (Origin = its own Host).
    trustedOrigins: (request) => {
      const host = request?.headers.get("host");
      return host ? [`http://${host}`, `https://${host}`] : [];
    },
    database: drizzleAdapter(options.db, {
      provider: "pg",
      schema: { user: teachers, session: teacherSessions, account: teacherAccounts, verification: authVerifications },
    }),
    advanced: {
      database: { generateId: () => randomUUID() },
      // Explicit, so the origin (CSRF) checks also run under NODE_ENV=test, where better-auth would skip them.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      // Explicit: left unset, it depends on NODE_ENV at the moment better-auth is imported.
      useSecureCookies: options.secureCookies ?? false,
    },
    // Unexpected errors go to the server's handler, which logs them once (bounded) and answers with a reference.
    onAPIError: { throw: true },
    // Left to itself, better-auth prints a failed query whole, parameters (session tokens) included:
    // one short line through the server's logger instead (its error serializer drops SQL and parameters).
    logger: {
      log: (level, message, ...args) => {
        const text = `auth: ${message.slice(0, 300)}`;
        if (level === "error") options.log?.error(text, args[0]);
        else if (level === "warn") options.log?.warn(text);
      },
    },
    emailAndPassword: { enabled: true, minPasswordLength: PASSWORD_MIN_LENGTH, autoSignIn: true },
    rateLimit: { enabled: options.rateLimit ?? true, window: 60, max: 200 },
    telemetry: { enabled: false },
    databaseHooks: {
      user: {
        create: {
          // Games saved before accounts existed belong to the first teacher, so no results go missing.
          after: async (teacher) => {
            await claimOwnerlessGames(options.db, teacher.id);
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

export interface SignedInTeacher {
  id: string;
  name: string;
  email: string;
}

/** The teacher whose session cookie came with these headers, or null. */
export async function teacherFromHeaders(auth: Auth, headers: IncomingHttpHeaders): Promise<SignedInTeacher | null> {
  const session = await auth.api.getSession({ headers: fromNodeHeaders(headers) });
  if (!session) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email };
}
