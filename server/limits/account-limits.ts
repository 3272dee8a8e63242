/**
 * Limits on what one signed-in account (or one network address) can make, each refused in plain words:
 * live games per teacher, quizzes per teacher, and tRPC mutations per minute per account and per address.
 */
import { TRPCError } from "@trpc/server";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { memoryLimiters, type LimiterFactory } from "../socket/wrong-code-limiter";
import type { Database } from "../db";
import { games, quizzes } from "../db/schema";
import type { RoomDirectory } from "../rooms/room-directory";

export interface AccountLimitSettings {
  /** Games one teacher may have open (lobby or playing) at once. */
  liveGamesPerTeacher: number;
  /** Quizzes one teacher may keep in their library (deleted ones don't count). */
  quizzesPerTeacher: number;
  /** tRPC changes (mutations) one account may make per minute. */
  mutationsPerMinutePerAccount: number;
  /** tRPC changes one network address may make per minute, signed in or not (a school NAT is one address). */
  mutationsPerMinutePerAddress: number;
}

export const DEFAULT_ACCOUNT_LIMITS: AccountLimitSettings = {
  liveGamesPerTeacher: 5,
  quizzesPerTeacher: 500,
  mutationsPerMinutePerAccount: 120,
  mutationsPerMinutePerAddress: 600,
};

function waitWords(res: unknown): string {
  const seconds = res instanceof RateLimiterRes ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 60;
  return seconds === 1 ? "a second" : `${seconds} seconds`;
}

export class AccountLimits {
  readonly settings: AccountLimitSettings;
  private readonly perAccount: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;
  /** One game creation at a time per teacher, so two at once can't both squeeze under the limit. */
  private readonly creating = new Map<string, Promise<unknown>>();

  /** `make`: in memory on one process; Redis-backed counters when several nodes share the load. */
  constructor(settings: Partial<AccountLimitSettings> = {}, make: LimiterFactory = memoryLimiters) {
    this.settings = { ...DEFAULT_ACCOUNT_LIMITS, ...settings };
    this.perAccount = make({ keyPrefix: "trpc-account", points: this.settings.mutationsPerMinutePerAccount, duration: 60 });
    this.perAddress = make({ keyPrefix: "trpc-address", points: this.settings.mutationsPerMinutePerAddress, duration: 60 });
  }

  /** Counts one tRPC mutation; throws TOO_MANY_REQUESTS when the account or the address is over its limit. */
  async countMutation(teacherId: string | null, address: string): Promise<void> {
    try {
      await this.perAddress.consume(address);
    } catch (res) {
      throw new TRPCError({
        code: "TOO_MANY_REQUESTS",
        message: `Too many changes from this network address in the last minute. Wait ${waitWords(res)} and try again.`,
      });
    }
    if (!teacherId) return;
    try {
      await this.perAccount.consume(teacherId);
    } catch (res) {
      throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: `Too many changes from your account in the last minute. Wait ${waitWords(res)} and try again.` });
    }
  }

  /** Runs `create` unless the teacher already has the most live games allowed. */
  async withinLiveGameLimit<T>(deps: { db: Database; registry: RoomDirectory }, teacherId: string, create: () => Promise<T>): Promise<T> {
    const previous = this.creating.get(teacherId) ?? Promise.resolve();
    const run = previous.catch(() => {}).then(async () => {
      const live = await countLiveGames(deps.db, deps.registry, teacherId);
      const max = this.settings.liveGamesPerTeacher;
      if (live >= max) {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: `You already have ${live} game${live === 1 ? "" : "s"} open, the most one teacher may have at once (${max}). End one of them first.`,
        });
      }
      return create();
    });
    this.creating.set(teacherId, run);
    try {
      return await run;
    } finally {
      if (this.creating.get(teacherId) === run) this.creating.delete(teacherId);
    }
  }

  /** Throws FORBIDDEN when the teacher's library is full. */
  async assertRoomForQuiz(db: Database, teacherId: string): Promise<void> {
    const [row] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(quizzes)
      .where(and(eq(quizzes.ownerId, teacherId), isNull(quizzes.deletedAt)));
    const max = this.settings.quizzesPerTeacher;
    if ((row?.n ?? 0) >= max) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Your library already has ${max} quizzes, the most one teacher may keep. Delete one you no longer use first.` });
    }
  }
}

/** The teacher's games that are open on this server and not over (lobby or being played). */
export async function countLiveGames(db: Database, registry: RoomDirectory, teacherId: string): Promise<number> {
  const rows = await db
    .select({ id: games.id })
    .from(games)
    .where(and(eq(games.ownerId, teacherId), inArray(games.status, ["lobby", "running"])));
  const open = await Promise.all(
    rows.map(async ({ id }) => {
      const room = await registry.findById(id);
      return room !== undefined && room.isFinished !== true;
    }),
  );
  return open.filter(Boolean).length;
}
