import { initTRPC } from "@trpc/server";
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

const t = initTRPC.context<TrpcContext>().create();

export const router = t.router;
export const publicProcedure = t.procedure;
