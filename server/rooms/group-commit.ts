import { describeDatabaseError, isPermanentDatabaseError } from "../db/errors";
import type { Logger } from "./ports";
import { MAX_RETRY_DELAY_MS, Pause, retryDelay, seconds } from "./retry";

export interface GroupCommitOptions {
  /** How long the first write of a batch waits for others to join it. */
  windowMs?: number;
  log?: Logger;
  /** Names the writes in log lines ("answers"). */
  label?: string;
  /** Longest wait between two tries of a failed batch (default 5 s). */
  maxDelayMs?: number;
  /**
   * Batches written at once (default 1). With 2, a batch no longer waits for the one before it to
   * come back from the database; while a batch is failing, no other one starts (it joins the retry).
   */
  writers?: number;
  clock?: () => number;
}

interface Entry<T> {
  item: T;
  done: (error?: unknown) => void;
}

/**
 * Collects writes that arrive within a few milliseconds (or while the previous batch is being
 * written) and commits them as one batch: an answer is acknowledged only once it is durable,
 * without one database round trip per answer.
 *
 * A batch that fails is retried — with everything that queued up meanwhile — with back-off until
 * it is stored; its writers simply wait (nobody is told "could not save"). One log line per failed
 * batch, one when it is stored, never the SQL. If the statement itself is refused (bad data), the
 * batch is written item by item so one bad item cannot hold back the others; only that item fails.
 */
export class GroupCommit<T> {
  private queue: Entry<T>[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly writing = new Set<Promise<void>>();
  /** Writers retrying a failed batch right now. */
  private failing = 0;
  private readonly pause = new Pause();
  private giveUpAt: number | null = null;
  private readonly windowMs: number;
  private readonly clock: () => number;
  private readonly options: GroupCommitOptions;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    windowOrOptions: number | GroupCommitOptions = {},
  ) {
    const options = typeof windowOrOptions === "number" ? { windowMs: windowOrOptions } : windowOrOptions;
    this.options = options;
    this.windowMs = options.windowMs ?? 2;
    this.clock = options.clock ?? Date.now;
  }

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, done: (error) => (error === undefined ? resolve() : reject(error)) });
      this.schedule();
    });
  }

  /** Items waiting or being written. */
  get backlog(): number {
    return this.queue.length + this.writing.size;
  }

  /** For shutdown: keep retrying until `deadline` (epoch ms), then refuse what is still unstored. */
  async drain(deadline: number): Promise<void> {
    this.giveUpAt = deadline;
    this.pause.cutShort();
    const timer = setInterval(() => this.pause.cutShort(), Math.max(50, deadline - this.clock()));
    try {
      while (this.writing.size > 0 || this.queue.length > 0) {
        if (this.writing.size === 0) void this.flush();
        await Promise.all(this.writing);
      }
    } finally {
      clearInterval(timer);
    }
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return;
    if (this.writing.size >= (this.options.writers ?? 1) || this.failing > 0) return;
    this.timer = setTimeout(() => void this.flush(), this.windowMs);
  }

  private flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const writing: Promise<void> = this.writeUntilStored().finally(() => {
      this.writing.delete(writing);
      this.schedule();
    });
    this.writing.add(writing);
    return writing;
  }

  private async writeUntilStored(): Promise<void> {
    let batch = this.takeQueue();
    const startedAt = this.clock();
    const label = this.options.label ?? "writes";
    let failures = 0;
    // With two writers both batches may fail at once: only the first says so (one line each way).
    let announced = false;
    try {
      while (batch.length > 0) {
        try {
          await this.write(batch.map((entry) => entry.item));
          for (const entry of batch) entry.done();
          if (announced) this.options.log?.info(`${label}: a batch of ${batch.length} stored after ${failures + 1} tries (${seconds(this.clock() - startedAt)})`);
          return;
        } catch (error) {
          failures++;
          if (failures === 1) {
            announced = this.failing === 0;
            this.failing++;
          }
          if (failures === 1 && announced) {
            this.options.log?.warn(`${label}: a batch of ${batch.length} could not be stored (${describeDatabaseError(error)}); retrying until it is`);
          }
          if (isPermanentDatabaseError(error)) {
            batch = await this.oneByOne(batch);
            continue;
          }
          if (this.giveUpAt !== null && this.clock() >= this.giveUpAt) {
            this.options.log?.error(`${label}: ${batch.length} not stored before shutting down (${describeDatabaseError(error)})`);
            for (const entry of batch) entry.done(error);
            return;
          }
          const delay = retryDelay(failures, this.options.maxDelayMs ?? MAX_RETRY_DELAY_MS);
          await this.pause.for(this.giveUpAt !== null ? Math.min(delay, Math.max(0, this.giveUpAt - this.clock())) : delay);
          // Whatever queued up while this batch waited goes along with it.
          batch = batch.concat(this.takeQueue());
        }
      }
    } finally {
      if (failures > 0) this.failing--;
    }
  }

  /** Writes each item alone: the ones refused for good fail, the rest are stored or come back for another try. */
  private async oneByOne(batch: Entry<T>[]): Promise<Entry<T>[]> {
    const again: Entry<T>[] = [];
    let refused = 0;
    let lastReason = "";
    for (const entry of batch) {
      try {
        await this.write([entry.item]);
        entry.done();
      } catch (error) {
        if (isPermanentDatabaseError(error)) {
          refused++;
          lastReason = describeDatabaseError(error);
          entry.done(error);
        } else {
          again.push(entry);
        }
      }
    }
    if (refused > 0) this.options.log?.error(`${this.options.label ?? "writes"}: ${refused} refused by the database (${lastReason})`);
    return again;
  }

  private takeQueue(): Entry<T>[] {
    const batch = this.queue;
    this.queue = [];
    return batch;
  }
}
