/**
 * A phase costs one message per phone (in phases with a view of their own, the room's view and the
 * phone's together). A big game's messages go out over several turns of the event loop, each
 * writing for a bounded time (so acks and other games run while 10,000 phones are written to),
 * and one phase's messages all go out before the next phase's.
 */
import { describe, expect, it } from "vitest";
import type { PlayerRoomView } from "../../../src/protocol";
import type { GamePersistence, RoomBroadcaster } from "../../../server/rooms/ports";
import { FanOutTurns } from "../../../server/rooms/fan-out-turns";
import { GameRoom } from "../../../server/rooms/game-room";
import { InMemoryGameStore } from "../../../server/rooms/memory-store";
import { newGame } from "../../support/engine-fixtures";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const done = async () => {};
const persistence: GamePersistence = { addPlayer: done, withdrawPlayer: done, setPlayerToken: done, removePlayer: done, readmitPlayer: done, markStarted: done, saveAnswer: done, saveRound: done, finish: done };

type Sent = { to: "all" | string[]; phase: string } | { personalFor: string; phase: string } | { turnEnded: true };

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
    toPlayer: (_gameId, playerId, room) => {
      markTurn();
      log.push({ personalFor: playerId, phase: room.phase });
    },
    playerRemoved: () => {},
    toHost: () => {},
    hostAnswers: () => {},
  };
}

/** Turns whose clock steps 5 ms at every look: each slice "takes" 5 ms, so a turn (30 ms) writes six. */
function steppingTurns(): FanOutTurns {
  let now = 0;
  return new FanOutTurns(30, () => (now += 5));
}

async function gameWith(players: number, log: Sent[], fanOutTurns = steppingTurns(), state = newGame()): Promise<{ room: GameRoom; ids: string[] }> {
  const room = new GameRoom(state, "hash", { persistence, broadcaster: recordingBroadcaster(log), store: new InMemoryGameStore(), log: quiet, disconnectGraceMs: 0, fanOutTurns });
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

  it("are each phone's own message at the reveal, the room's view inside it, and no room broadcast besides", async () => {
    const log: Sent[] = [];
    const { room, ids } = await gameWith(30, log);
    await room.start();
    await settle();
    log.length = 0;
    await room.skip();
    await settle();
    const reveal = log.filter((sent) => "phase" in sent && sent.phase === "reveal");
    expect(reveal.filter((sent) => "to" in sent)).toEqual([]);
    expect(reveal.map((sent) => ("personalFor" in sent ? sent.personalFor : null)).sort()).toEqual([...ids].sort());
    room.dispose();
  });

  it("go to a big game over several turns of the event loop, each writing for a bounded time, one message per phone", async () => {
    const log: Sent[] = [];
    const { room, ids } = await gameWith(1_200, log);
    await room.start();
    await settle();
    const opening = log.flatMap((sent) => ("to" in sent && sent.phase === "question-read" ? [sent.to] : []));
    expect(opening.map((to) => (to === "all" ? "all" : to.length))).toEqual(Array(12).fill(100));
    expect(new Set(opening.flat())).toEqual(new Set(ids));

    log.length = 0;
    await room.skip(); // closes the round: the reveal has a view for every phone
    await settle();
    const turns: Sent[][] = [[]];
    for (const sent of log) {
      if ("turnEnded" in sent) turns.push([]);
      else turns[turns.length - 1]!.push(sent);
    }
    const revealTurns = turns.map((turn) => turn.filter((sent) => "personalFor" in sent && sent.phase === "reveal").length).filter((count) => count > 0);
    // At most six slices (600 phones) a turn, the engine's step, the host's view and the snapshot
    // included: the step and the host's view took the first turn's first two places, the snapshot
    // (the next answers wait for it) the second's first.
    expect(revealTurns).toEqual([400, 500, 300]);
    const own = log.flatMap((sent) => ("personalFor" in sent ? [sent.personalFor] : []));
    expect(own.sort()).toEqual([...ids].sort());
    expect(log.some((sent) => "to" in sent && sent.phase === "reveal")).toBe(false);
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
    const phases = log.flatMap((sent) => ("phase" in sent ? [sent.phase] : []));
    const lastReveal = phases.lastIndexOf("reveal");
    const firstAfter = phases.findIndex((phase) => phase !== "reveal");
    expect(firstAfter).toBeGreaterThan(lastReveal);
    expect(phases.filter((phase) => phase !== "reveal").length).toBeGreaterThan(0);
    room.dispose();
  });

  it("of many games changing phase at once share the turns: the first games' go out at once, the rest in later turns, in order", async () => {
    const log: Sent[] = [];
    const turns = steppingTurns();
    const games = await Promise.all(Array.from({ length: 10 }, () => gameWith(30, log, turns)));
    log.length = 0;
    await Promise.all(games.map(({ room }) => room.start()));
    await settle();
    const perTurn: number[] = [0];
    for (const sent of log) {
      if ("turnEnded" in sent) perTurn.push(0);
      else if ("to" in sent) perTurn[perTurn.length - 1]!++;
    }
    // Ten room broadcasts over several turns: the games' steps and snapshots take their share of each
    // turn's six slots too, so no turn does all ten games' work.
    const busyTurns = perTurn.filter((count) => count > 0);
    expect(busyTurns.length).toBeGreaterThan(1);
    expect(Math.max(...busyTurns)).toBeLessThanOrEqual(6);
    expect(busyTurns.reduce((sum, count) => sum + count, 0)).toBe(10);
    expect(turns.waiting).toBe(0);
    for (const { room } of games) room.dispose();
  });

  it("of many games whose round saves come back together take turns, their hosts' views included, each host's before its phones'", async () => {
    const log: Sent[] = [];
    const turns = steppingTurns();
    let releaseSaves!: () => void;
    const saves = new Promise<void>((resolve) => (releaseSaves = resolve));
    // Every game's round save answered by one database reply.
    const oneReply: GamePersistence = { ...persistence, saveRound: () => saves };
    const sent: Array<{ host: boolean; game: string }> = [];
    const recording = recordingBroadcaster(log);
    const broadcaster: RoomBroadcaster = {
      ...recording,
      toHost: (gameId) => sent.push({ host: true, game: gameId }),
      toPlayer: (gameId, playerId, room, you) => {
        recording.toPlayer(gameId, playerId, room, you);
        sent.push({ host: false, game: gameId });
      },
    };
    const rooms: GameRoom[] = [];
    for (let g = 0; g < 10; g++) {
      const room = new GameRoom(newGame({ settings: { readTimeSec: 0 } }), "hash", { persistence: oneReply, broadcaster, store: new InMemoryGameStore(), log: quiet, disconnectGraceMs: 0, fanOutTurns: turns });
      for (let i = 0; i < 2; i++) if (!(await room.join(`Player ${i}`, `socket-${g}-${i}`)).ok) throw new Error("join refused");
      rooms.push(room);
    }
    await Promise.all(rooms.map((room) => room.start()));
    await settle();
    const skips = rooms.map((room) => room.skip()); // each closes its round; the reveal waits for the round's save
    await settle();
    sent.length = 0;
    releaseSaves();
    await new Promise((resolve) => setImmediate(resolve));
    // Six slots in the turn: a few games' host views and phones' messages now, not all ten hosts' views at once.
    const hostViewsAtOnce = sent.filter((message) => message.host).length;
    expect(hostViewsAtOnce).toBeGreaterThan(0);
    expect(hostViewsAtOnce).toBeLessThan(10);
    await Promise.all(skips);
    await settle();
    expect(sent.filter((message) => message.host)).toHaveLength(10);
    for (const room of rooms) {
      const hostAt = sent.findIndex((message) => message.host && message.game === room.gameId);
      const phonesAt = sent.findIndex((message) => !message.host && message.game === room.gameId);
      expect(hostAt).toBeLessThan(phonesAt);
    }
    expect(turns.waiting).toBe(0);
    for (const room of rooms) room.dispose();
  });

  it("of many games whose last answers arrive together take turns too: each game's reveal is worked out in a turn's share", async () => {
    const log: Sent[] = [];
    const turns = steppingTurns();
    const games = await Promise.all(Array.from({ length: 10 }, () => gameWith(2, log, turns, newGame({ settings: { readTimeSec: 0 } }))));
    await Promise.all(games.map(({ room }) => room.start()));
    await settle();
    log.length = 0;
    // Every game's last answer in the same turn of the event loop: ten rounds close at once.
    const acks = games.flatMap(({ room, ids }) => ids.map((playerId, i) => room.answer(playerId, { answerId: `a${i}`, questionIndex: 0, choice: [0] })));
    // Six slots a turn: six games' reveals were worked out now, the other four wait for the next turn.
    expect(turns.waiting).toBe(4);
    expect((await Promise.all(acks)).every((ack) => ack.ok)).toBe(true);
    await settle();
    const revealed = log.flatMap((sent) => ("personalFor" in sent && sent.phase === "reveal" ? [sent.personalFor] : []));
    expect(revealed.sort()).toEqual(games.flatMap(({ ids }) => ids).sort());
    expect(turns.waiting).toBe(0);
    for (const { room } of games) room.dispose();
  });
});
