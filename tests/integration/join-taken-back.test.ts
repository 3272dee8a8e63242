/**
 * A join the phone never got is taken back whole, over real sockets and a real database: whether
 * the database refused to save it, or its acknowledgement went to a connection that had died and
 * the phone never asked for it again. Either way the nickname (and its lookalikes) and the phone
 * are free again, the player is in no list, and no row is left behind.
 *
 * The quiz is tests/fixtures/refusals/practice.md (3 questions).
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientEvent, type JoinAck } from "../../src/protocol";
import { listPlayers } from "../../server/db";
import { databasePersistence } from "../../server/rooms/db-persistence";
import { databaseGameStore } from "../../server/rooms/database-store";
import { restoreGameState } from "../../server/rooms/restore-games";
import type { GamePersistence } from "../../server/rooms/ports";
import { PROJECT_DIR, startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import { TestHost } from "../support/socket-clients";
import { testDatabaseTargets } from "../support/test-database";

const FIXTURE_DIR = path.join(PROJECT_DIR, "tests/fixtures/refusals");
const ACK_TIMEOUT_MS = 10_000;
const UNCLAIMED_JOIN_MS = 3_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await sleep(20);
  }
}

/** What PostgreSQL answers for a row it will never take (a check constraint): a permanent refusal, not an outage. */
function refusedForGood(): Error {
  return Object.assign(new Error('new row for relation "players" violates check constraint'), { code: "23514" });
}

describe.each(testDatabaseTargets())("a join taken back, on %s", (target) => {
  let quiz: TestQuizServer;
  let practice = "";
  const sockets: Socket[] = [];
  /** Nicknames whose save the database refuses. */
  const refused = new Set<string>();
  /** While set, saving a player waits for it. */
  let saveGate: Promise<void> | null = null;

  beforeAll(async () => {
    quiz = await startTestQuizServer(target, FIXTURE_DIR, (database) => {
      const real = databasePersistence(database.db);
      const persistence: GamePersistence = {
        ...real,
        addPlayer: async (player) => {
          if (saveGate) await saveGate;
          if (refused.has(player.nickname)) throw refusedForGood();
          return real.addPlayer(player);
        },
      };
      return { persistence, unclaimedJoinMs: UNCLAIMED_JOIN_MS };
    });
    practice = await quiz.quizVersionId("practice");
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await quiz?.close();
  });

  function connect(): Socket {
    const socket = io(quiz.url, { transports: ["websocket"], reconnection: false, forceNew: true });
    sockets.push(socket);
    return socket;
  }

  function join(code: string, nickname: string, deviceId: string, socket = connect()): Promise<JoinAck> {
    return socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.join, { code, nickname, deviceId, joinId: randomUUID() });
  }

  async function newGame() {
    const ticket = await quiz.api.games.create.mutate({ quizVersionId: practice, options: { readTimeSec: 1, timeLimitSec: 5 } });
    const host = new TestHost(quiz.url);
    sockets.push(host.socket);
    expect(await host.attach(ticket.gameId, ticket.hostSecret)).toMatchObject({ ok: true });
    expect(await join(ticket.code, "Ada", randomUUID())).toMatchObject({ ok: true });
    return { ticket, host, room: quiz.server.registry.findById(ticket.gameId)! };
  }

  it("a join the database refused to save: the nickname, its lookalikes and the phone are free for the retry", async () => {
    const { ticket, host, room } = await newGame();
    const before = structuredClone(room.state);
    const phone = randomUUID();
    refused.add("Rex");
    const ack = await join(ticket.code, "Rex", phone);
    refused.delete("Rex");
    expect(ack).toMatchObject({ ok: false, code: "server-error" });
    if (!ack.ok) expect(ack.message).toBe("Sorry, we couldn't save you into the game. Try joining again.");
    // As if the join had never happened: nickname keys, device, counters and join numbers.
    expect(room.state).toStrictEqual(before);

    const again = await join(ticket.code, "Rех" /* Cyrillic е, х */, phone);
    expect(again).toMatchObject({ ok: true, you: { nickname: "Rех" } });
    await room.flush();
    expect((await listPlayers(quiz.database.db, ticket.gameId)).map((player) => [player.nickname, player.joinSeq])).toEqual([
      ["Ada", before.nextJoinSeq - 1],
      ["Rех", before.nextJoinSeq], // no gap where the refused join was
    ]);
    await host.nextState((view) => view.players.map((player) => player.nickname).join() === "Ada,Rех", "the lobby lists Ada and Rех only");
  });

  it("a join whose phone went away before it was answered: taken back, its row deleted, kept out of the saved state", async () => {
    const { ticket, host, room } = await newGame();
    let release = () => {};
    saveGate = new Promise((resolve) => (release = resolve));
    const phone = connect();
    const pending = join(ticket.code, "Nia", randomUUID(), phone).catch(() => null);
    const nia = () => Object.values(room.state.players).find((player) => player.nickname === "Nia");
    await until("Nia added while her save waits", () => nia() !== undefined);
    const niaId = nia()!.id;
    phone.disconnect();
    await sleep(100);
    saveGate = null;
    release();
    const rows = async () => (await listPlayers(quiz.database.db, ticket.gameId)).map((player) => player.nickname);
    await until("Nia's row saved", async () => (await rows()).includes("Nia"));
    await host.nextState((view) => view.players.some((player) => player.id === niaId), "Nia in the lobby");
    // Locking saves the live state, counting Nia (it lists only players with more than their join to show): a restart must not bring her back from it later.
    expect(await host.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.hostLock, { locked: true })).toEqual({ ok: true });
    await room.flush();
    const snapshot = async () => (await databaseGameStore(quiz.database.db).list()).find((state) => state.gameId === ticket.gameId);
    expect((await snapshot())?.activePlayerCount).toBe(2);

    // Not asked for again: taken back.
    await until("Nia taken back", () => room.state.players[niaId] === undefined, UNCLAIMED_JOIN_MS + 10_000);
    await host.nextState((view) => !view.players.some((player) => player.id === niaId), "Nia gone from the lobby");
    await room.flush();
    expect(Object.values(room.state.nicknameIndex)).not.toContain(niaId);
    expect(room.state.activePlayerCount).toBe(1);
    expect(await rows()).toEqual(["Ada"]);
    const saved = await snapshot();
    expect(saved).toBeDefined();
    expect(saved!.players[niaId]).toBeUndefined();
    expect(Object.values(saved!.nicknameIndex)).not.toContain(niaId);
    // A restart from it brings back Ada only.
    expect(await restoreGameState({ db: quiz.database.db, store: databaseGameStore(quiz.database.db) }, saved!)).not.toBeNull();
    expect(Object.values(saved!.players).map((player) => player.nickname)).toEqual(["Ada"]);
    expect(saved!.activePlayerCount).toBe(1);
    expect(await pending).toBeNull(); // the phone never got its answer

    expect(await host.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(ClientEvent.hostLock, { locked: false })).toEqual({ ok: true });

    // The name (and a lookalike) is free again.
    expect(await join(ticket.code, "NIA", randomUUID())).toMatchObject({ ok: true, you: { nickname: "NIA" } });
  });
});
