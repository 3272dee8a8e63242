/**
 * Over real websockets: every batch of packets the server writes to a phone or a host screen is
 * emptied once written (server/socket/release-sent-packets.ts), so a message does not outlive its
 * sending in a buffer the garbage collector has already moved to the old generation — and the
 * phones and the host still get every message a question brings.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientEvent } from "../../src/protocol";
import { startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import { TestHost, TestPlayer } from "../support/socket-clients";

describe("packets written to a websocket", () => {
  let quiz: TestQuizServer;
  const clients: Array<{ close(): void }> = [];
  const batches: Array<{ transport: string; packets: unknown[]; sizeWhenFlushed: number }> = [];

  beforeAll(async () => {
    quiz = await startTestQuizServer("pglite");
    quiz.server.io.engine.on("flush", (socket: { transport: { name: string } }, packets: unknown[]) => {
      batches.push({ transport: socket.transport.name, packets, sizeWhenFlushed: packets.length });
    });
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await quiz?.close();
  });

  it("are let go of once written, and every one reaches its phone", async () => {
    const versionId = await quiz.quizVersionId("back-office");
    const ticket = await quiz.api.games.create.mutate({ quizVersionId: versionId, options: { readTimeSec: 0, timeLimitSec: 60 } });
    const host = new TestHost(quiz.url);
    clients.push(host);
    expect((await host.attach(ticket.gameId, ticket.hostSecret)).ok).toBe(true);
    const players = Array.from({ length: 3 }, () => new TestPlayer(quiz.url));
    clients.push(...players);
    for (const [i, player] of players.entries()) expect((await player.join(ticket.code, `Student ${i + 1}`)).ok).toBe(true);
    await host.nextState((view) => view.playerCount === 3, "three players in the lobby");
    expect((await host.action(ClientEvent.hostStart)).ok).toBe(true);

    // Each phone answers the first question; the host reveals it and shows the leaderboard.
    for (const player of players) {
      const view = await player.nextRoomView((room) => room.phase === "answering", "the first question open");
      expect((await player.answer(view.question!.index, [0])).ok).toBe(true);
    }
    await host.nextState((view) => view.phase === "reveal", "the reveal");
    for (const player of players) {
      const reveal = await player.nextRoomView((room) => room.phase === "reveal", "the reveal on the phone");
      expect(reveal.question?.index).toBe(0);
      expect(player.you?.lastRound?.answered).toBe(true);
    }
    expect((await host.action(ClientEvent.hostNext)).ok).toBe(true);
    const board = await host.nextState((view) => view.phase === "leaderboard", "the leaderboard");
    expect(board.leaderboard.map((entry) => entry.nickname).sort()).toEqual(["Student 1", "Student 2", "Student 3"]);

    // Every batch went over a websocket, carried something, and was emptied once written.
    expect(batches.length).toBeGreaterThan(20);
    expect(new Set(batches.map((batch) => batch.transport))).toEqual(new Set(["websocket"]));
    expect(batches.every((batch) => batch.sizeWhenFlushed > 0)).toBe(true);
    expect(batches.filter((batch) => batch.packets.length > 0)).toEqual([]);
  });
});
