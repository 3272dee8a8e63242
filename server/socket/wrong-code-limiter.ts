/**
 * Room codes are 6 digits: 10^6 of them, so guessing must be slow. Wrong codes are counted per
 * client address (an IPv6 /64 counts as one address: one device may hold a whole /64), across
 * all of that address's sockets, and never the right ones: a class joining behind one school NAT
 * only ever spends its allowance on typos.
 *
 * The default numbers (see docs/notes/w-sockets.md for the arithmetic):
 * - 200 wrong codes per 10 minutes per address are free (a class of 40 with 5 typos each);
 * - at most 2,000 wrong codes per 24 hours per address: a full sweep of the 10^6 codes takes at
 *   least 500 days from one address (1.4 % of the codes in a week);
 * - each wrong code beyond the 10-minute allowance blocks the address, for 1 minute, then 2, 4,
 *   8… up to 1 hour (strikes are remembered for 24 hours). While blocked, every join from the
 *   address is refused before its code is looked at, so a sweeper learns nothing meanwhile.
 *
 * The counters are rate-limiter-flexible limiters made by a factory: in memory for one process;
 * several nodes pass a factory that makes RateLimiterRedis with the same options.
 */
import { isIPv6 } from "node:net";
import { RateLimiterMemory, type IRateLimiterOptions, type RateLimiterAbstract, type RateLimiterRes } from "rate-limiter-flexible";

export interface WrongCodeLimiter {
  /** How long this address must wait before a code it sends is looked at; 0 = go ahead. */
  waitMs(address: string): Promise<number>;
  /** A code from this address opened no game. Resolves to how long it must now wait (0 = not at all). */
  wrongCode(address: string): Promise<number>;
}

export interface WrongCodeLimits {
  /** Wrong codes an address may send per `burstSeconds` without any wait. */
  burstCodes: number;
  burstSeconds: number;
  /** Wrong codes an address may send per `dailySeconds`, however patient it is. */
  dailyCodes: number;
  dailySeconds: number;
  /** The first block; each further one in `strikeMemorySeconds` is twice as long, up to `maxBlockSeconds`. */
  firstBlockSeconds: number;
  maxBlockSeconds: number;
  strikeMemorySeconds: number;
}

export const DEFAULT_WRONG_CODE_LIMITS: WrongCodeLimits = {
  burstCodes: 200,
  burstSeconds: 10 * 60,
  dailyCodes: 2_000,
  dailySeconds: 24 * 60 * 60,
  firstBlockSeconds: 60,
  maxBlockSeconds: 60 * 60,
  strikeMemorySeconds: 24 * 60 * 60,
};

/** Makes one counter: RateLimiterMemory here; RateLimiterRedis (same options plus a client) across nodes. */
export type LimiterFactory = (options: IRateLimiterOptions & { keyPrefix: string }) => RateLimiterAbstract;

export const memoryLimiters: LimiterFactory = (options) => new RateLimiterMemory(options);

/** Full sweep of the code space from one address at the most it is allowed, in seconds. */
export function fullSweepSeconds(limits: WrongCodeLimits, codeSpace = 1_000_000): number {
  const perSecond = Math.min(limits.dailyCodes / limits.dailySeconds, limits.burstCodes / limits.burstSeconds);
  return codeSpace / perSecond;
}

/** The part of an address that one client controls: all of IPv4, the /64 prefix of IPv6. */
export function addressKey(address: string): string {
  if (!isIPv6(address)) return address;
  const [head = "", tail = ""] = address.split("%")[0]!.split("::");
  const headParts = head ? head.split(":") : [];
  const tailParts = address.includes("::") ? (tail ? tail.split(":") : []) : [];
  const missing = Math.max(0, 8 - headParts.length - tailParts.length);
  const groups = [...headParts, ...Array<string>(missing).fill("0"), ...tailParts];
  return `${groups.slice(0, 4).map((group) => (parseInt(group, 16) || 0).toString(16)).join(":")}::/64`;
}

const rejected = (error: unknown): RateLimiterRes | null =>
  error && typeof error === "object" && "msBeforeNext" in error ? (error as RateLimiterRes) : null;

export function createWrongCodeLimiter(limits: WrongCodeLimits = DEFAULT_WRONG_CODE_LIMITS, make: LimiterFactory = memoryLimiters): WrongCodeLimiter {
  const burst = make({ keyPrefix: "wrong-code-burst", points: limits.burstCodes, duration: limits.burstSeconds });
  const daily = make({ keyPrefix: "wrong-code-day", points: limits.dailyCodes, duration: limits.dailySeconds });
  const strikes = make({ keyPrefix: "wrong-code-strikes", points: Number.MAX_SAFE_INTEGER, duration: limits.strikeMemorySeconds });
  // Holds blocks only (block() marks a key as over its single point for a given time).
  const blocks = make({ keyPrefix: "wrong-code-block", points: 1, duration: 1 });

  /** Consumes one point; resolves to true when that went over the limit. */
  const overLimit = (limiter: RateLimiterAbstract, key: string) =>
    limiter.consume(key).then(
      () => false,
      (error: unknown) => {
        if (rejected(error)) return true;
        throw error;
      },
    );

  async function waitMs(address: string): Promise<number> {
    const key = addressKey(address);
    const [block, day] = await Promise.all([blocks.get(key), daily.get(key)]);
    const blockedMs = block && block.consumedPoints > 1 ? block.msBeforeNext : 0;
    const dayMs = day && day.consumedPoints >= limits.dailyCodes ? day.msBeforeNext : 0;
    return Math.max(0, blockedMs, dayMs);
  }

  return {
    waitMs,
    async wrongCode(address) {
      const key = addressKey(address);
      const [overDay, overBurst] = await Promise.all([overLimit(daily, key), overLimit(burst, key)]);
      if (!overDay && !overBurst) return 0;
      const strike = await strikes.penalty(key, 1);
      const seconds = Math.min(limits.firstBlockSeconds * 2 ** Math.max(0, strike.consumedPoints - 1), limits.maxBlockSeconds);
      await blocks.block(key, seconds);
      return Math.max(seconds * 1000, await waitMs(address));
    },
  };
}
