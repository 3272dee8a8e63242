/**
 * Teacher accounts: better-auth with its Drizzle adapter. Sessions, password hashing and the
 * origin (CSRF) checks are the library's; this file only wires it to our tables and server.
 */
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { fromNodeHeaders } from "better-auth/node";
import { admin } from "better-auth/plugins";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from "../accounts/password-policy";
import { admitSignUp, checkSignUpAllowed, markInviteUsedBy, SignUpRefused } from "../accounts/sign-up-gate";
import { claimOwnerlessGames, type Database } from "../db";
import { findBadCharacter } from "../trpc/plain-text";
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

export { PASSWORD_MIN_LENGTH };

export const DISABLED_ACCOUNT_MESSAGE = "This teacher account has been turned off by your school's quiz admin. Ask them to turn it back on.";

/** Endpoints that set a password: each new password is checked against the rules in password-policy.ts. */
const PASSWORD_FIELDS: Record<string, string> = {
  "/sign-up/email": "password",
  "/change-password": "newPassword",
  "/reset-password": "newPassword",
  "/admin/set-user-password": "newPassword",
};

function refusal(status: "FORBIDDEN" | "BAD_REQUEST", code: string, message: string): APIError {
  return new APIError(status, { code, message });
}

/** Invite spent by a sign-up in progress, so the new account can be written on it once it exists. */
const spentInvites = new WeakMap<object, string>();

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
    emailAndPassword: { enabled: true, minPasswordLength: PASSWORD_MIN_LENGTH, maxPasswordLength: PASSWORD_MAX_LENGTH, autoSignIn: true },
    rateLimit: { enabled: options.rateLimit ?? true, window: 60, max: 200 },
    telemetry: { enabled: false },
    // The admin (the first account) lists teachers and turns accounts off and on again; a turned-off
    // account's sessions are deleted and it can't sign in (the plugin's "ban").
    plugins: [admin({ defaultRole: "user", adminRoles: ["admin"], bannedUserMessage: DISABLED_ACCOUNT_MESSAGE })],
    // The admin manages who may sign in, not teachers' work: no acting as a teacher, taking over or deleting
    // an account (which would delete its games' results), nor making accounts around the invite rules.
    disabledPaths: [
      "/admin/impersonate-user",
      "/admin/stop-impersonating",
      "/admin/set-user-password",
      "/admin/remove-user",
      "/admin/create-user",
      "/admin/update-user",
    ],
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const body = (ctx.body ?? {}) as Record<string, unknown>;
        if (ctx.path === "/sign-up/email") {
          // Closed sign-up is said first, before anything about the password.
          await checkSignUpAllowed(options.db, body).catch((error: unknown) => {
            throw error instanceof SignUpRefused ? refusal("FORBIDDEN", "SIGN_UP_CLOSED", error.message) : error;
          });
        }
        if ((ctx.path === "/sign-up/email" || ctx.path === "/update-user") && typeof body.name === "string") {
          if (body.name.length > 100) throw refusal("BAD_REQUEST", "NAME_NOT_ALLOWED", "A name can be at most 100 characters.");
          if (findBadCharacter(body.name, { multiline: false })) {
            throw refusal("BAD_REQUEST", "NAME_NOT_ALLOWED", "Your name has an invisible or broken character in it. Retype it and try again.");
          }
        }
        const field = PASSWORD_FIELDS[ctx.path];
        const password = field ? body[field] : undefined;
        if (typeof password === "string") {
          const about = { email: typeof body.email === "string" ? body.email : undefined, name: typeof body.name === "string" ? body.name : undefined };
          const problem = passwordProblem(password, about);
          if (problem) throw refusal("BAD_REQUEST", "WEAK_PASSWORD", problem);
        }
      }),
    },
    databaseHooks: {
      user: {
        create: {
          // The gate again, now for real: the first account becomes the admin, an invite is spent once.
          before: async (teacher, context) => {
            const body = ((context as { body?: unknown } | null)?.body ?? {}) as Record<string, unknown>;
            try {
              const admitted = await admitSignUp(options.db, body);
              if (admitted.inviteId && context) spentInvites.set(context, admitted.inviteId);
              return { data: { ...teacher, role: admitted.role } };
            } catch (error) {
              throw error instanceof SignUpRefused ? refusal("FORBIDDEN", "SIGN_UP_CLOSED", error.message) : error;
            }
          },
          after: async (teacher, context) => {
            const inviteId = context ? spentInvites.get(context) : undefined;
            if (inviteId) await markInviteUsedBy(options.db, inviteId, teacher.id);
            // Games saved before accounts existed belong to the first teacher, so no results go missing.
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
  /** The school's quiz admin (the first account): manages invites, the sign-up code and teachers. */
  isAdmin: boolean;
}

/** The teacher whose session cookie came with these headers, or null. */
export async function teacherFromHeaders(auth: Auth, headers: IncomingHttpHeaders): Promise<SignedInTeacher | null> {
  const session = await auth.api.getSession({ headers: fromNodeHeaders(headers) });
  if (!session) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email, isAdmin: session.user.role === "admin" };
}
