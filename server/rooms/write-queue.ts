import type { Logger } from "./ports";

const RETRY_DELAYS_MS = [100, 400, 1600, 5000];

/**
 * Runs a room's database writes one after another, in the order the game produced them, retrying
 * a failed write a few times before giving up (a lost connection should not lose a round).
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly log: Logger,
    private readonly label: string,
  ) {}

  run(what: string, write: () => Promise<void>): Promise<void> {
    const attempt = async () => {
      for (let tries = 0; ; tries++) {
        try {
          return await write();
        } catch (error) {
          const delay = RETRY_DELAYS_MS[tries];
          if (delay === undefined) {
            this.log.error(`${this.label}: could not ${what}; giving up after ${tries + 1} tries`, error);
            throw error;
          }
          this.log.warn(`${this.label}: could not ${what} (${(error as Error).message}); retrying in ${delay} ms`);
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    };
    const result = this.tail.then(attempt, attempt);
    this.tail = result.catch(() => undefined);
    return result;
  }

  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
