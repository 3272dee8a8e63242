/**
 * Making the database unreachable for a while, for the outage tests: on PostgreSQL for real (the
 * database refuses connections and its open ones are cut), on PGlite in the persistence port.
 */
import postgres from "postgres";
import { DatabaseUnreachableError } from "../../server/db/errors";
import type { Database } from "../../server/db";
import type { TestDatabase } from "./test-database";

export interface Outage {
  start(): Promise<void>;
  end(): Promise<void>;
  readonly active: boolean;
}

/**
 * `ALTER DATABASE … ALLOW_CONNECTIONS false` and `pg_terminate_backend` for every connection to
 * the test database (through TEST_DATABASE_URL's own database), then allowing connections again.
 */
export function postgresOutage(database: TestDatabase): Outage {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const name = database.databaseName;
  if (!adminUrl || !name) throw new Error("a PostgreSQL outage needs TEST_DATABASE_URL and a postgres test database");
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  let active = false;
  return {
    get active() {
      return active;
    },
    async start() {
      await admin.unsafe(`alter database "${name}" allow_connections false`);
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
      active = true;
    },
    async end() {
      await admin.unsafe(`alter database "${name}" allow_connections true`);
      active = false;
      await admin.end({ timeout: 5 });
    },
  };
}

/**
 * An outage switch for what the game server writes through (PGlite has no connections to cut):
 * `wrapDatabase(db)` is the same database, except that while the outage lasts every query fails
 * the way an unreachable server does. Give it to the persistence port and the live-game store.
 */
export function portOutage(): Outage & { wrapDatabase(db: Database): Database } {
  let active = false;
  const QUERIES = new Set<PropertyKey>(["insert", "update", "delete", "select", "execute", "transaction"]);
  return {
    get active() {
      return active;
    },
    async start() {
      active = true;
    },
    async end() {
      active = false;
    },
    wrapDatabase(db) {
      return new Proxy(db, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver) as unknown;
          if (!QUERIES.has(property) || typeof value !== "function") return value;
          return (...args: unknown[]) => (active ? failingQuery() : (value as (...a: unknown[]) => unknown).apply(target, args));
        },
      });
    },
  };
}

/** A query builder whose every step returns itself and which fails when awaited, as a query does when the server is gone. */
function failingQuery(): unknown {
  const fail = () => Promise.reject(new DatabaseUnreachableError("connect ECONNREFUSED (injected outage)"));
  const builder: unknown = new Proxy(function () {}, {
    get(_target, property) {
      if (property === "then") return (resolve: (v: unknown) => void, reject: (e: unknown) => void) => fail().then(resolve, reject);
      if (property === "catch") return (reject: (e: unknown) => void) => fail().catch(reject);
      return () => builder;
    },
    apply: () => fail(),
  });
  return builder;
}
