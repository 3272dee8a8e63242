/**
 * The two-node scenario for `npm run bench`: N real server processes (`npm start`'s entry point,
 * `--api-only`) sharing one PostgreSQL database and one Redis, as in production. The bench drives
 * them like one server: the teacher and host screen on node 0, bot i on `urlFor(i)` (round-robin),
 * so most phones reach their game through a node that forwards to its owner.
 *
 *   const cluster = await startBenchCluster({ databaseUrl });
 *   ... create games through cluster.urls[0], send bots to cluster.urlFor(i) ...
 *   const cpu = await cluster.cpuSeconds();   // per node, for "CPU seconds per 1,000 answers"
 *   await cluster.stop();
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { spawnServer, type ServerProcess } from "../tests/support/server-process";

export interface BenchClusterOptions {
  /** PostgreSQL shared by every node (required: the embedded database can't be shared). */
  databaseUrl: string;
  /** Default redis://127.0.0.1:6379. */
  redisUrl?: string;
  /** How many nodes (default 2). */
  nodes?: number;
  /** Quiz files the nodes load (default content/). */
  contentDir?: string;
  /** Extra environment for every node. */
  env?: Record<string, string>;
}

export interface BenchCluster {
  nodes: ServerProcess[];
  urls: string[];
  /** The node bot `i` connects to (round-robin). */
  urlFor(i: number): string;
  /** The Redis key prefix of this run (removed by `stop`). */
  keyPrefix: string;
  /** CPU seconds (user + system) each node has used so far, by its process id. */
  cpuSeconds(): Promise<number[]>;
  stop(): Promise<void>;
}

export async function startBenchCluster(options: BenchClusterOptions): Promise<BenchCluster> {
  const redisUrl = options.redisUrl ?? "redis://127.0.0.1:6379";
  const keyPrefix = `quiz-bench-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
  const env = {
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: keyPrefix,
    CONTENT_DIR: options.contentDir ?? path.resolve(import.meta.dirname, "../content"),
    ...options.env,
  };
  const nodes: ServerProcess[] = [];
  try {
    // One after another: the first node migrates the database and loads the quizzes.
    for (let i = 0; i < (options.nodes ?? 2); i++) nodes.push(await spawnServer(env));
  } catch (error) {
    await Promise.allSettled(nodes.map((node) => node.kill("SIGTERM")));
    throw error;
  }
  const urls = nodes.map((node) => node.url);
  return {
    nodes,
    urls,
    urlFor: (i) => urls[i % urls.length]!,
    keyPrefix,
    cpuSeconds: () => Promise.all(nodes.map((node) => processCpuSeconds(node.child.pid!))),
    async stop() {
      await Promise.allSettled(nodes.map((node) => node.kill("SIGTERM")));
      await removeKeys(redisUrl, keyPrefix);
    },
  };
}

/** CPU time of another process: /proc where there is one (10 ms ticks), else `ps` (whole seconds) or PowerShell on Windows. */
async function processCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (stat) {
    // Fields after the command name: utime and stime are the 12th and 13th (in clock ticks, 100 a second).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  }
  const run = promisify(execFile);
  if (process.platform === "win32") {
    const { stdout } = await run("powershell", ["-NoProfile", "-Command", `(Get-Process -Id ${pid}).TotalProcessorTime.TotalSeconds`]);
    return Number(stdout.trim());
  }
  const { stdout } = await run("ps", ["-o", "time=", "-p", String(pid)]);
  // [[dd-]hh:]mm:ss[.ff]
  const [days, clock] = stdout.trim().includes("-") ? stdout.trim().split("-") : ["0", stdout.trim()];
  return clock!.split(":").reduce((total, part) => total * 60 + Number(part), 0) + Number(days) * 86_400;
}

/** Removes this run's keys only: other programs share the Redis. */
async function removeKeys(redisUrl: string, keyPrefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on("error", () => {});
  try {
    await redis.connect();
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${keyPrefix}:*`, "COUNT", 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

export interface ClusterGameFigures {
  node: number;
  /** Node 0 owns the game (it was created there); the others forward to it. */
  owner: boolean;
  players: number;
  joinAckMs: { p50: number; p99: number };
  answerAckMs: { p50: number; p99: number; max: number };
  cpuSeconds: { joins: number; answers: number };
}

/**
 * The two-node scenario, one game: `players` phones spread round-robin over the nodes join one
 * game owned by node 0 and answer one question (each at a random moment in the first 3 s);
 * returns join and answer ack times and CPU per node.
 */
export async function benchClusterGame(options: BenchClusterOptions & { players: number }): Promise<ClusterGameFigures[]> {
  const { fork } = await import("node:child_process");
  const { signUpTeacher } = await import("../tests/support/teachers");
  const { TestHost } = await import("../tests/support/socket-clients");
  const { ClientEvent } = await import("../src/protocol");
  const cluster = await startBenchCluster(options);
  const swarm = fork(path.join(import.meta.dirname, "cluster-swarm.ts"), { execArgv: ["--import", "tsx"], stdio: "inherit" });
  const reply = <T>(type: string) => new Promise<T>((resolve) => swarm.on("message", (message: { type: string }) => message.type === type && resolve(message as T)));
  try {
    const { api } = await signUpTeacher(cluster.urls[0]!);
    const { quizzes } = await api.quizzes.list.query();
    const ticket = await api.games.create.mutate({ quizVersionId: quizzes[0]!.versionId, options: { readTimeSec: 0, timeLimitSec: 60 } });
    const host = new TestHost(cluster.urls[0]!);
    await host.attach(ticket.gameId, ticket.hostSecret);
    const joined = reply<{ joinMs: number[] }>("joined");
    const lobbyFull = host.nextState((view) => view.playerCount === options.players, "every phone in the lobby", 300_000);
    const cpuBefore = await cluster.cpuSeconds();
    swarm.send({ type: "join", urls: cluster.urls, games: [{ code: ticket.code, players: options.players }] });
    await lobbyFull;
    await host.action(ClientEvent.hostStart);
    const { joinMs } = await joined;
    const cpuJoined = await cluster.cpuSeconds();
    const answered = reply<{ ackMs: Array<number | null> }>("answered");
    swarm.send({ type: "answer" });
    const { ackMs } = await answered;
    const cpuAnswered = await cluster.cpuSeconds();
    host.close();
    return cluster.urls.map((_, node) => {
      const mine = <T>(values: T[]) => values.filter((_, i) => i % cluster.urls.length === node);
      const acks = mine(ackMs).filter((ms): ms is number => ms !== null);
      const joins = mine(joinMs);
      return {
        node,
        owner: node === 0,
        players: joins.length,
        joinAckMs: { p50: percentile(joins, 50), p99: percentile(joins, 99) },
        answerAckMs: { p50: percentile(acks, 50), p99: percentile(acks, 99), max: Math.max(...acks) },
        cpuSeconds: { joins: cpuJoined[node]! - cpuBefore[node]!, answers: cpuAnswered[node]! - cpuJoined[node]! },
      };
    });
  } finally {
    swarm.kill();
    await cluster.stop();
  }
}

export interface ClusterManyGamesFigures {
  games: number;
  playersPerGame: number;
  /** Per node: how many games it owned and what its phones saw. */
  nodes: Array<{ node: number; gamesOwned: number; players: number; answerAckMs: { p50: number; p99: number; max: number }; cpuSeconds: { joins: number; answers: number } }>;
  /** Answers whose phone reached the game's owner directly, and those forwarded by another node. */
  answerAckMs: { local: { p50: number; p99: number }; forwarded: { p50: number; p99: number } };
}

/**
 * The many-games two-node scenario: `games` games of `playersPerGame` phones, created alternately
 * through each node (as a proxy spreads teachers, so each node owns its share); phone i joins
 * through node i mod N, so most phones of a game reach it through a node that forwards.
 */
export async function benchClusterManyGames(options: BenchClusterOptions & { games: number; playersPerGame: number }): Promise<ClusterManyGamesFigures> {
  const { fork } = await import("node:child_process");
  const { apiClient, signUpTeacher } = await import("../tests/support/teachers");
  const { TestHost } = await import("../tests/support/socket-clients");
  const { ClientEvent } = await import("../src/protocol");
  const cluster = await startBenchCluster(options);
  const swarm = fork(path.join(import.meta.dirname, "cluster-swarm.ts"), { execArgv: ["--import", "tsx"], stdio: "inherit" });
  const reply = <T>(type: string) => new Promise<T>((resolve) => swarm.on("message", (message: { type: string }) => message.type === type && resolve(message as T)));
  const hosts: Array<InstanceType<typeof TestHost>> = [];
  try {
    const { cookie, api } = await signUpTeacher(cluster.urls[0]!);
    const apis = cluster.urls.map((url, i) => (i === 0 ? api : apiClient(url, cookie)));
    const { quizzes } = await api.quizzes.list.query();
    const games: Array<{ owner: number; ticket: { gameId: string; code: string; hostSecret: string }; host: InstanceType<typeof TestHost> }> = [];
    for (let g = 0; g < options.games; g++) {
      const owner = g % cluster.urls.length;
      const ticket = await apis[owner]!.games.create.mutate({ quizVersionId: quizzes[0]!.versionId, options: { readTimeSec: 0, timeLimitSec: 60 } });
      const host = new TestHost(cluster.urls[owner]!);
      hosts.push(host);
      await host.attach(ticket.gameId, ticket.hostSecret);
      games.push({ owner, ticket, host });
    }
    const joined = reply<{ joinMs: number[] }>("joined");
    const cpuBefore = await cluster.cpuSeconds();
    swarm.send({ type: "join", urls: cluster.urls, games: games.map((game) => ({ code: game.ticket.code, players: options.playersPerGame })) });
    await Promise.all(games.map((game) => game.host.nextState((view) => view.playerCount === options.playersPerGame, "every phone in the lobby", 300_000)));
    await Promise.all(games.map((game) => game.host.action(ClientEvent.hostStart)));
    await joined;
    const cpuJoined = await cluster.cpuSeconds();
    const answered = reply<{ ackMs: Array<number | null> }>("answered");
    swarm.send({ type: "answer" });
    const { ackMs } = await answered;
    const cpuAnswered = await cluster.cpuSeconds();
    const nodeCount = cluster.urls.length;
    const phoneNode = (i: number) => i % nodeCount;
    const gameOwner = (i: number) => games[Math.floor(i / options.playersPerGame)]!.owner;
    const acked = ackMs.flatMap((ms, i) => (ms === null ? [] : [{ ms, node: phoneNode(i), local: phoneNode(i) === gameOwner(i) }]));
    const stats = (values: number[]) => ({ p50: percentile(values, 50), p99: percentile(values, 99) });
    return {
      games: options.games,
      playersPerGame: options.playersPerGame,
      nodes: cluster.urls.map((_, node) => {
        const mine = acked.filter((a) => a.node === node).map((a) => a.ms);
        return {
          node,
          gamesOwned: games.filter((game) => game.owner === node).length,
          players: ackMs.filter((_, i) => phoneNode(i) === node).length,
          answerAckMs: { ...stats(mine), max: Math.max(...mine) },
          cpuSeconds: { joins: cpuJoined[node]! - cpuBefore[node]!, answers: cpuAnswered[node]! - cpuJoined[node]! },
        };
      }),
      answerAckMs: { local: stats(acked.filter((a) => a.local).map((a) => a.ms)), forwarded: stats(acked.filter((a) => !a.local).map((a) => a.ms)) },
    };
  } finally {
    hosts.forEach((host) => host.close());
    swarm.kill();
    await cluster.stop();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
