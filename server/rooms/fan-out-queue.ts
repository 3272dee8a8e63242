/**
 * The phones' messages of every game in this process, written in turns of the event loop of at
 * most `turnMs` each. A phase change in 200 games at the same moment (a school's classes started
 * together) or in one game of 10,000 phones is written over several turns, with acks and other
 * events handled in between, instead of as one long task. First in, first out, so each game's
 * phases reach its phones in order; when nothing is waiting, writes start at once.
 */
export class FanOutQueue {
  private jobs: Array<(() => void) | undefined> = [];
  private next = 0;
  private running = false;
  /** Writes wait for the next turn: this turn's budget is spent. */
  private waitingForNextTurn = false;
  /** When this turn of the event loop started writing; null once it has ended. */
  private turnStartedAt: number | null = null;

  constructor(
    private readonly options: {
      /** Longest one turn of the event loop may spend writing, all games together (default 30 ms). */
      turnMs?: number;
      clock?: () => number;
      /** A write that throws is reported here and the queue goes on. */
      onError?: (error: unknown) => void;
    } = {},
  ) {}

  /** Queues writes, each a few phones' worth (or a small game's one broadcast). */
  add(writes: ReadonlyArray<() => void>): void {
    for (const write of writes) this.jobs.push(write);
    if (!this.running && !this.waitingForNextTurn) this.write();
  }

  /** Writes not yet made. */
  get waiting(): number {
    return this.jobs.length - this.next;
  }

  private readonly endTurn = (): void => {
    this.turnStartedAt = null;
    if (this.waitingForNextTurn) {
      this.waitingForNextTurn = false;
      this.write();
    }
  };

  /**
   * Writes until the queue is empty or this turn's budget is spent. The budget counts from the
   * turn's first write, so 200 games whose timers fire in the same turn share one budget; the turn
   * ends (setImmediate) after the event loop's I/O, where acks and answers are handled.
   */
  private write(): void {
    const clock = this.options.clock ?? (() => performance.now());
    const turnMs = this.options.turnMs ?? 30;
    if (this.turnStartedAt === null) {
      this.turnStartedAt = clock();
      setImmediate(this.endTurn);
    }
    this.running = true;
    try {
      while (this.next < this.jobs.length) {
        if (clock() - this.turnStartedAt >= turnMs) {
          this.waitingForNextTurn = true;
          return;
        }
        const write = this.jobs[this.next]!;
        this.jobs[this.next++] = undefined;
        try {
          write();
        } catch (error) {
          this.options.onError?.(error);
        }
      }
      this.jobs = [];
      this.next = 0;
    } finally {
      this.running = false;
    }
  }
}
