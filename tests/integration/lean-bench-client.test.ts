/**
 * The bench's phones (bench/load/lean-socket.ts) speak Socket.IO's wire protocol by hand. If they
 * drifted from what the server speaks, every load figure would measure refusals or timeouts. Here one
 * plays a question against a real server next to a socket.io-client phone: it joins, receives the
 * same room views, has its answer acknowledged and stored, and gets the server's refusals like any phone.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientEvent, ServerEvent, type AnswerAck, type JoinAck, type PlayerRoomView } from "../../src/protocol";
import { LeanSocket } from "../../bench/load/lean-socket";
import { startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import { TestHost, TestPlayer } from "../support/socket-clients";
import { testDatabaseTargets } from "../support/test-database";

describe("the bench's lean phone client", () => {
  let quiz: TestQuizServer;
  const clients: Array<{ close(): void }> = [];

  beforeAll(async () => {
    quiz = await startTestQuizServer(testDatabaseTargets()[0]!);
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await quiz?.close();
  });

  it("joins, sees the question the socket.io-client phone sees, and its answer is acked and counted", async () => {
    const ticket = await quiz.api.games.create.mutate({ quizVersionId: await quiz.quizVersionId("back-office"), options: { readTimeSec: 0, timeLimitSec: 60 } });
    const host = new TestHost(quiz.url);
    const browserPhone = new TestPlayer(quiz.url);
    const lean = new LeanSocket(quiz.url);
    clients.push(host, browserPhone, lean);
    expect((await host.attach(ticket.gameId, ticket.hostSecret)).ok).toBe(true);

    const views: PlayerRoomView[] = [];
    lean.on(ServerEvent.room, (view: PlayerRoomView) => views.push(view));
    // Emitted before the connection is up: sent once it is, as socket.io-client does.
    const joined: JoinAck = await lean.timeout(5_000).emitWithAck(ClientEvent.join, { code: ticket.code, nickname: "Lean" });
    expect(joined.ok).toBe(true);
    expect((await browserPhone.join(ticket.code, "Browser")).ok).toBe(true);
    await host.nextState((view) => view.playerCount === 2, "both phones in the lobby");

    expect((await host.action(ClientEvent.hostStart)).ok).toBe(true);
    await expect.poll(() => views.find((view) => view.phase === "answering"), { timeout: 5_000 }).toBeTruthy();
    const question = views.find((view) => view.phase === "answering")!.question!;
    await expect.poll(() => browserPhone.room?.question?.index, { timeout: 5_000 }).toBe(question.index);
    expect(question).toEqual(browserPhone.room!.question);

    const refused: AnswerAck = await lean.timeout(5_000).emitWithAck(ClientEvent.answer, { answerId: "not-an-id", questionIndex: question.index, choice: [0] });
    expect(refused).toMatchObject({ ok: false, code: "invalid-request" });

    const answered: AnswerAck = await lean.timeout(5_000).emitWithAck(ClientEvent.answer, { answerId: randomUUID(), questionIndex: question.index, choice: [0] });
    expect(answered.ok).toBe(true);
    await expect.poll(() => host.answerCounts.at(-1)?.answered, { timeout: 5_000 }).toBe(1);
  });
});
