/**
 * `npm run bench`: speed and memory targets, checked by measurement rather than by timed tests.
 * Exits non-zero when a target is missed.
 */
import { benchEngine } from "./engine";
import { benchReport } from "./report";
import { benchSockets } from "./sockets";

const failures: string[] = [];
function target(ok: boolean, what: string) {
  console.log(`  ${ok ? "ok  " : "MISS"} ${what}`);
  if (!ok) failures.push(what);
}

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
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
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

if (failures.length > 0) {
  console.error(`\n${failures.length} target(s) missed.`);
  process.exit(1);
}
console.log("\nAll targets met.");
process.exit(0);
