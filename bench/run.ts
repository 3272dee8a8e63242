/**
 * `npm run bench`: speed and memory targets, checked by measurement rather than by timed tests.
 * Exits non-zero when a target is missed.
 *
 *   npm run bench                          quick: every section, small load runs (a few minutes)
 *   BENCH_FULL=1 npm run bench             the load runs of issue 13 (1 game × 100…10,000; 50/100/200 games × 30)
 *   npm run bench -- --load-only --scenario=one-big-game --players=5000 --db=pglite,postgres
 *   npm run bench -- --load-only --scenario=many-games --games=100,200 --db=postgres [--profile]
 *   npm run bench -- --bundle-only         the page-weight section alone (builds the pages when needed)
 *   --client=socket.io                     the load runs' phones use socket.io-client (default: lean-socket.ts,
 *                                          the same wire protocol without the client library's CPU)
 *   --pages                                the load runs' server serves the teachers' pages too, as `npm start`
 *                                          does (built first when needed); without it the server is API-only
 *   --phones-split                         two nodes: every game's phones alternate between them (as behind a
 *                                          proxy spreading connections), not all on their host's node
 *
 * PostgreSQL runs need BENCH_DATABASE_URL (or TEST_DATABASE_URL): a role that may create databases.
 * The two-node runs (--db=two-nodes: two server processes sharing the games through Redis) also need
 * Redis: BENCH_REDIS_URL, TEST_REDIS_URL or REDIS_URL, else redis://127.0.0.1:6379 when it answers.
 */
import { execSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";
import { buildIfNeeded } from "../server/cli/build-if-needed";
import { benchBundle } from "./bundle";
import { benchEngine } from "./engine";
import { recordResults } from "./load/docs";
import type { BotClient } from "./load/bots";
import { runLoad, type DatabaseKind, type LoadResult, type LoadScenario } from "./load/scenario";
import { benchReport } from "./report";
import { benchSockets } from "./sockets";
import { benchQuizStall, printQuizStall } from "./quiz-stall";

const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [name, value = "true"] = arg.replace(/^--/, "").split("=");
    return [name!, value] as const;
  }),
);
const listArg = (name: string) => args.get(name)?.split(",").filter(Boolean);
const loadOnly = args.has("load-only");
const bundleOnly = args.has("bundle-only");
const full = process.env.BENCH_FULL === "1" || args.has("full");
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

const failures: string[] = [];
function target(ok: boolean, what: string) {
  console.log(`  ${ok ? "ok  " : "MISS"} ${what}`);
  if (!ok) failures.push(what);
}

// Sections: page weight, engine, game report, [quiz reading], one question on real sockets, durable acks, then the load runs.
if (!loadOnly) {
  console.log("Page weight: JavaScript each page downloads (gzip, production build; see bench/bundle.ts)");
  failures.push(...benchBundle());
  console.log("");
}
if (!loadOnly && !bundleOnly) await microBenchmarks();
if (!bundleOnly) await loadBenchmarks();

async function microBenchmarks() {
  console.log("Engine: one question, every player answering");
  benchEngine(2_000); // warm-up
  const engine = [100, 1_000, 10_000].map((players) => benchEngine(players));
  for (const r of engine) {
    console.log(`  ${String(r.players).padStart(6)} players: ${r.nsPerAnswer.toFixed(0).padStart(6)} ns/answer, round close ${r.closeRoundMs.toFixed(1)} ms, ~${Math.round(r.heapPerPlayerBytes)} B/player`);
  }
  const small = engine[0]!;
  const large = engine[engine.length - 1]!;
  target(large.nsPerAnswer < Math.max(small.nsPerAnswer, 2_000) * 4, "an answer costs O(1): 10,000 players ≤ 4× the per-answer cost of 100");
  target(large.closeRoundMs < 250, "closing a 10,000-player round (scoring + ranking once) < 250 ms");

  console.log("\nGame report: ranking, per-question stats, item analysis and CSV from the saved rows");
  benchReport(200, 10); // warm-up
  for (const [reportPlayers, questions] of [[30, 10], [2_000, 30]] as const) {
    const r = benchReport(reportPlayers, questions);
    console.log(`  ${String(r.players).padStart(6)} players × ${questions} questions: report ${r.buildMs.toFixed(0)} ms, CSV ${r.csvMs.toFixed(0)} ms (${(r.csvBytes / 1e6).toFixed(1)} MB)`);
    if (reportPlayers === 2_000) target(r.buildMs + r.csvMs < 2_000, "a 2,000-player, 30-question game's report and CSV are ready in < 2 s");
  }

  const players = Number(process.env.BENCH_PLAYERS ?? 500);
  console.log(`\nSockets: a real server, ${players} socket.io-client players answering one question at once (PGlite on disk)`);
  console.log("  (the phones run in a separate process, so the server's event loop is its own)");
  const sockets = await benchSockets({ players, durableAcks: true });
  console.log(`  answer ack latency seen by phones: p50 ${sockets.ackP50Ms.toFixed(1)} ms, p99 ${sockets.ackP99Ms.toFixed(1)} ms`);
  console.log(`  of which waiting for the answer to be stored: p50 ${sockets.storeWaitP50Ms.toFixed(1)} ms, p99 ${sockets.storeWaitP99Ms.toFixed(1)} ms`);
  console.log(`  messages to each phone while answering: ${sockets.messagesPerPhoneWhileAnswering} (beyond its own ack)`);
  console.log(`  host answer-count updates: ${sockets.hostCountUpdates} for ${players} answers over ${sockets.answerWindowMs.toFixed(0)} ms`);
  console.log(`  server heap after the game: ${sockets.serverHeapMb.toFixed(0)} MB`);
  target(sockets.messagesPerPhoneWhileAnswering === 0, "no room-wide message per answer (phones get nothing while others answer)");
  target(sockets.hostCountUpdates <= Math.ceil(sockets.answerWindowMs / 250) + 2, "the host's live count is throttled (≤ 4 updates a second)");
  target(sockets.ackP99Ms < 500, `every phone has its ack within 500 ms with ${players} players answering at once`);

  // What acknowledging only stored answers costs: 200 players answering at once. The extra ack
  // latency is the time each ack waits for its group commit, measured in the server.
  const DURABLE_PLAYERS = 200;
  const databases: Array<[string, string | undefined]> = [["PGlite on disk", undefined]];
  if (postgresUrl) databases.push(["PostgreSQL", postgresUrl]);
  for (const [name, databaseUrl] of databases) {
    console.log(`\nDurable acks: ${DURABLE_PLAYERS} players answering at once, ${name}`);
    const baseline = await benchSockets({ players: DURABLE_PLAYERS, durableAcks: false, databaseUrl });
    const durable = await benchSockets({ players: DURABLE_PLAYERS, durableAcks: true, databaseUrl });
    console.log(`  ack at once (write not awaited): phones see p50 ${baseline.ackP50Ms.toFixed(1)} ms, p99 ${baseline.ackP99Ms.toFixed(1)} ms`);
    console.log(`  ack once stored:                 phones see p50 ${durable.ackP50Ms.toFixed(1)} ms, p99 ${durable.ackP99Ms.toFixed(1)} ms`);
    console.log(`  extra wait per ack for the group commit: p50 ${durable.storeWaitP50Ms.toFixed(1)} ms, p99 ${durable.storeWaitP99Ms.toFixed(1)} ms`);
    target(durable.storeWaitP99Ms < 150, `a durable ack waits < 150 ms (p99) for its commit with ${DURABLE_PLAYERS} players on ${name}`);
  }

  // ——— Reading a quiz off the game loop ———
  console.log("");
  for (const missed of printQuizStall(await benchQuizStall({ players: 30 }))) failures.push(missed);
}

async function loadBenchmarks() {
  const redisUrl = await reachableRedis(process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  const defaultDatabases = ["pglite", ...(postgresUrl ? ["postgres"] : []), ...(postgresUrl && redisUrl ? ["two-nodes"] : [])];
  const databases = (listArg("db") ?? defaultDatabases) as DatabaseKind[];
  if (databases.some((db) => db !== "pglite") && !postgresUrl) throw new Error("--db=postgres and --db=two-nodes need BENCH_DATABASE_URL or TEST_DATABASE_URL");
  if (databases.includes("two-nodes") && !redisUrl) throw new Error("--db=two-nodes needs a Redis that answers (BENCH_REDIS_URL)");
  if (!databases.includes("two-nodes") && postgresUrl && !redisUrl) console.log("\n(no Redis answered: the two-node runs are left out)");
  const scenarios = listArg("scenario") ?? ["one-big-game", "many-games"];
  const bigGames = (listArg("players") ?? (full ? ["100", "1000", "5000", "10000"] : ["1000"])).map(Number);
  const manyGames = (listArg("games") ?? (full ? ["50", "100", "200"] : ["50"])).map(Number);
  const client = (args.get("client") ?? "lean") as BotClient;
  if (client !== "lean" && client !== "socket.io") throw new Error(`--client must be lean or socket.io, not ${client}`);
  const pages = args.has("pages");
  const phonesSplit = args.has("phones-split");
  if (pages) buildIfNeeded(path.resolve(import.meta.dirname, ".."));
  const profileDir = args.has("profile") ? path.resolve("bench-profiles") : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const plans: LoadScenario[] = [];
  for (const database of databases) {
    if (scenarios.includes("one-big-game")) for (const players of bigGames) plans.push({ name: "one-big-game", games: 1, playersPerGame: players, database, postgresUrl, redisUrl, client, pages, phonesSplit: phonesSplit && database === "two-nodes" });
    if (scenarios.includes("many-games")) for (const games of manyGames) plans.push({ name: "many-games", games, playersPerGame: 30, database, postgresUrl, redisUrl, client, pages, phonesSplit: phonesSplit && database === "two-nodes" });
  }
  const results: LoadResult[] = [];
  for (const plan of plans) {
    const label = `${plan.name} ${plan.games} × ${plan.playersPerGame} on ${plan.database}${plan.pages ? ", with the pages" : ""}${plan.phonesSplit ? ", every game's phones split between the nodes" : ""}`;
    console.log(`\nLoad: ${label} (server and phones in separate processes, phones on ${client === "lean" ? "lean websockets" : "socket.io-client"}; 5 questions; phones join at 200/s, answer within 3 s)`);
    const r = await runLoad({ ...plan, cpuProfileDir: profileDir });
    results.push(r);
    printLoad(r);
    checkLoadTargets(r);
  }
  if (results.length > 0) {
    const commit = (() => {
      try {
        return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
      } catch {
        return "?";
      }
    })();
    recordResults(results, commit);
    console.log("\n  results written to docs/benchmarks.json and docs/benchmarks.md");
    if (profileDir) console.log(`  server CPU profiles in ${profileDir} (the phones' process's in ${path.join(profileDir, "phones")})`);
  }
}

async function reachableRedis(url: string): Promise<string | undefined> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1_000, retryStrategy: () => null });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
    return url;
  } catch {
    return undefined;
  } finally {
    redis.disconnect();
  }
}

function printLoad(r: LoadResult) {
  const d = (x: { p50: number; p95: number; p99: number; max: number }) => `p50 ${x.p50} / p95 ${x.p95} / p99 ${x.p99} / max ${x.max} ms`;
  console.log(`  joined ${r.joined} of ${r.players}${Object.keys(r.joinRefusals).length ? ` (refused: ${JSON.stringify(r.joinRefusals)})` : ""}; join ack ${d(r.joinAckMs)}`);
  console.log(`  question fan-out, last phone per question: ${d(r.fanOutLastPhoneMs)} (every phone: ${d(r.fanOutMs)})`);
  if (r.fanOutLastPhoneByQuestionMs) console.log(`  question fan-out by question, slowest game's last phone: ${r.fanOutLastPhoneByQuestionMs.join(", ")} ms`);
  console.log(`  answer ack ${d(r.answerAckMs)}`);
  console.log(`  answers sent ${r.answers.sent}, acked ${r.answers.acked}, stored ${r.answers.stored}, lost ${r.answers.lost}, timed out ${r.answers.timedOut}${Object.keys(r.answers.refused).length ? `, refused ${JSON.stringify(r.answers.refused)}` : ""}`);
  console.log(`  games finished ${r.gamesFinished}/${r.games}; wall ${r.wallSeconds} s`);
  const s = r.server;
  console.log(`  server CPU: ${s.cpuSecondsPerThousandJoins} s per 1,000 joins, ${s.cpuSecondsPerThousandAnswers} s per 1,000 answers (join ${s.joinCpuSeconds} s, play ${s.playCpuSeconds} s)`);
  console.log(`  server RSS: idle ${s.idleRssMb} MB, after joins ${s.rssAfterJoinsMb} MB (${s.rssPerPlayerKb} KB per player), peak ${s.peakRssMb} MB; game thread's live heap after joins ${s.heapAfterJoinsMb} MB`);
  console.log(`  server event loop: worst stall ${s.loopMaxMs} ms (joining ${s.loopMaxJoinMs}, playing ${s.loopMaxPlayMs}), of which busy ≤ ${s.busiestGapCpuMs} ms CPU; V8's longest collection ${s.longestCollectionMs} ms (${s.longestCollectionKind || "none"}); phones' process worst stall ${r.bots.loopMaxMs} ms`);
  console.log(`  phones' process CPU (on the same cores): join ${r.bots.joinCpuSeconds} s, play ${r.bots.playCpuSeconds} s (${r.client === "lean" ? "lean websockets" : "socket.io-client"})`);
  if (s.errors + s.warnings > 0) console.log(`  server logged ${s.errors} errors, ${s.warnings} warnings; first: ${s.firstProblems.join(" | ")}`);
}

/** Issue 13's targets, for the sizes that were run. */
function checkLoadTargets(r: LoadResult) {
  const on = `${r.games} × ${r.playersPerGame} on ${r.database}`;
  target(r.joined === r.players && r.gamesFinished === r.games, `${on}: every phone joined and every game finished`);
  target(r.answers.lost === 0 && r.answers.timedOut === 0, `${on}: no acknowledged answer lost, none unacknowledged`);
  target(r.server.loopMaxMs <= 50, `${on}: the server's event loop never stalls > 50 ms`);
  if (r.scenario === "many-games") {
    const needed = r.database === "pglite" ? 100 : 200;
    if (r.games <= needed) target(r.answerAckMs.p99 < 100, `${on}: answer-ack p99 < 100 ms`);
  } else if (r.playersPerGame <= 5_000) {
    target(r.joinAckMs.p99 < 500, `${on}: join-ack p99 < 500 ms`);
    target(r.answerAckMs.p99 < 100, `${on}: answer-ack p99 < 100 ms`);
  } else {
    target(r.answerAckMs.p99 < 250, `${on}: answer-ack p99 < 250 ms`);
    target(r.fanOutLastPhoneMs.max < 500, `${on}: question fan-out to the last phone < 500 ms`);
  }
}

if (failures.length > 0) {
  console.error(`\n${failures.length} target(s) missed.`);
  process.exit(1);
}
console.log("\nAll targets met.");
process.exit(0);
