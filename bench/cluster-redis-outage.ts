/**
 * Manual check (needs `redis-server` on PATH and PostgreSQL at TEST_DATABASE_URL): two nodes on a
 * private Redis (port 4690) that is killed mid-round and restarted EMPTY 8 s later. Expected: the
 * game is taken over again, the phones that answer after Redis is back are acknowledged, and the
 * round closes with every answer. Run: `npx tsx bench/cluster-redis-outage.ts`.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { spawnServer } from "../tests/support/server-process";
import { signUpTeacher } from "../tests/support/teachers";
import { ResilientHost, ResilientPlayer } from "../tests/support/socket-clients";
import { openTestDatabase } from "../tests/support/test-database";
import { ClientEvent } from "../src/protocol";
import { botNickname } from "./bot-nickname";
process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const startRedis = () => spawn("redis-server", ["--port", "4690", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
let redis = startRedis();
await sleep(500);
const db = await openTestDatabase("postgres");
const env = { DATABASE_URL: db.url!, REDIS_URL: "redis://127.0.0.1:4690", REDIS_KEY_PREFIX: "quiz-outage-check", CONTENT_DIR: path.resolve("tests/fixtures/reconnect-content") };
const a = await spawnServer(env);
const b = await spawnServer(env);
const clients: Array<{ close(): void }> = [];
try {
  const t = await signUpTeacher(a.url);
  const { quizzes } = await t.api.quizzes.list.query();
  const ticket = await t.api.games.create.mutate({ quizVersionId: quizzes[0]!.versionId, options: { readTimeSec: 1, timeLimitSec: 60 } });
  const host = new ResilientHost(a.url); clients.push(host);
  await host.attach(ticket.gameId, ticket.hostSecret);
  const players = [0, 1, 2, 3].map((i) => new ResilientPlayer(i % 2 ? b.url : a.url)); clients.push(...players);
  for (const [i, p] of players.entries()) console.log("join", (await p.join(ticket.code, botNickname(i))).ok);
  await host.nextState((v) => v.playerCount === 4, "lobby");
  await host.action(ClientEvent.hostStart);
  await Promise.all(players.map((p) => p.nextRoomView((v) => v.phase === "answering", "answering")));
  console.log("answers", (await Promise.all([players[0]!.answer(0, [1]), players[1]!.answer(0, [1])])).map((x) => x.ok));
  redis.kill("SIGKILL");
  const downAt = Date.now();
  console.log("redis killed");
  await sleep(8000);
  redis = startRedis();
  const backAt = Date.now();
  console.log("redis back (empty)");
  const acks = await Promise.all([players[2]!.answer(0, [1]), players[3]!.answer(0, [1])]);
  console.log("late answers", acks.map((x) => JSON.stringify(x)), `${Date.now() - backAt} ms after Redis came back`);
  const reveal = await host.nextState((v) => v.phase === "reveal", "reveal", 60_000);
  console.log("reveal answered", reveal.reveal?.answered, `${Date.now() - backAt} ms after Redis came back; down at ${downAt}`);
} catch (e) {
  console.log("FAILED", e);
} finally {
  clients.forEach((c) => c.close());
  console.log("--- A ---\n" + a.output().slice(-2500));
  console.log("--- B ---\n" + b.output().slice(-2500));
  await a.kill("SIGKILL"); await b.kill("SIGKILL");
  redis.kill("SIGKILL");
  await db.close();
}
