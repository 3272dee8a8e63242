/** A real server with N socket.io-client phones answering one question at once. */
import { fork } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { performance } from "node:perf_hooks";
import path from "node:path";
import { ClientEvent } from "../src/protocol";
import { startQuizServer } from "../server/app";
import { openDatabase } from "../server/db";
import { loadContentDirectory } from "../server/content";
import { silentLogger } from "../server/http/console-logger";
import { databasePersistence } from "../server/rooms/db-persistence";
import type { GamePersistence } from "../server/rooms/ports";
import { signUpTeacher, TEST_AUTH_SECRET } from "../tests/support/quiz-server";
import { TestHost } from "../tests/support/socket-clients";
import { freshPostgresDatabase } from "./fresh-database";

export interface SocketBenchOptions {
  players: number;
  /** Acknowledge answers only once stored (the product's behaviour), or at once (the baseline). */
  durableAcks: boolean;
  /** PostgreSQL URL; default: PGlite in a temporary directory on disk. */
  databaseUrl?: string;
}

export async function benchSockets({ players, durableAcks, databaseUrl }: SocketBenchOptions) {
  const dataDir = databaseUrl ? null : await mkdtemp(path.join(tmpdir(), "quiz-bench-"));
  // Each run on a fresh database: the first teacher signs up as the admin.
  const fresh = databaseUrl ? await freshPostgresDatabase(databaseUrl) : null;
  const database = await openDatabase({ url: fresh?.url ?? "", dataDir: dataDir ? path.join(dataDir, "pglite") : undefined });
  await loadContentDirectory(database.db, path.resolve(import.meta.dirname, "../content"));
  const stored = databasePersistence(database.db);
  // Server side: how long each acknowledgement waits for its answer to be stored.
  const storeWaits: number[] = [];
  const timedSave: GamePersistence["saveAnswer"] = (...args) => {
    const started = performance.now();
    return stored.saveAnswer(...args).finally(() => storeWaits.push(performance.now() - started));
  };
  const persistence: GamePersistence = durableAcks
    ? { ...stored, saveAnswer: timedSave }
    : { ...stored, saveAnswer: (...args) => (void timedSave(...args).catch(() => {}), Promise.resolve()) };
  const server = await startQuizServer({ db: database.db, port: 0, host: "127.0.0.1", log: silentLogger, persistence, authSecret: TEST_AUTH_SECRET, authRateLimit: false });
  const url = `http://127.0.0.1:${server.port}`;
  const { api } = await signUpTeacher(url);
  try {
    const { quizzes } = await api.quizzes.list.query();
    const ticket = await api.games.create.mutate({ quizVersionId: quizzes[0]!.versionId, options: { readTimeSec: 0, timeLimitSec: 60 } });
    const host = new TestHost(url);
    await host.attach(ticket.gameId, ticket.hostSecret);
    const swarm = fork(path.join(import.meta.dirname, "swarm.ts"), { execArgv: ["--import", "tsx"], stdio: "inherit" });
    const reply = (type: string) => new Promise<any>((resolve) => swarm.once("message", (message: { type: string }) => message.type === type && resolve(message)));
    const joined = reply("joined");
    const lobbyFull = host.nextState((view) => view.playerCount === players, "all players joined", 120_000);
    swarm.send({ type: "join", url, code: ticket.code, players });
    await lobbyFull;
    await host.action(ClientEvent.hostStart);
    await joined;

    const countsBefore = host.answerCounts.length;
    const answered = reply("answered");
    swarm.send({ type: "answer" });
    const { latencies, answerWindowMs, messagesPerPhoneWhileAnswering } = (await answered) as {
      latencies: number[];
      answerWindowMs: number;
      messagesPerPhoneWhileAnswering: number;
    };
    swarm.kill();
    const hostCountUpdates = host.answerCounts.length - countsBefore;
    const percentile = (values: number[], p: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
    };
    const serverHeapMb = process.memoryUsage().heapUsed / 1e6;
    host.close();
    return {
      ackP50Ms: percentile(latencies, 0.5),
      ackP99Ms: percentile(latencies, 0.99),
      storeWaitP50Ms: percentile(storeWaits, 0.5),
      storeWaitP99Ms: percentile(storeWaits, 0.99),
      messagesPerPhoneWhileAnswering,
      hostCountUpdates,
      answerWindowMs,
      serverHeapMb,
    };
  } finally {
    await server.close();
    await database.close();
    await fresh?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}
