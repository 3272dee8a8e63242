/**
 * One load run: a game server process, a bots process, M games of N players played to the end
 * through the real protocol. Returns what the phones saw and what the server spent.
 *
 * The database is fresh for every run: PGlite in a temporary directory (made by the server
 * process), or a new PostgreSQL database created through `postgresUrl` and dropped afterwards.
 * "two-nodes" is two server processes on one fresh PostgreSQL database sharing the games through
 * Redis (`redisUrl`), as a school runs it behind a proxy: games are created alternately through
 * each node (so each owns half), and phone i joins through node i mod 2, so half of every game's
 * phones reach it through the node that doesn't own it. Server figures are both nodes together
 * (CPU and memory added up, the worse event loop).
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { Redis } from "ioredis";
import path from "node:path";
import { apiClient, signUpTeacher } from "../../tests/support/teachers";
import type { BotClient, JoinPlan, PlayPlan } from "./bots";
import type { ServerSample } from "./server";
import { distribution, type Distribution } from "./stats";
import { freshPostgresDatabase } from "../fresh-database";
import { deleteRedisKeys } from "../../tests/support/redis-keys";

export type DatabaseKind = "pglite" | "postgres" | "two-nodes";

export interface LoadScenario {
  name: "one-big-game" | "many-games";
  games: number;
  playersPerGame: number;
  database: DatabaseKind;
  /** Needed for "postgres" and "two-nodes": a URL whose role may create databases. */
  postgresUrl?: string;
  /** Needed for "two-nodes". */
  redisUrl?: string;
  questions?: number;
  joinsPerSecond?: number;
  /** Write a V8 CPU profile of the server process into this directory. */
  cpuProfileDir?: string;
  /** The phones' client library (default "lean": the wire protocol over plain websockets). */
  client?: BotClient;
  /** Serve the teachers' pages too, as `npm start` does (they must be built). */
  pages?: boolean;
  /**
   * Two nodes: every game's phones alternate between them, as behind a proxy that spreads the
   * connections (default: phone i on node i mod 2, so each many-games class is on its host's node).
   */
  phonesSplit?: boolean;
}

export interface LoadResult {
  scenario: string;
  database: DatabaseKind;
  games: number;
  playersPerGame: number;
  players: number;
  questions: number;
  joinsPerSecond: number;
  client: BotClient;
  /** The server served the pages too (absent in results from before the option). */
  pages?: boolean;
  /** Every game's phones alternated between the nodes (absent in results from before the option). */
  phonesSplit?: boolean;
  joined: number;
  joinRefusals: Record<string, number>;
  joinAckMs: Distribution;
  /** Every phone's delay from the question opening on the server to its room view arriving. */
  fanOutMs: Distribution;
  /** Per game and question: when the last phone had it. */
  fanOutLastPhoneMs: Distribution;
  /**
   * Per question, in play order: the last phone of the slowest game (the first question has been
   * the slowest at 10,000: code paths and writes the game runs for the first time). Absent in
   * results from before it was reported.
   */
  fanOutLastPhoneByQuestionMs?: number[];
  answerAckMs: Distribution;
  answers: { sent: number; acked: number; refused: Record<string, number>; timedOut: number; stored: number; lost: number };
  gamesFinished: number;
  hostActionsRefused: number;
  server: {
    cpuSecondsPerThousandJoins: number;
    cpuSecondsPerThousandAnswers: number;
    joinCpuSeconds: number;
    playCpuSeconds: number;
    idleRssMb: number;
    peakRssMb: number;
    rssAfterJoinsMb: number;
    rssPerPlayerKb: number;
    /** The game thread's live heap after the joins: what each of V8's full collections marks while playing. */
    heapAfterJoinsMb: number;
    loopMaxMs: number;
    loopMaxJoinMs: number;
    loopMaxPlayMs: number;
    /** CPU the server used within its worst event-loop gap (robust to other work on the machine). */
    busiestGapCpuMs: number;
    /** V8's longest collection pause (ms) in the joins or the play, and its kind ("young", "full", …). */
    longestCollectionMs: number;
    longestCollectionKind: string;
    warnings: number;
    errors: number;
    firstProblems: string[];
  };
  /** The phones' process: its worst event-loop stall and the CPU it used (it shares the server's cores). */
  bots: { loopMaxMs: number; joinCpuSeconds: number; playCpuSeconds: number };
  wallSeconds: number;
}

const here = import.meta.dirname;

/**
 * `apart`: the process in a session of its own. On Linux each session is a scheduling group of its
 * own ("autogroup"), given the same weight as the bench's own: the phones then get the cores as a
 * program of their own would, as the server and PostgreSQL do, instead of splitting one share with
 * the server they load (in one session the server got half of that share when both were busy, and
 * up to ~20 ms of its longest event-loop gaps at 200 × 30 were time it waited for a core).
 */
function child(script: string, options: { env?: Record<string, string>; execArgv?: string[]; apart?: boolean } = {}): ChildProcess {
  const apart = options.apart === true && process.platform === "linux";
  const forked = fork(path.join(here, script), {
    execArgv: ["--import", "tsx", ...(options.execArgv ?? [])],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...options.env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    detached: apart,
  });
  if (apart) {
    try {
      const nice = /nice (-?\d+)/.exec(readFileSync("/proc/self/autogroup", "utf8"))?.[1];
      if (nice && nice !== "0") writeFileSync(`/proc/${forked.pid}/autogroup`, nice);
    } catch {
      // Autogroups switched off, or no right to raise a group's priority: the default weight then.
    }
  }
  return forked;
}

function reply<T>(process: ChildProcess, type: string, timeoutMs = 30 * 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${type}" from the ${path.basename(String(process.spawnargs.at(-1)))} process`)), timeoutMs);
    const onMessage = (message: { type: string }) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      process.off("message", onMessage);
      process.off("exit", onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the ${path.basename(String(process.spawnargs.at(-1)))} process exited (${code}) before "${type}"`));
    };
    process.on("message", onMessage);
    process.once("exit", onExit);
  });
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

export async function runLoad(scenario: LoadScenario): Promise<LoadResult> {
  const started = Date.now();
  const questions = scenario.questions ?? 5;
  const joinsPerSecond = scenario.joinsPerSecond ?? 200;
  const client = scenario.client ?? "lean";
  const pg = scenario.database === "pglite" ? null : await freshPostgresDatabase(scenario.postgresUrl!);
  const nodeCount = scenario.database === "two-nodes" ? 2 : 1;
  if (nodeCount > 1 && !scenario.redisUrl) throw new Error("the two-node scenario needs a Redis URL");
  const redisPrefix = `quiz-bench-${randomBytes(4).toString("hex")}`;
  const servers: ChildProcess[] = [];
  // Profiled too: whether a late phone was the server's doing or the phones' process's.
  const bots = child("bots.ts", { apart: true, execArgv: scenario.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.join(scenario.cpuProfileDir, "phones")}`] : [] });
  try {
    const urls: string[] = [];
    // One after another: the first node migrates the database and loads the quizzes.
    for (let node = 0; node < nodeCount; node++) {
      const server = child("server.ts", {
        env: {
          BENCH_DATABASE: pg?.url ?? "",
          BENCH_NODE: String(node),
          BENCH_PAGES: scenario.pages ? "1" : "",
          BENCH_GAPS_DIR: scenario.cpuProfileDir ?? "",
          ...(nodeCount > 1 ? { BENCH_REDIS_URL: scenario.redisUrl!, BENCH_REDIS_PREFIX: redisPrefix } : {}),
        },
        // BENCH_SERVER_FLAGS: Node/V8 flags for the server only (e.g. --trace-gc-nvp), not the phones or the bench.
        execArgv: ["--expose-gc", ...(process.env.BENCH_SERVER_FLAGS?.split(" ").filter(Boolean) ?? []), ...(scenario.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${scenario.cpuProfileDir}`] : [])],
      });
      servers.push(server);
      urls.push((await reply<{ url: string }>(server, "ready", 120_000)).url);
    }
    const url = urls[0]!;
    const mark = async () => {
      const samples = await Promise.all(
        servers.map((server) => {
          server.send({ type: "mark" });
          return reply<ServerSample>(server, "mark");
        }),
      );
      return combineSamples(samples);
    };
    const teacher = await signUpTeacher(url);
    const apis = urls.map((nodeUrl) => apiClient(nodeUrl, teacher.cookie));
    const api = apis[0]!;
    const { quizzes } = await api.quizzes.list.query();
    const quiz = quizzes.find((q) => q.title === "Back Office") ?? quizzes[0]!;
    const tickets: JoinPlan["games"] = [];
    for (let i = 0; i < scenario.games; i++) {
      tickets.push(
        await apis[i % apis.length]!.games.create.mutate({
          quizVersionId: quiz.versionId,
          options: { readTimeSec: 0, timeLimitSec: 20, questionCount: questions, shuffleQuestions: false, lateJoin: true },
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const idle = await mark();

    bots.send({ type: "join", urls, games: tickets, playersPerGame: scenario.playersPerGame, joinsPerSecond, client, phonesSplit: scenario.phonesSplit ?? false } satisfies JoinPlan & { type: string });
    const joined = await reply<{ joined: number; joinAcksMs: number[]; joinRefusals: Record<string, number>; botLoopMaxMs: number; botCpuSeconds: number }>(bots, "joined");
    const joinSample = await mark();

    bots.send({ type: "play", answerSpreadMs: 3_000, hostPauseMs: 300, timeoutMs: 10 * 60_000 } satisfies PlayPlan & { type: string });
    const played = await reply<{
      gamesFinished: number;
      lastPhoneMs: number[];
      slowestGameByQuestion: number[];
      fanOutMs: number[];
      answerAcksMs: number[];
      answersSent: number;
      answersTimedOut: number;
      answerRefusals: Record<string, number>;
      ackedAnswerIds: string[];
      hostActionsRefused: number;
      botLoopMaxMs: number;
      botCpuSeconds: number;
    }>(bots, "played");
    const playSample = await mark();

    servers[0]!.send({ type: "stored", gameIds: tickets.map((ticket) => ticket.gameId) });
    const { answerIds } = await reply<{ answerIds: string[] }>(servers[0]!, "stored");
    const stored = new Set(answerIds);
    const lost = played.ackedAnswerIds.filter((id) => !stored.has(id)).length;

    const players = scenario.games * scenario.playersPerGame;
    const joinCpu = (joinSample.cpuUserMs + joinSample.cpuSystemMs) / 1000;
    const playCpu = (playSample.cpuUserMs + playSample.cpuSystemMs) / 1000;
    const acked = played.ackedAnswerIds.length;
    return {
      scenario: scenario.name,
      database: scenario.database,
      games: scenario.games,
      playersPerGame: scenario.playersPerGame,
      players,
      questions,
      joinsPerSecond,
      client,
      pages: scenario.pages ?? false,
      phonesSplit: scenario.phonesSplit ?? false,
      joined: joined.joined,
      joinRefusals: joined.joinRefusals,
      joinAckMs: distribution(joined.joinAcksMs),
      fanOutMs: distribution(played.fanOutMs),
      fanOutLastPhoneMs: distribution(played.lastPhoneMs),
      fanOutLastPhoneByQuestionMs: played.slowestGameByQuestion.map((ms) => Math.round(ms)),
      answerAckMs: distribution(played.answerAcksMs),
      answers: { sent: played.answersSent, acked, refused: played.answerRefusals, timedOut: played.answersTimedOut, stored: answerIds.length, lost },
      gamesFinished: played.gamesFinished,
      hostActionsRefused: played.hostActionsRefused,
      server: {
        cpuSecondsPerThousandJoins: Math.round((joinCpu / Math.max(1, joined.joined)) * 1000 * 100) / 100,
        cpuSecondsPerThousandAnswers: Math.round((playCpu / Math.max(1, acked)) * 1000 * 100) / 100,
        joinCpuSeconds: Math.round(joinCpu * 10) / 10,
        playCpuSeconds: Math.round(playCpu * 10) / 10,
        idleRssMb: mb(idle.rssBytes),
        peakRssMb: mb(Math.max(joinSample.peakRssBytes, playSample.peakRssBytes)),
        rssAfterJoinsMb: mb(joinSample.rssBytes),
        rssPerPlayerKb: Math.round(((joinSample.rssBytes - idle.rssBytes) / Math.max(1, joined.joined) / 1024) * 10) / 10,
        heapAfterJoinsMb: mb(joinSample.heapUsedBytes),
        loopMaxMs: Math.round(Math.max(joinSample.loopMaxMs, playSample.loopMaxMs)),
        loopMaxJoinMs: Math.round(joinSample.loopMaxMs),
        loopMaxPlayMs: Math.round(playSample.loopMaxMs),
        busiestGapCpuMs: Math.round(Math.max(joinSample.busiestGapCpuMs, playSample.busiestGapCpuMs)),
        ...longestCollection([joinSample, playSample]),
        warnings: joinSample.warnings + playSample.warnings,
        errors: joinSample.errors + playSample.errors,
        firstProblems: [...joinSample.firstProblems, ...playSample.firstProblems].slice(0, 5),
      },
      bots: {
        loopMaxMs: Math.round(Math.max(joined.botLoopMaxMs, played.botLoopMaxMs)),
        joinCpuSeconds: Math.round(joined.botCpuSeconds * 10) / 10,
        playCpuSeconds: Math.round(played.botCpuSeconds * 10) / 10,
      },
      wallSeconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    bots.send({ type: "close" });
    for (const server of servers) if (server.connected) server.send({ type: "stop" });
    // Each child exits by itself; one that hangs is killed after 60 s so a failed run can't block the next.
    await Promise.all(
      [...servers, bots].map(
        (p) =>
          new Promise((resolve) => {
            if (p.exitCode !== null || p.signalCode !== null) return resolve(null);
            const timer = setTimeout(() => p.kill("SIGKILL"), 60_000);
            p.once("exit", () => resolve(clearTimeout(timer)));
          }),
      ),
    );
    await pg?.drop();
    if (nodeCount > 1) await removeRedisKeys(scenario.redisUrl!, redisPrefix);
  }
}

/** Several nodes as one server: CPU and memory added up, the worst event loop and gap. */
function combineSamples(samples: ServerSample[]): ServerSample {
  if (samples.length === 1) return samples[0]!;
  const sum = (pick: (sample: ServerSample) => number) => samples.reduce((total, sample) => total + pick(sample), 0);
  const max = (pick: (sample: ServerSample) => number) => Math.max(...samples.map(pick));
  return {
    cpuUserMs: sum((x) => x.cpuUserMs),
    cpuSystemMs: sum((x) => x.cpuSystemMs),
    wallMs: max((x) => x.wallMs),
    rssBytes: sum((x) => x.rssBytes),
    peakRssBytes: sum((x) => x.peakRssBytes),
    heapUsedBytes: sum((x) => x.heapUsedBytes),
    loopMaxMs: max((x) => x.loopMaxMs),
    loopP99Ms: max((x) => x.loopP99Ms),
    busiestGapCpuMs: max((x) => x.busiestGapCpuMs),
    ...longestCollection(samples),
    warnings: sum((x) => x.warnings),
    errors: sum((x) => x.errors),
    firstProblems: samples.flatMap((x) => x.firstProblems).slice(0, 5),
  };
}

function longestCollection(samples: ServerSample[]): { longestCollectionMs: number; longestCollectionKind: string } {
  const longest = samples.reduce((a, b) => (b.longestCollectionMs > a.longestCollectionMs ? b : a));
  return { longestCollectionMs: Math.round(longest.longestCollectionMs), longestCollectionKind: longest.longestCollectionKind };
}

/** Removes this run's keys only: other programs share the Redis. */
async function removeRedisKeys(redisUrl: string, keyPrefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await deleteRedisKeys(redis, `${keyPrefix}:*`);
  } finally {
    redis.disconnect();
  }
}
