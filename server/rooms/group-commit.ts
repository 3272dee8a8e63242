/**
 * Collects writes that arrive within a few milliseconds (or while the previous batch is being
 * written) and commits them as one batch: an answer is acknowledged only once it is durable,
 * without one database round trip per answer.
 */
export class GroupCommit<T> {
  private queue: Array<{ item: T; done: (error?: unknown) => void }> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing = false;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly windowMs = 2,
  ) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, done: (error) => (error === undefined ? resolve() : reject(error)) });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer || this.writing || this.queue.length === 0) return;
    this.timer = setTimeout(() => void this.flush(), this.windowMs);
  }

  private async flush(): Promise<void> {
    this.timer = null;
    this.writing = true;
    const batch = this.queue;
    this.queue = [];
    try {
      await this.write(batch.map((entry) => entry.item));
      for (const entry of batch) entry.done();
    } catch (error) {
      for (const entry of batch) entry.done(error ?? new Error("write failed"));
    } finally {
      this.writing = false;
      this.schedule();
    }
  }
}
