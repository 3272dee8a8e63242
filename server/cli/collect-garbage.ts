import v8 from "node:v8";
import vm from "node:vm";

/**
 * One full collection, a few seconds after start-up: building the pages, migrating and loading
 * quizzes leave tens of MB of garbage that a quiet server (the usual laptop between lessons)
 * may otherwise hold for hours.
 */
export function collectGarbageSoon(delayMs = 5_000): void {
  const timer = setTimeout(() => {
    try {
      v8.setFlagsFromString("--expose-gc");
      (vm.runInNewContext("gc") as () => void)();
    } catch {
      // Only memory is at stake.
    }
  }, delayMs);
  timer.unref();
}

/**
 * Lets the old generation grow to four times what is live after a full collection (V8 chooses
 * about 1.4–1.7 times under load) before the next one starts. Every full collection marks the whole
 * live heap while the rounds are timed, on cores the phones' traffic and the database keep busy;
 * at 200 games × 30 on PostgreSQL, five of them ran during the ~20 s of play and one does with this
 * (answer-ack p99 191–410 → 102–157 ms and worst stall 130–212 → 108–128 ms in four pairs of runs;
 * docs/benchmarks.md, fourteenth pass). The cost is memory while busy (peak RSS ~670 MB against
 * ~450–560 MB there; ~505 MB since sent packets are let go of, see release-sent-packets.ts); a quiet
 * server is not affected. Process-wide: call it first thing.
 */
export function spaceOutFullCollections(): void {
  v8.setFlagsFromString("--heap-growing-percent=300");
}
