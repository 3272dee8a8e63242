/**
 * Opening the database: embedded PGlite (on its own thread, see pglite-thread.ts) when no URL is
 * given, PostgreSQL otherwise. Both are driven by postgres.js and run the same drizzle-kit
 * migrations from `drizzle/` on open.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
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
  const { createPgliteDatabase, pgliteConnectionOptions, startPgliteThread } = await import("./pglite-thread");
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  const firstStart = !inMemory && !existsSync(path.join(dataDir, "PG_VERSION"));
  // PostgreSQL's default 128 MB of shared buffers is most of PGlite's memory; a quiz database is
  // small and its files stay in the OS page cache anyway, so 32 MB keeps the server well under
  // 400 MB without slowing it down (see bench: server RSS).
  const thread = { dataDir, options: { postgresqlconf: ["shared_buffers=32MB"] } };
  // Creating the database (initdb) leaves ~400 MB of WebAssembly memory behind in the instance
  // that did it; it runs in a process of its own that ends before the server's database opens.
  if (firstStart) await createPgliteDatabase(thread);
  const database = await startPgliteThread(thread);
  // A pool of one connection: a transaction holds it and other statements wait (never use the
  // outer `db` inside `db.transaction()`: use `tx`, or it waits for itself).
  try {
    return await openPostgresJs(pgliteConnectionOptions(database), migrationsFolder, "pglite", () => database.close());
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
}

function openPostgres(url: string, migrationsFolder: string, max: number): Promise<DatabaseHandle> {
  return openPostgresJs({ url, max }, migrationsFolder, "postgres");
}

type Connection = { url?: string; max: number } & Omit<import("postgres").Options<{}>, "max">;

async function openPostgresJs(
  { url, ...connection }: Connection,
  migrationsFolder: string,
  driver: DatabaseDriver,
  afterClose: () => Promise<void> = async () => {},
): Promise<DatabaseHandle> {
  const [{ default: postgres }, { drizzle }, { migrate }] = await Promise.all([
    import("postgres"),
    import("drizzle-orm/postgres-js"),
    import("drizzle-orm/postgres-js/migrator"),
  ]);
  const options = { ...connection, onnotice: () => {} };
  const connect = (max: number) => (url ? postgres(url, { ...options, max }) : postgres({ ...options, max }));

  // Migrate on a dedicated single connection holding a session advisory lock, so two server
  // processes starting against the same empty database don't both apply the migrations.
  const migrator = connect(1);
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

  const client = preparedByDefault(connect(connection.max));
  const db = drizzle({ client, schema });
  let closed = false;
  return {
    db,
    driver,
    close: async () => {
      if (closed) return;
      closed = true;
      await client.end({ timeout: 5 });
      await afterClose();
    },
  };
}

type PostgresClient = import("postgres").Sql<{}>;

/**
 * Drizzle sends every statement unprepared, and postgres.js then asks the server for the
 * statement's parameter types before it binds them: two round trips per statement, with the
 * backend idle in between until the event loop gets to the reply. Named prepared statements take
 * one (the first time on a connection, two). Every statement the server sends repeatedly has one
 * text whatever the batch size (see array-literal.ts), so the per-connection cache stays small.
 * `?prepare=false` in the URL still turns them off (e.g. behind a pooler that cannot keep them).
 */
function preparedByDefault(client: PostgresClient): PostgresClient {
  const unsafe = client.unsafe;
  client.unsafe = ((query: string, args?: unknown[], options?: object) =>
    unsafe(query, args as never, { ...options, prepare: true })) as PostgresClient["unsafe"];
  if ("begin" in client) {
    const begin = (client as { begin: (...args: unknown[]) => unknown }).begin;
    (client as { begin: unknown }).begin = (...args: unknown[]) => {
      const body = args[args.length - 1] as (tx: PostgresClient) => unknown;
      return begin(...args.slice(0, -1), (tx: PostgresClient) => body(preparedByDefault(tx)));
    };
  }
  if ("savepoint" in client) {
    const savepoint = (client as { savepoint: (...args: unknown[]) => unknown }).savepoint;
    (client as { savepoint: unknown }).savepoint = (...args: unknown[]) => {
      const body = args[args.length - 1] as (tx: PostgresClient) => unknown;
      return savepoint(...args.slice(0, -1), (tx: PostgresClient) => body(preparedByDefault(tx)));
    };
  }
  return client;
}
