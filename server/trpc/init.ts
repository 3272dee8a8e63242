import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { SignedInTeacher } from "../auth/auth";
import type { Database } from "../db";
import type { RoomRegistry } from "../rooms/registry";
import { databaseUnavailable, failedForLackOfDatabase } from "./database-unavailable";

import type { ContentProblem } from "../content";

export type { ContentProblem };

export interface TrpcContext {
  db: Database;
  registry: RoomRegistry;
  /** The teacher signed in on this request (better-auth session cookie), or null. */
  teacher: SignedInTeacher | null;
  /** Problems found in content/*.md at start, shown on the host dashboard. */
  contentProblems: () => ContentProblem[];
  /** The caller's network address (see server/http/client-address.ts), for per-address limits. */
  clientAddress: string;
  /** Base URL phones use (LAN address or PUBLIC_URL). */
  publicUrl: string;
}

const t = initTRPC.context<TrpcContext>().create({
  // Input errors reach the page as one plain sentence, not a list of validator issues.
  errorFormatter({ shape, error }) {
    if (error.code === "BAD_REQUEST" && error.cause instanceof ZodError) {
      return { ...shape, message: error.cause.issues[0]?.message ?? "That request isn't valid." };
    }
    return shape;
  },
});

export const router = t.router;
/** A request that failed because the database is out of reach says so (503), so pages can wait and retry. */
const procedure = t.procedure.use(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok && (await failedForLackOfDatabase(ctx.db, result.error))) throw databaseUnavailable();
  return result;
});
export const publicProcedure = procedure;

export const SIGN_IN_MESSAGE = "Please sign in as a teacher to do that.";

/** Procedures for a signed-in teacher; `ctx.teacher` is set. Anonymous requests get UNAUTHORIZED. */
export const teacherProcedure = procedure.use(({ ctx, next }) => {
  if (!ctx.teacher) throw new TRPCError({ code: "UNAUTHORIZED", message: SIGN_IN_MESSAGE });
  return next({ ctx: { ...ctx, teacher: ctx.teacher } });
});
