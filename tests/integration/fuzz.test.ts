/**
 * Fuzzing during a real game: while a host and three phones play all three questions of
 * tests/fixtures/refusals/practice.md, generated bad traffic hits the same server —
 * - raw engine.io/socket.io packets over hand-made WebSocket connections (wrong types, unknown
 *   events, bad acks, binary attachments that never come, deep nesting, frames over the 16 KB
 *   limit, malformed WebSocket frames),
 * - socket.io-client emits of mangled payloads, binary buffers and unknown events,
 * - tRPC requests with malformed JSON, wrong shapes, huge strings and odd content types, with
 *   and without a teacher's session.
 * The game must finish with the scores its phones were shown and the scoring formula gives, the
 * server must keep answering, log no internal error, and its heap must stay bounded.
 *
 * The generator is seeded (FUZZ_SEED, default below) so a failure can be replayed.
 */
import { eq } from "drizzle-orm";
import vm from "node:vm";
import v8 from "node:v8";
import path from "node:path";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientEvent, type PersonalView } from "../../src/protocol";
import { schema } from "../../server/db";
import { pointsForCorrectAnswer, streakBonus } from "../../server/engine/scoring";
import type { Logger } from "../../server/rooms/ports";
import { int, payloadFor, randomBreakingFrame, randomEventName, randomPacket, randomTrpcRequest, randomValue, seededRandom, type Random, type RawFrame } from "../support/fuzz-inputs";
import { PROJECT_DIR, startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import { RawWebSocket } from "../support/raw-websocket";
import { connect, TestHost, TestPlayer } from "../support/socket-clients";
import { testDatabaseTargets } from "../support/test-database";

const FIXTURE_DIR = path.join(PROJECT_DIR, "tests/fixtures/refusals");
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const TIME_LIMIT_SEC = 10;
/** Display indexes of the correct options of practice.md (answers are not shuffled). */
const CORRECT = [[1], [0, 2], [1]];
const WRONG = [[0], [1], [0]];

const RAW_FRAMES = 8_000;
const CLIENT_EMITS = 2_000;
const TRPC_REQUESTS = 800;
/** Frames per connection: below the per-socket limit of 20 events a second, so they reach validation. */
const FRAMES_PER_CONNECTION = 18;
/** What the server's heap may grow by across the fuzzing (after garbage collection). */
const HEAP_GROWTH_LIMIT_MB = 24;

const KNOWN_EVENTS = new Set<string>(Object.values(ClientEvent).filter((event) => event !== ClientEvent.timeSync));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

async function settledHeapBytes(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    collectGarbage();
    await sleep(50);
  }
  return process.memoryUsage().heapUsed;
}

/** Remembers every error the server logs: an internal error on bad input is a bug. */
function recordingLogger(errors: string[]): Logger {
  return {
    info: () => {},
    warn: () => {},
    error: (message, error) => errors.push(`${message}: ${error instanceof Error ? error.stack : String(error)}`),
  };
}

interface FuzzCounts {
  rawFrames: number;
  rawConnections: number;
  /** Raw connections that still answered a time:sync after their garbage. */
  aliveAfterGarbage: number;
  clientEmits: number;
  trpcRequests: number;
  trpcStatuses: Map<number, number>;
}

describe.each(testDatabaseTargets())("fuzzing a running game on %s", (target) => {
  let quiz: TestQuizServer;
  const loggedErrors: string[] = [];
  const closeables: Array<{ close(): void }> = [];

  beforeAll(async () => {
    quiz = await startTestQuizServer(target, FIXTURE_DIR, { log: recordingLogger(loggedErrors) });
  });

  afterAll(async () => {
    for (const closeable of closeables) closeable.close();
    await quiz?.close();
  });

  function send(ws: RawWebSocket, frame: RawFrame): void {
  if ("text" in frame) ws.sendText(frame.text);
  else if ("binary" in frame) ws.sendBinary(frame.binary);
  else ws.sendFrame(frame.bad.payload, frame.bad);
}

/** Raw packets, connection after connection, until `total` frames are sent. */
  async function rawLane(random: Random, live: { gameId: string; code: string }, total: number, counts: FuzzCounts) {
    let sent = 0;
    while (sent < total) {
      let ws: RawWebSocket;
      try {
        ws = await RawWebSocket.open(quiz.url, "/socket.io/?EIO=4&transport=websocket");
      } catch (error) {
        throw new Error(`the server refused a new connection after ${counts.rawFrames} raw frames: ${String(error)}`);
      }
      counts.rawConnections++;
      if (!(await ws.waitFor((text) => text.startsWith("0{")))) throw new Error("no engine.io open packet");
      ws.sendText("40");
      if (!(await ws.waitFor((text) => text.startsWith("40")))) throw new Error("no socket.io connect acknowledgement");
      for (let i = 0; i < FRAMES_PER_CONNECTION - 1 && sent < total; i++) {
        send(ws, randomPacket(random, live));
        sent++;
        counts.rawFrames++;
      }
      // The malformed packets were read and refused, and the connection is still served.
      const ackId = 7_000 + int(random, 1_000);
      ws.sendText(`42${ackId}["${ClientEvent.timeSync}"]`);
      if (await ws.waitFor((text) => text.startsWith(`43${ackId}[`), 3_000)) counts.aliveAfterGarbage++;

      // Then one frame that may break the connection, and the next connection starts.
      send(ws, randomBreakingFrame(random));
      sent++;
      counts.rawFrames++;
      await ws.waitFor(() => false, random() < 0.1 ? 50 : 0);
      ws.close();
    }
  }

  /** socket.io-client emits: mangled payloads, unknown events, binary, missing and extra acks. */
  async function clientLane(random: Random, live: { gameId: string; code: string }, total: number, counts: FuzzCounts) {
    let sent = 0;
    while (sent < total) {
      const socket: Socket = connect(quiz.url);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      const acks: Array<Promise<unknown>> = [];
      for (let i = 0; i < FRAMES_PER_CONNECTION && sent < total; i++) {
        const event = randomEventName(random);
        const args: unknown[] = [];
        const shape = int(random, 6);
        if (shape === 0) args.push(Buffer.from(Array.from({ length: int(random, 200) }, () => int(random, 256))));
        else if (shape === 1) args.push(payloadFor(random, event, live), randomValue(random), randomValue(random));
        else if (shape === 2) args.push({ nested: [Buffer.alloc(int(random, 64)), { deeper: Buffer.alloc(3) }] });
        else if (shape !== 3) args.push(payloadFor(random, event, live));
        // The server acknowledges every known event (unknown ones get nothing, so nothing is awaited).
        if (KNOWN_EVENTS.has(event) && random() < 0.7) acks.push(socket.timeout(3_000).emitWithAck(event, ...args).catch(() => null));
        else socket.emit(event, ...args);
        sent++;
        counts.clientEmits++;
      }
      await Promise.all(acks);
      socket.close();
    }
  }

  async function trpcLane(random: Random, total: number, counts: FuzzCounts) {
    for (let i = 0; i < total; i++) {
      const request = randomTrpcRequest(random);
      const headers: Record<string, string> = {};
      if (request.contentType) headers["content-type"] = request.contentType;
      if (request.withTeacher) headers.cookie = quiz.teacher.cookie;
      let status = 0;
      try {
        const response = await fetch(`${quiz.url}/api/trpc/${request.path}${request.query}`, {
          method: request.method,
          headers,
          body: typeof request.body === "string" ? request.body : request.body ? new Uint8Array(request.body) : undefined,
          signal: AbortSignal.timeout(10_000),
        });
        status = response.status;
        await response.arrayBuffer();
      } catch (error) {
        // The server may cut off an upload over its body limit before it is all sent.
        if (!String(error).match(/EPIPE|ECONNRESET|other side closed|fetch failed/)) throw error;
        status = -1;
      }
      counts.trpcRequests++;
      counts.trpcStatuses.set(status, (counts.trpcStatuses.get(status) ?? 0) + 1);
    }
  }

  it("plays all three questions to correct scores while ~10,800 malformed frames and requests hit the server", async () => {
    const practice = await quiz.quizVersionId("practice");
    const ticket = await quiz.api.games.create.mutate({ quizVersionId: practice, options: { readTimeSec: 1, timeLimitSec: TIME_LIMIT_SEC } });
    const live = { gameId: ticket.gameId, code: ticket.code };
    const host = new TestHost(quiz.url);
    closeables.push(host);
    expect(await host.attach(ticket.gameId, ticket.hostSecret)).toMatchObject({ ok: true });
    const names = ["Ada", "Ben", "Cy"];
    const players = names.map(() => new TestPlayer(quiz.url));
    closeables.push(...players);
    for (const [i, player] of players.entries()) expect(await player.join(ticket.code, names[i]!)).toMatchObject({ ok: true });
    await host.nextState((view) => view.playerCount === 3, "three players in the lobby");

    const heapBefore = await settledHeapBytes();
    const counts: FuzzCounts = { rawFrames: 0, rawConnections: 0, aliveAfterGarbage: 0, clientEmits: 0, trpcRequests: 0, trpcStatuses: new Map() };
    const lanes = 6;
    const fuzzing = Promise.all([
      ...Array.from({ length: lanes }, (_, i) => rawLane(seededRandom(SEED + 1 + i), live, RAW_FRAMES / lanes, counts)),
      ...Array.from({ length: 4 }, (_, i) => clientLane(seededRandom(SEED + 100 + i), live, CLIENT_EMITS / 4, counts)),
      ...Array.from({ length: 2 }, (_, i) => trpcLane(seededRandom(SEED + 200 + i), TRPC_REQUESTS / 2, counts)),
    ]);
    const fuzzFailed = fuzzing.then(
      () => null,
      (error: unknown) => error,
    );
    const progress = () => (counts.rawFrames + counts.clientEmits + counts.trpcRequests) / (RAW_FRAMES + CLIENT_EMITS + TRPC_REQUESTS);

    // The game, played through the fuzzing: each question waits for its third of the bad traffic.
    const shown = new Map<string, PersonalView[]>();
    expect(await host.action(ClientEvent.hostStart)).toEqual({ ok: true });
    for (let round = 0; round < CORRECT.length; round++) {
      await Promise.all(players.map((player) => player.nextRoomView((view) => view.phase === "answering" && view.question?.index === round, `answers open for ${round + 1}`)));
      const plans = [CORRECT[round]!, WRONG[round]!, round === 0 ? CORRECT[round]! : WRONG[round]!];
      const acks = await Promise.all(players.map((player, i) => player.answer(round, plans[i]!)));
      for (const ack of acks) expect(ack).toMatchObject({ ok: true, questionIndex: round });
      await host.nextState((view) => view.phase === "reveal" && view.reveal?.questionIndex === round, `reveal ${round + 1}`, 20_000);
      for (const player of players) {
        const you = await player.nextPersonal((view) => view.lastRound?.questionIndex === round, `result ${round + 1}`);
        shown.set(you.playerId, [...(shown.get(you.playerId) ?? []), you]);
      }
      for (let waited = 0; progress() < (round + 1) / CORRECT.length && waited < 40_000; waited += 50) {
        if (await Promise.race([fuzzFailed, sleep(50).then(() => null)])) break;
      }
      expect(await host.action(ClientEvent.hostNext)).toEqual({ ok: true });
      await host.nextState((view) => view.phase === "leaderboard", `leaderboard ${round + 1}`);
      expect(await host.action(ClientEvent.hostNext)).toEqual({ ok: true });
    }
    await host.nextState((view) => view.phase === "podium", "the podium");
    const failure = await fuzzFailed;
    if (failure) throw failure;

    // All of the bad traffic was sent, and the server kept serving throughout.
    expect(counts.rawFrames + counts.clientEmits).toBeGreaterThanOrEqual(10_000);
    expect(counts.trpcRequests).toBe(TRPC_REQUESTS);
    expect(counts.aliveAfterGarbage, "raw connections still answered after their malformed packets").toBe(counts.rawConnections);
    expect(counts.trpcStatuses.get(500) ?? 0, "tRPC internal errors").toBe(0);
    expect(loggedErrors, "errors the server logged").toEqual([]);
    const health = await fetch(`${quiz.url}/healthz`);
    expect(health.status).toBe(200);

    for (const closeable of closeables) closeable.close();
    await sleep(300);
    const heapAfter = await settledHeapBytes();
    const growthMb = (heapAfter - heapBefore) / 2 ** 20;
    console.info(
      `fuzz seed ${SEED}: ${counts.rawFrames} raw frames on ${counts.rawConnections} connections (${counts.aliveAfterGarbage} still answering), ` +
        `${counts.clientEmits} client emits, ${counts.trpcRequests} tRPC requests (statuses ${JSON.stringify([...counts.trpcStatuses].sort())}); ` +
        `heap ${(heapBefore / 2 ** 20).toFixed(1)} → ${(heapAfter / 2 ** 20).toFixed(1)} MB`,
    );
    expect(growthMb, "heap growth in MB").toBeLessThan(HEAP_GROWTH_LIMIT_MB);

    // The scores: what the phones were shown = the report = the scoring formula on the stored answers.
    const report = await quiz.api.pastGames.report.query({ gameId: ticket.gameId });
    expect(report.game.status).toBe("finished");
    expect(report.questions).toHaveLength(3);
    expect(report.ranking).toHaveLength(3);
    const answers = await quiz.database.db.select().from(schema.answers).where(eq(schema.answers.gameId, ticket.gameId));
    expect(answers).toHaveLength(9);
    for (const player of players) {
      const final = player.you!;
      const saved = report.ranking.find((entry) => entry.playerId === final.playerId)!;
      expect(saved.score, `${final.nickname}'s saved score`).toBe(final.score);
      let streak = 0;
      let total = 0;
      for (const seen of shown.get(final.playerId)!) {
        const row = answers.find((answer) => answer.playerId === final.playerId && answer.roundIndex === seen.lastRound!.questionIndex)!;
        streak = row.correct ? streak + 1 : 0;
        const expected = row.correct ? pointsForCorrectAnswer(row.responseMs, TIME_LIMIT_SEC * 1000) + streakBonus(streak) : 0;
        expect(row.points).toBe(expected);
        total += expected;
      }
      expect(final.score).toBe(total);
    }
    const score = (name: string) => report.ranking.find((entry) => entry.nickname === name)!.score;
    expect(score("Ben")).toBe(0);
    expect(score("Ada")).toBeGreaterThan(score("Cy"));
    expect(score("Cy")).toBeGreaterThan(0);
  });
});
