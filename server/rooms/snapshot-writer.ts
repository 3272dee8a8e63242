import { describeDatabaseError, isPermanentDatabaseError } from "../db/errors";
import type { Logger } from "./ports";
import { MAX_RETRY_DELAY_MS, Pause, drainUntil, retryDelay, seconds } from "./retry";

/** Tries for an error that waiting cannot fix (bad data), as in WriteQueue. */
const PERMANENT_ERROR_TRIES = 3;

/**
 * Saves a game's live-state snapshot on its own, not in the game's write queue: a phase change
 * must not wait behind a slow round save, and answers (whose acks wait for the snapshot that knows
 * their question) must not either. One save at a time; requests made while one is running fold
 * into a single next save, which stores the state as it is when it starts ("latest wins").
 *
 * Like the write queue, a save that fails because the database is unreachable is retried with
 * back-off until it is stored (each try stores the state as it is then); one log line when it
 * starts failing, one when it is stored. Only an error waiting cannot fix, or a shutdown's
 * deadline, gives up.
 */
export class SnapshotWriter {
  private current: Promise<void> = Promise.resolve();
  private next: Promise<void> | null = null;
  private failingSince: number | null = null;
  private readonly pause = new Pause();
  private giveUpAt: number | null = null;

  constructor(
    private readonly save: () => Promise<void>,
    private readonly log: Logger,
    private readonly label: string,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Whether a save is failing right now (the database is unreachable, probably). */
  get failing(): boolean {
    return this.failingSince !== null;
  }

  /** Resolves once a snapshot taken at or after this call is stored (or given up on, which is logged). */
  request(): Promise<void> {
    if (this.next) return this.next;
    const next = this.current.then(() => {
      this.next = null;
      return this.saveUntilStored();
    });
    this.next = next;
    this.current = next;
    return next;
  }

  idle(): Promise<void> {
    return this.current;
  }

  /** For shutdown: keep retrying until `deadline` (epoch ms), then give up. */
  async drain(deadline: number): Promise<void> {
    this.giveUpAt = deadline;
    await drainUntil(deadline, this.pause, this.clock, () => this.idle());
  }

  private async saveUntilStored(): Promise<void> {
    const startedAt = this.clock();
    for (let failures = 0; ; ) {
      try {
        await this.save();
        if (failures > 0) this.log.info(`${this.label}: live state saved after ${failures + 1} tries (${seconds(this.clock() - startedAt)})`);
        this.failingSince = null;
        return;
      } catch (error) {
        failures++;
        const reason = describeDatabaseError(error);
        if (isPermanentDatabaseError(error) && failures >= PERMANENT_ERROR_TRIES) {
          this.log.error(`${this.label}: could not save the live state (${reason}); giving up after ${failures} tries`);
          this.failingSince = null;
          return;
        }
        if (this.giveUpAt !== null && this.clock() >= this.giveUpAt) {
          this.log.error(`${this.label}: could not save the live state before shutting down (${reason})`);
          return;
        }
        if (failures === 1) {
          this.log.warn(`${this.label}: could not save the live state (${reason}); retrying until the database is back`);
          this.failingSince ??= this.clock();
        }
        const delay = retryDelay(failures, MAX_RETRY_DELAY_MS);
        await this.pause.for(this.giveUpAt !== null ? Math.min(delay, Math.max(0, this.giveUpAt - this.clock())) : delay);
      }
    }
  }
}
