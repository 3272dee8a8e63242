/**
 * Makes this process one node of a cluster (REDIS_URL): Socket.IO broadcasts travel through the
 * Redis Streams adapter, games are owned under leases, calls for another node's game are forwarded,
 * and games whose owner died are taken over.
 */
import { randomUUID } from "node:crypto";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { Redis } from "ioredis";
import type { Server } from "socket.io";
import type { Database } from "../db";
import type { LiveGameStore, Logger } from "../rooms/ports";
import type { RoomRegistry } from "../rooms/registry";
import { ClusterRegistry, GAME_MOVED } from "./cluster-registry";
import { clusterKeys } from "./keys";
import { GameLeases } from "./lease";
import { fenceRoomPorts } from "./fencing";
import { NodeRpc } from "./rpc";
import { withReportedPublishFailures } from "./adapter-client";
import { sharedFanOutTurns } from "../rooms/fan-out-turns";
import { RemoteSockets } from "./remote-sockets";
import { RateLimiterRedis } from "rate-limiter-flexible";
import type { LimiterFactory } from "../socket/wrong-code-limiter";
import { deliverFromOtherNodes, type SocketsElsewhere } from "../socket/broadcaster";

export interface ClusterOptions {
  redisUrl: string;
  /** Prefix of every Redis key and channel (REDIS_KEY_PREFIX): one per cluster sharing a Redis. */
  keyPrefix: string;
  /** How long a dead owner's games wait before another node takes them over (default 5 s). */
  leaseTtlMs?: number;
}

export interface RunningCluster {
  nodeId: string;
  directory: ClusterRegistry;
  /** Stops serving forwarded calls (before the rooms are flushed). */
  stopServing(): Promise<void>;
  /** Gives up this node's leases (after the rooms are flushed) so other nodes take its games over at once. */
  leave(): Promise<void>;
}

/** A node connected to Redis, before its rooms exist: its rooms' ports are fenced by its leases. */
export interface ClusterConnection {
  nodeId: string;
  /** Wraps the rooms' persistence, broadcaster and store so nothing goes through for a game whose lease this node lost. */
  fence<T extends Parameters<typeof fenceRoomPorts>[2]>(ports: T): T;
  /** Rate-limit counters shared by every node (wrong room codes, changes per account and address). */
  limiters: LimiterFactory;
  /** Which of this node's games' sockets other nodes hold: the broadcaster sends through Redis only for those. */
  socketsElsewhere: SocketsElsewhere;
  /** Starts owning, forwarding and taking over games with this registry. */
  join(deps: { registry: RoomRegistry; db: Database; store: LiveGameStore }): Promise<RunningCluster>;
}

export async function connectCluster(options: ClusterOptions, deps: { io: Server; log: Logger }): Promise<ClusterConnection> {
  const nodeId = randomUUID();
  const keys = clusterKeys(options.keyPrefix);
  const ttlMs = options.leaseTtlMs ?? 5_000;
  let lastWarnedAt = 0;
  const onError = (error: Error) => {
    if (Date.now() - lastWarnedAt < 10_000) return;
    lastWarnedAt = Date.now();
    deps.log.warn(`cluster: Redis connection problem: ${error.message}`);
  };
  const client = (commandTimeout?: number) => new Redis(options.redisUrl, { commandTimeout, lazyConnect: true }).on("error", onError);
  // Commands fail after 2 s rather than wait for Redis forever; the adapter's blocking reads must not.
  const commands = client(2_000);
  const subscriber = client();
  const adapterClient = client();
  const all = [commands, subscriber, adapterClient];
  try {
    await Promise.all(all.map((redis) => redis.connect()));
    await commands.ping();
  } catch (error) {
    all.forEach((redis) => redis.disconnect());
    throw new Error(`Could not reach Redis at REDIS_URL: ${error instanceof Error ? error.message : String(error)}`);
  }

  deps.io.adapter(createAdapter(withReportedPublishFailures(adapterClient, onError), { streamName: keys.adapter, channelPrefix: keys.adapter, onlyPlaintext: true }));
  const remoteSockets = new RemoteSockets();
  deliverFromOtherNodes(deps.io, sharedFanOutTurns, deps.log);
  let directory: ClusterRegistry | null = null;
  const leases = new GameLeases(commands, keys, nodeId, ttlMs, (gameIds) => directory?.leasesLost(gameIds));
  const rpc = new NodeRpc(commands, subscriber, keys, nodeId, deps.log);

  return {
    nodeId,
    fence: (ports) => fenceRoomPorts((gameId) => leases.holds(gameId), deps.log, ports),
    socketsElsewhere: remoteSockets,
    limiters: (limiterOptions) => new RateLimiterRedis({ ...limiterOptions, storeClient: commands, keyPrefix: `${options.keyPrefix}:limit:${limiterOptions.keyPrefix}` }),
    async join({ registry, db, store }) {
      const cluster = new ClusterRegistry({ local: registry, redis: commands, keys, leases, rpc, db, store, io: deps.io, log: deps.log, remoteSockets });
      directory = cluster;
      await rpc.start((op, payload, from) => cluster.serve(op, payload, from));
      deps.io.on(GAME_MOVED, (gameId: unknown) => {
        if (typeof gameId === "string") cluster.dropConnections(gameId);
      });
      leases.start();
      await cluster.adoptSavedGames();
      cluster.startScanning(Math.max(500, Math.floor(ttlMs / 2)));
      return {
        nodeId,
        directory: cluster,
        async stopServing() {
          cluster.stopScanning();
          await rpc.stop();
        },
        async leave() {
          leases.stop();
          await leases.releaseAll();
          all.forEach((redis) => redis.disconnect());
        },
      };
    },
  };
}
