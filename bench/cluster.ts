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
