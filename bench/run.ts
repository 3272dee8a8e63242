/**
 * `npm run bench`: speed and memory targets, checked by measurement rather than by timed tests.
 * Exits non-zero when a target is missed.
 */
import { benchEngine } from "./engine";
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

const players = Number(process.env.BENCH_PLAYERS ?? 500);
console.log(`\nSockets: a real server, ${players} socket.io-client players answering one question`);
const sockets = await benchSockets(players);
console.log(`  answer ack latency: p50 ${sockets.ackP50Ms.toFixed(1)} ms, p99 ${sockets.ackP99Ms.toFixed(1)} ms`);
console.log(`  messages to each phone while answering: ${sockets.messagesPerPhoneWhileAnswering} (beyond its own ack)`);
console.log(`  host answer-count updates: ${sockets.hostCountUpdates} for ${players} answers over ${sockets.answerWindowMs.toFixed(0)} ms`);
console.log(`  server heap after the game: ${(sockets.serverHeapMb).toFixed(0)} MB`);
target(sockets.messagesPerPhoneWhileAnswering === 0, "no room-wide message per answer (phones get nothing while others answer)");
target(sockets.hostCountUpdates <= Math.ceil(sockets.answerWindowMs / 250) + 2, "the host's live count is throttled (≤ 4 updates a second)");
target(sockets.ackP99Ms < 250, `answer ack p99 < 250 ms with ${players} players answering at once`);

if (failures.length > 0) {
  console.error(`\n${failures.length} target(s) missed.`);
  process.exit(1);
}
console.log("\nAll targets met.");
process.exit(0);
