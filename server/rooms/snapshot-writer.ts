import type { Logger } from "./ports";

const RETRY_DELAYS_MS = [100, 400, 1600];

/**
 * Saves a game's live-state snapshot on its own, not in the game's write queue: a phase change
 * must not wait behind a slow round save, and answers (whose acks wait for the snapshot that knows
 * their question) must not either. One save at a time; requests made while one is running fold
 * into a single next save, which stores the state as it is when it starts ("latest wins").
 */
export class SnapshotWriter {
  private current: Promise<void> = Promise.resolve();
  private next: Promise<void> | null = null;

  constructor(
    private readonly save: () => Promise<void>,
    private readonly log: Logger,
    private readonly label: string,
  ) {}

  /** Resolves once a snapshot taken at or after this call is stored (or given up on, which is logged). */
  request(): Promise<void> {
    if (this.next) return this.next;
    const next = this.current.then(() => {
      this.next = null;
      return this.saveWithRetries();
    });
    this.next = next;
    this.current = next;
    return next;
  }

  idle(): Promise<void> {
    return this.current;
  }

  private async saveWithRetries(): Promise<void> {
    for (let tries = 0; ; tries++) {
      try {
        return await this.save();
      } catch (error) {
        const delay = RETRY_DELAYS_MS[tries];
        if (delay === undefined) {
          this.log.error(`${this.label}: could not save the live state; giving up after ${tries + 1} tries`, error);
          return;
        }
        this.log.warn(`${this.label}: could not save the live state (${(error as Error)?.message ?? error}); retrying in ${delay} ms`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}
