import { TRPCError } from "@trpc/server";
import type { Database } from "../db";
import { isDatabaseUnreachable } from "../db/errors";
import { checkDatabase } from "../http/database-health";

export const DATABASE_UNREACHABLE_MESSAGE = "The database is unreachable; retrying…";

export function databaseUnavailable(): TRPCError {
  return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNREACHABLE_MESSAGE });
}

/**
 * Whether an unexpected failure was the database being out of reach: judged from the error when
 * the driver says so, else by asking the database (an error wrapped by a library says nothing).
 */
export async function failedForLackOfDatabase(db: Database, error: unknown): Promise<boolean> {
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") return false;
  const cause = error instanceof TRPCError ? (error.cause ?? error) : error;
  if (isDatabaseUnreachable(cause)) return true;
  return (await checkDatabase(db)) === "unreachable";
}
