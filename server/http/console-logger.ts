import type { Logger } from "../rooms/ports";

/** For tests and benchmarks. The server's own log is server/logging/logger.ts (pino). */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
