import { describe, expect, it } from "vitest";
import { clusterConfigProblem } from "../../../server/cluster/requirements";
import { readConfig } from "../../../server/config";

const SECRET = "a-shared-secret-of-at-least-32-characters";
const env = (vars: Record<string, string>) => readConfig(vars as NodeJS.ProcessEnv);

describe("starting as one node of several (REDIS_URL)", () => {
  it("needs nothing more without REDIS_URL: one process, embedded database", () => {
    expect(clusterConfigProblem(env({}))).toBeNull();
  });

  it("runs with a shared PostgreSQL database and a shared AUTH_SECRET", () => {
    const config = env({ REDIS_URL: "redis://10.0.0.5:6379", DATABASE_URL: "postgres://quiz@db/quiz", AUTH_SECRET: SECRET });
    expect(clusterConfigProblem(config)).toBeNull();
    expect(config.REDIS_KEY_PREFIX).toBe("quiz");
  });

  it("refuses the embedded database, in plain words", () => {
    const problem = clusterConfigProblem(env({ REDIS_URL: "redis://10.0.0.5:6379", AUTH_SECRET: SECRET }));
    expect(problem).toMatch(/REDIS_URL is set, so this server runs as one node of several\. It also needs DATABASE_URL pointing to a PostgreSQL database/);
    expect(problem).not.toMatch(/AUTH_SECRET/);
  });

  it("refuses a missing AUTH_SECRET, and names both when both are missing", () => {
    expect(clusterConfigProblem(env({ REDIS_URL: "redis://r", DATABASE_URL: "postgresql://db/quiz" }))).toMatch(/AUTH_SECRET, the same on every node/);
    const both = clusterConfigProblem(env({ REDIS_URL: "redis://r" }))!;
    expect(both).toContain("DATABASE_URL");
    expect(both).toContain("AUTH_SECRET");
  });

  it("refuses a key prefix that isn't a plain name", () => {
    expect(() => env({ REDIS_KEY_PREFIX: "quiz *" })).toThrow(/REDIS_KEY_PREFIX is 1 to 64 letters/);
  });
});
