/**
 * 5 ms: every turn of writing is followed by reading the sockets, and while answers pour in each
 * turn's wait is paid again by the answers that arrived during it, so the loop's iterations grow to
 * several times the budget. At 200 × 30 on PostgreSQL, 10 → 5 ms took answer-ack p99 from 78–96 ms
 * to 46–63 ms and the worst event-loop stall from 60–62 ms to 36–53 ms (three runs, then four); the
 * last of 10,000 phones got its question no later (409 and 627 ms, against 567 and 737 ms). (30 →
 * 10 ms had taken ack p95 85–115 → 56–74 ms.)
 */
const DEFAULT_TURN_BUDGET_MS = 5;

interface Work {
  work: () => void;
  onError: (error: unknown) => void;
}

/**
 * Shares each turn of the event loop between the games' phase changes (the engine's step, the
 * live-state snapshot, the phase messages) and everything else.
 *
 * When many classes change phase at the same moment (200 games opening their question together),
 * writing every phone's message at once would hold the event loop for hundreds of milliseconds, and
 * every answer arriving meanwhile would wait for it. Instead the messages of all games go out in
 * arrival order, at most `budgetMs` of writing per turn; what does not fit waits for the next turn,
 * after the sockets have been read (acks, answers and timers run in between). Nothing is deferred
 * while the turn has budget left, so a lone game's messages go out at once. The same holds for the
 * work before the messages: 200 games whose clocks run out together each step their engine and
 * pack their snapshot in a turn of their own share, not all in one.
 */
export class FanOutTurns {
  private readonly queue: Work[] = [];
  private readonly firstQueue: Work[] = [];
  private usedMs = 0;
  private running = false;
  private turnEndScheduled = false;

  constructor(
    private readonly budgetMs = DEFAULT_TURN_BUDGET_MS,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /**
   * Sends now if this turn has budget left and nothing is waiting; otherwise after what is waiting.
   * `first` work goes before every message waiting (but after other `first` work): the live-state
   * snapshots, which the answers to a question wait for, before the messages that bring answers.
   * A send that throws is reported to its `onError` and the others still go out.
   */
  send(work: () => void, onError: (error: unknown) => void, first = false): void {
    const ahead = first ? this.firstQueue.length : this.firstQueue.length + this.queue.length;
    // Work sent by work that is running waits its turn: the running work's time is not counted yet.
    if (ahead === 0 && !this.running && this.usedMs < this.budgetMs) this.timed({ work, onError });
    else (first ? this.firstQueue : this.queue).push({ work, onError });
    this.scheduleTurnEnd();
  }

  /** Runs `work` as `send` does, with its result (or what it threw) as the promise's. */
  run<T>(work: () => T | Promise<T>, first = false): Promise<T> {
    return new Promise<T>((resolve, reject) => this.send(() => resolve(work()), reject, first));
  }

  /**
   * Work this turn did outside `send` (an answer whose engine step closed a round) counts against
   * its budget: what is sent next waits for a later turn.
   */
  spend(ms: number): void {
    this.usedMs += ms;
    this.scheduleTurnEnd();
  }

  /** Messages waiting for a later turn. */
  get waiting(): number {
    return this.firstQueue.length + this.queue.length;
  }

  private timed({ work, onError }: Work): void {
    const startedAt = this.clock();
    this.running = true;
    try {
      work();
    } catch (error) {
      onError(error);
    } finally {
      this.running = false;
      this.usedMs += this.clock() - startedAt;
    }
  }

  private scheduleTurnEnd(): void {
    if (this.turnEndScheduled) return;
    this.turnEndScheduled = true;
    // setImmediate runs after this turn's socket reads. What the turn already wrote before (in a
    // timer, a socket's handler) counts against its budget; the next turn starts afresh, after its
    // own socket reads, so answers get in between two batches.
    setImmediate(() => {
      this.turnEndScheduled = false;
      while (this.waiting > 0 && this.usedMs < this.budgetMs) this.timed((this.firstQueue.length > 0 ? this.firstQueue : this.queue).shift()!);
      this.usedMs = 0;
      if (this.waiting > 0) this.scheduleTurnEnd();
    });
  }
}

/** The one every game in this process shares (tests give a room its own). */
export const sharedFanOutTurns = new FanOutTurns();
