/**
 * When 200 classes answer at once, what the server sends and stores per answer decides whether it
 * keeps up: answers a few milliseconds apart share one database statement, and the host's
 * "answered" count goes to the big screen at most twice a second, with the full count at the end.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AnswerRow, Database } from "../../../server/db";
import type { SavedAnswer } from "../../../server/engine";
import { databasePersistence } from "../../../server/rooms/db-persistence";
import { FanOutTurns } from "../../../server/rooms/fan-out-turns";
import { GameRoom } from "../../../server/rooms/game-room";
import { InMemoryGameStore } from "../../../server/rooms/memory-store";
import type { GamePersistence, RoomBroadcaster } from "../../../server/rooms/ports";
import { newGame } from "../../support/engine-fixtures";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
// setImmediate stays real: the rooms' turns use it between slices.
const fakeClock = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });

afterEach(() => {
  vi.useRealTimers();
});

function answer(playerId: string): SavedAnswer {
  return { playerId, answerId: `${playerId}-a`, choices: [0], correct: true, points: 900, streak: 1, responseMs: 1_000, answeredAt: Date.now() };
}

describe("a school's worth of answers", () => {
  it("arriving a few milliseconds apart go to the database in one statement", async () => {
    fakeClock();
    const batches: AnswerRow[][] = [];
    const persistence = databasePersistence({} as Database, quiet, async (_db, rows) => {
      batches.push(rows);
    });
    const saved = [];
    for (const playerId of ["p1", "p2", "p3"]) {
      saved.push(persistence.saveAnswer("game-1", 0, "q1", answer(playerId)));
      await vi.advanceTimersByTimeAsync(4);
    }
    await vi.advanceTimersByTimeAsync(20);
    await Promise.all(saved);
    expect(batches.map((rows) => rows.map((row) => row.playerId).sort())).toEqual([["p1", "p2", "p3"]]);
  });

  it("reach the host's screen as a count at most twice a second, the last one complete", async () => {
    fakeClock();
    const counts: number[] = [];
    const done = async () => {};
    const persistence: GamePersistence = { addPlayer: done, withdrawPlayer: done, setPlayerToken: done, removePlayer: done, readmitPlayer: done, markStarted: done, saveAnswer: done, saveRound: done, finish: done };
    const broadcaster: RoomBroadcaster = {
      toPlayers: () => {},
      toPlayer: () => {},
      playerRemoved: () => {},
      toHost: () => {},
      hostAnswers: (_gameId, update) => counts.push(update.answered),
    };
    const room = new GameRoom(newGame({ settings: { readTimeSec: 0 } }), "hash", {
      persistence,
      broadcaster,
      store: new InMemoryGameStore(),
      log: quiet,
      disconnectGraceMs: 0,
      fanOutTurns: new FanOutTurns(),
    });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const ack = await room.join(`Player ${i}`, `socket-${i}`);
      if (!ack.ok) throw new Error(ack.message);
      ids.push(ack.you.playerId);
    }
    await room.start();
    // Nine of ten answer, 50 ms apart: the question stays open.
    const acks = [];
    for (const playerId of ids.slice(0, 9)) {
      acks.push(room.answer(playerId, { answerId: `${playerId}-a`, questionIndex: 0, choice: [0] }));
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await Promise.all(acks)).every((ack) => ack.ok)).toBe(true);
    expect(counts).toEqual([1, 9]);
    room.dispose();
  });
});

describe("a school's classes starting and ending together", () => {
  it("mark their games started, and then finished, in one statement each rather than one commit per game", async () => {
    const statements: unknown[] = [];
    const db = {
      execute: async (query: unknown) => {
        statements.push(query);
      },
    };
    const persistence = databasePersistence(db as unknown as Database, quiet);
    const games = Array.from({ length: 200 }, (_, i) => `game-${i}`);
    await Promise.all(games.map((gameId) => persistence.markStarted(gameId, new Date())));
    expect(statements).toHaveLength(1);
    await Promise.all(games.map((gameId) => persistence.finish(gameId, { at: new Date(), status: "finished", standings: [{ playerId: `${gameId}-p1`, score: 900, rank: 1 }] })));
    // The games' status and every player's final score: one statement.
    expect(statements).toHaveLength(2);
  });
});
