/**
 * Bad requests against a real server: every one gets a refusal in its acknowledgement with a code
 * and a message a student can read, none of them crashes the server, and none of them changes the
 * game — the game goes on normally afterwards and the saved results don't contain the refused thing.
 *
 * Quizzes come from tests/fixtures/refusals/: `practice.md` (3 questions, answers not shuffled:
 * Q1 single, correct option 1; Q2 multiple, correct options 0 and 2; Q3 single, correct option 1),
 * `unplayable.md` (its only question is of a kind the game can't play, line 5) and `broken.md` (no correct option on line 5).
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { TRPCClientError } from "@trpc/client";
import { count, eq } from "drizzle-orm";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientEvent, ServerEvent, type Ack, type RefusalCode } from "../../src/protocol";
import { schema } from "../../server/db";
import type { GameRoom } from "../../server/rooms/game-room";
import type { AppRouter } from "../../server/trpc/router";
import { PROJECT_DIR, startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import { TestHost, TestPlayer } from "../support/socket-clients";
import { testDatabaseTargets } from "../support/test-database";

const FIXTURE_DIR = path.join(PROJECT_DIR, "tests/fixtures/refusals");
const READ_TIME_SEC = 1;
const TIME_LIMIT_SEC = 5;
const ACK_TIMEOUT_MS = 5_000;

/** The server allows 20 events per second per socket; stay well below unless a test means to exceed it. */
const PACE_LIMIT = 12;
const PACE_WINDOW_MS = 1_100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Words and signs that give away a validator's or programmer's message rather than one for a student. */
const JARGON =
  /\b(expected|received|invalid input|undefined|null|nan|object|array|string|uuid|schema|zod|regex|unrecognized|int|boolean|exception|stack|typeerror|error:)\b|[<>{}[\]=\\`"]|\n/i;

/** A message a student understands: a short sentence in plain words, no validator jargon. */
function expectPlainWords(message: unknown, label: string): void {
  expect.soft(typeof message, `${label}: message is text`).toBe("string");
  if (typeof message !== "string") return;
  expect.soft(message.length, `${label}: message “${message}” is a short sentence`).toBeGreaterThanOrEqual(8);
  expect.soft(message.length, `${label}: message “${message}” is a short sentence`).toBeLessThanOrEqual(200);
  expect.soft(message, `${label}: message starts like a sentence`).toMatch(/^[A-Z“‘']/);
  expect.soft(message, `${label}: message ends like a sentence`).toMatch(/[.!?”]$/);
  expect.soft(message, `${label}: message is in plain words`).not.toMatch(JARGON);
}

function expectRefusal(ack: Ack | null, codes: RefusalCode | RefusalCode[], label: string, about?: RegExp): void {
  const allowed = Array.isArray(codes) ? codes : [codes];
  expect.soft(ack?.ok, `${label}: refused (ack ${JSON.stringify(ack)})`).toBe(false);
  if (!ack || ack.ok) return;
  expect.soft(allowed, `${label}: refusal code`).toContain(ack.code);
  expectPlainWords(ack.message, label);
  if (about) expect.soft(ack.message, `${label}: message says what is wrong`).toMatch(about);
}

// ---------------------------------------------------------------------------------------------
// Pacing: a per-socket record of sends, so ordinary requests never trip the rate limit by accident.

const sends = new WeakMap<Socket, number[]>();

async function pace(socket: Socket, events = 1): Promise<void> {
  for (;;) {
    const now = Date.now();
    const recent = (sends.get(socket) ?? []).filter((at) => now - at < PACE_WINDOW_MS);
    sends.set(socket, recent);
    if (recent.length + events <= PACE_LIMIT || recent.length === 0) break;
    await sleep(PACE_WINDOW_MS - (now - recent[0]!) + 5);
  }
  const at = Date.now();
  sends.get(socket)!.push(...Array.from({ length: events }, () => at));
}

/** Waits until this socket's rate-limit window is surely empty. */
async function quiet(socket: Socket): Promise<void> {
  const last = (sends.get(socket) ?? []).at(-1);
  if (last !== undefined) await sleep(Math.max(0, last + PACE_WINDOW_MS - Date.now()));
  sends.set(socket, []);
}

/** Every acknowledgement the server sent in this file, to check none was a server error. */
const allAcks: Array<{ label: string; ack: Ack }> = [];

/** Every answer needs the phone's answer id; the tests here are about the other fields. */
function withAnswerId(event: string, args: unknown[]): unknown[] {
  const [payload, ...rest] = args;
  const isAnswer = event === ClientEvent.answer && payload !== null && typeof payload === "object" && !Array.isArray(payload);
  return isAnswer && !("answerId" in payload) ? [{ answerId: randomUUID(), ...payload }, ...rest] : args;
}

async function ask<T extends object = object>(socket: Socket, event: string, ...args: unknown[]): Promise<Ack<T>> {
  await pace(socket);
  const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, ...withAnswerId(event, args))) as Ack<T>;
  allAcks.push({ label: event, ack });
  return ack;
}

/** Sends an event without an acknowledgement callback. */
async function tell(socket: Socket, event: string, ...args: unknown[]): Promise<void> {
  await pace(socket);
  socket.emit(event, ...withAnswerId(event, args));
}

/** Resolves with the ack, or null when none arrives within `ms`. */
async function askOrSilence(socket: Socket, event: string, payload: unknown, ms: number): Promise<Ack | null> {
  await pace(socket);
  try {
    return (await socket.timeout(ms).emitWithAck(event, ...withAnswerId(event, [payload]))) as Ack;
  } catch {
    return null;
  }
}

function nextEvent<T>(socket: Socket, event: string, what: string, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const listener = (value: T) => {
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(value);
    };
    socket.on(event, listener);
  });
}

/** Nicknames of the players in the room (not removed), in join order — the server's own state. */
function nicknames(room: GameRoom): string[] {
  return Object.values(room.state.players)
    .filter((player) => !player.removed)
    .sort((a, b) => a.joinSeq - b.joinSeq)
    .map((player) => player.nickname);
}

describe.each(testDatabaseTargets())("refused requests on %s", (target) => {
  let quiz: TestQuizServer;
  let practiceVersionId = "";
  const closeables: Array<{ close(): void }> = [];

  beforeAll(async () => {
    allAcks.length = 0;
    quiz = await startTestQuizServer(target, FIXTURE_DIR);
    practiceVersionId = await quiz.quizVersionId("practice");
  });

  afterAll(async () => {
    for (const closeable of closeables) closeable.close();
    await quiz?.close();
  });

  function phone(): TestPlayer {
    const player = new TestPlayer(quiz.url);
    closeables.push(player);
    return player;
  }

  async function join(player: TestPlayer, code: string, nickname: string): Promise<string> {
    await pace(player.socket);
    const ack = await player.join(code, nickname);
    expect(ack, `${nickname} joins`).toMatchObject({ ok: true });
    return ack.ok ? ack.you.playerId : "";
  }

  async function newGame(timeLimitSec = TIME_LIMIT_SEC) {
    const ticket = await quiz.api.games.create.mutate({ quizVersionId: practiceVersionId, options: { readTimeSec: READ_TIME_SEC, timeLimitSec } });
    const host = new TestHost(quiz.url);
    closeables.push(host);
    await pace(host.socket);
    expect(await host.attach(ticket.gameId, ticket.hostSecret)).toMatchObject({ ok: true });
    const room = quiz.server.registry.findById(ticket.gameId)!;
    expect(room).toBeDefined();
    return { ticket, host, room };
  }

  function unusedCode(): string {
    for (let n = 0; ; n++) {
      const code = String((123_457 + n * 7_919) % 1_000_000).padStart(6, "0");
      if (!quiz.server.registry.findByCode(code)) return code;
    }
  }

  async function savedGameCount(): Promise<number> {
    const [row] = await quiz.database.db.select({ n: count() }).from(schema.games);
    return Number(row!.n);
  }

  // -------------------------------------------------------------------------------------------
  describe("joining", () => {
    it("a wrong PIN or a malformed code is refused and the phone can still join afterwards", async () => {
      const { ticket, room } = await newGame();
      const p = phone();
      const wrong = unusedCode();
      expectRefusal(await ask(p.socket, ClientEvent.join, { code: wrong, nickname: "Robin" }), "game-not-found", "wrong PIN", new RegExp(wrong));

      const sixDigits = /6[- ]digit/i;
      for (const [label, payload] of [
        ["code 12ab", { code: "12ab", nickname: "Robin" }],
        ["5-digit code", { code: "12345", nickname: "Robin" }],
        ["7-digit code", { code: "1234567", nickname: "Robin" }],
        ["missing code", { nickname: "Robin" }],
        ["empty code", { code: "", nickname: "Robin" }],
      ] as const) {
        expectRefusal(await ask(p.socket, ClientEvent.join, payload), "invalid-request", label, sixDigits);
      }
      expect(nicknames(room)).toEqual([]);

      // Nothing stuck to the socket: it joins normally now.
      await join(p, ticket.code, "Robin");
      expect(nicknames(room)).toEqual(["Robin"]);
    });

    it("empty, blank, too long or missing nicknames are refused", async () => {
      const { ticket, room, host } = await newGame();
      const p = phone();
      for (const [label, nickname, about] of [
        ["empty nickname", "", /nickname/i],
        ["whitespace-only nickname", "   \t  ", /nickname/i],
        ["21-character nickname", "abcdefghijklmnopqrstu", /20/],
        ["missing nickname", undefined, /nickname/i],
        ["control characters", "Bell\u0007Ringer", /nickname/i],
      ] as const) {
        expectRefusal(await ask(p.socket, ClientEvent.join, { code: ticket.code, nickname }), "invalid-request", label, about);
      }
      expect(nicknames(room)).toEqual([]);
      await join(p, ticket.code, "  Exactly   twenty chars  ");
      expect(nicknames(room)).toEqual(["Exactly twenty chars"]);
      await host.nextState((view) => view.playerCount === 1, "host lobby with one player");
      expect(host.state!.players.map((player) => player.nickname)).toEqual(["Exactly twenty chars"]);
    });

    it("a nickname already taken (ignoring case and spaces) is refused", async () => {
      const { ticket, room, host } = await newGame();
      const alex = phone();
      const other = phone();
      await join(alex, ticket.code, "Alex");
      expectRefusal(await ask(other.socket, ClientEvent.join, { code: ticket.code, nickname: " alex " }), "nickname-taken", "“ alex ” after “Alex”", /nickname/i);
      expectRefusal(await ask(other.socket, ClientEvent.join, { code: ticket.code, nickname: "ALEX" }), "nickname-taken", "“ALEX” after “Alex”", /nickname/i);
      expect(nicknames(room)).toEqual(["Alex"]);
      await join(other, ticket.code, "Sam");
      expect(nicknames(room)).toEqual(["Alex", "Sam"]);
      await host.nextState((view) => view.playerCount === 2, "host lobby with two players");
      expect(host.state!.players.map((player) => player.nickname)).toEqual(["Alex", "Sam"]);
    });

    it("the same phone joining a second time is refused", async () => {
      const first = await newGame();
      const second = await newGame();
      const p = phone();
      await join(p, first.ticket.code, "Jo");
      expectRefusal(await ask(p.socket, ClientEvent.join, { code: first.ticket.code, nickname: "Jo Again" }), "invalid-request", "second join, same game", /already/i);
      expectRefusal(await ask(p.socket, ClientEvent.join, { code: second.ticket.code, nickname: "Jo" }), "invalid-request", "second join, other game", /already/i);
      expect(nicknames(first.room)).toEqual(["Jo"]);
      expect(nicknames(second.room)).toEqual([]);
    });

    it("the same phone sending two joins at once gets one player, not two", async () => {
      const { ticket, room } = await newGame();
      const p = phone();
      const acks = await Promise.all([
        ask(p.socket, ClientEvent.join, { code: ticket.code, nickname: "Kim" }),
        ask(p.socket, ClientEvent.join, { code: ticket.code, nickname: "Kai" }),
      ]);
      expect(acks.filter((ack) => ack.ok), `acks: ${JSON.stringify(acks.map((ack) => (ack.ok ? "ok" : ack.code)))}`).toHaveLength(1);
      const refused = acks.find((ack) => !ack.ok) ?? null;
      expectRefusal(refused, "invalid-request", "second simultaneous join", /already/i);
      expect(nicknames(room), "players created by one phone").toHaveLength(1);
    });

    it("a late joiner is let in at 0 points, and a locked game refuses new players", async () => {
      const { ticket, room, host } = await newGame();
      await join(phone(), ticket.code, "Early Bird");
      expect(await ask(host.socket, ClientEvent.hostStart)).toEqual({ ok: true });
      const late = phone();
      const ack = await ask<{ you: { score: number; firstQuestionIndex: number } }>(late.socket, ClientEvent.join, { code: ticket.code, nickname: "Late Comer" });
      expect(ack.ok, `late join: ${JSON.stringify(ack)}`).toBe(true);
      if (ack.ok) expect(ack.you).toMatchObject({ score: 0, firstQuestionIndex: 1 });
      expect(nicknames(room)).toEqual(["Early Bird", "Late Comer"]);
      expect(await ask(host.socket, ClientEvent.hostLock, { locked: true })).toEqual({ ok: true });
      // A locked game answers as a code with no game does (a sweep must not learn which codes are live).
      expectRefusal(await ask(phone().socket, ClientEvent.join, { code: ticket.code, nickname: "Too Late" }), "game-not-found", "join a locked game", /locked/i);
      expect(nicknames(room)).toEqual(["Early Bird", "Late Comer"]);
      expect(await ask(host.socket, ClientEvent.hostEnd)).toEqual({ ok: true });
    });

    it("malformed join payloads are refused in plain words", async () => {
      const { ticket, room } = await newGame();
      const p = phone();
      for (const [label, args] of [
        ["payload is a string", [ticket.code]],
        ["payload is a number", [Number(ticket.code)]],
        ["payload is null", [null]],
        ["no payload at all", []],
        ["payload is a huge array", [Array.from({ length: 2_000 }, () => 0)]],
        ["code is a number", [{ code: Number(ticket.code), nickname: "Numbers" }]],
        ["nickname is an object", [{ code: ticket.code, nickname: { first: "Ann" } }]],
      ] as const) {
        expectRefusal(await ask(p.socket, ClientEvent.join, ...args), "invalid-request", label);
      }
      expect(nicknames(room)).toEqual([]);

      // Extra fields can't smuggle anything in: the server chooses the player id and the score.
      const smuggledId = randomUUID();
      const ack = await ask<{ you: { playerId: string; score: number; nickname: string } }>(p.socket, ClientEvent.join, {
        code: ticket.code,
        nickname: "Extra Fields",
        playerId: smuggledId,
        score: 9_999,
        isHost: true,
      });
      if (ack.ok) {
        expect(ack.you.playerId).not.toBe(smuggledId);
        expect(ack.you.score).toBe(0);
        expect(nicknames(room)).toEqual(["Extra Fields"]);
        expectRefusal(await ask(p.socket, ClientEvent.hostStart), "not-allowed", "isHost smuggled into the join");
        expect(room.state.phase).toBe("lobby");
      } else {
        expectRefusal(ack, "invalid-request", "join with extra fields");
        expect(nicknames(room)).toEqual([]);
      }
    });

    it("events without an ack callback and unknown events don't break the server", async () => {
      const { ticket, room } = await newGame();
      const p = phone();
      await tell(p.socket, ClientEvent.join, "no ack, junk payload");
      await tell(p.socket, ClientEvent.join);
      await tell(p.socket, ClientEvent.answer, { questionIndex: -5, choice: "x" });
      await tell(p.socket, ClientEvent.hostStart, { please: true });
      await tell(p.socket, ClientEvent.hostAttach, { gameId: ticket.gameId, hostSecret: "not the secret at all" });
      await tell(p.socket, "player:cheat", { score: 1_000_000 });
      // An unknown event with an ack: the server may stay silent or refuse, but never says ok.
      const unknown = await askOrSilence(p.socket, "player:cheat", { score: 1_000_000 }, 500);
      if (unknown !== null) expectRefusal(unknown, "invalid-request", "unknown event name");
      expect(p.socket.connected).toBe(true);

      // The next valid request on the same connection works.
      await join(p, ticket.code, "Still Here");
      expect(nicknames(room)).toEqual(["Still Here"]);
      expect(room.state.phase).toBe("lobby");
    });

    it("a payload over 16 KB drops that connection, and the server and the other players carry on", async () => {
      const { ticket, room, host } = await newGame();
      const big = phone();
      const small = phone();
      await join(big, ticket.code, "Big Sender");
      await join(small, ticket.code, "Small Sender");
      const dropped = nextEvent<string>(big.socket, "disconnect", "the oversized sender to be disconnected");
      big.socket.emit(ClientEvent.join, { code: ticket.code, nickname: "x".repeat(17 * 1024) }, () => {});
      await dropped;
      expect(big.socket.connected).toBe(false);

      // Nothing from the big payload got in; the sender is just shown as disconnected.
      expect(nicknames(room)).toEqual(["Big Sender", "Small Sender"]);
      const bigPlayer = Object.values(room.state.players).find((player) => player.nickname === "Big Sender")!;
      // (after the 3 s grace a dropped phone gets to come back)
      await expect.poll(() => bigPlayer.connected, { timeout: 6_000 }).toBe(false);

      // Other phones and the host carry on; new phones can still join.
      expectRefusal(await ask(small.socket, ClientEvent.join, { code: ticket.code, nickname: "Twice" }), "invalid-request", "second join after the drop");
      await join(phone(), ticket.code, "Newcomer");
      await host.nextState((view) => view.playerCount === 3 && view.connectedCount === 2, "host lobby after the drop");
      expect(await ask(host.socket, ClientEvent.hostStart)).toEqual({ ok: true });
      await small.nextRoomView((view) => view.phase === "question-read" || view.phase === "answering", "the game to start on the small sender's phone");
      expect(await ask(host.socket, ClientEvent.hostEnd)).toEqual({ ok: true });
      const health = await fetch(`${quiz.url}/healthz`);
      expect(health.status).toBe(200);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe("host actions", () => {
    it("host actions from a phone are refused with not-allowed and change nothing", async () => {
      const { ticket, room, host } = await newGame();
      const a = phone();
      const b = phone();
      await join(a, ticket.code, "Ann");
      const bId = await join(b, ticket.code, "Ben");

      for (const event of [ClientEvent.hostStart, ClientEvent.hostNext, ClientEvent.hostSkip, ClientEvent.hostEnd]) {
        expectRefusal(await ask(a.socket, event), "not-allowed", `${event} from a phone in the lobby`, /host/i);
      }
      expectRefusal(await ask(a.socket, ClientEvent.hostRemovePlayer, { playerId: bId }), "not-allowed", "remove-player from a phone", /host/i);
      expect(room.state.phase).toBe("lobby");
      expect(room.state.startedAt).toBeNull();
      expect(nicknames(room)).toEqual(["Ann", "Ben"]);

      // The real host can still run the game; a phone still can't skip or end it.
      expect(await ask(host.socket, ClientEvent.hostStart)).toEqual({ ok: true });
      await a.nextRoomView((view) => view.phase === "answering", "answers open");
      for (const event of [ClientEvent.hostSkip, ClientEvent.hostEnd, ClientEvent.hostNext]) {
        expectRefusal(await ask(a.socket, event), "not-allowed", `${event} from a phone while answering`, /host/i);
      }
      expectRefusal(await ask(a.socket, ClientEvent.hostRemovePlayer, { playerId: bId }), "not-allowed", "remove-player from a phone while answering");
      expect(room.state.phase).toBe("answering");
      expect(room.state.round!.closedAt).toBeNull();
      expect(nicknames(room)).toEqual(["Ann", "Ben"]);
      expect(await ask(host.socket, ClientEvent.hostEnd)).toEqual({ ok: true });
    });

    it("attaching with a wrong secret or to an unknown game is refused", async () => {
      const { ticket, room } = await newGame();
      const other = await newGame();
      await join(phone(), ticket.code, "Player One");
      const intruder = new TestHost(quiz.url);
      closeables.push(intruder);

      expectRefusal(await ask(intruder.socket, ClientEvent.hostAttach, { gameId: ticket.gameId, hostSecret: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }), "not-allowed", "wrong secret");
      expectRefusal(await ask(intruder.socket, ClientEvent.hostAttach, { gameId: ticket.gameId, hostSecret: other.ticket.hostSecret }), "not-allowed", "another game's secret");
      expectRefusal(await ask(intruder.socket, ClientEvent.hostAttach, { gameId: randomUUID(), hostSecret: ticket.hostSecret }), "game-not-found", "unknown game id");
      // A failed attach grants nothing.
      expectRefusal(await ask(intruder.socket, ClientEvent.hostStart), "not-allowed", "start after a failed attach");
      expect(room.state.phase).toBe("lobby");
      expect(intruder.state).toBeNull();
    });

    it("host:start with no players is refused with no-players; host:next during answering with not-allowed", async () => {
      const { ticket, room, host } = await newGame();
      expectRefusal(await ask(host.socket, ClientEvent.hostStart), "no-players", "start with no players", /player/i);
      expect(room.state.phase).toBe("lobby");
      expect(room.state.startedAt).toBeNull();

      const p = phone();
      await join(p, ticket.code, "Solo");
      expectRefusal(await ask(host.socket, ClientEvent.hostNext), "not-allowed", "next in the lobby", /start/i);
      expect(await ask(host.socket, ClientEvent.hostStart)).toEqual({ ok: true });
      expectRefusal(await ask(host.socket, ClientEvent.hostStart), "game-started", "start twice");
      await p.nextRoomView((view) => view.phase === "answering", "answers open");
      expectRefusal(await ask(host.socket, ClientEvent.hostNext), "not-allowed", "next while answering", /skip|close/i);
      expect(room.state.phase).toBe("answering");
      expect(room.state.round!.closedAt).toBeNull();
      // The game goes on normally.
      expect(await ask(p.socket, ClientEvent.answer, { questionIndex: 0, choice: [1] })).toMatchObject({ ok: true, questionIndex: 0 });
      await host.nextState((view) => view.phase === "reveal", "reveal after the only answer");
      expect(await ask(host.socket, ClientEvent.hostEnd)).toEqual({ ok: true });
      expectRefusal(await ask(host.socket, ClientEvent.hostSkip), "not-allowed", "skip on the podium");
    });

    it("malformed host payloads are refused in plain words", async () => {
      const { ticket, room, host } = await newGame();
      await join(phone(), ticket.code, "Watcher");
      const fresh = new TestHost(quiz.url);
      closeables.push(fresh);
      for (const [label, socket, event, payload] of [
        ["skip with extra fields", host.socket, ClientEvent.hostSkip, { force: true }],
        ["start with a string payload", host.socket, ClientEvent.hostStart, "now"],
        ["remove-player with a bad id", host.socket, ClientEvent.hostRemovePlayer, { playerId: "Watcher" }],
        ["remove-player without a payload", host.socket, ClientEvent.hostRemovePlayer, undefined],
        ["attach with a bad game id", fresh.socket, ClientEvent.hostAttach, { gameId: "123456", hostSecret: ticket.hostSecret }],
        ["attach with a short secret", fresh.socket, ClientEvent.hostAttach, { gameId: ticket.gameId, hostSecret: "1234" }],
        ["attach with no payload", fresh.socket, ClientEvent.hostAttach, undefined],
      ] as const) {
        const ack = await ask(socket, event, payload);
        expectRefusal(ack, ["invalid-request", "not-allowed"], label);
      }
      expect(room.state.phase).toBe("lobby");
      expect(nicknames(room)).toEqual(["Watcher"]);
      // The unknown player id is refused by the room, not by validation.
      expectRefusal(await ask(host.socket, ClientEvent.hostRemovePlayer, { playerId: randomUUID() }), "not-joined", "remove an unknown player");
      expect(await ask(host.socket, ClientEvent.hostStart)).toEqual({ ok: true });
      expect(await ask(host.socket, ClientEvent.hostEnd)).toEqual({ ok: true });
    });
  });

  // -------------------------------------------------------------------------------------------
  /**
   * One game, played to the podium by four phones:
   *   Q1: P1 sends malformed answers, then a wrong answer, then the right one (refused: the wrong one counts);
   *       P2 sends malformed payloads and stays silent, then answers after the reveal (too late);
   *       P3 answers right (without an ack, then again); P4 answers right with smuggled extra fields.
   *   Q2: the host removes P3 (refused from then on); P1 bursts 100 answers (rate-limited) while P4
   *       answers normally; P2 answers just after the deadline (too late).
   *   Q3: P1, P2, P4 answer right; the round closes early.
   */
  describe("answers in a played game", () => {
    let ticket: { gameId: string; code: string; hostSecret: string };
    let host: TestHost;
    let room: GameRoom;
    const p: TestPlayer[] = [];
    const ids: string[] = [];

    beforeAll(async () => {
      ({ ticket, host, room } = await newGame());
      for (let i = 0; i < 4; i++) {
        p.push(phone());
        ids.push(await join(p[i]!, ticket.code, `Player ${i + 1}`));
      }
    });

    it("refuses answers before joining, during the read time and for another question", async () => {
      const outsider = phone();
      expectRefusal(await ask(outsider.socket, ClientEvent.answer, { questionIndex: 0, choice: [1] }), "not-joined", "answer before the game started, not joined", /join/i);
      expectRefusal(await ask(p[0]!.socket, ClientEvent.answer, { questionIndex: 0, choice: [1] }), "not-accepting", "answer in the lobby");

      expect(await ask(host.socket, ClientEvent.hostStart)).toEqual({ ok: true });
      expect(room.state.phase).toBe("question-read");
      expectRefusal(await ask(p[0]!.socket, ClientEvent.answer, { questionIndex: 0, choice: [1] }), "not-accepting", "answer during the read time", /open|yet/i);
      expectRefusal(await ask(p[0]!.socket, ClientEvent.answer, { questionIndex: 1, choice: [1] }), ["wrong-question", "not-accepting"], "answer for the next question during the read time");
      expect(room.state.phase, "the refusals above were all sent during the read time").toBe("question-read");
      expect(room.state.round!.answerCount).toBe(0);

      await p[0]!.nextRoomView((view) => view.phase === "answering" && view.question?.index === 0, "answers open for Q1");
      expectRefusal(await ask(outsider.socket, ClientEvent.answer, { questionIndex: 0, choice: [1] }), "not-joined", "answer while answering, not joined", /join/i);
      expectRefusal(await ask(p[0]!.socket, ClientEvent.answer, { questionIndex: 1, choice: [1] }), "wrong-question", "answer for Q2 while Q1 is open", /question/i);
      expectRefusal(await ask(p[0]!.socket, ClientEvent.answer, { questionIndex: 7, choice: [1] }), "wrong-question", "answer for a question that doesn't exist", /question/i);
      expect(room.state.round!.answerCount).toBe(0);
    });

    it("refuses malformed answers in plain words, and they don't count as answers", async () => {
      expect(room.state.phase).toBe("answering");
      const choiceCodes: RefusalCode[] = ["invalid-choice", "invalid-request"];
      const p1 = p[0]!.socket;
      for (const [label, choice, about] of [
        ["negative index", [-1], undefined],
        ["non-integer index", [1.5], undefined],
        ["index past this question's 4 options", [5], undefined],
        ["index past any question's options", [8], undefined],
        ["huge index", [1_000_000], undefined],
        ["duplicate indexes", [1, 1], undefined],
        ["two options on a single-choice question", [0, 1], /one/i],
        ["empty choice", [], undefined],
        ["huge choice array", Array.from({ length: 1_000 }, (_, i) => i % 4), undefined],
        ["choice of strings", ["1"], undefined],
        ["choice is a number", 1, undefined],
      ] as const) {
        expectRefusal(await ask(p1, ClientEvent.answer, { questionIndex: 0, choice }), choiceCodes, label, about);
      }
      const p2 = p[1]!.socket;
      for (const [label, args] of [
        ["payload is a string", ["1"]],
        ["payload is a number", [1]],
        ["payload is null", [null]],
        ["no payload", []],
        ["payload is a huge array", [Array.from({ length: 2_000 }, () => 1)]],
        ["questionIndex missing", [{ choice: [1] }]],
        ["questionIndex negative", [{ questionIndex: -1, choice: [1] }]],
        ["questionIndex is text", [{ questionIndex: "0", choice: [1] }]],
      ] as const) {
        expectRefusal(await ask(p2, ClientEvent.answer, ...args), "invalid-request", label);
      }
      // None of that became an answer.
      expect(room.state.phase).toBe("answering");
      expect(room.state.round!.answerCount).toBe(0);
      expect(room.state.round!.answers[ids[0]!]).toBeUndefined();
      expect(room.state.round!.answers[ids[1]!]).toBeUndefined();
    });

    it("refuses a second answer (the first one counts) and host:next while answering", async () => {
      const [p1, , p3, p4] = p;
      // P1 locks in a wrong answer, then tries to change it to the right one.
      expect(await ask(p1!.socket, ClientEvent.answer, { questionIndex: 0, choice: [0] })).toMatchObject({ ok: true, questionIndex: 0 });
      expectRefusal(await ask(p1!.socket, ClientEvent.answer, { questionIndex: 0, choice: [1] }), "already-answered", "second answer", /already/i);

      // P3 answers without an ack callback: it is processed, so a second try is refused.
      await tell(p3!.socket, ClientEvent.answer, { questionIndex: 0, choice: [1] });
      await expect.poll(() => room.state.round!.answers[ids[2]!]?.choice, { timeout: 5_000 }).toEqual([1]);
      expectRefusal(await ask(p3!.socket, ClientEvent.answer, { questionIndex: 0, choice: [2] }), "already-answered", "answer after an ack-less answer");

      // P4 tries to smuggle fields into an answer: they are refused or ignored, never used.
      const smuggled = await ask(p4!.socket, ClientEvent.answer, { questionIndex: 0, choice: [1], playerId: ids[1], points: 9_999, correct: true, responseMs: 0 });
      if (smuggled.ok) expect(smuggled).toMatchObject({ ok: true, questionIndex: 0 });
      else {
        expectRefusal(smuggled, "invalid-request", "answer with extra fields");
        expect(await ask(p4!.socket, ClientEvent.answer, { questionIndex: 0, choice: [1] })).toMatchObject({ ok: true, questionIndex: 0 });
      }
      expect(room.state.round!.answers[ids[1]!], "P2's answer slot stays empty").toBeUndefined();
      expect(room.state.round!.answers[ids[3]!]?.choice).toEqual([1]);

      expectRefusal(await ask(host.socket, ClientEvent.hostNext), "not-allowed", "host:next while answering");
      expect(room.state.phase).toBe("answering");
      expect(room.state.round!.answerCount).toBe(3);
      expect(room.state.round!.answers[ids[0]!]?.choice, "P1's first answer is the one kept").toEqual([0]);
    });

    it("refuses answers that arrive after the reveal with too-late", async () => {
      const reveal = await host.nextState((view) => view.phase === "reveal" && view.reveal?.questionIndex === 0, "the reveal of Q1 (by the timer)", 15_000);
      expect(reveal.reveal!.answered).toBe(3);
      expect(reveal.reveal!.counts).toEqual([1, 2, 0, 0]);
      expectRefusal(await ask(p[1]!.socket, ClientEvent.answer, { questionIndex: 0, choice: [1] }), "too-late", "answer after the reveal", /time|closed|late/i);
      expectRefusal(await ask(p[0]!.socket, ClientEvent.answer, { questionIndex: 0, choice: [1] }), "too-late", "a changed answer after the reveal");
      expect(room.state.round!.answerCount).toBe(3);

      expect(await ask(host.socket, ClientEvent.hostNext)).toEqual({ ok: true });
      expectRefusal(await ask(p[1]!.socket, ClientEvent.answer, { questionIndex: 0, choice: [1] }), "too-late", "answer on the leaderboard");
      expect(await ask(host.socket, ClientEvent.hostNext)).toEqual({ ok: true });
    });

    it("refuses answers from a removed player", async () => {
      const p3 = p[2]!;
      await p3.nextRoomView((view) => view.question?.index === 1, "Q2 shown on P3's phone");
      const removedNotice = nextEvent<{ message: string }>(p3.socket, ServerEvent.removed, "player:removed on P3's phone");
      expect(await ask(host.socket, ClientEvent.hostRemovePlayer, { playerId: ids[2] })).toEqual({ ok: true });
      const notice = await removedNotice;
      expectPlainWords(notice.message, "player:removed message");
      expect(notice.message).toMatch(/removed/i);

      expectRefusal(await ask(p3.socket, ClientEvent.answer, { questionIndex: 1, choice: [0, 2] }), "removed", "answer from a removed player", /removed/i);
      expectRefusal(await ask(host.socket, ClientEvent.hostRemovePlayer, { playerId: ids[2] }), "not-joined", "removing the same player twice");
      expectRefusal(await ask(p3.socket, ClientEvent.join, { code: ticket.code, nickname: "Player 3b" }), "invalid-request", "a removed phone joining again");
      await p[0]!.nextRoomView((view) => view.phase === "answering" && view.question?.index === 1, "answers open for Q2");
      expectRefusal(await ask(p3.socket, ClientEvent.answer, { questionIndex: 1, choice: [0, 2] }), "removed", "answer from a removed player while answering", /removed/i);
      expect(room.state.round!.answers[ids[2]!]).toBeUndefined();
      expect(nicknames(room)).toEqual(["Player 1", "Player 2", "Player 4"]);
    });

    it("rate-limits a burst of 100 answers from one phone while answering other players", async () => {
      const p1 = p[0]!.socket;
      await quiet(p1);
      await pace(p1, 100);
      const burst = Array.from({ length: 100 }, (_, i) =>
        p1.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.answer, { answerId: randomUUID(), questionIndex: 1, choice: i === 0 ? [0, 2] : [1] }) as Promise<Ack>,
      );
      const other = ask(p[3]!.socket, ClientEvent.answer, { questionIndex: 1, choice: [0, 2] });
      const acks = await Promise.all(burst);
      for (const ack of acks) allAcks.push({ label: "burst", ack });

      expect(await other, "another player is answered during the burst").toMatchObject({ ok: true, questionIndex: 1 });
      const codes = acks.map((ack) => (ack.ok ? "ok" : ack.code));
      expect(codes[0]).toBe("ok");
      expect(codes.filter((code) => code === "ok")).toHaveLength(1);
      expect(codes.filter((code) => code === "rate-limited").length).toBeGreaterThan(0);
      expect(new Set(codes.filter((code) => code !== "ok"))).toEqual(new Set(["already-answered", "rate-limited"]));
      const limited = acks.find((ack) => !ack.ok && ack.code === "rate-limited") ?? null;
      expectRefusal(limited, "rate-limited", "rate-limited answer");
      expect(room.state.round!.answers[ids[0]!]?.choice, "the first answer of the burst counts").toEqual([0, 2]);

      // Once the burst is over the phone is served again.
      await quiet(p1);
      expectRefusal(await ask(p1, ClientEvent.answer, { questionIndex: 1, choice: [1] }), "already-answered", "answer a second after the burst");
    });

    it("refuses an answer sent right at the deadline with too-late", async () => {
      const view = await p[1]!.nextRoomView((candidate) => candidate.phase === "answering" && candidate.question?.index === 1, "answers open for Q2");
      const endsAt = view.countdown!.endsAt;
      expect(room.state.round!.deadline).toBe(endsAt);
      await sleep(Math.max(0, endsAt - Date.now()));
      while (Date.now() <= endsAt) await sleep(0);
      expectRefusal(await ask(p[1]!.socket, ClientEvent.answer, { questionIndex: 1, choice: [0, 2] }), "too-late", "answer at the deadline", /time|closed|late/i);
      const reveal = await host.nextState((candidate) => candidate.phase === "reveal" && candidate.reveal?.questionIndex === 1, "the reveal of Q2");
      expect(reveal.reveal!.answered).toBe(2);
      expect(reveal.reveal!.eligible).toBe(3);
      expect(reveal.reveal!.counts).toEqual([2, 0, 2, 0]);
    });

    it("the game goes on normally to the podium", async () => {
      expect(await ask(host.socket, ClientEvent.hostNext)).toEqual({ ok: true });
      expect(await ask(host.socket, ClientEvent.hostNext)).toEqual({ ok: true });
      await p[0]!.nextRoomView((view) => view.phase === "answering" && view.question?.index === 2, "answers open for Q3");
      for (const i of [0, 1, 3]) expect(await ask(p[i]!.socket, ClientEvent.answer, { questionIndex: 2, choice: [1] })).toMatchObject({ ok: true, questionIndex: 2 });
      const reveal = await host.nextState((view) => view.phase === "reveal" && view.reveal?.questionIndex === 2, "early reveal of Q3");
      expect(reveal.reveal!.answered).toBe(3);
      expect(await ask(host.socket, ClientEvent.hostNext)).toEqual({ ok: true });
      expect(await ask(host.socket, ClientEvent.hostNext)).toEqual({ ok: true });
      await host.nextState((view) => view.phase === "podium", "the podium");
      expectRefusal(await ask(p[2]!.socket, ClientEvent.answer, { questionIndex: 2, choice: [1] }), "removed", "removed player after the game");
      await room.flush();
    });

    it("the saved results contain only the accepted answers", async () => {
      const results = await quiz.api.pastGames.report.query({ gameId: ticket.gameId });
      expect(results.game.status).toBe("finished");
      expect(results.ranking.map((entry) => entry.nickname).sort()).toEqual(["Player 1", "Player 2", "Player 4"]);
      expect(results.ranking.some((entry) => entry.playerId === ids[2])).toBe(false);

      const byId = new Map(results.ranking.map((entry) => [entry.playerId, entry]));
      expect(byId.get(ids[0]!)).toMatchObject({ answeredCount: 3, correctCount: 2 });
      expect(byId.get(ids[1]!)).toMatchObject({ answeredCount: 1, correctCount: 1 });
      expect(byId.get(ids[3]!)).toMatchObject({ answeredCount: 3, correctCount: 3 });

      expect(results.questions.map((question) => [question.answered, question.eligible])).toEqual([
        [3, 4],
        [2, 3],
        [3, 3],
      ]);
      expect(results.questions[0]!.options.map((option) => option.picked)).toEqual([1, 2, 0, 0]);
      expect(results.questions[1]!.options.map((option) => option.picked)).toEqual([2, 0, 2, 0]);

      const rows = await quiz.database.db.select().from(schema.answers).where(eq(schema.answers.gameId, ticket.gameId));
      const rowsOf = (i: number) => rows.filter((row) => row.playerId === ids[i]).map((row) => [row.roundIndex, row.choices]).sort();
      expect(rowsOf(0), "P1: the first answer of each round").toEqual([[0, [0]], [1, [0, 2]], [2, [1]]]);
      expect(rowsOf(1), "P2: only the answer that was on time").toEqual([[2, [1]]]);
      expect(rowsOf(2), "P3: only the answer from before the removal").toEqual([[0, [1]]]);
      expect(rowsOf(3)).toEqual([[0, [1]], [1, [0, 2]], [2, [1]]]);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe("creating games and loading quizzes", () => {
    async function createError(quizVersionId: string): Promise<TRPCClientError<AppRouter>> {
      const games = await savedGameCount();
      const rooms = quiz.server.registry.rooms().length;
      const error = await quiz.api.games.create.mutate({ quizVersionId, options: { readTimeSec: READ_TIME_SEC, timeLimitSec: TIME_LIMIT_SEC } }).then(
        (ticket) => new Error(`created a game: ${JSON.stringify(ticket)}`),
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(TRPCClientError);
      expect(await savedGameCount(), "no game was saved").toBe(games);
      expect(quiz.server.registry.rooms().length, "no room was opened").toBe(rooms);
      return error as TRPCClientError<AppRouter>;
    }

    it("games.create with a malformed quiz id gives a clear error", async () => {
      const error = await createError("not-a-uuid");
      expect((error.data as { code?: string } | undefined)?.code).toBe("BAD_REQUEST");
      expectPlainWords(error.message, "games.create with a malformed id");
      expect(error.message).toMatch(/quiz/i);
    });

    it("games.create with an unknown quiz id gives a clear error", async () => {
      const error = await createError(randomUUID());
      expect((error.data as { code?: string } | undefined)?.code).toBe("NOT_FOUND");
      expectPlainWords(error.message, "games.create with an unknown id");
      expect(error.message).toMatch(/quiz/i);
    });

    it("games.create for a quiz with no question the game can play is a BAD_REQUEST that says why", async () => {
      const error = await createError(await quiz.quizVersionId("unplayable"));
      expect((error.data as { code?: string } | undefined)?.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/“hotspot” question, which this game can.t play/i);
      expect(error.message).toMatch(/line 5\b/);
      expectPlainWords(error.message, "games.create for an unplayable quiz");
    });

    it("quizzes.list reports the malformed quiz with its file and line, and the good quizzes still load", async () => {
      const { quizzes, problems } = await quiz.api.quizzes.list.query();
      expect(quizzes.map((entry) => entry.slug).sort()).toEqual(["practice", "unplayable"]);
      expect(quizzes.find((entry) => entry.slug === "practice")).toMatchObject({ playable: true, questionCount: 3 });
      expect(quizzes.find((entry) => entry.slug === "unplayable")).toMatchObject({ playable: false });
      expect(quizzes.find((entry) => entry.slug === "unplayable")!.unplayableReason).toMatch(/hotspot/i);

      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) {
        expect(problem.file).toMatch(/(^|\/)tests\/fixtures\/refusals\/broken\.md$/);
        expect(problem.line).toBe(5);
        // Written for the quiz author: one sentence naming the problem, no stack trace or dump.
        expect(problem.message).toMatch(/^[A-Z].*[.!?]$/);
        expect(problem.message).not.toMatch(/\n|Error:|\bat \S+ \(|^\s*[[{]/);
        expect(problem.message).toMatch(/correct/i);
      }
    });
  });

  it("never answered with a server error and is still healthy", async () => {
    expect(allAcks.length).toBeGreaterThan(100);
    expect(allAcks.filter(({ ack }) => !ack.ok && ack.code === "server-error")).toEqual([]);
    const health = await fetch(`${quiz.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
  });
});
