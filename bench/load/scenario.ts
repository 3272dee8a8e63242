/**
 * One load run: a game server process, a bots process, M games of N players played to the end
 * through the real protocol. Returns what the phones saw and what the server spent.
 *
 * The database is fresh for every run: PGlite in a temporary directory (made by the server
 * process), or a new PostgreSQL database created through `postgresUrl` and dropped afterwards.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { apiClient, signUpTeacher } from "../../tests/support/teachers";
import type { JoinPlan, PlayPlan } from "./bots";
import type { ServerSample } from "./server";
import { distribution, type Distribution } from "./stats";
import { freshPostgresDatabase } from "../fresh-database";

export type DatabaseKind = "pglite" | "postgres";

export interface LoadScenario {
  name: "one-big-game" | "many-games";
  games: number;
  playersPerGame: number;
  database: DatabaseKind;
  /** Needed for database "postgres": a URL whose role may create databases. */
  postgresUrl?: string;
  questions?: number;
  joinsPerSecond?: number;
  /** Write a V8 CPU profile of the server process into this directory. */
  cpuProfileDir?: string;
}

export interface LoadResult {
  scenario: string;
  database: DatabaseKind;
  games: number;
  playersPerGame: number;
  players: number;
  questions: number;
  joinsPerSecond: number;
  joined: number;
  joinRefusals: Record<string, number>;
  joinAckMs: Distribution;
  /** Every phone's delay from the question opening on the server to its room view arriving. */
  fanOutMs: Distribution;
  /** Per game and question: when the last phone had it. */
  fanOutLastPhoneMs: Distribution;
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
    loopMaxMs: number;
    loopMaxJoinMs: number;
    loopMaxPlayMs: number;
    /** CPU the server used within its worst event-loop gap (robust to other work on the machine). */
    busiestGapCpuMs: number;
    warnings: number;
    errors: number;
    firstProblems: string[];
  };
  bots: { loopMaxMs: number };
  wallSeconds: number;
}

const here = import.meta.dirname;

function child(script: string, options: { env?: Record<string, string>; execArgv?: string[] } = {}): ChildProcess {
  return fork(path.join(here, script), {
    execArgv: ["--import", "tsx", ...(options.execArgv ?? [])],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...options.env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
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
  const pg = scenario.database === "postgres" ? await freshPostgresDatabase(scenario.postgresUrl!) : null;
  const server = child("server.ts", {
    env: { BENCH_DATABASE: pg?.url ?? "" },
    execArgv: ["--expose-gc", ...(scenario.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${scenario.cpuProfileDir}`] : [])],
  });
  const bots = child("bots.ts");
  try {
    const { url } = await reply<{ url: string }>(server, "ready", 120_000);
    const mark = async () => {
      server.send({ type: "mark" });
      return reply<ServerSample>(server, "mark");
    };
    const teacher = await signUpTeacher(url);
    const api = apiClient(url, teacher.cookie);
    const { quizzes } = await api.quizzes.list.query();
    const quiz = quizzes.find((q) => q.title === "Back Office") ?? quizzes[0]!;
    const tickets: JoinPlan["games"] = [];
    for (let i = 0; i < scenario.games; i++) {
      tickets.push(
        await api.games.create.mutate({
          quizVersionId: quiz.versionId,
          options: { readTimeSec: 0, timeLimitSec: 20, questionCount: questions, shuffleQuestions: false, lateJoin: true },
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const idle = await mark();

    bots.send({ type: "join", url, games: tickets, playersPerGame: scenario.playersPerGame, joinsPerSecond } satisfies JoinPlan & { type: string });
    const joined = await reply<{ joined: number; joinAcksMs: number[]; joinRefusals: Record<string, number>; botLoopMaxMs: number }>(bots, "joined");
    const joinSample = await mark();

    bots.send({ type: "play", answerSpreadMs: 3_000, hostPauseMs: 300, timeoutMs: 10 * 60_000 } satisfies PlayPlan & { type: string });
    const played = await reply<{
      gamesFinished: number;
      lastPhoneMs: number[];
      fanOutMs: number[];
      answerAcksMs: number[];
      answersSent: number;
      answersTimedOut: number;
      answerRefusals: Record<string, number>;
      ackedAnswerIds: string[];
      hostActionsRefused: number;
      botLoopMaxMs: number;
    }>(bots, "played");
    const playSample = await mark();

    server.send({ type: "stored", gameIds: tickets.map((ticket) => ticket.gameId) });
    const { answerIds } = await reply<{ answerIds: string[] }>(server, "stored");
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
      joined: joined.joined,
      joinRefusals: joined.joinRefusals,
      joinAckMs: distribution(joined.joinAcksMs),
      fanOutMs: distribution(played.fanOutMs),
      fanOutLastPhoneMs: distribution(played.lastPhoneMs),
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
        loopMaxMs: Math.round(Math.max(joinSample.loopMaxMs, playSample.loopMaxMs)),
        loopMaxJoinMs: Math.round(joinSample.loopMaxMs),
        loopMaxPlayMs: Math.round(playSample.loopMaxMs),
        busiestGapCpuMs: Math.round(Math.max(joinSample.busiestGapCpuMs, playSample.busiestGapCpuMs)),
        warnings: joinSample.warnings + playSample.warnings,
        errors: joinSample.errors + playSample.errors,
        firstProblems: [...joinSample.firstProblems, ...playSample.firstProblems].slice(0, 5),
      },
      bots: { loopMaxMs: Math.round(Math.max(joined.botLoopMaxMs, played.botLoopMaxMs)) },
      wallSeconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    bots.send({ type: "close" });
    if (server.connected) server.send({ type: "stop" });
    // Each child exits by itself; one that hangs is killed after 60 s so a failed run can't block the next.
    await Promise.all(
      [server, bots].map(
        (p) =>
          new Promise((resolve) => {
            if (p.exitCode !== null || p.signalCode !== null) return resolve(null);
            const timer = setTimeout(() => p.kill("SIGKILL"), 60_000);
            p.once("exit", () => resolve(clearTimeout(timer)));
          }),
      ),
    );
    await pg?.drop();
  }
}
