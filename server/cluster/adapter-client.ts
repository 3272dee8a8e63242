import type { Redis } from "ioredis";

/**
 * The Redis Streams adapter sends server-side emits (this cluster's batches of messages for other
 * nodes' sockets, "game moved") with PUBLISH and drops the promise: while Redis is unreachable
 * each of them would end as an unhandled rejection, which stops the process. On the adapter's
 * client a failed PUBLISH is reported to `onError` and counts as heard by nobody.
 */
export function withReportedPublishFailures(redis: Redis, onError: (error: Error) => void): Redis {
  const publish = redis.publish.bind(redis) as (channel: string | Buffer, message: string | Buffer) => Promise<number>;
  const reported = (channel: string | Buffer, message: string | Buffer) =>
    publish(channel, message).catch((error: unknown) => {
      onError(error instanceof Error ? error : new Error(String(error)));
      return 0;
    });
  redis.publish = reported as unknown as Redis["publish"];
  return redis;
}
