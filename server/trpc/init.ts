import { initTRPC } from "@trpc/server";
import { ZodError } from "zod";
import type { Database } from "../db";
import type { RoomRegistry } from "../rooms/registry";

import type { ContentProblem } from "../content";

export type { ContentProblem };

export interface TrpcContext {
  db: Database;
  registry: RoomRegistry;
  /** Problems found in content/*.md at start, shown on the host dashboard. */
  contentProblems: () => ContentProblem[];
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
export const publicProcedure = t.procedure;
