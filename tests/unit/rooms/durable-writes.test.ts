/**
 * The write queue and the answers' group commit while the database is unreachable: they retry with
 * a capped back-off until it is back, keep their order, never give up on an outage, and log one
 * bounded line per failing write or batch (never SQL or parameters).
 */
import { describe, expect, it } from "vitest";
import { inWriterOrder, type AnswerRow } from "../../../server/db/rounds";
import { DatabaseUnreachableError, describeDatabaseError, isDatabaseUnreachable, isPermanentDatabaseError } from "../../../server/db/errors";
import { GroupCommit } from "../../../server/rooms/group-commit";
import type { Logger } from "../../../server/rooms/ports";
import { retryDelay } from "../../../server/rooms/retry";
import { WriteQueue } from "../../../server/rooms/write-queue";

function recordingLog() {
  const lines: Array<{ level: string; message: string; extra: unknown }> = [];
  const log: Logger = {
    info: (message) => lines.push({ level: "info", message, extra: undefined }),
    warn: (message) => lines.push({ level: "warn", message, extra: undefined }),
    error: (message, error) => lines.push({ level: "error", message, extra: error }),
  };
  return { log, lines };
}

/** What drizzle throws: the whole statement and its parameters in the message, the driver's error as cause. */
function drizzleError(cause: Error & { code?: string }): Error {
  const error = new Error(`Failed query: insert into "answers" values ($1, $2) ${"($1, $2), ".repeat(5_000)}\nparams: ${"secret-param,".repeat(5_000)}`);
  (error as { cause?: unknown }).cause = cause;
  return error;
}

function pgError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

/** A database that refuses connections until `until()` says it is back. */
function flakyWrite(isDown: () => boolean, written: unknown[][]) {
  return async (items: unknown[]) => {
    if (isDown()) throw drizzleError(pgError("57P01", "terminating connection due to administrator command"));
    written.push(items);
  };
}

describe("database errors", () => {
  it("describe the driver's error in one short line, never the SQL or its parameters", () => {
    const line = describeDatabaseError(drizzleError(pgError("40P01", "deadlock detected")));
    expect(line).toBe("40P01: deadlock detected");
    const long = describeDatabaseError(drizzleError(pgError("XX000", "x".repeat(10_000))));
    expect(long.length).toBeLessThan(200);
    expect(long).not.toContain("insert");
  });

  it("tell an unreachable database from a refused statement", () => {
    expect(isDatabaseUnreachable(drizzleError(pgError("ECONNREFUSED", "connect ECONNREFUSED")))).toBe(true);
    expect(isDatabaseUnreachable(pgError("57P01", "terminating connection"))).toBe(true);
    expect(isDatabaseUnreachable(pgError("55000", 'database "x" is not currently accepting connections'))).toBe(true);
    expect(isDatabaseUnreachable(new DatabaseUnreachableError())).toBe(true);
    expect(isDatabaseUnreachable(pgError("23503", "violates foreign key constraint"))).toBe(false);
    expect(isPermanentDatabaseError(drizzleError(pgError("23503", "violates foreign key constraint")))).toBe(true);
    expect(isPermanentDatabaseError(drizzleError(pgError("40P01", "deadlock detected")))).toBe(false);
    expect(isPermanentDatabaseError(new Error("socket hang up"))).toBe(false);
  });

  it("back off from 100 ms up to at most 5 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => retryDelay(n))).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000]);
  });
});

describe("the write queue", () => {
  it("retries a write until the database is back, keeps later writes behind it, and logs two lines", async () => {
    const { log, lines } = recordingLog();
    let down = true;
    const done: string[] = [];
    const queue = new WriteQueue(log, "game 123456", { maxDelayMs: 20 });
    const first = queue.run("save round 1", async () => {
      if (down) throw drizzleError(pgError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432"));
      done.push("round 1");
    });
    const second = queue.run("finish game", async () => void done.push("finish"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(done).toEqual([]);
    expect(queue.failing).toBe(true);
    down = false;
    await Promise.all([first, second]);
    expect(done).toEqual(["round 1", "finish"]);
    expect(queue.failing).toBe(false);
    expect(lines.map((line) => line.level)).toEqual(["warn", "info"]);
    for (const line of lines) {
      expect(line.message.length).toBeLessThan(300);
      expect(line.message).not.toMatch(/insert|params|secret-param/);
      expect(line.extra).toBeUndefined();
    }
    expect(lines[0]!.message).toContain("ECONNREFUSED");
  });

  it("lets a broadcast go ahead as soon as a write starts failing, or after its time limit", async () => {
    const { log } = recordingLog();
    let down = true;
    const queue = new WriteQueue(log, "game 1", { maxDelayMs: 20 });
    const write = queue.run("save round 1", async () => {
      if (down) throw new DatabaseUnreachableError();
    });
    const started = Date.now();
    await queue.doneOrFailing(write, 10_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    down = false;
    await write;

    const slow = queue.run("save live state", () => new Promise((resolve) => setTimeout(resolve, 1_500)));
    const waited = Date.now();
    await queue.doneOrFailing(slow, 50);
    expect(Date.now() - waited).toBeLessThan(1_000);
    await slow;
  });

  it("gives up a write the database refuses for good after a few tries, and the next one still runs", async () => {
    const { log, lines } = recordingLog();
    const queue = new WriteQueue(log, "game 1", { maxDelayMs: 5 });
    let tries = 0;
    const bad = queue.run("save player", async () => {
      tries++;
      throw drizzleError(pgError("23505", "duplicate key value violates unique constraint"));
    });
    await expect(bad).rejects.toThrow();
    expect(tries).toBe(3);
    await expect(queue.run("next", async () => {})).resolves.toBeUndefined();
    expect(lines.filter((line) => line.level === "error")).toHaveLength(1);
  });

  it("at shutdown keeps trying until its deadline, then gives up", async () => {
    const { log } = recordingLog();
    const queue = new WriteQueue(log, "game 1");
    const write = queue.run("finish game", async () => {
      throw new DatabaseUnreachableError();
    });
    const outcome = write.then(
      () => "stored",
      () => "given up",
    );
    const started = Date.now();
    await queue.drain(Date.now() + 300);
    expect(await outcome).toBe("given up");
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("the answers' group commit", () => {
  it("keeps a failed batch (and everything that queued behind it) until it is stored: nobody is refused", async () => {
    const { log, lines } = recordingLog();
    let down = true;
    const written: unknown[][] = [];
    const commit = new GroupCommit<number>(flakyWrite(() => down, written), { windowMs: 1, log, label: "answers", maxDelayMs: 20 });
    const first = [1, 2, 3].map((n) => commit.add(n));
    await new Promise((resolve) => setTimeout(resolve, 60));
    const later = [4, 5].map((n) => commit.add(n));
    const settled: number[] = [];
    [...first, ...later].forEach((promise, i) => void promise.then(() => settled.push(i + 1)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(settled).toEqual([]);
    down = false;
    await Promise.all([...first, ...later]);
    expect(written.flat().sort()).toEqual([1, 2, 3, 4, 5]);
    // One line when the batch failed, one when it was stored: not one per answer, not one per try.
    expect(lines.map((line) => line.level)).toEqual(["warn", "info"]);
    expect(lines[0]!.message).not.toMatch(/insert|params/);
  });

  it("with two writers, writes a second batch while the first is still with the database, and a third only after one is back", async () => {
    const inFlight: Array<{ items: number[]; done: () => void }> = [];
    const commit = new GroupCommit<number>((items) => new Promise<void>((resolve) => inFlight.push({ items, done: resolve })), { windowMs: 1, writers: 2 });
    const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
    const first = commit.add(1);
    await tick();
    const second = commit.add(2);
    await tick();
    const third = commit.add(3);
    await tick();
    expect(inFlight.map((write) => write.items)).toEqual([[1], [2]]);
    inFlight[1]!.done();
    await second;
    await tick();
    expect(inFlight.map((write) => write.items)).toEqual([[1], [2], [3]]);
    inFlight[0]!.done();
    inFlight[2]!.done();
    await Promise.all([first, third]);
  });

  it("with two writers both failing at once, says so once each way", async () => {
    const { log, lines } = recordingLog();
    let down = false;
    const written: unknown[][] = [];
    const release: Array<() => void> = [];
    const commit = new GroupCommit<number>(
      async (items) => {
        await new Promise<void>((resolve) => release.push(resolve));
        if (down) throw drizzleError(pgError("57P01", "terminating connection due to administrator command"));
        written.push(items);
      },
      { windowMs: 1, log, label: "answers", maxDelayMs: 20, writers: 2 },
    );
    const first = commit.add(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = commit.add(2);
    await new Promise((resolve) => setTimeout(resolve, 10));
    down = true;
    const releaser = setInterval(() => release.splice(0).forEach((resolve) => resolve()), 5);
    await new Promise((resolve) => setTimeout(resolve, 60));
    down = false;
    await Promise.all([first, second]);
    clearInterval(releaser);
    expect(written.flat().sort()).toEqual([1, 2]);
    expect(lines.map((line) => line.level)).toEqual(["warn", "info"]);
  });

  it("with two writers, starts no other batch while one is failing: what queues up joins its retry", async () => {
    const { log, lines } = recordingLog();
    let down = true;
    const written: unknown[][] = [];
    const commit = new GroupCommit<number>(flakyWrite(() => down, written), { windowMs: 1, log, label: "answers", maxDelayMs: 20, writers: 2 });
    const first = commit.add(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const later = [2, 3].map((n) => commit.add(n));
    await new Promise((resolve) => setTimeout(resolve, 60));
    down = false;
    await Promise.all([first, ...later]);
    expect(written.flat().sort()).toEqual([1, 2, 3]);
    expect(lines.map((line) => line.level)).toEqual(["warn", "info"]);
  });

  it("writes item by item when the database refuses the batch, so only the bad item fails", async () => {
    const { log } = recordingLog();
    const stored: number[] = [];
    const commit = new GroupCommit<number>(
      async (items) => {
        if (items.includes(13)) throw drizzleError(pgError("23503", "insert or update violates foreign key constraint"));
        stored.push(...items);
      },
      { windowMs: 1, log, label: "answers" },
    );
    const results = await Promise.allSettled([11, 12, 13, 14].map((n) => commit.add(n)));
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect(stored.sort()).toEqual([11, 12, 14]);
  });

  it("at shutdown stores what it can before the deadline and refuses the rest", async () => {
    const { log } = recordingLog();
    const commit = new GroupCommit<number>(async () => {
      throw new DatabaseUnreachableError();
    }, { windowMs: 1, log });
    const answer = commit.add(1).then(
      () => "stored",
      () => "refused",
    );
    await commit.drain(Date.now() + 200);
    expect(await answer).toBe("refused");
  });
});

describe("one writer order for answer keys", () => {
  const row = (gameId: string, questionId: string, playerId: string): AnswerRow => ({
    id: `${gameId}${questionId}${playerId}`,
    gameId,
    questionId,
    playerId,
    roundIndex: 0,
    choices: [0],
    correct: true,
    points: 1,
    streak: 1,
    responseMs: 1,
    answeredAt: new Date(0),
  });

  it("sorts rows by (game, question, player) whatever order they came in", () => {
    const rows = [row("b", "q1", "p2"), row("a", "q2", "p1"), row("b", "q1", "p1"), row("a", "q1", "p9")];
    const expected = ["a|q1|p9", "a|q2|p1", "b|q1|p1", "b|q1|p2"];
    const key = (r: AnswerRow) => `${r.gameId}|${r.questionId}|${r.playerId}`;
    expect(inWriterOrder(rows).map(key)).toEqual(expected);
    expect(inWriterOrder([...rows].reverse()).map(key)).toEqual(expected);
  });
});
