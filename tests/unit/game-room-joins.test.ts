/**
 * A game room with in-memory adapters: joins don't queue behind the game's writes, and a phase
 * change is not held up by a class that keeps joining.
 */
import { describe, expect, it } from "vitest";
import type { GamePersistence, RoomBroadcaster } from "../../server/rooms/ports";
import { GameRoom } from "../../server/rooms/game-room";
import { InMemoryGameStore } from "../../server/rooms/memory-store";
import { newGame } from "../support/engine-fixtures";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const noBroadcast: RoomBroadcaster = { toPlayers: () => {}, toPlayer: () => {}, playerRemoved: () => {}, toHost: () => {}, hostAnswers: () => {} };

function persistence(overrides: Partial<GamePersistence>): GamePersistence {
  const done = async () => {};
  return { addPlayer: done, withdrawPlayer: done, setPlayerToken: done, removePlayer: done, readmitPlayer: done, markStarted: done, saveAnswer: done, saveRound: done, finish: done, ...overrides };
}

describe("a game room's joins", () => {
  it("a join doesn't wait for a slow write of the game (it only waits for its own row)", async () => {
    let releaseStart!: () => void;
    const room = new GameRoom(newGame(), "hash", {
      persistence: persistence({ markStarted: () => new Promise<void>((resolve) => (releaseStart = resolve)) }),
      broadcaster: noBroadcast,
      store: new InMemoryGameStore(),
      log: quiet,
      disconnectGraceMs: 0,
    });
    expect((await room.join("Ada", "s1")).ok).toBe(true);
    const started = room.start(); // its "mark started" write hangs until released
    await sleep(10);
    const late = await room.join("Bo", "s2");
    expect(late.ok).toBe(true);
    releaseStart();
    expect(await started).toEqual({ ok: true });
    room.dispose();
  });

  it("the host's Start is acknowledged while a class keeps joining", async () => {
    const room = new GameRoom(newGame(), "hash", {
      // Every row takes 20 ms to store; a new phone joins every 5 ms, so some row is always on its way.
      persistence: persistence({ addPlayer: () => sleep(20).then(() => {}) }),
      broadcaster: noBroadcast,
      store: new InMemoryGameStore(),
      log: quiet,
      disconnectGraceMs: 0,
    });
    let joining = true;
    let joined = 0;
    const joins = (async () => {
      for (let i = 0; joining && i < 400; i++) {
        void room.join(`Player ${i}`, `s${i}`).then((ack) => void (ack.ok && joined++));
        await sleep(5);
      }
    })();
    await sleep(50);
    const ack = await room.start();
    const joinsWhenStarted = joined;
    joining = false;
    await joins;
    await room.flush();
    expect(ack).toEqual({ ok: true });
    expect(room.state.phase).not.toBe("lobby");
    expect(joined).toBeGreaterThan(joinsWhenStarted); // the class was still joining when Start was acknowledged
    room.dispose();
  });
});
