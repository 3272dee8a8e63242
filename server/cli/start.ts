/** `npm start`: build when needed, migrate, load content/, serve, print the addresses. */
import path from "node:path";
import { readConfig } from "../config";
import { startQuizServer } from "../app";
import { resolveAuthSecret } from "../auth/secret";
import { openDatabase } from "../db";
import { formatProblem, loadContentDirectory } from "../content/load";
import { parseTrustProxy } from "../http/client-address";
import { createServerLogger } from "../logging/logger";
import { buildIfNeeded } from "./build-if-needed";
import { collectGarbageSoon, spaceOutFullCollections } from "./collect-garbage";
import { clusterConfigProblem } from "../cluster/requirements";

const projectDir = path.resolve(import.meta.dirname, "../..");
spaceOutFullCollections();
process.env.NEXT_TELEMETRY_DISABLED = "1";

async function main() {
  const started = Date.now();
  const dev = process.argv.includes("--dev");
  // --api-only: sockets and tRPC without the pages (no build); used by process-level tests.
  const apiOnly = process.argv.includes("--api-only");
  const config = readConfig();
  const clusterProblem = clusterConfigProblem(config);
  if (clusterProblem) throw new Error(clusterProblem);
  // The dev server rebuilds the phone's page whenever its sources change; Next.js serves the rest.
  if (dev && !apiOnly) await (await import("../phone/build-phone")).buildPhone(projectDir, { dev: true, watch: true });
  if (!dev && !apiOnly) {
    buildIfNeeded(projectDir);
    (process.env as Record<string, string>).NODE_ENV = "production";
  }

  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: path.resolve(projectDir, config.DATA_DIR, "pglite"),
  });
  const content = await loadContentDirectory(database.db, path.resolve(projectDir, config.CONTENT_DIR));
  const changed = content.quizzes.filter((quiz) => quiz.changed).length;
  console.log(`Quizzes: ${content.quizzes.length} loaded from ${config.CONTENT_DIR} (${changed} new or changed).`);
  for (const problem of content.problems) console.warn(`  problem: ${formatProblem(problem)}`);

  const authSecret = await resolveAuthSecret(config.AUTH_SECRET, path.resolve(projectDir, config.DATA_DIR));
  if (authSecret.source === "new") console.log(`Made a new sign-in key in ${config.DATA_DIR} (set AUTH_SECRET to choose your own).`);

  const log = createServerLogger();
  const server = await startQuizServer({
    log,
    authSecret: authSecret.secret,
    db: database.db,
    port: config.PORT,
    host: config.HOST,
    web: apiOnly ? undefined : { dir: projectDir, dev },
    publicUrl: config.PUBLIC_URL,
    contentProblems: content.problems,
    finishedGameTtlMs: config.FINISHED_GAME_TTL_MINUTES * 60_000,
    hostAwayMs: config.HOST_AWAY_MINUTES * 60_000,
    trustProxy: parseTrustProxy(config.TRUST_PROXY),
    limits: {
      liveGamesPerTeacher: config.LIVE_GAMES_PER_TEACHER,
      quizzesPerTeacher: config.QUIZZES_PER_TEACHER,
      mutationsPerMinutePerAccount: config.CHANGES_PER_MINUTE_PER_ACCOUNT,
      mutationsPerMinutePerAddress: config.CHANGES_PER_MINUTE_PER_ADDRESS,
    },
    inviteValidMs: config.INVITE_LINK_DAYS * 24 * 60 * 60_000,
    cluster: config.REDIS_URL ? { redisUrl: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX } : undefined,
  });

  console.log("");
  console.log(`  Host (this laptop):     ${server.localUrl}`);
  console.log(`  Phones (same network):  ${server.publicUrl}/join`);
  console.log(`  Database:               ${database.driver === "pglite" ? `embedded PGlite in ${config.DATA_DIR}` : "PostgreSQL (DATABASE_URL)"}`);
  if (config.REDIS_URL) console.log(`  Cluster:                one node of several, through Redis (REDIS_URL, keys "${config.REDIS_KEY_PREFIX}:")`);
  console.log(`  Ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Press Ctrl+C to stop.`);
  console.log("");
  collectGarbageSoon();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: saving games and stopping…`);
    await server.close();
    await database.close();
    await log.flush();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `Could not start: ${error.message}` : error);
  process.exit(1);
});
