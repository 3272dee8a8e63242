/**
 * Game leases and fencing against a real Redis (TEST_REDIS_URL, default redis://127.0.0.1:6379;
 * unreachable = FAIL): one owner at a time, a lease taken by another node is noticed at the next
 * renewal, a lease that couldn't be renewed in time stops counting by the node's own clock, a
 * takeover the database can't serve gives the lease back, a takeover another node wins is
 * followed there, and a node without the lease can't write or broadcast for that game.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { deleteRedisKeys } from "../support/redis-keys";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "socket.io";
import { ClusterRegistry } from "../../server/cluster/cluster-registry";
import { fenceRoomPorts, LeaseLost } from "../../server/cluster/fencing";
import { clusterKeys } from "../../server/cluster/keys";
import { GameLeases } from "../../server/cluster/lease";
import { RemoteSockets } from "../../server/cluster/remote-sockets";
import type { NodeRpc } from "../../server/cluster/rpc";
import type { Database } from "../../server/db";
import type { RoomRegistry } from "../../server/rooms/registry";
import type { GameState, SavedAnswer } from "../../server/engine";
import type { GamePersistence, LiveGameStore, RoomBroadcaster } from "../../server/rooms/ports";

const REDIS_URL = process.env.TEST_REDIS_URL?.trim() || "redis://127.0.0.1:6379";
const keys = clusterKeys(`quiz-test-lease-${randomBytes(4).toString("hex")}`);
const TTL_MS = 900;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const silent = { info() {}, warn() {}, error() {} };

/** Like the PostgreSQL tests: in CI, or wherever a Redis is named (TEST_REDIS_URL); then an unreachable one FAILS. */
const redisWanted = (process.env.CI ?? "") !== "" || (process.env.TEST_REDIS_URL ?? "").trim() !== "";

describe.runIf(redisWanted)("game leases on Redis", () => {
  let redis: Redis;
  const started: GameLeases[] = [];

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    redis.on("error", () => {});
    try {
      await redis.connect();
    } catch (error) {
      throw new Error(`Redis (${REDIS_URL}, set TEST_REDIS_URL) is unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
  });

  afterAll(async () => {
    started.forEach((leases) => leases.stop());
    await deleteRedisKeys(redis, keys.owner("*"));
    redis.disconnect();
  });

  function node(name: string, onLost: (gameIds: string[]) => void = () => {}): GameLeases {
    const leases = new GameLeases(redis, keys, name, TTL_MS, onLost);
    started.push(leases);
    return leases;
  }

  it("gives a game to one node at a time, keeps it while renewed, and frees it on release", async () => {
    const gameId = randomUUID();
    const a = node("node-a");
    const b = node("node-b");
    a.start();
    expect(await a.acquire(gameId)).toBe(true);
    expect(await b.acquire(gameId)).toBe(false);
    await sleep(TTL_MS * 2.5);
    expect(a.holds(gameId), "renewed past its TTL").toBe(true);
    expect(await b.acquire(gameId), "still taken after two TTLs").toBe(false);
    expect(await b.owner(gameId)).toBe("node-a");
    await a.release(gameId);
    expect(a.holds(gameId)).toBe(false);
    expect(await b.acquire(gameId)).toBe(true);
  });

  it("notices at the next renewal that another node has the game, and stops counting it", async () => {
    const gameId = randomUUID();
    const lost: string[][] = [];
    const a = node("node-a", (gameIds) => lost.push(gameIds));
    a.start();
    expect(await a.acquire(gameId)).toBe(true);
    await redis.set(keys.owner(gameId), "node-c", "PX", 10_000);
    await sleep(TTL_MS / 3 + 200);
    expect(lost).toEqual([[gameId]]);
    expect(a.holds(gameId)).toBe(false);
  });

  it("gives back the games it could not take over while the database was down, and does not crash", async () => {
    const gameId = randomUUID();
    const warnings: string[] = [];
    const leases = node("node-a");
    const registry = new ClusterRegistry({
      local: { findById: () => undefined } as unknown as RoomRegistry,
      redis,
      keys,
      leases,
      rpc: {} as NodeRpc,
      db: {} as Database,
      store: { save: async () => {}, remove: async () => {}, list: () => Promise.reject(new Error("Failed query", { cause: new Error("connect ECONNREFUSED 127.0.0.1:5432") })) },
      io: {} as Server,
      log: { ...silent, warn: (message) => void warnings.push(message) },
      remoteSockets: new RemoteSockets(),
    });
    // A live game whose owner died: its details are in Redis, nobody holds its lease.
    await redis.hset(keys.game(gameId), { code: "123456", hostSecretHash: "h" });
    expect(await registry.findById(gameId)).toBeUndefined();
    expect(warnings).toEqual([expect.stringContaining("the database did not answer (connect ECONNREFUSED 127.0.0.1:5432)")]);
    expect(await leases.owner(gameId), "the lease is free for the next try").toBeNull();
    expect(await node("node-b").acquire(gameId)).toBe(true);
    await redis.del(keys.game(gameId));
  });

  it("forwards to the node that took a game over first, rather than calling the game over", async () => {
    const gameId = randomUUID();
    const leases = node("node-a");
    const other = node("node-b");
    // After Redis comes back every node looks for orphans at once: node B takes the lease just before node A tries.
    const racing = Object.assign(Object.create(leases) as GameLeases, {
      acquire: async (id: string) => (await other.acquire(id)) && false,
    });
    const registry = new ClusterRegistry({
      local: { findById: () => undefined } as unknown as RoomRegistry,
      redis,
      keys,
      leases: racing,
      rpc: {} as NodeRpc,
      db: {} as Database,
      store: { save: async () => {}, remove: async () => {}, list: async () => [] },
      io: {} as Server,
      log: silent,
      remoteSockets: new RemoteSockets(),
    });
    await redis.hset(keys.game(gameId), { code: "654321", hostSecretHash: "h" });
    const room = await registry.findById(gameId);
    expect(room, "a phone's answer goes to node B, not 'this game is no longer running'").toMatchObject({ gameId, ownerNodeId: "node-b" });
    await redis.del(keys.game(gameId));
  });

  it("stops counting a lease it could not renew before it ran out, by its own clock", async () => {
    const gameId = randomUUID();
    const a = node("node-a"); // never started: no renewals, like a node cut off from Redis
    expect(await a.acquire(gameId)).toBe(true);
    expect(a.holds(gameId)).toBe(true);
    await sleep(TTL_MS - Math.min(1_000, TTL_MS / 5) + 50);
    expect(a.holds(gameId), "given up before Redis lets another node take it").toBe(false);
    expect(await redis.exists(keys.owner(gameId)), "Redis still has it for a moment").toBe(1);
    await sleep(300);
    expect(await node("node-b").acquire(gameId), "then another node can take it").toBe(true);
  });
});

describe("fencing a room's writes and broadcasts by its lease", () => {
  const calls: string[] = [];
  const persistence: GamePersistence = {
    addPlayer: async () => void calls.push("addPlayer"),
    setPlayerToken: async () => void calls.push("setPlayerToken"),
    removePlayer: async () => void calls.push("removePlayer"),
    readmitPlayer: async () => void calls.push("readmitPlayer"),
    withdrawPlayer: async () => void calls.push("withdrawPlayer"),
    markStarted: async () => void calls.push("markStarted"),
    saveAnswer: async () => void calls.push("saveAnswer"),
    saveRound: async () => void calls.push("saveRound"),
    finish: async () => void calls.push("finish"),
  };
  const broadcaster: RoomBroadcaster = {
    toPlayers: () => void calls.push("toPlayers"),
    toPlayer: () => void calls.push("toPlayer"),
    playerRemoved: () => void calls.push("playerRemoved"),
    toHost: () => void calls.push("toHost"),
    hostAnswers: () => void calls.push("hostAnswers"),
  };
  const store: LiveGameStore = {
    save: async () => void calls.push("save"),
    remove: async () => void calls.push("remove"),
    list: async () => [],
  };
  const owned = new Set(["mine"]);
  const fenced = fenceRoomPorts((gameId) => owned.has(gameId), silent, { persistence, broadcaster, store });
  const answer = { playerId: "p", answerId: "a" } as SavedAnswer;

  async function everything(gameId: string): Promise<unknown[]> {
    calls.length = 0;
    const outcomes = await Promise.allSettled([
      fenced.persistence.addPlayer({ id: "p", gameId, nickname: "Ann", joinedAt: new Date(), joinSeq: 1, tokenHash: "h" }),
      fenced.persistence.saveAnswer(gameId, 0, "q", answer),
      fenced.persistence.markStarted(gameId, new Date()),
      fenced.persistence.saveRound(gameId, {} as never),
      fenced.persistence.finish(gameId, { at: new Date(), status: "finished", standings: [] }),
      fenced.store.save({ gameId } as GameState),
      fenced.store.remove(gameId),
    ]);
    fenced.broadcaster.toPlayers(gameId, {} as never);
    fenced.broadcaster.toHost(gameId, {} as never);
    fenced.broadcaster.hostAnswers(gameId, {} as never);
    fenced.broadcaster.playerRemoved(gameId, "p", "bye");
    return outcomes.map((outcome) => (outcome.status === "rejected" ? (outcome.reason instanceof LeaseLost ? "refused" : "failed") : "done"));
  }

  it("lets everything through for a game this node owns", async () => {
    expect(await everything("mine")).toEqual(Array(7).fill("done"));
    expect(calls.sort()).toEqual(["addPlayer", "finish", "hostAnswers", "markStarted", "playerRemoved", "remove", "save", "saveAnswer", "saveRound", "toHost", "toPlayers"]);
  });

  it("refuses joins and answers and drops every other write and broadcast for a game it lost", async () => {
    expect(await everything("lost")).toEqual(["refused", "refused", "done", "done", "done", "done", "done"]);
    expect(calls).toEqual([]);
  });

  it("still lists saved games (a node restoring games needs them)", async () => {
    expect(await fenced.store.list()).toEqual([]);
  });
});
