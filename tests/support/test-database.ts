/**
 * Databases for integration tests.
 *
 *   describe.each(testDatabaseTargets())("things on %s", (target) => {
 *     const database = useTestDatabase(target);          // fresh database per suite
 *     it("works", async () => { const { db } = database(); ... });
 *   });
 *
 * Targets: always "pglite" (in memory); plus "postgres" when TEST_DATABASE_URL is set, or when CI
 * is set (then a missing or unreachable TEST_DATABASE_URL FAILS the suite — it is never skipped).
 * Each postgres test database is a brand-new `quiz_test_<time>_<random>` database created through
 * TEST_DATABASE_URL (the role needs CREATEDB) and dropped WITH (FORCE) on close.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../server/db/client";

export type TestDatabaseTarget = "pglite" | "postgres";

export interface TestDatabase extends DatabaseHandle {
  target: TestDatabaseTarget;
  /** postgres: URL of the fresh database (give it to a server process as DATABASE_URL). */
  url?: string;
  /** postgres: name of the fresh database. */
  databaseName?: string;
  /** pglite with `pgliteDataDir`: the data directory used. */
  dataDir?: string;
}

export interface OpenTestDatabaseOptions {
  /**
   * pglite only. Default `"memory://"`. `"temp"` = a fresh directory under the OS temp dir,
   * removed on close (use it when a separate process must open the same data: close this
   * handle first — PGlite data can only be open in one process at a time). Any other value is
   * used as the directory and left in place.
   */
  pgliteDataDir?: string;
}

const ENV_URL = "TEST_DATABASE_URL";
const PREFIX = "quiz_test_";
/** Leftover test databases (from killed runs) older than this are dropped when a new one is made. */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

function isCi(): boolean {
  return (process.env.CI ?? "") !== "";
}

function testDatabaseUrl(): string | undefined {
  const url = process.env[ENV_URL]?.trim();
  return url ? url : undefined;
}

/** The targets to run database tests against (see file comment). */
export function testDatabaseTargets(): TestDatabaseTarget[] {
  return testDatabaseUrl() || isCi() ? ["pglite", "postgres"] : ["pglite"];
}

/** URL with the password hidden, for error messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function openTestDatabase(
  target: TestDatabaseTarget,
  opts: OpenTestDatabaseOptions = {},
): Promise<TestDatabase> {
  return target === "pglite" ? openPgliteTestDatabase(opts) : openPostgresTestDatabase();
}

async function openPgliteTestDatabase(opts: OpenTestDatabaseOptions): Promise<TestDatabase> {
  let dataDir = opts.pgliteDataDir ?? "memory://";
  let removeDir = false;
  if (dataDir === "temp") {
    dataDir = await mkdtemp(path.join(tmpdir(), "quiz-pglite-"));
    removeDir = true;
  }
  // url "" (not undefined) so a DATABASE_URL in the environment can't redirect tests.
  const handle = await openDatabase({ url: "", dataDir });
  return {
    ...handle,
    target: "pglite",
    dataDir: dataDir === "memory://" ? undefined : dataDir,
    close: async () => {
      await handle.close();
      if (removeDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function openPostgresTestDatabase(): Promise<TestDatabase> {
  const baseUrl = testDatabaseUrl();
  if (!baseUrl) {
    throw new Error(
      `CI is set, so the database tests must also run on PostgreSQL, but ${ENV_URL} is not set. ` +
        `Set ${ENV_URL}=postgres://USER@HOST:5432/DB (a role allowed to CREATE DATABASE).`,
    );
  }
  const admin = postgres(baseUrl, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    await admin`select 1`;
  } catch (err) {
    await admin.end({ timeout: 1 }).catch(() => {});
    throw new Error(`${ENV_URL} (${redact(baseUrl)}) is unreachable: ${message(err)}`);
  }

  await dropStaleTestDatabases(admin);
  const name = `${PREFIX}${Date.now().toString(36)}_${randomBytes(5).toString("hex")}`;
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (err) {
    await admin.end({ timeout: 1 }).catch(() => {});
    throw new Error(`couldn't create test database ${name} via ${ENV_URL} (${redact(baseUrl)}): ${message(err)}`);
  }
  const drop = async () => {
    try {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
    } finally {
      await admin.end({ timeout: 5 }).catch(() => {});
    }
  };

  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ url });
  } catch (err) {
    await drop().catch(() => {});
    throw err;
  }
  let closed = false;
  return {
    ...handle,
    target: "postgres",
    url,
    databaseName: name,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await handle.close();
      } finally {
        await drop();
      }
    },
  };
}

/** Best effort: remove test databases left behind by runs that were killed before cleaning up. */
async function dropStaleTestDatabases(admin: postgres.Sql): Promise<void> {
  try {
    const rows = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${PREFIX + "%"}`;
    const now = Date.now();
    for (const { datname } of rows) {
      const m = /^quiz_test_([0-9a-z]+)_[0-9a-f]+$/.exec(datname);
      const created = m?.[1] ? parseInt(m[1], 36) : NaN;
      if (Number.isFinite(created) && now - created > STALE_AFTER_MS) {
        await admin.unsafe(`drop database if exists "${datname}" with (force)`).catch(() => {});
      }
    }
  } catch {
    // ignore: cleanup only
  }
}

/**
 * Registers beforeAll/afterAll hooks that open a fresh test database for the enclosing suite
 * and close (and for postgres drop) it afterwards. Returns a getter for use inside tests.
 */
export function useTestDatabase(target: TestDatabaseTarget, opts: OpenTestDatabaseOptions = {}): () => TestDatabase {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await openTestDatabase(target, opts);
  });
  afterAll(async () => {
    const h = current;
    current = undefined;
    await h?.close();
  });
  return () => {
    if (!current) throw new Error(`the ${target} test database is not open (did its beforeAll fail?)`);
    return current;
  };
}

/** Rows of a `db.execute()` result on either driver (postgres.js returns an array, PGlite `{ rows }`). */
export function resultRows<T = Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}
