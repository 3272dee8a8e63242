/**
 * Who may join, against a real server over real sockets:
 * - room codes can't be swept: wrong codes are limited per client address across all its sockets,
 *   with growing blocks, while a class behind one address joining with typos is never slowed;
 *   a locked game answers exactly as a code with no game does;
 * - nicknames: invisible, lookalike, zalgo and rude names are refused in plain words;
 * - a removed player stays out (same phone under any name, same-looking name from any phone)
 *   until the host lets them back in;
 * - a game whose host requires generated nicknames takes only drawn names ("Brave Otter"), also
 *   after a restart.
 *
 * The quiz is tests/fixtures/refusals/practice.md (3 questions).
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinUntilAnswered } from "../../src/client/join-until-answered";
import type { QuizSocket } from "../../src/client/socket";
import { ClientEvent, type Ack, type JoinAck, type RefusalCode } from "../../src/protocol";
import { generateNickname } from "../../src/protocol/generated-nickname";
import { addPlayer, removePlayer } from "../../server/engine";
import { parseTrustProxy } from "../../server/http/client-address";
import { databaseGameStore } from "../../server/rooms/database-store";
import { restoreGameState } from "../../server/rooms/restore-games";
import { createWrongCodeLimiter } from "../../server/socket/wrong-code-limiter";
import { PROJECT_DIR, startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import { TestHost } from "../support/socket-clients";
import { testDatabaseTargets } from "../support/test-database";

const FIXTURE_DIR = path.join(PROJECT_DIR, "tests/fixtures/refusals");
const ACK_TIMEOUT_MS = 5_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Tight limits so a sweep shows within seconds: 5 wrong codes free per minute, then 1 s, 2 s, 4 s… blocks. */
const TIGHT_LIMITS = { burstCodes: 5, burstSeconds: 60, dailyCodes: 1_000, dailySeconds: 86_400, firstBlockSeconds: 1, maxBlockSeconds: 8, strikeMemorySeconds: 600 };

const JARGON = /\b(expected|received|invalid input|undefined|null|object|array|string|uuid|schema|zod|regex|exception|stack|error:)\b|[<>{}[\]=\\`"]|\n/i;

function expectRefused(ack: Ack, code: RefusalCode, about?: RegExp): string {
  expect(ack.ok, `refused: ${JSON.stringify(ack)}`).toBe(false);
  if (ack.ok) return "";
  expect(ack.code).toBe(code);
  expect(ack.message).toMatch(/^[A-Z“'].{6,198}[.!?”]$/);
  expect(ack.message).not.toMatch(JARGON);
  if (about) expect(ack.message).toMatch(about);
  return ack.message;
}

describe.each(testDatabaseTargets())("who may join, on %s", (target) => {
  let quiz: TestQuizServer;
  let practice = "";
  const sockets: Socket[] = [];

  beforeAll(async () => {
    quiz = await startTestQuizServer(target, FIXTURE_DIR, {
      wrongCodes: createWrongCodeLimiter(TIGHT_LIMITS),
      // The test stands in for clients at other addresses by naming them in X-Forwarded-For.
      trustProxy: parseTrustProxy("loopback"),
    });
    practice = await quiz.quizVersionId("practice");
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await quiz?.close();
  });

  /** A fresh connection (a sweeper opens a new one per try), from `address`. */
  function connectFrom(address: string): Socket {
    const socket = io(quiz.url, { transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { "x-forwarded-for": address } });
    sockets.push(socket);
    return socket;
  }

  async function joinFrom(address: string, code: string, nickname: string, deviceId?: string, socket = connectFrom(address)): Promise<JoinAck> {
    return socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.join, { code, nickname, ...(deviceId ? { deviceId } : {}) });
  }

  async function newGame() {
    const ticket = await quiz.api.games.create.mutate({ quizVersionId: practice, options: { readTimeSec: 1, timeLimitSec: 5 } });
    const host = new TestHost(quiz.url);
    sockets.push(host.socket);
    expect(await host.attach(ticket.gameId, ticket.hostSecret)).toMatchObject({ ok: true });
    return { ticket, host, room: quiz.server.registry.findById(ticket.gameId)! };
  }

  function unusedCode(seed: number): string {
    for (let n = seed; ; n++) {
      const code = String((234_567 + n * 7_919) % 1_000_000).padStart(6, "0");
      if (!quiz.server.registry.findByCode(code)) return code;
    }
  }

  const waitSeconds = (message: string) => Number(/Wait (\d+) seconds?/.exec(message)?.[1] ?? NaN);

  describe("room codes", () => {
    it("slows a sweep from one address across fresh sockets, with growing blocks, and a block hides live codes too", async () => {
      const { ticket } = await newGame();
      const sweeper = "198.51.100.7";
      // The free allowance: each try on its own socket, all answered "no open game".
      for (let i = 0; i < TIGHT_LIMITS.burstCodes; i++) expectRefused(await joinFrom(sweeper, unusedCode(i), `Bot${i}`), "game-not-found", /no open game/);
      // One more wrong code is looked at, and blocks the address.
      expectRefused(await joinFrom(sweeper, unusedCode(50), "Bot50"), "game-not-found");
      const first = expectRefused(await joinFrom(sweeper, unusedCode(51), "Bot51"), "rate-limited", /wrong game codes/);
      expect(waitSeconds(first)).toBe(1);
      // While blocked even the right code is refused the same way: a sweep learns nothing.
      expectRefused(await joinFrom(sweeper, ticket.code, "Lucky Bot"), "rate-limited");
      // The phone's join, which re-sends a join the server could not store yet, shows the block at once.
      const slowShown: boolean[] = [];
      const phoneJoin = await joinUntilAnswered(
        connectFrom(sweeper) as unknown as QuizSocket,
        { code: unusedCode(56), nickname: "Phone Bot", joinId: randomUUID() },
        (slow) => slowShown.push(slow),
        ACK_TIMEOUT_MS,
      );
      expectRefused(phoneJoin, "rate-limited", /wrong game codes/);
      expect(slowShown).not.toContain(true);

      await sleep(1_100);
      expectRefused(await joinFrom(sweeper, unusedCode(52), "Bot52"), "game-not-found");
      const second = expectRefused(await joinFrom(sweeper, unusedCode(53), "Bot53"), "rate-limited");
      expect(waitSeconds(second)).toBe(2);

      await sleep(2_100);
      expectRefused(await joinFrom(sweeper, unusedCode(54), "Bot54"), "game-not-found");
      const third = expectRefused(await joinFrom(sweeper, unusedCode(55), "Bot55"), "rate-limited");
      expect(waitSeconds(third)).toBe(4);

      // Another address is not held back by the sweeper, nor is another /64 of IPv6.
      expect(await joinFrom("203.0.113.9", ticket.code, "Neighbour")).toMatchObject({ ok: true });
      // One IPv6 /64 is one address: its other hosts share its allowance.
      for (let i = 0; i <= TIGHT_LIMITS.burstCodes; i++) await joinFrom(`2001:db8:1:2::${i + 1}`, unusedCode(100 + i), `V6 ${i}`);
      expectRefused(await joinFrom("2001:db8:1:2:ffff::9", unusedCode(200), "V6 other host"), "rate-limited");
      expectRefused(await joinFrom("2001:db8:1:3::1", unusedCode(201), "V6 other net"), "game-not-found");
    });

    it("a class of 40 behind one address, all joining at once with the right code, all get in (right codes cost nothing)", async () => {
      const { ticket, room } = await newGame();
      const school = "192.0.2.44";
      // A few typos first, within the allowance.
      for (let i = 0; i < TIGHT_LIMITS.burstCodes - 1; i++) expectRefused(await joinFrom(school, unusedCode(300 + i), `Typo ${i}`), "game-not-found");
      const acks = await Promise.all(Array.from({ length: 40 }, (_, i) => joinFrom(school, ticket.code, `Student ${i + 1}`)));
      expect(acks.filter((ack) => !ack.ok)).toEqual([]);
      expect(room.state.activePlayerCount).toBe(40);
      // The 40 right codes spent nothing: one more typo is still free.
      expectRefused(await joinFrom(school, unusedCode(400), "Typo again"), "game-not-found");
    });

    it("a locked game, a finished one and a code with no game get the same answer", async () => {
      const { ticket, host } = await newGame();
      expect(await joinFrom("192.0.2.50", ticket.code, "Early")).toMatchObject({ ok: true });
      expect(await host.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.hostLock, { locked: true })).toEqual({ ok: true });
      const unused = unusedCode(500);
      const locked = expectRefused(await joinFrom("192.0.2.51", ticket.code, "Late"), "game-not-found");
      const none = expectRefused(await joinFrom("192.0.2.52", unused, "Late"), "game-not-found");
      expect(locked.replace(ticket.code, "CODE")).toBe(none.replace(unused, "CODE"));
      expect(locked).toBe(`There's no open game with the code ${ticket.code}. Check the code on the big screen — if it's right, the game may be locked: ask your teacher.`);
      expect(await host.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.hostEnd)).toEqual({ ok: true });
      const finished = expectRefused(await joinFrom("192.0.2.53", ticket.code, "Later"), "game-not-found");
      expect(finished).toBe(locked);
    });
  });

  describe("nicknames", () => {
    it.each([
      ["zero-width space", "Bo\u200Bb", /invisible/],
      ["soft hyphen", "Bo\u00ADb", /invisible/],
      ["Hangul filler", "\u3164", /invisible/],
      ["braille blank", "\u2800\u2800", /invisible/],
      ["right-to-left override", "\u202Eboj", /invisible/],
      ["zalgo", "Z\u0335\u0321\u0322a\u0334\u0328\u031Bl\u0337\u0327go", /accent marks/],
      ["profanity", "Shithead", /isn't allowed/],
    ])("refuses a nickname with %s in plain words", async (_what, nickname, about) => {
      const { ticket, room } = await newGame();
      expectRefused(await joinFrom("192.0.2.60", ticket.code, nickname), "invalid-request", about);
      expect(room.state.activePlayerCount).toBe(0);
    });

    it("refuses lookalikes of a player in the game: Cyrillic letters, accents, case", async () => {
      const { ticket, room } = await newGame();
      expect(await joinFrom("192.0.2.61", ticket.code, "Bob")).toMatchObject({ ok: true });
      for (const lookalike of ["Воb", "BÓB", "bob", "Ｂｏｂ"]) {
        expectRefused(await joinFrom("192.0.2.61", ticket.code, lookalike), "nickname-taken", /already called “Bob”/);
      }
      expect(await joinFrom("192.0.2.61", ticket.code, "Bobby")).toMatchObject({ ok: true });
      expect(room.state.activePlayerCount).toBe(2);
    });
  });

  describe("a removed player", () => {
    it("can't come back under another name on the same phone, nor under the same name on another, until the host lets them in", async () => {
      const { ticket, host, room } = await newGame();
      const phoneOfMax = randomUUID();
      const joined = await joinFrom("192.0.2.70", ticket.code, "Max", phoneOfMax);
      expect(joined).toMatchObject({ ok: true });
      const maxId = joined.ok ? joined.you.playerId : "";
      expect(await joinFrom("192.0.2.70", ticket.code, "Ria", randomUUID())).toMatchObject({ ok: true });

      expect(await host.removePlayer(maxId)).toEqual({ ok: true });
      await host.nextState((view) => view.removedPlayers.some((player) => player.id === maxId), "Max listed as removed");

      expectRefused(await joinFrom("192.0.2.70", ticket.code, "Totally Not Max", phoneOfMax), "removed", /removed this phone/);
      expectRefused(await joinFrom("192.0.2.71", ticket.code, "max", randomUUID()), "removed", /removed “Max”/);
      expectRefused(await joinFrom("192.0.2.71", ticket.code, "Мах" /* Cyrillic М, а, х */, randomUUID()), "removed");
      expect(room.state.activePlayerCount).toBe(1);

      // The host undoes it: Max joins again under his name and gets his own place back.
      expect(await host.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.hostReadmitPlayer, { playerId: maxId })).toEqual({ ok: true });
      await host.nextState((view) => view.players.some((player) => player.id === maxId) && view.removedPlayers.length === 0, "Max back in the list");
      const back = await joinFrom("192.0.2.70", ticket.code, "Max", phoneOfMax);
      expect(back).toMatchObject({ ok: true, you: { playerId: maxId, nickname: "Max" } });
      expect(room.state.activePlayerCount).toBe(2);
      // And the phone's old token no longer works: the readmitted join gave it a new one.
      expect(room.state.players[maxId]).toMatchObject({ removed: false, connected: true });

      // Readmitting someone who isn't removed is refused in plain words.
      expectRefused(await host.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.hostReadmitPlayer, { playerId: maxId }), "not-joined");
      // And a phone can't do it.
      const intruder = connectFrom("192.0.2.72");
      expectRefused(await intruder.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.hostReadmitPlayer, { playerId: maxId }), "not-allowed");
    });

    it("stays out after a server restart restores the game", async () => {
      const { ticket, host, room } = await newGame();
      const phoneOfZed = randomUUID();
      const joined = await joinFrom("192.0.2.80", ticket.code, "Zed", phoneOfZed);
      const zedId = joined.ok ? joined.you.playerId : "";
      expect(await joinFrom("192.0.2.80", ticket.code, "Amy")).toMatchObject({ ok: true });
      expect(await host.removePlayer(zedId)).toEqual({ ok: true });
      await room.flush();
      // What the store keeps is what a restarted server resumes from.
      const [saved] = (await databaseGameStore(quiz.database.db).list()).filter((state) => state.gameId === ticket.gameId);
      expect(saved?.removedDevices).toEqual(room.state.removedDevices);
      expect(Object.keys(saved?.removedDevices ?? {})).toHaveLength(1);
    });

    it("stays out after a restart when removed then, on the phone they played on last: the players' rows keep it", async () => {
      const { ticket, host, room } = await newGame();
      const oldPhone = randomUUID();
      const newPhone = randomUUID();
      const kaiSocket = connectFrom("192.0.2.85");
      const joined = await joinFrom("192.0.2.85", ticket.code, "Kai", oldPhone, kaiSocket);
      const kaiId = joined.ok ? joined.you.playerId : "";
      expect(await joinFrom("192.0.2.85", ticket.code, "Lia", randomUUID())).toMatchObject({ ok: true });
      // Kai's phone dies; a new one asks for Kai and the host lets it take him over.
      kaiSocket.close();
      await host.nextState((view) => view.players.some((player) => player.id === kaiId && !player.connected), "Kai away");
      expectRefused(await joinFrom("192.0.2.86", ticket.code, "Kai", newPhone), "takeover-needed");
      expect(await host.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.hostAllowTakeover, { playerId: kaiId })).toEqual({ ok: true });
      expect(await joinFrom("192.0.2.86", ticket.code, "Kai", newPhone)).toMatchObject({ ok: true, you: { playerId: kaiId } });
      const newPhoneHash = room.state.players[kaiId]!.deviceHash;
      // The game starts: its snapshot lists neither (nothing but their join to show).
      expect(await host.action(ClientEvent.hostStart)).toMatchObject({ ok: true });
      await room.flush();

      // A restart: their rows bring them back as they joined, with the phone each played on last.
      const store = databaseGameStore(quiz.database.db);
      const [saved] = (await store.list()).filter((state) => state.gameId === ticket.gameId);
      expect(Object.keys(saved!.players)).toEqual([]);
      expect(await restoreGameState({ db: quiz.database.db, store }, saved!)).not.toBeNull();
      expect(Object.values(saved!.players).map((player) => player.nickname)).toEqual(["Kai", "Lia"]);
      expect(saved!.activePlayerCount).toBe(2);
      expect(saved!.players[kaiId]!.deviceHash).toBe(newPhoneHash);

      expect(removePlayer(saved!, { playerId: kaiId, now: Date.now() })).toMatchObject({ ok: true });
      expect(addPlayer(saved!, { playerId: randomUUID(), nickname: "Someone Else", deviceHash: newPhoneHash, now: Date.now() })).toMatchObject({ ok: false, code: "removed" });
    });
  });

  describe("generated nicknames", () => {
    it("a game that requires them refuses a typed nickname in plain words and takes a drawn one; the choice survives a restart", async () => {
      const ticket = await quiz.api.games.create.mutate({ quizVersionId: practice, options: { readTimeSec: 1, timeLimitSec: 5, lateJoin: false, generatedNicknames: true } });
      const host = new TestHost(quiz.url);
      sockets.push(host.socket);
      expect(await host.attach(ticket.gameId, ticket.hostSecret)).toMatchObject({ ok: true });
      const room = quiz.server.registry.findById(ticket.gameId)!;
      // The host screen knows, to put it in the join QR code.
      expect(host.state?.generatedNicknames).toBe(true);

      // The phone's form is no obstacle to a hand-made client: the server itself refuses.
      for (const typed of ["Bob", "brave otter", "Brave Otter 2"]) {
        expectRefused(await joinFrom("192.0.2.90", ticket.code, typed), "nickname-not-generated", /drawn name/);
      }
      expect(room.state.activePlayerCount).toBe(0);
      const drawn = generateNickname();
      expect(await joinFrom("192.0.2.90", ticket.code, drawn)).toMatchObject({ ok: true, you: { nickname: drawn } });
      expect(room.state.activePlayerCount).toBe(1);

      // A game without the option still takes a typed name.
      const { ticket: other } = await newGame();
      expect(await joinFrom("192.0.2.91", other.code, "Bob")).toMatchObject({ ok: true });

      // What the store keeps is what a restarted server resumes from: the option, with the others.
      await room.flush();
      const [saved] = (await databaseGameStore(quiz.database.db).list()).filter((state) => state.gameId === ticket.gameId);
      expect(saved).toMatchObject({ lateJoin: false, generatedNicknames: true });
      expect(addPlayer(saved!, { playerId: randomUUID(), nickname: "Bob", now: Date.now() })).toMatchObject({ ok: false, code: "nickname-not-generated" });
    });
  });
});
