/**
 * Team mode, pick in the lobby: other phones' team choices follow each pick, through one room
 * broadcast at most every 500 ms however many phones pick or join (never one per pick).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PlayerRoomView } from "../../../src/protocol";
import type { GamePersistence, RoomBroadcaster } from "../../../server/rooms/ports";
import { GameRoom } from "../../../server/rooms/game-room";
import { InMemoryGameStore } from "../../../server/rooms/memory-store";
import { newGame } from "../../support/engine-fixtures";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const done = async () => {};
const persistence: GamePersistence = { addPlayer: done, withdrawPlayer: done, setPlayerToken: done, removePlayer: done, readmitPlayer: done, markStarted: done, saveAnswer: done, saveRound: done, finish: done };

afterEach(() => {
  vi.useRealTimers();
});

describe("the lobby's teams on offer (pick mode)", () => {
  it("go to every phone after picks and joins, coalesced into at most one room broadcast per 500 ms", async () => {
    vi.useFakeTimers();
    const sent: PlayerRoomView[] = [];
    const broadcaster: RoomBroadcaster = { toPlayers: (_game, view) => void sent.push(view), toPlayer: () => {}, playerRemoved: () => {}, toHost: () => {}, hostAnswers: () => {} };
    const room = new GameRoom(newGame({ teams: { size: 2, assignment: "pick", talkMs: 0 } }), "hash", { persistence, broadcaster, store: new InMemoryGameStore(), log: quiet, disconnectGraceMs: 0 });
    const ids: string[] = [];
    for (const name of ["Ada", "Bo", "Cy", "Di"]) {
      const ack = await room.join(name, `socket-${name}`);
      if (!ack.ok) throw new Error(ack.message);
      ids.push(ack.you.playerId);
    }
    // The first join's update goes at once; the next ones wait for the interval.
    expect(sent).toHaveLength(1);
    for (const [id, team] of [[ids[0], 0], [ids[1], 0], [ids[2], 1], [ids[2], 2]] as const) expect((await room.pickTeam(id!, team)).ok).toBe(true);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.teamChoices).toEqual([
      { team: 0, members: 2, full: true },
      { team: 1, members: 0, full: false },
      { team: 2, members: 1, full: false },
    ]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toHaveLength(2);

    // Once the game starts, no lobby update follows the start's own messages.
    expect((await room.pickTeam(ids[3]!, 1)).ok).toBe(true);
    expect(sent).toHaveLength(3);
    expect((await room.pickTeam(ids[3]!, 2)).ok).toBe(true);
    expect((await room.start()).ok).toBe(true);
    const afterStart = sent.length;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent.slice(afterStart).every((view) => view.teamChoices === undefined)).toBe(true);
    room.dispose();
  });
});
