/** The turns of the event loop all games' phase messages share (server/rooms/fan-out-turns.ts). */
import { describe, expect, it } from "vitest";
import { FanOutTurns } from "../../../server/rooms/fan-out-turns";

const unexpected = (error: unknown) => {
  throw error;
};
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A clock that only moves when a message "writes" (each write costs `costMs`). */
function writes(costMs: number) {
  let now = 0;
  const sent: string[] = [];
  return { clock: () => now, write: (what: string) => () => void (sent.push(what), (now += costMs)), sent };
}

describe("FanOutTurns", () => {
  it("by default lets about 5 ms of phase messages go before the sockets are read again (answers wait behind one slice)", () => {
    const { clock, write, sent } = writes(2);
    const turns = new FanOutTurns(undefined, clock);
    for (const name of ["a", "b", "c", "d", "e"]) turns.send(write(name), unexpected);
    // 2 + 2 + 2 ms: the third overshoots 5 ms and the rest wait for the next turn.
    expect(sent).toEqual(["a", "b", "c"]);
    expect(turns.waiting).toBe(2);
  });

  it("sends at once while the turn has budget left", () => {
    const { clock, write, sent } = writes(4);
    const turns = new FanOutTurns(20, clock);
    for (const name of ["a", "b", "c"]) turns.send(write(name), unexpected);
    expect(sent).toEqual(["a", "b", "c"]);
    expect(turns.waiting).toBe(0);
  });

  it("leaves what does not fit for later turns, in the order it came, at most the budget per turn", async () => {
    const { clock, write, sent } = writes(8);
    const turns = new FanOutTurns(20, clock);
    for (let i = 0; i < 8; i++) turns.send(write(`m${i}`), unexpected);
    // 8 + 8 + 8 ms: the third message overshoots the 20 ms budget and the turn ends there.
    expect(sent).toEqual(["m0", "m1", "m2"]);
    expect(turns.waiting).toBe(5);
    await nextTurn(); // the end of this turn: its budget is spent, nothing more goes out in it
    expect(sent).toEqual(["m0", "m1", "m2"]);
    await nextTurn();
    expect(sent).toEqual(["m0", "m1", "m2", "m3", "m4", "m5"]);
    await nextTurn();
    expect(sent).toEqual(["m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7"]);
    expect(turns.waiting).toBe(0);
  });

  it("puts `first` work (the live-state snapshots) ahead of the messages waiting, in the order it came", async () => {
    const { clock, write, sent } = writes(25);
    const turns = new FanOutTurns(20, clock);
    turns.send(write("m1"), unexpected); // spends the turn
    turns.send(write("m2"), unexpected);
    turns.send(write("m3"), unexpected);
    turns.send(write("snapshot a"), unexpected, true);
    turns.send(write("snapshot b"), unexpected, true);
    for (let turn = 0; turn < 5; turn++) await nextTurn();
    expect(sent).toEqual(["m1", "snapshot a", "snapshot b", "m2", "m3"]);
  });

  it("never lets a new message overtake one that is waiting", async () => {
    const { clock, write, sent } = writes(25);
    const turns = new FanOutTurns(20, clock);
    turns.send(write("first"), unexpected);
    turns.send(write("second"), unexpected); // the budget is spent: it waits
    await nextTurn(); // this turn's end: still spent
    turns.send(write("third"), unexpected);
    await nextTurn(); // a new turn: budget again, but "second" goes before "third"
    expect(sent).toEqual(["first", "second"]);
    await nextTurn();
    expect(sent).toEqual(["first", "second", "third"]);
  });

  it("counts what a turn wrote before its end (in a timer or a socket's handler) against that turn's budget", async () => {
    const { clock, write, sent } = writes(8);
    const turns = new FanOutTurns(20, clock);
    await nextTurn();
    turns.send(write("a"), unexpected);
    turns.send(write("b"), unexpected);
    turns.send(write("c"), unexpected); // 16 ms spent: "c" still fits (the budget is not spent before it)
    turns.send(write("d"), unexpected);
    await nextTurn(); // the turn's end writes nothing more: 24 ms were written in it
    expect(sent).toEqual(["a", "b", "c"]);
    await nextTurn();
    expect(sent).toEqual(["a", "b", "c", "d"]);
    expect(turns.waiting).toBe(0);
  });

  it("counts work done outside it (an answer that closed a round) against the turn: what follows waits for the next one", async () => {
    const { clock, write, sent } = writes(1);
    const turns = new FanOutTurns(20, clock);
    turns.spend(25);
    turns.send(write("reveal"), unexpected);
    expect(sent).toEqual([]);
    await nextTurn(); // this turn's end: its budget is spent
    expect(sent).toEqual([]);
    await nextTurn();
    expect(sent).toEqual(["reveal"]);
  });

  it("queues work sent by running work (a snapshot's encoding after its packing) for a later turn instead of running it inside", async () => {
    const { clock, write, sent } = writes(1);
    const turns = new FanOutTurns(20, clock);
    turns.send(() => {
      write("pack")();
      turns.send(write("encode"), unexpected, true);
      sent.push("pack done");
    }, unexpected);
    expect(sent).toEqual(["pack", "pack done"]);
    await nextTurn();
    expect(sent).toEqual(["pack", "pack done", "encode"]);
  });

  it("resolves run() with what its work returns, in turn", async () => {
    const { clock, write } = writes(25);
    const turns = new FanOutTurns(20, clock);
    turns.send(write("spends the turn"), unexpected);
    const result = turns.run(() => "stepped");
    expect(turns.waiting).toBe(1);
    await expect(result).resolves.toBe("stepped");
    await expect(turns.run(() => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
  });

  it("reports a send that throws to its own handler and still sends the others", async () => {
    const { clock, write, sent } = writes(30);
    const turns = new FanOutTurns(20, clock);
    const errors: unknown[] = [];
    turns.send(write("a"), unexpected);
    turns.send(() => {
      throw new Error("socket gone");
    }, (error) => errors.push(error));
    turns.send(write("b"), unexpected);
    await nextTurn();
    await nextTurn();
    expect(sent).toEqual(["a", "b"]);
    expect(errors).toEqual([new Error("socket gone")]);
  });
});
