/**
 * Next.js calls onRequestError when a page fails on the server. Next prints the error itself (and
 * shows the browser only a digest); this puts it in the server's log too, with the request's
 * reference (X-Request-Id) and that digest, in the same bounded form as every other error.
 * The logger is the one server/app.ts published (server/logging/shared-logger.ts): this file is
 * bundled by Next.js, so importing the logger module here would make a second, separate logger.
 */
type Log = {
  error(message: string, error?: unknown): void;
  child?: (fields: Record<string, string>) => Log;
};

export function onRequestError(error: unknown, request: { path: string; method: string; headers: Record<string, string | string[] | undefined> }) {
  const log = (globalThis as Record<symbol, unknown>)[Symbol.for("classroom-quiz.logger")] as Log | undefined;
  if (!log) return;
  const reqId = String(request.headers["x-request-id"] ?? "");
  const digest = error && typeof error === "object" && "digest" in error ? ` (digest ${String(error.digest)})` : "";
  const message = `page ${request.method} ${request.path.split("?")[0]} failed${digest}`;
  if (log.child) log.child({ reqId }).error(message, error);
  else log.error(`${message} [ref ${reqId}]`, error);
}
