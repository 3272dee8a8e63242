/**
 * The server's log: pino, written off the hot path.
 *
 * - Lines go to stdout through an asynchronous destination (sonic-boom), never through `console`,
 *   which Next.js patches in this same process (its error printing parses stacks: ~40 ms each).
 * - Errors pass through `serializeError`: bounded size, no SQL text, no parameters.
 * - JSON lines when stdout is a file, pipe or service manager; readable lines (pino-pretty, in a
 *   worker thread) when a teacher watches the terminal. LOG_FORMAT=json|pretty overrides.
 */
import pino, { type DestinationStream, type Logger as Pino } from "pino";
import type { Logger } from "../rooms/ports";
import { serializeError } from "./error-serializer";

export type LogFormat = "json" | "pretty";

export interface ServerLogger extends Logger {
  /** The same log with fields added to every line (e.g. `{ reqId }`). */
  child(fields: Record<string, string | number>): ServerLogger;
  /** Writes out whatever is still buffered (before exiting). */
  flush(): Promise<void>;
  readonly pino: Pino;
}

export interface LoggerOptions {
  format?: LogFormat;
  level?: string;
  /** Where lines go; default stdout, asynchronously. Tests pass a memory stream. */
  destination?: DestinationStream;
}

/** Buffered log text above this is dropped (and counted) rather than growing memory without bound. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export function chooseLogFormat(env: NodeJS.ProcessEnv = process.env, stdoutIsTerminal = Boolean(process.stdout.isTTY)): LogFormat {
  const wanted = env.LOG_FORMAT?.trim().toLowerCase();
  if (wanted === "json" || wanted === "pretty") return wanted;
  return stdoutIsTerminal ? "pretty" : "json";
}

export function createServerLogger(options: LoggerOptions = {}): ServerLogger {
  const format = options.format ?? chooseLogFormat();
  const settings: pino.LoggerOptions = {
    level: options.level ?? process.env.LOG_LEVEL ?? "info",
    base: undefined, // no pid/hostname on every line
    serializers: { err: serializeError },
  };
  const destination =
    options.destination ??
    (format === "pretty"
      ? pino.transport({
          target: "pino-pretty",
          options: { destination: 1, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname", singleLine: false },
        })
      : pino.destination({ dest: 1, sync: false, maxLength: MAX_BUFFERED_BYTES }));
  return wrap(pino(settings, destination));
}

function wrap(log: Pino): ServerLogger {
  return {
    pino: log,
    info: (message) => log.info(message),
    warn: (message) => log.warn(message),
    error: (message, error) => (error === undefined ? log.error(message) : log.error({ err: error }, message)),
    child: (fields) => wrap(log.child(fields)),
    flush: () => new Promise((resolve) => log.flush(() => resolve())),
  };
}

/** The log for one request: a child with its id when the logger can, else the id in the message. */
export function logForRequest(log: Logger, requestId: string): Logger {
  if (isServerLogger(log)) return log.child({ reqId: requestId });
  return {
    info: (message) => log.info(`${message} [ref ${requestId}]`),
    warn: (message) => log.warn(`${message} [ref ${requestId}]`),
    error: (message, error) => log.error(`${message} [ref ${requestId}]`, error),
  };
}

function isServerLogger(log: Logger): log is ServerLogger {
  return typeof (log as Partial<ServerLogger>).child === "function";
}
