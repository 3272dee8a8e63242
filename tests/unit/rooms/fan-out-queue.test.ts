/**
 * The fan-out queue: every game's phone messages written in turns of bounded length, in the order
 * they were queued, so 200 games changing phase at once don't make one long task of the event loop.
 */
import { describe, expect, it } from "vitest";
import { FanOutQueue } from "../../../server/rooms/fan-out-queue";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A clock that steps 10 ms at every look: with 30 ms turns, a turn makes two writes. */
function steppingQueue(onError?: (error: unknown) => void) {
  let now = 0;
  return new FanOutQueue({ turnMs: 30, clock: () => (now += 10), onError });
}

describe("the fan-out queue", () => {
  it("writes 200 games' phase messages queued at the same moment over several turns, first in first out", async () => {
    const queue = steppingQueue();
    const written: number[] = [];
    for (let game = 0; game < 200; game++) queue.add([() => written.push(game)]);
    // The first turn ran at once, within its budget; the rest wait for later turns.
    expect(written).toEqual([0, 1]);
    expect(queue.waiting).toBe(198);
    let turns = 1;
    while (queue.waiting > 0) {
      await nextTurn();
      turns++;
    }
    expect(turns).toBe(100);
    expect(written).toEqual(Array.from({ length: 200 }, (_, game) => game));
  });

  it("starts at once when nothing is waiting", () => {
    const queue = new FanOutQueue();
    const written: string[] = [];
    queue.add([() => written.push("reveal")]);
    expect(written).toEqual(["reveal"]);
  });

  it("goes on after a write that throws, and says so", async () => {
    const errors: unknown[] = [];
    const queue = steppingQueue((error) => errors.push(error));
    const written: string[] = [];
    queue.add([
      () => {
        throw new Error("socket gone");
      },
      () => written.push("next phone"),
    ]);
    while (queue.waiting > 0) await nextTurn();
    expect(written).toEqual(["next phone"]);
    expect(errors).toHaveLength(1);
  });

  it("puts writes queued during a turn after the ones already waiting", async () => {
    const queue = new FanOutQueue();
    const written: string[] = [];
    queue.add([() => queue.add([() => written.push("game B")]), () => written.push("game A")]);
    while (queue.waiting > 0) await nextTurn();
    expect(written).toEqual(["game A", "game B"]);
  });
});
