/**
 * Game leases: a node owns a live game while it holds `owner:<gameId>` in Redis (SET NX PX), and
 * renews all its leases every third of the TTL with one script. A lease another node now holds, or
 * one this node could not renew before it would have expired, is lost: the node stops acting for
 * that game at once (self-fencing, by its own clock, before Redis lets anyone else take it).
 */
import type { Redis } from "ioredis";
import type { ClusterKeys } from "./keys";

const RENEW_SCRIPT = `
local renewed = {}
for i, key in ipairs(KEYS) do
  if redis.call("GET", key) == ARGV[1] then
    redis.call("PEXPIRE", key, ARGV[2])
    renewed[i] = 1
  else
    renewed[i] = 0
  end
end
return renewed`;

const RELEASE_SCRIPT = `
if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end
return 0`;

export class GameLeases {
  /** Held leases and when each is known to last until (by this node's clock). */
  private readonly held = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private renewing = false;

  constructor(
    private readonly redis: Redis,
    private readonly keys: ClusterKeys,
    readonly nodeId: string,
    readonly ttlMs: number,
    /** Leases lost to another node or to an unreachable Redis: stop acting for these games. */
    private readonly onLost: (gameIds: string[]) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.renew(), Math.max(200, Math.floor(this.ttlMs / 3)));
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** True while this node holds the game's lease with time to spare. */
  holds(gameId: string): boolean {
    const until = this.held.get(gameId);
    return until !== undefined && Date.now() < until;
  }

  heldGameIds(): string[] {
    return [...this.held.keys()];
  }

  async acquire(gameId: string): Promise<boolean> {
    const startedAt = Date.now();
    const ok = (await this.redis.set(this.keys.owner(gameId), this.nodeId, "PX", this.ttlMs, "NX")) === "OK";
    if (ok) this.held.set(gameId, this.validUntil(startedAt));
    return ok;
  }

  async owner(gameId: string): Promise<string | null> {
    return this.redis.get(this.keys.owner(gameId));
  }

  /** Gives the game up (finished, or this node is shutting down) so another node can take it at once. */
  async release(gameId: string): Promise<void> {
    this.held.delete(gameId);
    await this.redis.eval(RELEASE_SCRIPT, 1, this.keys.owner(gameId), this.nodeId);
  }

  async releaseAll(): Promise<void> {
    await Promise.allSettled(this.heldGameIds().map((gameId) => this.release(gameId)));
  }

  /** Forgets a lease locally without touching Redis (it is already someone else's). */
  drop(gameId: string): void {
    this.held.delete(gameId);
  }

  private validUntil(startedAt: number): number {
    // A safety margin for clock rate differences and the time the answer took to come back.
    return startedAt + this.ttlMs - Math.min(1_000, Math.floor(this.ttlMs / 5));
  }

  private async renew(): Promise<void> {
    if (this.renewing) return;
    this.renewing = true;
    const gameIds = this.heldGameIds();
    const startedAt = Date.now();
    try {
      if (gameIds.length === 0) return;
      const renewed = (await this.redis.eval(RENEW_SCRIPT, gameIds.length, ...gameIds.map(this.keys.owner), this.nodeId, this.ttlMs)) as number[];
      const lost: string[] = [];
      gameIds.forEach((gameId, i) => {
        if (!this.held.has(gameId)) return; // released meanwhile
        if (renewed[i] === 1) this.held.set(gameId, this.validUntil(startedAt));
        else lost.push(gameId);
      });
      this.fence(lost);
    } catch {
      // Redis unreachable: the leases run out by this node's clock; every one that did is lost.
      const now = Date.now();
      this.fence(gameIds.filter((gameId) => (this.held.get(gameId) ?? 0) <= now + Math.floor(this.ttlMs / 3)));
    } finally {
      this.renewing = false;
    }
  }

  private fence(gameIds: string[]): void {
    if (gameIds.length === 0) return;
    for (const gameId of gameIds) this.held.delete(gameId);
    this.onLost(gameIds);
  }
}
