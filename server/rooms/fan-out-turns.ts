/**
 * Shares each turn of the event loop between the games' phase messages and everything else.
 *
 * When many classes change phase at the same moment (200 games opening their question together),
 * writing every phone's message at once would hold the event loop for hundreds of milliseconds, and
 * every answer arriving meanwhile would wait for it. Instead the messages of all games go out in
 * arrival order, at most `budgetMs` of writing per turn; what does not fit waits for the next turn,
 * after the sockets have been read (acks, answers and timers run in between). Nothing is deferred
 * while the turn has budget left, so a lone game's messages go out at once.
 */
export class FanOutTurns {
  private readonly queue: Array<{ work: () => void; onError: (error: unknown) => void }> = [];
  private usedMs = 0;
  private turnEndScheduled = false;

  constructor(
    private readonly budgetMs = 30,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /**
   * Sends now if this turn has budget left and nothing is waiting; otherwise after what is waiting.
   * A send that throws is reported to its `onError` and the others still go out.
   */
  send(work: () => void, onError: (error: unknown) => void): void {
    if (this.queue.length === 0 && this.usedMs < this.budgetMs) this.timed({ work, onError });
    else this.queue.push({ work, onError });
    this.scheduleTurnEnd();
  }

  /** Messages waiting for a later turn. */
  get waiting(): number {
    return this.queue.length;
  }

  private timed({ work, onError }: { work: () => void; onError: (error: unknown) => void }): void {
    const startedAt = this.clock();
    try {
      work();
    } catch (error) {
      onError(error);
    } finally {
      this.usedMs += this.clock() - startedAt;
    }
  }

  private scheduleTurnEnd(): void {
    if (this.turnEndScheduled) return;
    this.turnEndScheduled = true;
    // setImmediate runs after this turn's socket reads, so answers get in before the next batch.
    setImmediate(() => {
      this.turnEndScheduled = false;
      this.usedMs = 0;
      while (this.queue.length > 0 && this.usedMs < this.budgetMs) this.timed(this.queue.shift()!);
      if (this.queue.length > 0 || this.usedMs > 0) this.scheduleTurnEnd();
    });
  }
}

/** The one every game in this process shares (tests give a room its own). */
export const sharedFanOutTurns = new FanOutTurns();
