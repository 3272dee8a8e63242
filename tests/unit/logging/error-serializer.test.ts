import { Writable } from "node:stream";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { ERROR_LIMITS, serializeError } from "../../../server/logging/error-serializer";
import { createServerLogger } from "../../../server/logging/logger";

/** What a failed group commit throws: drizzle's wrapper around the driver's error, carrying the whole batch. */
function failedAnswerBatch(rows = 500) {
  const columns = ["game_id", "round_index", "question_id", "player_id", "choice", "answered_at", "points"];
  const values: string[] = [];
  const params: unknown[] = [];
  for (let row = 0; row < rows; row++) {
    values.push(`(${columns.map((_, column) => `$${row * columns.length + column + 1}`).join(", ")})`);
    params.push("6f1c2d9e-game", 3, "q-4", `player-${row}-secret-nickname`, "B", new Date(0).toISOString(), 950);
  }
  const sql = `insert into "answers" (${columns.map((c) => `"${c}"`).join(", ")}) values ${values.join(", ")} on conflict do nothing`;
  const driverError = Object.assign(new Error("deadlock detected"), {
    name: "PostgresError",
    code: "40P01",
    severity: "ERROR",
    detail: "Process 4711 waits for ShareLock on transaction 99; blocked by process 4712.",
    query: sql,
    parameters: params,
  });
  return { error: new DrizzleQueryError(sql, params, driverError), sql, params };
}

function memoryLog() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, log: createServerLogger({ format: "json", destination }) };
}

describe("error serializer", () => {
  it("logs a failed 500-row INSERT in bounded size, with the statement's kind but no SQL text or parameters", () => {
    const { error, sql } = failedAnswerBatch();
    expect(sql.length + JSON.stringify(error.params).length).toBeGreaterThan(50_000);

    const serialized = serializeError(error);
    const text = JSON.stringify(serialized);

    expect(text.length).toBeLessThan(6_000);
    expect(text).not.toContain("secret-nickname");
    expect(text).not.toContain("$1");
    expect(text).not.toContain("values (");
    expect(serialized).toMatchObject({
      type: "DrizzleQueryError",
      message: "Failed query",
      statement: "insert into answers",
      cause: { type: "PostgresError", code: "40P01", message: "deadlock detected", statement: "insert into answers" },
    });
    expect(serialized.cause?.detail).toContain("ShareLock");
    expect(serialized.stack).toMatch(/^at /);
  });

  it("cuts long messages and keeps only the first stack frames", () => {
    const error = new Error("x".repeat(10_000));
    error.stack = `Error: ${"x".repeat(10_000)}\n${Array.from({ length: 50 }, (_, i) => `    at frame${i} (/srv/quiz/file.ts:${i}:1)`).join("\n")}`;
    const serialized = serializeError(error);
    expect(serialized.message.length).toBeLessThan(ERROR_LIMITS.message + 40);
    expect(serialized.stack?.split("\n")).toHaveLength(ERROR_LIMITS.stackFrames);
    expect(serialized.stack).not.toContain("xxxx");
  });

  it("drops parameters that a driver appended to its own message", () => {
    const serialized = serializeError(new Error('insert or update on table "players" violates foreign key\nparams: 1,2,secret'));
    expect(serialized.message).toBe('insert or update on table "players" violates foreign key');
  });

  it("stops following causes after a few levels, even when they loop", () => {
    const first = new Error("first");
    const second = new Error("second", { cause: first });
    (first as Error & { cause?: unknown }).cause = second;
    const serialized = JSON.stringify(serializeError(second));
    expect(serialized.match(/"message"/g)!.length).toBe(ERROR_LIMITS.causeDepth + 1);
  });

  it("handles values that are not errors", () => {
    expect(serializeError("plain text")).toEqual({ type: "string", message: "plain text" });
    expect(serializeError(undefined)).toEqual({ type: "undefined", message: "undefined" });
    expect(serializeError({ message: "shaped like one", code: "E1", params: ["secret"] })).toMatchObject({ message: "shaped like one", code: "E1" });
  });
});

describe("server logger", () => {
  it("writes one JSON line per failure, with the request id and the bounded error", async () => {
    const { lines, log } = memoryLog();
    const { error } = failedAnswerBatch();
    log.child({ reqId: "ref123" }).error("answers batch failed", error);
    await log.flush();

    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ level: 50, msg: "answers batch failed", reqId: "ref123", err: { type: "DrizzleQueryError" } });
    expect(lines[0]!.length).toBeLessThan(6_000);
    expect(lines[0]).not.toContain("secret-nickname");
  });
});
