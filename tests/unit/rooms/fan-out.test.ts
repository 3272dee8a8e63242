/**
 * A big game's phase messages go out in slices with the event loop free in between (so acks and
 * other games run while 10,000 phones are written to), and still in the order a phone expects:
 * the room view before its own view, one phase's messages before the next phase's.
 */
import { describe, expect, it } from "vitest";
import type { PlayerRoomView } from "../../../src/protocol";
import type { GamePersistence, RoomBroadcaster } from "../../../server/rooms/ports";
import { GameRoom } from "../../../server/rooms/game-room";
import { InMemoryGameStore } from "../../../server/rooms/memory-store";
import { newGame } from "../../support/engine-fixtures";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const done = async () => {};
const persistence: GamePersistence = { addPlayer: done, withdrawPlayer: done, setPlayerToken: done, removePlayer: done, readmitPlayer: done, markStarted: done, saveAnswer: done, saveRound: done, finish: done };

type Sent = { to: "all" | string[]; phase: string } | { personalFor: string } | { turnEnded: true };

function recordingBroadcaster(log: Sent[]): RoomBroadcaster {
  let markerPending = false;
  // A marker queued at the first message of a turn shows where one turn of the event loop ends.
  const markTurn = () => {
    if (markerPending) return;
    markerPending = true;
    setImmediate(() => {
      markerPending = false;
      log.push({ turnEnded: true });
    });
  };
  return {
    toPlayers: (_gameId, view: PlayerRoomView, playerIds) => {
      markTurn();
      log.push({ to: playerIds ? [...playerIds] : "all", phase: view.phase });
    },
    toPlayer: (playerId) => {
      markTurn();
      log.push({ personalFor: playerId });
    },
    playerRemoved: () => {},
    toHost: () => {},
    hostAnswers: () => {},
  };
}

async function gameWith(players: number, log: Sent[]): Promise<{ room: GameRoom; ids: string[] }> {
  const room = new GameRoom(newGame(), "hash", { persistence, broadcaster: recordingBroadcaster(log), store: new InMemoryGameStore(), log: quiet, disconnectGraceMs: 0 });
  const ids: string[] = [];
  for (let i = 0; i < players; i++) {
    const ack = await room.join(`Player ${i}`, `socket-${i}`);
    if (!ack.ok) throw new Error(ack.message);
    ids.push(ack.you.playerId);
  }
  return { room, ids };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("a phase change's messages to the phones", () => {
  it("go to a small game as one room broadcast", async () => {
    const log: Sent[] = [];
    const { room } = await gameWith(30, log);
    log.length = 0;
    await room.start();
    await settle();
    expect(log.filter((sent) => "to" in sent)).toEqual([{ to: "all", phase: "question-read" }]);
    room.dispose();
  });

  it("go to a big game in slices of 500 phones, one turn of the event loop each, room view before each phone's own view", async () => {
    const log: Sent[] = [];
    const { room, ids } = await gameWith(1_200, log);
    await room.start();
    await settle();
    log.length = 0;
    await room.skip(); // closes the round: the reveal has a room view and one view per phone
    await settle();

    const slices = log.flatMap((sent) => ("to" in sent && sent.phase === "reveal" ? [sent.to] : []));
    expect(slices.map((to) => (to === "all" ? "all" : to.length))).toEqual([500, 500, 200]);
    expect(new Set(slices.flat())).toEqual(new Set(ids));

    // Each slice (its room view and its phones' own views) is in a turn of its own.
    const turns: Sent[][] = [[]];
    for (const sent of log) {
      if ("turnEnded" in sent) turns.push([]);
      else turns[turns.length - 1]!.push(sent);
    }
    const revealTurns = turns.filter((turn) => turn.some((sent) => "to" in sent && sent.phase === "reveal"));
    expect(revealTurns).toHaveLength(3);

    const position = new Map<string, number>();
    log.forEach((sent, index) => {
      if ("to" in sent && Array.isArray(sent.to)) for (const id of sent.to) position.set(`room:${id}`, index);
      if ("personalFor" in sent) position.set(`own:${sent.personalFor}`, index);
    });
    for (const id of ids) {
      expect(position.get(`own:${id}`)).toBeDefined();
      expect(position.get(`room:${id}`)!).toBeLessThan(position.get(`own:${id}`)!);
    }
    room.dispose();
  });

  it("of the next phase wait until the last slice of the previous one is out", async () => {
    const log: Sent[] = [];
    const { room } = await gameWith(1_200, log);
    await room.start();
    await settle();
    log.length = 0;
    await room.skip();
    await room.next(); // the leaderboard, asked for while the reveal is still going out
    await settle();
    const phases = log.flatMap((sent) => ("to" in sent ? [sent.phase] : []));
    const lastReveal = phases.lastIndexOf("reveal");
    const firstAfter = phases.findIndex((phase) => phase !== "reveal");
    expect(firstAfter).toBeGreaterThan(lastReveal);
    expect(phases.filter((phase) => phase !== "reveal").length).toBeGreaterThan(0);
    room.dispose();
  });
});
