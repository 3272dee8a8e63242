/** Back-off for database writes that must not give up: 100 ms, 200 ms, 400 ms … capped. */
export const FIRST_RETRY_DELAY_MS = 100;
export const MAX_RETRY_DELAY_MS = 5_000;

export function retryDelay(failures: number, maxDelayMs = MAX_RETRY_DELAY_MS): number {
  return Math.min(maxDelayMs, FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, failures - 1));
}

/**
 * A wait that a shutdown can cut short (the write is then tried once more at once, and given up
 * if it still fails after the shutdown's deadline).
 */
export class Pause {
  private wake: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  for(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }

  cutShort(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.wake?.();
    this.wake = null;
  }
}

/** Seconds, for log lines. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * At shutdown: wake whatever is waiting out a retry pause now, and again at `deadline` (by when the
 * caller gives up), until `idle()` settles.
 */
export async function drainUntil(deadline: number, pause: Pause, clock: () => number, idle: () => Promise<void>): Promise<void> {
  pause.cutShort();
  const timer = setInterval(() => pause.cutShort(), Math.max(50, deadline - clock()));
  try {
    await idle();
  } finally {
    clearInterval(timer);
  }
}
