/**
 * Reading a quiz never stalls a game: a real server runs a 30-phone game (phones and host in their
 * own process, answering continuously across many questions) while a signed-in teacher sends a
 * generated family of pathological quiz files through tRPC quizzes.check and quizzes.create.
 * Reports, per file, read-or-refused and how long it took; and the game's answer-ack latency.
 *
 * Targets: each file read or refused in < 2 s; answer-ack p99 < 100 ms throughout.
 * Standalone: `npx tsx bench/quiz-stall.ts` (exits non-zero when a target is missed).
 */
import { fork } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { startQuizServer } from "../server/app";
import { loadContentDirectory } from "../server/content";
import { openDatabase } from "../server/db";
import { silentLogger } from "../server/http/console-logger";
import { signUpTeacher, TEST_AUTH_SECRET } from "../tests/support/quiz-server";
import type { AckSample, InputOutcome, RunMessage } from "./quiz-stall-phones";
import { freshPostgresDatabase } from "./fresh-database";

export interface QuizStallOptions {
  players?: number;
  /** Game time before the first file and after the last one (for a baseline), ms. */
  settleMs?: number;
  databaseUrl?: string;
}

export interface QuizStallResult {
  players: number;
  inputs: InputOutcome[];
  /** Answer acks sent while the files were being read. */
  during: AckStats;
  /** Answer acks sent before the first file or after the last one. */
  outside: AckStats;
  /** Answers refused (e.g. "too late") while the files were read: should be 0. */
  refusedAnswers: number;
  questionsPlayed: number;
  /** The server's event-loop delay over the whole run (ms). */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  slowestInputMs: number;
  /** The longest the server's event loop was held up during each file's check and upload (ms). */
  stallsByInput: Array<{ name: string; checkMs: number; uploadMs: number }>;
}

export interface AckStats {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** A quiz for the game: many questions, so it outlasts the files. */
function longQuiz(questions: number): string {
  const body = Array.from({ length: questions }, (_, i) => `## Question ${i + 1}: which one?\n\n- [x] Right\n- [ ] Wrong\n- [ ] Also wrong\n- [ ] Not this\n`);
  return `---\ntitle: Stall bench\nshuffleAnswers: false\n---\n\n${body.join("\n")}`;
}

function stats(samples: AckSample[]): AckStats {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
  return { count: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted[sorted.length - 1] ?? 0 };
}

export async function benchQuizStall({ players = 30, settleMs = 3_000, databaseUrl }: QuizStallOptions = {}): Promise<QuizStallResult> {
  const dataDir = databaseUrl ? null : await mkdtemp(path.join(tmpdir(), "quiz-stall-"));
  const database = await openDatabase({ url: databaseUrl ?? "", dataDir: dataDir ? path.join(dataDir, "pglite") : undefined });
  await loadContentDirectory(database.db, path.resolve(import.meta.dirname, "../content"));
  const server = await startQuizServer({ db: database.db, port: 0, host: "127.0.0.1", log: silentLogger, authSecret: TEST_AUTH_SECRET, authRateLimit: false });
  const url = `http://127.0.0.1:${server.port}`;
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  const phones = fork(path.join(import.meta.dirname, "quiz-stall-phones.ts"), { execArgv: ["--import", "tsx"], stdio: "inherit" });
  try {
    const teacher = await signUpTeacher(url);
    const saved = await teacher.api.quizzes.create.mutate({ source: longQuiz(150), fileName: "stall-bench.md" });
    const ticket = await teacher.api.games.create.mutate({ quizVersionId: saved.versionId, options: { readTimeSec: 0, timeLimitSec: 30 } });

    loopDelay.enable();
    // Stalls of the server's event loop, with the wall-clock time they ended, to pin them on a file.
    const stalls: Array<{ at: number; ms: number }> = [];
    let tick = Date.now();
    const watchdog = setInterval(() => {
      const now = Date.now();
      if (now - tick > 60) stalls.push({ at: now, ms: now - tick - 20 });
      tick = now;
    }, 20);
    const done = new Promise<{ inputs: InputOutcome[]; acks: AckSample[]; inputsStart: number; inputsEnd: number; questionsPlayed: number }>((resolve, reject) => {
      phones.once("message", (message: { type: string; message?: string }) =>
        message.type === "done" ? resolve(message as never) : reject(new Error(`bench phones failed: ${message.message}`)),
      );
      phones.once("exit", (code) => reject(new Error(`bench phones exited (${code})`)));
    });
    const run: RunMessage = { type: "run", url, code: ticket.code, gameId: ticket.gameId, hostSecret: ticket.hostSecret, players, cookie: teacher.cookie, settleMs };
    phones.send(run);
    const result = await done;
    loopDelay.disable();
    clearInterval(watchdog);
    // A stall belongs to the call whose window holds its end (the reply leaves when the loop is free again).
    const worstStall = (from: number, to: number) => Math.max(0, ...stalls.filter((stall) => stall.at >= from && stall.at <= to + 50).map((stall) => stall.ms));

    const during = result.acks.filter((ack) => ack.at >= result.inputsStart && ack.at <= result.inputsEnd);
    const outside = result.acks.filter((ack) => ack.at < result.inputsStart || ack.at > result.inputsEnd);
    return {
      players,
      inputs: result.inputs,
      during: stats(during),
      outside: stats(outside),
      refusedAnswers: result.acks.filter((ack) => !ack.ok).length,
      questionsPlayed: result.questionsPlayed,
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      loopDelayMaxMs: loopDelay.max / 1e6,
      slowestInputMs: Math.max(...result.inputs.flatMap((input) => [input.check.ms, input.upload.ms])),
      stallsByInput: result.inputs.map((input) => ({ name: input.name, checkMs: worstStall(input.check.from, input.check.to), uploadMs: worstStall(input.upload.from, input.upload.to) })),
    };
  } finally {
    phones.kill();
    await server.close();
    await database.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

/** Prints the result; returns the targets missed. */
export function printQuizStall(result: QuizStallResult): string[] {
  const missed: string[] = [];
  const target = (ok: boolean, what: string) => {
    console.log(`  ${ok ? "ok  " : "MISS"} ${what}`);
    if (!ok) missed.push(what);
  };
  console.log(`Quiz files vs a running game: ${result.players} phones answering continuously (their own process) while a teacher sends each file`);
  console.log("  file                                                       KB   check ms  upload ms  loop stall ms (check/upload)  outcome");
  result.inputs.forEach((input, i) => {
    const stall = result.stallsByInput[i]!;
    console.log(
      `  ${input.name.padEnd(56)} ${input.kb.toFixed(0).padStart(5)} ${input.check.ms.toFixed(0).padStart(9)} ${input.upload.ms.toFixed(0).padStart(10)}  ${`${stall.checkMs.toFixed(0)}/${stall.uploadMs.toFixed(0)}`.padStart(28)}  ${input.check.outcome.slice(0, 100)}`,
    );
  });
  const { during, outside } = result;
  console.log(`  answer acks while files were read: ${during.count} acks, p50 ${during.p50Ms.toFixed(1)} ms, p99 ${during.p99Ms.toFixed(1)} ms, max ${during.maxMs.toFixed(1)} ms`);
  console.log(`  answer acks before/after:          ${outside.count} acks, p50 ${outside.p50Ms.toFixed(1)} ms, p99 ${outside.p99Ms.toFixed(1)} ms, max ${outside.maxMs.toFixed(1)} ms`);
  console.log(`  answers refused: ${result.refusedAnswers}; questions played: ${result.questionsPlayed}`);
  console.log(`  server event-loop delay: p99 ${result.loopDelayP99Ms.toFixed(1)} ms, max ${result.loopDelayMaxMs.toFixed(1)} ms`);
  target(result.slowestInputMs < 2_000, `every file is read or refused in < 2 s (slowest ${result.slowestInputMs.toFixed(0)} ms)`);
  target(during.p99Ms < 100, `answer-ack p99 < 100 ms while files are read (${during.p99Ms.toFixed(1)} ms)`);
  target(result.refusedAnswers === 0, "no answer refused while files are read");
  return missed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const players = Number(process.env.BENCH_PLAYERS ?? 30);
  console.log("PGlite on disk (the database on its own worker thread in the server process):");
  const missed = printQuizStall(await benchQuizStall({ players }));
  if (process.env.TEST_DATABASE_URL) {
    const fresh = await freshPostgresDatabase(process.env.TEST_DATABASE_URL);
    try {
      console.log("\nPostgreSQL:");
      missed.push(...printQuizStall(await benchQuizStall({ players, databaseUrl: fresh.url })));
    } finally {
      await fresh.drop();
    }
  }
  process.exit(missed.length > 0 ? 1 : 0);
}
