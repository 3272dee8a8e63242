/**
 * Several server processes sharing the games through Redis (REDIS_URL) and one PostgreSQL database.
 * Real processes (`--api-only`), real Redis, real PostgreSQL, real sockets; each group of clients
 * reaches the nodes through a small TCP balancer with fail-over (like an nginx upstream), so a
 * phone whose node dies reconnects, by itself, to a node that is still up.
 *
 * 1. A game created on node B, its host screen on node A and half its phones on each node, is
 *    played to the podium: every phone, the results page and a fault-free replay of the stored
 *    answers (what one node would have scored) agree on every score. Its results can't be deleted
 *    through node A while it runs; once it is over, deleting them there closes its room on node B.
 * 2. A game made on node A with its host and every phone there too is played to the podium without
 *    a message through Redis: the owner knows no other node has a socket of it.
 * 3. A game owned by node A: node B is killed (SIGKILL) mid-round; its phones come back through
 *    node A and the round finishes with every acknowledged answer kept. A third node C starts; then
 *    the owner A is killed mid-round: C takes the game over and it goes on within 10 s; it is played
 *    to the podium with nothing acknowledged lost and the same scores as the replay.
 *
 * Runs where PostgreSQL is configured (TEST_DATABASE_URL) and always in CI, where an unreachable
 * PostgreSQL or Redis (TEST_REDIS_URL, default redis://127.0.0.1:6379) FAILS the suite.
 */
import { randomBytes } from "node:crypto";
import { deleteRedisKeys } from "../support/redis-keys";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { ClientEvent, type PlayerRoomView } from "../../src/protocol";
import { parseQuizdown } from "../../src/quizdown/index";
import type { QuizQuestion } from "../../src/quizdown/types";
import { PROJECT_DIR, signUpTeacher } from "../support/quiz-server";
import { loadStoredGame, replayStoredGame } from "../support/replay";
import { spawnServer, type ServerProcess } from "../support/server-process";
import { ResilientHost, ResilientPlayer } from "../support/socket-clients";
import { TcpBalancer } from "../support/tcp-balancer";
import { apiClient, type ApiClient, type TestTeacher } from "../support/teachers";
import { openTestDatabase, testDatabaseTargets, type TestDatabase } from "../support/test-database";

const PLAYERS = 8;
const TIMES = { readTimeSec: 1, timeLimitSec: 20 };
const CONTENT_DIR = path.join(PROJECT_DIR, "tests/fixtures/reconnect-content");
const REDIS_URL = process.env.TEST_REDIS_URL?.trim() || "redis://127.0.0.1:6379";
const KEY_PREFIX = `quiz-test-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
/** The game must go on this soon after its owner is killed. */
const FAILOVER_LIMIT_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const portOf = (url: string) => Number(new URL(url).port);

async function liveGamesOn(node: ServerProcess): Promise<number> {
  const response = await fetch(`${node.url}/healthz`);
  return ((await response.json()) as { games: number }).games;
}

const enabled = testDatabaseTargets().includes("postgres");

describe.runIf(enabled)("several nodes on one Redis and one PostgreSQL", () => {
  let database: TestDatabase;
  let redis: Redis;
  let teacher: TestTeacher;
  let versionId = "";
  let questions: QuizQuestion[] = [];
  const nodes: ServerProcess[] = [];
  const balancers: TcpBalancer[] = [];
  const clients: Array<{ close(): void }> = [];

  async function startNode(): Promise<ServerProcess> {
    const node = await spawnServer({ DATABASE_URL: database.url!, REDIS_URL, REDIS_KEY_PREFIX: KEY_PREFIX, CONTENT_DIR });
    nodes.push(node);
    return node;
  }

  async function balancer(upstreams: ServerProcess[]): Promise<{ lb: TcpBalancer; url: string }> {
    const lb = new TcpBalancer(upstreams.map((node) => portOf(node.url)));
    balancers.push(lb);
    return { lb, url: await lb.listen() };
  }

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    redis.on("error", () => {});
    try {
      await redis.connect();
      await redis.ping();
    } catch (error) {
      throw new Error(`Redis (${REDIS_URL}, set TEST_REDIS_URL) is unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    database = await openTestDatabase("postgres");
    const parsed = parseQuizdown(await readFile(path.join(CONTENT_DIR, "reconnect.md"), "utf8"));
    if (!parsed.ok) throw new Error("the fixture quiz doesn't parse");
    questions = parsed.quiz.questions;
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.allSettled(balancers.map((lb) => lb.close()));
    await Promise.allSettled(nodes.map((node) => node.kill("SIGKILL")));
    // Only this run's keys: other runs and other programs share this Redis.
    if (redis?.status === "ready") await deleteRedisKeys(redis, `${KEY_PREFIX}:*`);
    redis?.disconnect();
    await database?.close();
  });

  const showNodeOutputOnFailure = () =>
    onTestFailed(() => {
      nodes.forEach((node, i) => console.log(`--- node ${i + 1} output (last 3000 chars) ---\n${node.output().slice(-3000)}`));
    });

  /** A classroom: the host on `hostUrl`, phone i on `phoneUrl(i)`. */
  async function classroom(api: ApiClient, hostUrl: string, phoneUrl: (i: number) => string) {
    const ticket = await api.games.create.mutate({ quizVersionId: versionId, options: TIMES });
    const host = new ResilientHost(hostUrl);
    clients.push(host);
    onTestFailed(() => console.log(`--- host: attached ${host.attached}, refusals ${JSON.stringify(host.attachRefusals)}, phase ${host.state?.phase}`));
    expect(await host.attach(ticket.gameId, ticket.hostSecret)).toMatchObject({ ok: true });
    const players = Array.from({ length: PLAYERS }, (_, i) => new ResilientPlayer(phoneUrl(i)));
    clients.push(...players);
    for (const [i, player] of players.entries()) expect(await player.join(ticket.code, `Player ${i + 1}`)).toMatchObject({ ok: true });
    await host.nextState((view) => view.playerCount === PLAYERS, "everyone in the lobby");
    expect(await host.action(ClientEvent.hostStart)).toMatchObject({ ok: true });

    const answersOpen = async (round: number): Promise<PlayerRoomView> =>
      (await Promise.all(players.map((player) => player.nextRoomView((view) => view.phase === "answering" && view.question?.index === round, `answers of round ${round + 1}`))))[0]!;
    /** Player i answers correctly unless i is a multiple of 3 (then a wrong option). */
    const choiceFor = (i: number, view: PlayerRoomView): number[] => {
      const question = view.question!;
      const source = questions.find((candidate) => candidate.promptHtml === question.promptHtml)!;
      const right = question.options!.flatMap((option, display) => (source.options.find((o) => o.html === option.html)?.correct ? [display] : []));
      if (i % 3 !== 0) return right;
      return question.kind === "multiple" ? right.slice(0, 1) : [question.options!.findIndex((_, d) => !right.includes(d))];
    };
    const answer = async (indexes: number[], round: number, view: PlayerRoomView) => {
      const acks = await Promise.all(indexes.map((i) => players[i]!.answer(round, choiceFor(i, view))));
      for (const ack of acks) expect(ack).toMatchObject({ ok: true, questionIndex: round });
    };
    const revealThenNext = async (round: number) => {
      const reveal = await host.nextState((view) => view.phase === "reveal" && view.reveal?.questionIndex === round, `reveal of round ${round + 1}`);
      expect(reveal.reveal!.answered, `everyone's answer counted in round ${round + 1}`).toBe(PLAYERS);
      expect(await host.action(ClientEvent.hostNext)).toMatchObject({ ok: true });
      await host.nextState((view) => view.phase === "leaderboard", `leaderboard after round ${round + 1}`);
      expect(await host.action(ClientEvent.hostNext)).toMatchObject({ ok: true });
    };
    const everyone = players.map((_, i) => i);
    const playOut = async (from: number) => {
      for (let round = from; round < questions.length; round++) {
        await answer(everyone, round, await answersOpen(round));
        await revealThenNext(round);
      }
      await host.nextState((view) => view.phase === "podium", "the podium");
      await Promise.all(players.map((player) => player.nextRoomView((view) => view.phase === "podium", "the podium on the phone")));
    };

    /** Nothing acknowledged lost; phones = results page = a fault-free replay (the scores one node gives). */
    const checkResults = async (reportApi: ApiClient = api) => {
      const report = await reportApi.pastGames.report.query({ gameId: ticket.gameId });
      expect(report.game.status).toBe("finished");
      const stored = await loadStoredGame(database.db, ticket.gameId);
      expect(stored.answers).toHaveLength(PLAYERS * questions.length);
      players.forEach((player, i) => {
        expect(player.joinCount, `Player ${i + 1} joined once`).toBe(1);
        expect(player.answerRefusals, `Player ${i + 1}'s refused answers`).toEqual([]);
        for (const acked of player.acked) {
          const row = stored.answers.find((a) => a.playerId === player.session!.playerId && a.roundIndex === acked.questionIndex);
          expect(row?.clientAnswerId, `Player ${i + 1}'s acknowledged answer to round ${acked.questionIndex + 1}`).toBe(acked.answerId);
        }
      });
      const replay = await replayStoredGame(database.db, stored, TIMES);
      expect(replay.refused).toEqual([]);
      const scores = players.map((player, i) => {
        const id = player.session!.playerId;
        const saved = report.ranking.find((entry) => entry.playerId === id)!;
        return { player: `Player ${i + 1}`, phone: player.you!.score, report: saved.score, replay: replay.scores.get(id) };
      });
      expect(scores).toEqual(scores.map((s) => ({ ...s, phone: s.replay, report: s.replay })));
      expect(new Set(scores.map((s) => s.replay)).size, "the scores differ (right and wrong answers)").toBeGreaterThan(1);
    };

    return { ticket, host, players, answersOpen, answer, revealThenNext, playOut, checkResults };
  }

  it("plays a game created on node B with its host on node A and the phones on both, scoring as one node would", async () => {
    showNodeOutputOnFailure();
    const a = await startNode();
    const b = await startNode();
    teacher = await signUpTeacher(a.url);
    const { quizzes } = await teacher.api.quizzes.list.query();
    versionId = quizzes.find((quiz) => quiz.slug === "reconnect")!.versionId;

    // Signed in on node A, the teacher's session works on node B too; the game is created there.
    const onB = apiClient(b.url, teacher.cookie);
    const game = await classroom(onB, a.url, (i) => (i % 2 === 0 ? a.url : b.url));
    expect(await liveGamesOn(b), "node B owns the game").toBe(1);
    expect(await liveGamesOn(a), "node A only forwards").toBe(0);
    // Deleting the results is refused from either node while the game runs.
    await expect(teacher.api.pastGames.delete.mutate({ gameId: game.ticket.gameId })).rejects.toThrow(/still being played/);
    await game.playOut(0);
    await game.checkResults();
    // Once it is over, deleting its results through node A closes its room on node B, the owner.
    expect(await teacher.api.pastGames.delete.mutate({ gameId: game.ticket.gameId })).toEqual({ deleted: true });
    expect(await liveGamesOn(b), "node B closed the game's room").toBe(0);
  });

  it("sends a game whose host and phones are all on its owner's node nothing through Redis", async () => {
    showNodeOutputOnFailure();
    const [a] = nodes as [ServerProcess, ServerProcess];
    const stream = `${KEY_PREFIX}:socket.io`;
    const entriesSince = async (id: string) => (await redis.xrange(stream, `(${id}`, "+")).length;
    const before = (await redis.xrevrange(stream, "+", "-", "COUNT", 1))[0]?.[0] ?? "0-0";
    // What the adapter publishes besides its stream (messages for other nodes' sockets go there).
    const watcher = redis.duplicate();
    clients.push({ close: () => watcher.disconnect() });
    let published = 0;
    watcher.on("pmessage", () => published++);
    await watcher.psubscribe(`${stream}#*`);
    const game = await classroom(teacher.api, a.url, () => a.url);
    expect(await liveGamesOn(a), "node A owns the game").toBe(1);
    await game.playOut(0);
    await game.checkResults();
    // Every phone got every phase (above) straight from node A: none of it went down the adapter's stream.
    expect(await entriesSince(before), "messages put in Redis's stream for node B").toBe(0);
    expect(published, "messages published in Redis for node B").toBe(0);
    expect(await teacher.api.pastGames.delete.mutate({ gameId: game.ticket.gameId })).toEqual({ deleted: true });
  });

  it("survives a SIGKILL of a node mid-round, then of the game's owner: the game goes on from the node left", async () => {
    showNodeOutputOnFailure();
    const [a, b] = nodes as [ServerProcess, ServerProcess];
    // Clients reach the nodes through balancers that fail over, as behind nginx.
    const viaA = await balancer([a, b]);
    const viaB = await balancer([b, a]);
    // Player 8 reaches node B only: when B dies, this phone is cut off until its network comes back.
    const onlyB = await balancer([b]);
    const game = await classroom(teacher.api, viaA.url, (i) => (i === 7 ? onlyB.url : i % 2 === 0 ? viaA.url : viaB.url));
    expect(await liveGamesOn(a), "node A owns the game").toBe(1);
    expect((viaB.lb.routed.get(portOf(b.url)) ?? 0) + (onlyB.lb.routed.get(portOf(b.url)) ?? 0), "half the phones are on node B").toBe(PLAYERS / 2);

    const first = await game.answersOpen(0);
    await game.answer([0, 1, 2, 3, 4, 5, 6, 7], 0, first);
    await game.revealThenNext(0);

    // Round 2: four answers acknowledged (two through each node), then node B dies.
    const second = await game.answersOpen(1);
    await game.answer([0, 1, 2, 3], 1, second);
    const killedB = Date.now();
    await b.kill("SIGKILL");
    const onB = [1, 3, 5].map((i) => game.players[i]!);
    const backFromB = await Promise.all(onB.map((player) => player.resumedSince(killedB, 20_000)));
    console.log(`[multi-node] node B killed: ${onB.length} of its phones resumed through node A in ${backFromB.map((r) => r.resumedAt - killedB).join(", ")} ms`);
    backFromB.forEach((record) => expect(record.room).toMatchObject({ phase: "answering", question: { index: 1 } }));
    // The owner notices that node B died and counts its last phone, still cut off, as gone.
    await game.host.nextState((view) => view.connectedCount === PLAYERS - 1, "player 8 counted as disconnected", 15_000);
    console.log(`[multi-node] node B killed: the owner counted its cut-off phone as gone after ${Date.now() - killedB} ms`);
    onlyB.lb.setUpstreams([portOf(a.url)]);
    const cutOff = await game.players[7]!.resumedSince(killedB, 20_000);
    expect(cutOff.room).toMatchObject({ phase: "answering", question: { index: 1 } });
    await game.host.nextState((view) => view.connectedCount === PLAYERS, "player 8 back", 15_000);
    await game.answer([4, 5, 6, 7], 1, second);
    await game.revealThenNext(1);

    // A third node joins; then the owner, node A, dies in the middle of round 3.
    const c = await startNode();
    viaA.lb.setUpstreams([portOf(a.url), portOf(c.url)]);
    viaB.lb.setUpstreams([portOf(c.url), portOf(a.url)]);
    onlyB.lb.setUpstreams([portOf(a.url), portOf(c.url)]);
    const third = await game.answersOpen(2);
    await game.answer([0, 1, 2], 2, third);
    const killedA = Date.now();
    await a.kill("SIGKILL");
    const resumes = await Promise.all(game.players.map((player) => player.resumedSince(killedA, 30_000)));
    await game.host.whenAttached(30_000);
    const hostBack = game.host.reattachedAt.find((t) => t >= killedA)!;
    const goingOnAt = Math.max(hostBack, ...resumes.map((r) => r.resumedAt));
    console.log(
      `[multi-node] owner (node A) killed: game going on from node C after ${goingOnAt - killedA} ms ` +
        `(host back after ${hostBack - killedA} ms; phones resumed after ${resumes.map((r) => r.resumedAt - killedA).join(", ")} ms)`,
    );
    expect(goingOnAt - killedA, "every phone and the host screen are back in the game").toBeLessThanOrEqual(FAILOVER_LIMIT_MS);
    expect(await liveGamesOn(c), "node C owns the game now").toBe(1);
    resumes.forEach((record, i) => {
      expect(record.room, `Player ${i + 1} is back in round 3`).toMatchObject({ phase: "answering", question: { index: 2 } });
      expect(record.you.lockedQuestionIndex, `Player ${i + 1}'s round-3 answer is remembered`).toBe(i < 3 ? 2 : null);
    });
    await game.answer([3, 4, 5, 6, 7], 2, third);
    await game.revealThenNext(2);
    await game.playOut(3);
    // The results page, asked through the balancer: only node C is left.
    await game.checkResults(apiClient(viaA.url, teacher.cookie));
  });
});
