/**
 * Killing the server (SIGKILL, no chance to clean up) after round 5 leaves rounds 1–5's answers in
 * the database: each round is saved before its reveal is broadcast.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { ClientEvent } from "../../src/protocol";
import { openDatabase, schema, type DatabaseHandle } from "../../server/db";
import { signUpTeacher } from "../support/quiz-server";
import { spawnServer, type ServerProcess } from "../support/server-process";
import { TestHost, TestPlayer } from "../support/socket-clients";
import { openTestDatabase, testDatabaseTargets, type TestDatabase } from "../support/test-database";

const PLAYERS = 5;
const ROUNDS_BEFORE_KILL = 5;

describe.each(testDatabaseTargets())("a server killed after round 5 on %s", (target) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("keeps rounds 1–5's answers", async () => {
    let env: Record<string, string>;
    let reopen: () => Promise<DatabaseHandle>;
    if (target === "postgres") {
      const database: TestDatabase = await openTestDatabase("postgres");
      cleanups.push(() => database.close());
      env = { DATABASE_URL: database.url! };
      reopen = async () => ({ ...database, close: async () => {} });
    } else {
      const dataDir = await mkdtemp(path.join(tmpdir(), "quiz-crash-"));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      env = { DATABASE_URL: "", DATA_DIR: dataDir };
      reopen = () => openDatabase({ url: "", dataDir: path.join(dataDir, "pglite") });
    }

    const server: ServerProcess = await spawnServer(env);
    cleanups.push(() => server.kill());
    const { api } = await signUpTeacher(server.url);
    const { quizzes } = await api.quizzes.list.query();
    const versionId = quizzes.find((quiz) => quiz.slug === "back-office")!.versionId;
    const ticket = await api.games.create.mutate({ quizVersionId: versionId, options: { readTimeSec: 0, timeLimitSec: 10 } });

    const host = new TestHost(server.url);
    cleanups.push(() => host.close());
    expect((await host.attach(ticket.gameId, ticket.hostSecret)).ok).toBe(true);
    const players = Array.from({ length: PLAYERS }, () => new TestPlayer(server.url));
    cleanups.push(() => players.forEach((player) => player.close()));
    for (const [i, player] of players.entries()) expect((await player.join(ticket.code, `Player ${i + 1}`)).ok).toBe(true);
    expect((await host.action(ClientEvent.hostStart)).ok).toBe(true);

    for (let round = 0; round < ROUNDS_BEFORE_KILL; round++) {
      await Promise.all(players.map((player) => player.nextRoomView((view) => view.phase === "answering" && view.question?.index === round, `round ${round + 1}`)));
      const acks = await Promise.all(players.map((player, i) => player.answer(round, [(i + round) % 4])));
      expect(acks.every((ack) => ack.ok)).toBe(true);
      await host.nextState((view) => view.phase === "reveal" && view.reveal?.questionIndex === round, `reveal ${round + 1}`);
      if (round < ROUNDS_BEFORE_KILL - 1) {
        await host.action(ClientEvent.hostNext);
        await host.action(ClientEvent.hostNext);
      }
    }

    await server.kill("SIGKILL");
    expect(server.child.signalCode).toBe("SIGKILL");

    const database = await reopen();
    try {
      const rows = await database.db.select().from(schema.answers).where(eq(schema.answers.gameId, ticket.gameId));
      const rounds = await database.db.select().from(schema.gameRounds).where(eq(schema.gameRounds.gameId, ticket.gameId));
      expect(rounds.map((round) => round.roundIndex).sort()).toEqual([0, 1, 2, 3, 4]);
      expect(rows).toHaveLength(PLAYERS * ROUNDS_BEFORE_KILL);
      for (let round = 0; round < ROUNDS_BEFORE_KILL; round++) {
        expect(rows.filter((row) => row.roundIndex === round)).toHaveLength(PLAYERS);
      }
    } finally {
      await database.close();
    }
  });
});
