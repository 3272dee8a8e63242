import type { Redis } from "ioredis";

/** Deletes the keys matching `pattern` (one run's prefix): other runs and programs share the Redis. */
export async function deleteRedisKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
}
