/**
 * Statements go to the database prepared (one round trip each instead of two; see
 * server/db/client.ts), inside transactions too, and `?prepare=false` in DATABASE_URL turns that
 * off for a pooler that cannot keep prepared statements (PgBouncer in transaction mode before 1.21).
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../server/db/index";
import { resultRows, testDatabaseTargets, useTestDatabase } from "../support/test-database";

/** Runs one parameterised statement twice, then counts the statements this connection has prepared. */
async function preparedAfterTwoRuns(db: Pick<Database, "execute">): Promise<number> {
  for (const n of [1, 2]) await db.execute(sql`select ${n}::int + 1 as answer`);
  const rows = resultRows<{ prepared: number }>(await db.execute(sql`select count(*)::int as prepared from pg_prepared_statements`));
  return rows[0]!.prepared;
}

describe.each(testDatabaseTargets())("statements on %s", (target) => {
  const database = useTestDatabase(target);

  it("are prepared, inside a transaction too", async () => {
    // PGlite has one connection; on PostgreSQL a pool of one makes "this connection" well defined.
    const handle = target === "postgres" ? await openDatabase({ url: database().url!, maxConnections: 1 }) : null;
    const db = handle?.db ?? database().db;
    try {
      expect(await preparedAfterTwoRuns(db)).toBeGreaterThan(0);
      const before = resultRows<{ prepared: number }>(await db.execute(sql`select count(*)::int as prepared from pg_prepared_statements`))[0]!.prepared;
      const inTransaction = await db.transaction(async (tx) => {
        await tx.execute(sql`select ${"inside"}::text || ${"a transaction"}::text as words`);
        return resultRows<{ prepared: number }>(await tx.execute(sql`select count(*)::int as prepared from pg_prepared_statements`))[0]!.prepared;
      });
      expect(inTransaction).toBeGreaterThan(before);
    } finally {
      await handle?.close();
    }
  });

  if (target === "postgres") {
    it("are not prepared with ?prepare=false in the URL", async () => {
      const url = new URL(database().url!);
      url.searchParams.set("prepare", "false");
      const handle = await openDatabase({ url: url.toString(), maxConnections: 1 });
      try {
        expect(await preparedAfterTwoRuns(handle.db)).toBe(0);
      } finally {
        await handle.close();
      }
    });
  }
});
