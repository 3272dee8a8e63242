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
