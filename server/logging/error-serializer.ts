/**
 * Turns any thrown value into a small, bounded record for the log.
 *
 * Database errors carry the statement and its parameters (drizzle's "Failed query: … params: …"
 * message, `query`/`params` on PGlite and postgres errors). A failed 500-row batch printed whole is
 * megabytes per line and holds students' answers, so only the kind of statement and table is kept,
 * never the parameters; messages, details and stacks are cut to a fixed size.
 */

export interface SerializedError {
  type: string;
  message: string;
  code?: string;
  /** The database's own explanation (e.g. which lock a deadlock waited for), cut short. */
  detail?: string;
  /** "insert into answers" — which statement failed, without its text or parameters. */
  statement?: string;
  stack?: string;
  cause?: SerializedError;
  /** First few errors of an AggregateError (e.g. every address a connection tried). */
  errors?: SerializedError[];
}

export const ERROR_LIMITS = {
  message: 300,
  detail: 300,
  stackFrames: 8,
  frameLength: 200,
  causeDepth: 3,
  aggregated: 3,
} as const;

export function serializeError(value: unknown, depth = 0): SerializedError {
  if (!(value instanceof Error)) {
    if (value !== null && typeof value === "object" && "message" in value) return serializeError(Object.assign(new Error(), value), depth);
    return { type: typeof value, message: cut(String(value), ERROR_LIMITS.message) };
  }
  // Fields are picked one by one: `query`, `params` and anything else an error carries never get copied.
  const record = value as Error & Record<string, unknown>;
  const rawMessage = typeof record.message === "string" ? record.message : "";
  const statement = statementOf(typeof record.query === "string" ? record.query : failedQueryText(rawMessage));
  const result: SerializedError = { type: typeName(record), message: cleanMessage(rawMessage) };
  if (typeof record.code === "string" || typeof record.code === "number") result.code = String(record.code);
  if (typeof record.detail === "string") result.detail = cut(record.detail, ERROR_LIMITS.detail);
  if (statement) result.statement = statement;
  const stack = stackFrames(record.stack);
  if (stack) result.stack = stack;
  if (depth < ERROR_LIMITS.causeDepth) {
    if (record.cause !== undefined && record.cause !== value) result.cause = serializeError(record.cause, depth + 1);
    if (Array.isArray(record.errors) && record.errors.length > 0) {
      result.errors = record.errors.slice(0, ERROR_LIMITS.aggregated).map((inner) => serializeError(inner, depth + 1));
    }
  }
  return result;
}

function typeName(error: Error): string {
  // drizzle's DrizzleQueryError keeps the name "Error"; its class says what it is.
  if (error.name && error.name !== "Error") return error.name;
  return error.constructor?.name || "Error";
}

function cleanMessage(message: string): string {
  if (message.startsWith("Failed query:")) return "Failed query";
  // Anything after "params:" is values, whoever formatted it.
  const withoutParams = message.split(/\n\s*params:/)[0] ?? "";
  return cut(withoutParams, ERROR_LIMITS.message);
}

function failedQueryText(message: string): string | undefined {
  if (!message.startsWith("Failed query:")) return undefined;
  return message.slice("Failed query:".length);
}

/** The verb and the table ("insert into answers"), which is all a reader of the log needs. */
function statementOf(sql: string | undefined): string | undefined {
  if (!sql) return undefined;
  const text = sql.slice(0, 2000).replace(/\s+/g, " ").trim().toLowerCase();
  const match =
    /^(insert into|update|delete from|merge into)\s+("?[\w.]+"?(?:\."?\w+"?)?)/.exec(text) ??
    /^(select)\b.*?\bfrom\s+("?[\w.]+"?(?:\."?\w+"?)?)/.exec(text.slice(0, 500));
  if (match) return `${match[1]} ${match[2]!.replaceAll('"', "")}`;
  return /^(\w+)/.exec(text)?.[1];
}

/** Only the "at …" lines: the first line of a stack repeats the message, which may hold the SQL. */
function stackFrames(stack: unknown): string | undefined {
  if (typeof stack !== "string") return undefined;
  const frames = stack
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, ERROR_LIMITS.stackFrames)
    .map((line) => cut(line.trim(), ERROR_LIMITS.frameLength));
  return frames.length > 0 ? frames.join("\n") : undefined;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
