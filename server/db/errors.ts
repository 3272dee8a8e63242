/**
 * What a failed database call means, without the SQL: drizzle wraps driver errors in an error
 * whose message is the whole statement and its parameters (a 500-row INSERT is megabytes), so
 * logs and retries look only at the driver's own error underneath.
 */

/** The driver's error under drizzle's "Failed query: …" wrapper. */
function driverError(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    const inner = (current as { cause?: unknown } | null)?.cause;
    const wrapped = current instanceof Error && /^Failed query:/.test(current.message);
    if (!wrapped || inner === undefined) return current;
    current = inner;
  }
  return current;
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

const MAX_MESSAGE = 160;

/** One short line for the log: the error code and the start of its message, never SQL or parameters. */
export function describeDatabaseError(error: unknown): string {
  const inner = driverError(error);
  const code = codeOf(inner);
  const raw = inner instanceof Error ? inner.message : String(inner);
  const firstLine = raw.split("\n", 1)[0] ?? "";
  const message = /^Failed query:/.test(firstLine) ? "query failed" : firstLine;
  const short = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
  return code ? `${code}: ${short}` : short;
}

/** Node's and postgres.js's names for a connection that could not be made or was lost. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "DATABASE_UNREACHABLE",
]);

/**
 * Whether the database could not be reached (refused, dropped, shutting down, not accepting
 * connections, too many clients) as opposed to refusing this particular statement.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  const inner = driverError(error);
  const code = codeOf(inner);
  if (CONNECTION_CODES.has(code)) return true;
  // SQLSTATE 08 connection exception; 57P01-57P03 shutdown / cannot connect now; 53300 too many connections;
  // 55000 is what `ALLOW_CONNECTIONS false` answers ("not currently accepting connections").
  if (/^08/.test(code) || /^57P0[1-3]$/.test(code) || code === "53300") return true;
  if (code === "55000" && /not currently accepting connections/i.test(String((inner as Error)?.message))) return true;
  return false;
}

/**
 * Errors that the same statement will meet again however long we wait (bad data, a broken
 * constraint, a bug in the SQL). Everything else — lost connections, deadlocks, serialization
 * failures, timeouts — is worth retrying.
 */
export function isPermanentDatabaseError(error: unknown): boolean {
  if (isDatabaseUnreachable(error)) return false;
  return /^(22|23|42)/.test(codeOf(driverError(error)));
}

/** Thrown by test doubles and health checks that stand for an unreachable database. */
export class DatabaseUnreachableError extends Error {
  readonly code = "DATABASE_UNREACHABLE";
  constructor(message = "the database is unreachable") {
    super(message);
    this.name = "DatabaseUnreachableError";
  }
}
