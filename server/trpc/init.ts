import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Auth, SignedInTeacher } from "../auth/auth";
import type { Database } from "../db";
import type { AccountLimits } from "../limits/account-limits";
import { errorReference, serverFailureMessage } from "./error-reference";
import type { RoomDirectory } from "../rooms/room-directory";
import { databaseUnavailable, failedForLackOfDatabase } from "./database-unavailable";

import type { ContentProblem } from "../content";
import type { QuizReader } from "../quizzes/reader-pool";

export type { ContentProblem };

export interface TrpcContext {
  db: Database;
  registry: RoomDirectory;
  /** The teacher signed in on this request (better-auth session cookie), or null. */
  teacher: SignedInTeacher | null;
  /** Problems found in content/*.md at start, shown on the host dashboard. */
  contentProblems: () => ContentProblem[];
  /** The caller's network address (see server/http/client-address.ts), for per-address limits. */
  clientAddress: string;
  /** Base URL phones use (LAN address or PUBLIC_URL). */
  publicUrl: string;
  /** Live games, quizzes and changes per minute an account or address may make. */
  limits: AccountLimits;
  /** better-auth, for the admin's calls that act as the signed-in admin (turning teachers off and on). */
  auth: Auth;
  /** This request's headers (the admin's session cookie goes on to better-auth with them). */
  headers: Headers;
  /** How long an invite link stays valid. */
  inviteValidMs: number;
  /** Reads quiz files off the event loop, with a time budget. */
  quizReader: QuizReader;
}

const t = initTRPC.context<TrpcContext>().create({
  // Never the development shape (it carries the stack with the server's paths), whatever NODE_ENV says
  // when this module is loaded.
  isDev: false,
  errorFormatter({ shape, error }) {
    const { stack: _stack, ...data } = shape.data as typeof shape.data & { stack?: string };
    // A failure of the server (a bug, the database) is one sentence and a reference; the details go
    // only to the server log, under the same reference (see onError in server/app.ts).
    if (error.code === "INTERNAL_SERVER_ERROR") return { ...shape, message: serverFailureMessage(errorReference(error)), data };
    // Input errors reach the page as one plain sentence, not a list of validator issues.
    if (error.code === "BAD_REQUEST" && error.cause instanceof ZodError) {
      return { ...shape, message: error.cause.issues[0]?.message ?? "That request isn't valid.", data };
    }
    return { ...shape, data };
  },
});

export const router = t.router;

/** A request that failed because the database is out of reach says so (503), so pages can wait and retry. */
const procedure = t.procedure.use(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok && (await failedForLackOfDatabase(ctx.db, result.error))) throw databaseUnavailable();
  return result;
});

/** Every change (mutation) counts against the per-address and per-account limits. */
const limitedProcedure = procedure.use(async ({ ctx, type, next }) => {
  if (type === "mutation") await ctx.limits.countMutation(ctx.teacher?.id ?? null, ctx.clientAddress);
  return next();
});

export const publicProcedure = limitedProcedure;

export const SIGN_IN_MESSAGE = "Please sign in as a teacher to do that.";
export const ADMIN_ONLY_MESSAGE = "Only your school's quiz admin can do that.";

/** Procedures for a signed-in teacher; `ctx.teacher` is set. Anonymous requests get UNAUTHORIZED. */
export const teacherProcedure = limitedProcedure.use(({ ctx, next }) => {
  if (!ctx.teacher) throw new TRPCError({ code: "UNAUTHORIZED", message: SIGN_IN_MESSAGE });
  return next({ ctx: { ...ctx, teacher: ctx.teacher } });
});

/** Procedures for the school's quiz admin (the first account). */
export const adminProcedure = teacherProcedure.use(({ ctx, next }) => {
  if (!ctx.teacher.isAdmin) throw new TRPCError({ code: "FORBIDDEN", message: ADMIN_ONLY_MESSAGE });
  return next();
});
