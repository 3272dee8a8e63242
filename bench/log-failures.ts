/**
 * How long logging 1,000 failed answer batches blocks the server, the old way (console.error of the
 * whole error, in a process where Next.js has patched error printing) and through the pino logger.
 *
 *   npx tsx bench/log-failures.ts        (needs the production build: run `npm start` once)
 *
 * Each way runs in its own process with its output going to a file, like a server whose output is
 * redirected. Reports the time the event loop was blocked, the worst single stall, and the bytes written.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { openSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const FAILURES = 1_000;
const projectDir = path.resolve(import.meta.dirname, "..");
type Mode = "console" | "pino";

async function failedAnswerBatch(rows = 500): Promise<Error> {
  const { DrizzleQueryError } = await import("drizzle-orm/errors");
  const columns = ["game_id", "round_index", "question_id", "player_id", "choice", "answered_at", "points"];
  const values: string[] = [];
  const params: unknown[] = [];
  for (let row = 0; row < rows; row++) {
    values.push(`(${columns.map((_, column) => `$${row * columns.length + column + 1}`).join(", ")})`);
    params.push(crypto.randomUUID(), 3, crypto.randomUUID(), crypto.randomUUID(), "B", new Date().toISOString(), 950);
  }
  const sql = `insert into "answers" (${columns.map((c) => `"${c}"`).join(", ")}) values ${values.join(", ")}`;
  const cause = Object.assign(new Error("deadlock detected"), { name: "PostgresError", code: "40P01", detail: "Process 1 waits for ShareLock on transaction 2." });
  return new DrizzleQueryError(sql, params, cause);
}

async function child(mode: Mode, resultFile: string) {
  (process.env as Record<string, string>).NODE_ENV = "production";
  // What the real server has loaded: Next.js, with its patched error printing.
  const { default: next } = await import("next");
  await next({ dev: false, dir: projectDir }).prepare();
  const error = await failedAnswerBatch();
  const { createServerLogger } = await import("../server/logging/logger");
  const log = mode === "pino" ? createServerLogger({ format: "json" }) : null;
  const logOnce =
    mode === "pino" ? () => log!.error("game 123456: could not save an answer", error) : () => console.error("error: game 123456: could not save an answer", error);

  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  // One failure per answer, as a failed batch used to be reported, yielding between answers like socket events do.
  for (let i = 0; i < FAILURES; i++) {
    logOnce();
    if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
  }
  const blockedMs = performance.now() - started;
  await log?.flush();
  const flushedMs = performance.now() - started;
  delay.disable();
  writeFileSync(resultFile, JSON.stringify({ blockedMs, flushedMs, worstStallMs: delay.max / 1e6 }));
  process.exit(0);
}

function run(mode: Mode) {
  const dir = mkdtempSync(path.join(tmpdir(), "log-bench-"));
  const output = path.join(dir, "output.log");
  const resultFile = path.join(dir, "result.json");
  const fd = openSync(output, "w");
  const tsx = pathToFileURL(path.join(projectDir, "node_modules", "tsx", "dist", "loader.mjs")).href;
  const result = spawnSync(process.execPath, ["--import", tsx, import.meta.filename, "--child", mode, resultFile], {
    cwd: projectDir,
    stdio: ["ignore", fd, fd],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`${mode} run failed:\n${readFileSync(output, "utf8").slice(-2000)}`);
  const measured = JSON.parse(readFileSync(resultFile, "utf8")) as { blockedMs: number; flushedMs: number; worstStallMs: number };
  return { ...measured, bytes: statSync(output).size };
}

if (process.argv[2] === "--child") {
  await child(process.argv[3] as Mode, process.argv[4]!);
} else {
  console.log(`Logging ${FAILURES} failed 500-row answer batches (output to a file):`);
  for (const mode of ["console", "pino"] as const) {
    const r = run(mode);
    console.log(
      `  ${mode.padEnd(7)} loop blocked ${r.blockedMs.toFixed(0).padStart(6)} ms, worst stall ${r.worstStallMs.toFixed(0).padStart(5)} ms, ` +
        `written in ${r.flushedMs.toFixed(0).padStart(6)} ms, ${(r.bytes / 1e6).toFixed(2).padStart(7)} MB`,
    );
  }
}
