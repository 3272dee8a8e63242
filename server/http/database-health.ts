import { sql } from "drizzle-orm";
import type { Database } from "../db";

/** How long /healthz waits for the database before calling it unreachable. */
export const HEALTH_CHECK_TIMEOUT_MS = 1_500;

/** `select 1` within a short timeout: "ok" or "unreachable" (a hung database counts as unreachable). */
export async function checkDatabase(db: Database, timeoutMs = HEALTH_CHECK_TIMEOUT_MS): Promise<"ok" | "unreachable"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"unreachable">((resolve) => {
    timer = setTimeout(() => resolve("unreachable"), timeoutMs);
  });
  const query = db.execute(sql`select 1`).then(
    () => "ok" as const,
    () => "unreachable" as const,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
