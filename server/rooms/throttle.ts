/**
 * Runs `task` at most once per `intervalMs`: the first request runs at once, later ones within the
 * interval are folded into one trailing run. Used for the host's live counts, never the whole room.
 */
export function throttled(task: () => void, intervalMs: number) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = false;
  let lastRun = -Infinity;

  const run = () => {
    timer = null;
    pending = false;
    lastRun = Date.now();
    task();
  };

  return {
    request(): void {
      if (timer) {
        pending = true;
        return;
      }
      const wait = lastRun + intervalMs - Date.now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    cancel(): void {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = false;
    },
    get pending() {
      return pending || timer !== null;
    },
  };
}
