/**
 * The running server's logger, reachable from code that Next.js bundles separately
 * (src/instrumentation.ts gets its own copy of every module it imports, so it looks here).
 */
import type { Logger } from "../rooms/ports";

export const SHARED_LOGGER_KEY = Symbol.for("classroom-quiz.logger");

export function publishLogger(log: Logger): void {
  (globalThis as Record<symbol, unknown>)[SHARED_LOGGER_KEY] = log;
}
