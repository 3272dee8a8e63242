import { TRPCClientError } from "@trpc/client";

/** The server's answer while its database is out of reach (tRPC SERVICE_UNAVAILABLE, HTTP 503). */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data = error.data as { code?: string; httpStatus?: number } | undefined;
  return data?.code === "SERVICE_UNAVAILABLE" || data?.httpStatus === 503;
}

/**
 * Queries retry while the database is unreachable — for as long as it takes, every few seconds —
 * and once for anything else.
 */
export function retryQuery(failureCount: number, error: unknown): boolean {
  return isDatabaseUnreachable(error) || failureCount < 1;
}

export function retryQueryDelay(failureCount: number): number {
  return Math.min(1_000 * 2 ** failureCount, 5_000);
}
