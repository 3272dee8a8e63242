import { describeDatabaseError, isPermanentDatabaseError } from "../db/errors";
import type { Logger } from "./ports";
import { MAX_RETRY_DELAY_MS, Pause, drainUntil, retryDelay, seconds } from "./retry";

export interface WriteQueueOptions {
  /** Longest wait between two tries (default 5 s). */
  maxDelayMs?: number;
  /** Tries for an error that will not go away by waiting (bad data, a broken constraint). */
  permanentErrorTries?: number;
  clock?: () => number;
}

/**
 * Runs a room's database writes one after another, in the order the game produced them. A write
 * that fails because the database is unreachable is retried with back-off until the database is
 * back — it is never given up while the server runs; later writes wait behind it so the order
 * holds. Only errors that waiting cannot fix are given up after a few tries.
 *
 * Logging stays bounded whatever the outage: one line when a write starts failing, one when it
 * finally succeeds; never the SQL or its parameters.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private failingSince: number | null = null;
  private failingListeners: Array<() => void> = [];
  private readonly pause = new Pause();
  private giveUpAt: number | null = null;
  private readonly clock: () => number;

  constructor(
    private readonly log: Logger,
    private readonly label: string,
    private readonly options: WriteQueueOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
  }

  /** Whether a write is failing right now (the database is unreachable, probably). */
  get failing(): boolean {
    return this.failingSince !== null;
  }

  run(what: string, write: () => Promise<void>): Promise<void> {
    this.pending++;
    const attempt = () => this.attempt(what, write);
    const result = this.tail.then(attempt, attempt).finally(() => this.pending--);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Resolves when `write` settles, as soon as this queue has a write that is failing, or after
   * `atMostMs`, whichever is first: the game broadcasts from memory instead of waiting out a
   * database outage (the write goes on retrying).
   */
  doneOrFailing(write: Promise<unknown>, atMostMs: number): Promise<void> {
    if (this.failing) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), atMostMs);
      const done = () => {
        clearTimeout(timer);
        this.failingListeners = this.failingListeners.filter((listener) => listener !== done);
        resolve();
      };
      this.failingListeners.push(done);
      write.then(done, done);
    });
  }

  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }

  /**
   * For shutdown: keep retrying until `deadline` (epoch ms), then give up what is still failing.
   * Resolves when the queue is empty either way.
   */
  async drain(deadline: number): Promise<void> {
    this.giveUpAt = deadline;
    await drainUntil(deadline, this.pause, this.clock, () => this.idle());
  }

  get size(): number {
    return this.pending;
  }

  private async attempt(what: string, write: () => Promise<void>): Promise<void> {
    const startedAt = this.clock();
    const maxDelay = this.options.maxDelayMs ?? MAX_RETRY_DELAY_MS;
    const permanentTries = this.options.permanentErrorTries ?? 3;
    for (let failures = 0; ; ) {
      try {
        await write();
        if (failures > 0) {
          this.log.info(`${this.label}: ${what} saved after ${failures + 1} tries (${seconds(this.clock() - startedAt)})`);
          this.failingSince = null;
        }
        return;
      } catch (error) {
        failures++;
        const permanent = isPermanentDatabaseError(error);
        const reason = describeDatabaseError(error);
        if (permanent && failures >= permanentTries) {
          this.log.error(`${this.label}: could not ${what} (${reason}); giving up after ${failures} tries`);
          this.failingSince = null;
          throw error;
        }
        if (this.giveUpAt !== null && this.clock() >= this.giveUpAt) {
          this.log.error(`${this.label}: could not ${what} before shutting down (${reason}); giving up after ${failures} tries`);
          throw error;
        }
        if (failures === 1) {
          this.log.warn(`${this.label}: could not ${what} (${reason}); retrying until the database is back`);
          this.markFailing();
        }
        await this.pause.for(this.giveUpAt !== null ? Math.min(retryDelay(failures, maxDelay), Math.max(0, this.giveUpAt - this.clock())) : retryDelay(failures, maxDelay));
      }
    }
  }

  private markFailing(): void {
    this.failingSince ??= this.clock();
    const listeners = this.failingListeners;
    this.failingListeners = [];
    for (const listener of listeners) listener();
  }
}
