/**
 * Over real sockets: the host's live "x / N answers" counts as N only the players who can answer the
 * open question: connected, and in the game when it opened. A closed phone and a late joiner are not N.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientEvent } from "../../src/protocol";
import { startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import { TestHost, TestPlayer } from "../support/socket-clients";
import { testDatabaseTargets } from "../support/test-database";

describe.each(testDatabaseTargets())("the host's answer count on %s", (target) => {
  let quiz: TestQuizServer;
  const clients: Array<{ close(): void }> = [];

  beforeAll(async () => {
    quiz = await startTestQuizServer(target);
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await quiz?.close();
  });

  it("is answered / players who can answer: closed phones and late joiners left out", async () => {
    const versionId = await quiz.quizVersionId("back-office");
    const ticket = await quiz.api.games.create.mutate({ quizVersionId: versionId, options: { readTimeSec: 0, timeLimitSec: 60 } });
    const host = new TestHost(quiz.url);
    clients.push(host);
    expect((await host.attach(ticket.gameId, ticket.hostSecret)).ok).toBe(true);
    const [ada, bo, cy] = [new TestPlayer(quiz.url), new TestPlayer(quiz.url), new TestPlayer(quiz.url)];
    clients.push(ada, bo, cy);
    for (const [player, name] of [[ada, "Ada"], [bo, "Bo"], [cy, "Cy"]] as const) expect((await player.join(ticket.code, name)).ok).toBe(true);
    await host.nextState((view) => view.playerCount === 3, "three players in the lobby");
    expect((await host.action(ClientEvent.hostStart)).ok).toBe(true);
    await host.nextState((view) => view.phase === "answering" && view.answerEligible === 3, "3 can answer");

    // Cy's phone closes, a latecomer joins: 2 can answer.
    cy.close();
    const late = new TestPlayer(quiz.url);
    clients.push(late);
    expect((await late.join(ticket.code, "Late")).ok).toBe(true);
    const view = await host.nextState((v) => v.playerCount === 4 && v.connectedCount === 3, "the latecomer in, Cy away");
    expect([view.answerCount, view.answerEligible]).toEqual([0, 2]);

    // Ada answers: the live count says 1 of 2, not 1 of 4.
    const question = ada.room!.question!;
    expect((await ada.answer(question.index, [0])).ok).toBe(true);
    await expect.poll(() => host.answerCounts.at(-1), { timeout: 5_000 }).toEqual({ questionIndex: question.index, answered: 1, eligible: 2 });
  });
});
