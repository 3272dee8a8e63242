/**
 * Opening the database: embedded PGlite when no URL is given, PostgreSQL (postgres.js) otherwise.
 * Both run the same drizzle-kit migrations from `drizzle/` on open.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { fileURLToPath } from "node:url";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

/** The one database type every repository takes; both drivers' databases (and their transactions) fit it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseDriver = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  driver: DatabaseDriver;
  /** Closes the connection(s). Safe to call twice. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL. Defaults to `process.env.DATABASE_URL`; empty/unset means embedded PGlite. */
  url?: string;
  /** PGlite data directory (default `./data/pglite`); `"memory://"` for an in-memory database. */
  dataDir?: string;
  /** Override the migrations folder (default: `drizzle/` at the project root). */
  migrationsFolder?: string;
  /** postgres.js pool size (default 10). */
  maxConnections?: number;
}

export const DEFAULT_PGLITE_DIR = "./data/pglite";

/** `drizzle/` next to `server/`, independent of the process's working directory. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../drizzle", import.meta.url));

/** Arbitrary constant for pg_advisory_lock so concurrent processes don't migrate at the same time. */
const MIGRATION_LOCK_KEY = 727_274_001;

export async function openDatabase(opts: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  const url = opts.url ?? process.env.DATABASE_URL;
  const migrationsFolder = opts.migrationsFolder ?? MIGRATIONS_FOLDER;
  if (url && url.trim() !== "") {
    return openPostgres(url, migrationsFolder, opts.maxConnections ?? 10);
  }
  return openPglite(opts.dataDir ?? DEFAULT_PGLITE_DIR, migrationsFolder);
}

async function openPglite(dataDir: string, migrationsFolder: string): Promise<DatabaseHandle> {
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  const firstStart = !inMemory && !existsSync(path.join(dataDir, "PG_VERSION"));
  // One PGlite instance = one connection. PGlite serialises queries and holds a mutex for the
  // whole of `transaction()`, so plain queries issued while a transaction runs simply wait.
  // (Corollary: never use the outer `db` inside a `db.transaction()` callback — use `tx` — or it deadlocks.)
  // PostgreSQL's default 128 MB of shared buffers is most of PGlite's memory; a quiz database is
  // small and its files stay in the OS page cache anyway, so 32 MB keeps the server well under
  // 400 MB without slowing it down (see bench: server RSS).
  const options = { postgresqlconf: ["shared_buffers=32MB"] };
  if (firstStart) {
    // Creating the database (initdb) leaves ~400 MB of WebAssembly memory behind in the instance
    // that did it; a quiet server never gives it back. Create it with a throwaway instance, then
    // open it afresh: the first start then idles as low as every later one.
    const creator = new PGlite(dataDir, options);
    await creator.waitReady;
    await creator.close();
    collectGarbage();
  }
  const client = inMemory ? new PGlite(options) : new PGlite(dataDir, options);
  yieldBeforeEachCall(client);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await client.close();
  };
  try {
    await client.waitReady;
    const db = drizzle({ client, schema });
    await migrate(db, { migrationsFolder });
    return { db, driver: "pglite", close };
  } catch (err) {
    await close().catch(() => {});
    throw err;
  }
}

/**
 * PGlite runs each statement synchronously on this thread, and a queue of statements waiting on
 * its lock runs back to back in one turn of the event loop: 50 games' writes at once would hold
 * up every socket for hundreds of milliseconds. Yielding to the event loop before each statement
 * lets sockets, timers and acks run in between.
 */
type Queryable = { query: Function; exec: Function };

function yieldBeforeEachCall(client: Queryable & { transaction: Function }): void {
  yieldBefore(client);
  const transaction = client.transaction.bind(client);
  // Inside a transaction too: saving a 5,000-answer round is ten statements, not one long stall.
  client.transaction = async (callback: (tx: Queryable) => Promise<unknown>) => {
    await nextTurn();
    return transaction((tx: Queryable) => callback(yieldBefore(tx)));
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function yieldBefore<T extends Queryable>(target: T): T {
  for (const name of ["query", "exec"] as const) {
    const call = target[name].bind(target);
    target[name] = async (...args: unknown[]) => {
      await nextTurn();
      return call(...args);
    };
  }
  return target;
}

/** A full collection now (a quiet server may otherwise keep hundreds of MB of garbage for hours). */
function collectGarbage(): void {
  try {
    v8.setFlagsFromString("--expose-gc");
    (vm.runInNewContext("gc") as () => void)();
  } catch {
    // Only memory is at stake.
  }
}

async function openPostgres(url: string, migrationsFolder: string, max: number): Promise<DatabaseHandle> {
  const [{ default: postgres }, { drizzle }, { migrate }] = await Promise.all([
    import("postgres"),
    import("drizzle-orm/postgres-js"),
    import("drizzle-orm/postgres-js/migrator"),
  ]);
  const quiet = { onnotice: () => {} };

  // Migrate on a dedicated single connection holding a session advisory lock, so two server
  // processes starting against the same empty database don't both apply the migrations.
  const migrator = postgres(url, { ...quiet, max: 1 });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migrate(drizzle({ client: migrator, schema }), { migrationsFolder });
    } finally {
      await migrator`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    }
  } finally {
    await migrator.end({ timeout: 5 });
  }

  const client = postgres(url, { ...quiet, max });
  const db = drizzle({ client, schema });
  let closed = false;
  return {
    db,
    driver: "postgres",
    close: async () => {
      if (closed) return;
      closed = true;
      await client.end({ timeout: 5 });
    },
  };
}
