import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { withReportedPublishFailures } from "../../../server/cluster/adapter-client";

describe("the Socket.IO adapter's Redis client", () => {
  it("reports a PUBLISH that Redis can't take instead of leaving an unhandled rejection (which would stop the node)", async () => {
    // Nothing listens on port 1: every command fails at once.
    const redis = new Redis("redis://127.0.0.1:1", { lazyConnect: true, enableOfflineQueue: false, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    redis.on("error", () => {});
    const problems: string[] = [];
    withReportedPublishFailures(redis, (error) => problems.push(error.message));
    // As the adapter sends a server-side emit: the promise is dropped.
    void redis.publish("quiz:socket.io#/#", "a batch for another node");
    await expect(redis.publish("quiz:socket.io#/#", "another")).resolves.toBe(0);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/writeable|connect/i);
    redis.disconnect();
  });
});
