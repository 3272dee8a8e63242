/**
 * The game server of a load run, in its own process so its CPU, memory and event loop are measured
 * apart from the phones. Started by `bench/load/scenario.ts` with an IPC channel:
 *   child → {type: "ready", url} once listening;
 *   parent → {type: "mark"}: child → {type: "mark", ...ServerSample} (CPU, RSS, event-loop delay since the last mark);
 *   parent → {type: "stored", gameIds}: child → {type: "stored", answerIds} (the answers in the database);
 *   parent → {type: "stop"}: the server closes and the process exits (a --cpu-prof profile is written then).
 * Env: BENCH_DATABASE (a PostgreSQL URL, or empty for PGlite in a fresh temporary directory);
 * BENCH_REDIS_URL + BENCH_REDIS_PREFIX: one node of several sharing the games through Redis
 * (BENCH_NODE=0 loads the quizzes; the others find them in the shared database). BENCH_PAGES=1: the
 * teachers' pages served too, as under `npm start` (built beforehand by bench/run.ts).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { constants, monitorEventLoopDelay, performance, PerformanceObserver } from "node:perf_hooks";
import { inArray } from "drizzle-orm";
import { startQuizServer } from "../../server/app";
import { spaceOutFullCollections } from "../../server/cli/collect-garbage";
import { loadContentDirectory } from "../../server/content";
import { openDatabase } from "../../server/db";
import { answers } from "../../server/db/schema";
import type { Logger } from "../../server/rooms/ports";

export interface ServerSample {
  cpuUserMs: number;
  cpuSystemMs: number;
  wallMs: number;
  rssBytes: number;
  peakRssBytes: number;
  heapUsedBytes: number;
  loopMaxMs: number;
  loopP99Ms: number;
  /**
   * The most CPU this process used within one event-loop gap (ms). On a machine shared with other
   * work a gap can be long only because the process was not scheduled; this is the part of the
   * worst gap the server itself was busy.
   */
  busiestGapCpuMs: number;
  /**
   * V8's longest collection pause since the last mark (the bench's own full collection at each mark
   * left out), and its kind. Reported a moment after it ends, so one just before a mark counts after it.
   */
  longestCollectionMs: number;
  longestCollectionKind: string;
  /** Log lines at warn/error level since the last mark, and the first few of them (shortened). */
  warnings: number;
  errors: number;
  firstProblems: string[];
}

const PROJECT_DIR = path.resolve(import.meta.dirname, "../..");
/**
 * Every node of a run signs sessions with it. Not imported from tests/support: that would load
 * vitest into the measured server (its RSS and start-up).
 */
const BENCH_AUTH_SECRET = "bench-auth-secret-that-is-long-enough-0123456789";
// As `npm start` runs the server.
spaceOutFullCollections();
// The histogram records the time between two ticks of a timer, so a gap reads as long as it was
// plus up to one resolution before it began (an idle loop reads 10.1 ms at the default 10 ms; a
// 40 ms block 43–47 ms). At 1 ms, a gap reads within ~2 ms of its length.
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();

let warnings = 0;
let errors = 0;
let firstProblems: string[] = [];
const note = (line: string) => void (firstProblems.length < 5 && firstProblems.push(line.slice(0, 300)));
const log: Logger = {
  info: () => {},
  warn: (message) => {
    warnings++;
    note(`warn: ${message}`);
  },
  error: (message, error) => {
    errors++;
    note(`error: ${message}: ${error instanceof Error ? error.message : String(error ?? "")}`);
  },
};

// A 10 ms ticker: each late tick is a gap in the event loop; how much CPU did the process use in it?
let busiestGapCpuMs = 0;
/**
 * With BENCH_GAPS_DIR (a profiled run): the gaps over 40 ms, on the monotonic clock V8's CPU
 * profile uses (µs), so `bench/load/long-tasks.ts` can say what ran in each.
 */
const gapsDir = process.env.BENCH_GAPS_DIR;
let serving = false;
const gaps: Array<{ fromUs: number; toUs: number; cpuMs: number }> = [];
const marksUs: number[] = [];
let tickAtUs = 0;
let tickAt = performance.now();
let tickCpu = process.cpuUsage();
// One cpuUsage() per tick (a system call; two per tick were 1.6 % of the server's profile).
const ticker = setInterval(() => {
  const now = performance.now();
  const cpu = process.cpuUsage();
  const usedMs = (cpu.user - tickCpu.user + cpu.system - tickCpu.system) / 1000;
  if (now - tickAt > 20) busiestGapCpuMs = Math.max(busiestGapCpuMs, usedMs);
  if (gapsDir) {
    const nowUs = Number(process.hrtime.bigint() / 1000n);
    if (serving && now - tickAt > 40 && tickAtUs > 0) gaps.push({ fromUs: tickAtUs, toUs: nowUs, cpuMs: usedMs });
    tickAtUs = nowUs;
  }
  tickAt = now;
  tickCpu = cpu;
}, 10);
ticker.unref();

// Which of the gaps were V8 collecting: a young collection cannot be split, whatever the turns do.
const collectionKinds: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: "young",
  [constants.NODE_PERFORMANCE_GC_MAJOR]: "full",
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental marking",
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weak callbacks",
};
let longestCollection = { ms: 0, kind: "" };
let forcedCollection = { from: 0, to: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.startTime >= forcedCollection.from && entry.startTime <= forcedCollection.to) continue;
    const kind = collectionKinds[(entry as { detail?: { kind?: number } }).detail?.kind ?? -1] ?? "other";
    if (entry.duration > longestCollection.ms) longestCollection = { ms: entry.duration, kind };
  }
}).observe({ entryTypes: ["gc"] });

let peakRss = 0;
const rssSampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
rssSampler.unref();

let lastCpu = process.cpuUsage();
let lastWall = performance.now();
function sample(): ServerSample {
  const cpu = process.cpuUsage(lastCpu);
  const now = performance.now();
  const memory = process.memoryUsage();
  peakRss = Math.max(peakRss, memory.rss);
  const result: ServerSample = {
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    wallMs: now - lastWall,
    rssBytes: memory.rss,
    peakRssBytes: peakRss,
    heapUsedBytes: memory.heapUsed,
    loopMaxMs: loop.max / 1e6,
    loopP99Ms: loop.percentile(99) / 1e6,
    busiestGapCpuMs,
    longestCollectionMs: longestCollection.ms,
    longestCollectionKind: longestCollection.kind,
    warnings,
    errors,
    firstProblems,
  };
  lastCpu = process.cpuUsage();
  lastWall = now;
  peakRss = memory.rss;
  loop.reset();
  busiestGapCpuMs = 0;
  longestCollection = { ms: 0, kind: "" };
  warnings = 0;
  errors = 0;
  firstProblems = [];
  return result;
}

const databaseUrl = process.env.BENCH_DATABASE ?? "";
const dataDir = databaseUrl ? null : await mkdtemp(path.join(tmpdir(), "quiz-load-"));
const database = await openDatabase({ url: databaseUrl, dataDir: dataDir ? path.join(dataDir, "pglite") : undefined, maxConnections: 10 });
if ((process.env.BENCH_NODE ?? "0") === "0") await loadContentDirectory(database.db, path.join(PROJECT_DIR, "content"));
const redisUrl = process.env.BENCH_REDIS_URL;
const server = await startQuizServer({
  db: database.db,
  port: Number(process.env.BENCH_PORT ?? 0),
  host: "127.0.0.1",
  log,
  authSecret: BENCH_AUTH_SECRET,
  authRateLimit: false,
  cluster: redisUrl ? { redisUrl, keyPrefix: process.env.BENCH_REDIS_PREFIX ?? "quiz-bench" } : undefined,
  // One bench teacher hosts every game of a many-games run (a school's teachers, each within their own limits).
  limits: { liveGamesPerTeacher: 100_000, mutationsPerMinutePerAccount: 100_000, mutationsPerMinutePerAddress: 100_000 },
  web: process.env.BENCH_PAGES === "1" ? { dir: PROJECT_DIR, dev: false } : undefined,
});

process.on("message", async (message: { type: string; gameIds?: string[] }) => {
  if (message.type === "mark") {
    if (gapsDir) marksUs.push(Number(process.hrtime.bigint() / 1000n));
    const result = sample();
    // RSS after a full collection (the server runs with --expose-gc), so "per player" is memory
    // the players hold, not garbage not yet collected; the collection's own pause is not counted.
    const forcedFrom = performance.now();
    (globalThis as { gc?: () => void }).gc?.();
    forcedCollection = { from: forcedFrom, to: performance.now() };
    const memory = process.memoryUsage();
    result.rssBytes = memory.rss;
    result.heapUsedBytes = memory.heapUsed;
    loop.reset();
    busiestGapCpuMs = 0;
    tickAt = performance.now();
    tickAtUs = 0;
    tickCpu = process.cpuUsage();
    process.send!({ type: "mark", ...result });
  } else if (message.type === "stored") {
    const rows = await database.db.select({ id: answers.clientAnswerId }).from(answers).where(inArray(answers.gameId, message.gameIds!));
    process.send!({ type: "stored", answerIds: rows.map((row) => row.id) });
  } else if (message.type === "stop") {
    if (gapsDir) await writeFile(path.join(gapsDir, `gaps.${process.pid}.json`), JSON.stringify({ gaps, marksUs }));
    await server.close();
    await database.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    process.exit(0);
  }
});
sample();
serving = true;
process.send!({ type: "ready", url: `http://127.0.0.1:${server.port}` });
