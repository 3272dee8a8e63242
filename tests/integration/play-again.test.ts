/**
 * Play again over real sockets: a 3-question back-office game reaches its podium; the host starts
 * the hard questions again and the phones follow to the new game with their nicknames, without
 * typing anything — one of them after coming back from a dropped connection. A removed player does
 * not follow; another teacher can't replay the game; a game still playing can't be replayed.
 *
 * Answers: question 1 everyone right (100 %), question 2 everyone wrong (0 %), question 3 only Ana
 * right (33 %): the hard ones (under 35 %) are questions 2 and 3.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientEvent, type JoinAck, type PlayerRoomView } from "../../src/protocol";
import { loadQuizVersion } from "../../server/db";
import { signUpTeacher, startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import { TestHost, TestPlayer } from "../support/socket-clients";
import { testDatabaseTargets } from "../support/test-database";
import { refusal as errorOf } from "../support/trpc-refusal";

const playAgain = (phone: TestPlayer): Promise<JoinAck> => phone.socket.timeout(10_000).emitWithAck(ClientEvent.playAgain, {});

describe.each(testDatabaseTargets())("play again on %s", (target) => {
  let quiz: TestQuizServer;
  const sockets: Array<TestPlayer | TestHost> = [];
  const phone = (url: string) => {
    const player = new TestPlayer(url);
    sockets.push(player);
    return player;
  };

  beforeAll(async () => {
    quiz = await startTestQuizServer(target);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await quiz?.close();
  });

  it("the class follows the host from the podium to the hard questions, with the same nicknames", async () => {
    const versionId = await quiz.quizVersionId("back-office");
    const version = (await loadQuizVersion(quiz.database.db, versionId))!;
    const ticket = await quiz.api.games.create.mutate({ quizVersionId: versionId, options: { readTimeSec: 0, timeLimitSec: 30, questionCount: 3, shuffleQuestions: false, shuffleAnswers: false } });
    const host = new TestHost(quiz.url);
    sockets.push(host);
    expect((await host.attach(ticket.gameId, ticket.hostSecret)).ok).toBe(true);
    const [ana, ben, cleo, zed] = [phone(quiz.url), phone(quiz.url), phone(quiz.url), phone(quiz.url)];
    for (const [player, name] of [[ana, "Ana"], [ben, "Ben"], [cleo, "Cleo"], [zed, "Zed"]] as const) expect((await player.join(ticket.code, name)).ok).toBe(true);
    expect((await host.removePlayer(zed.you!.playerId)).ok).toBe(true);
    expect((await host.action(ClientEvent.hostStart)).ok).toBe(true);

    // Not while the game is being played.
    expect(await errorOf(quiz.api.games.playAgain.mutate({ gameId: ticket.gameId, questions: "all" }))).toEqual({
      code: "BAD_REQUEST",
      message: "Play again once this game has reached its podium.",
    });

    const right = version.questions.slice(0, 3).map((question) => question.options.findIndex((option) => option.correct));
    const rightBy: Array<Set<TestPlayer>> = [new Set([ana, ben, cleo]), new Set(), new Set([ana])];
    for (let round = 0; round < 3; round++) {
      for (const player of [ana, ben, cleo]) {
        await player.nextRoomView((view) => view.phase === "answering" && view.question?.index === round, `question ${round + 1}`);
        const choice = rightBy[round]!.has(player) ? right[round]! : (right[round]! + 1) % 4;
        expect((await player.answer(round, [choice])).ok).toBe(true);
      }
      await host.nextState((view) => view.phase === "reveal" && view.question?.index === round, `reveal ${round + 1}`);
      expect((await host.action(ClientEvent.hostNext)).ok).toBe(true);
      await host.nextState((view) => view.phase === "leaderboard" && view.question?.index === round, `leaderboard ${round + 1}`);
      expect((await host.action(ClientEvent.hostNext)).ok).toBe(true);
    }
    await host.nextState((view) => view.phase === "podium", "the podium");

    // Cleo's connection drops before the host plays again; she comes back afterwards.
    const cleoSession = cleo.session!;
    cleo.close();

    const other = await signUpTeacher(quiz.url);
    expect(await errorOf(other.api.games.playAgain.mutate({ gameId: ticket.gameId, questions: "all" }))).toEqual({ code: "NOT_FOUND", message: "There is no saved game with that id." });

    const again = await quiz.api.games.playAgain.mutate({ gameId: ticket.gameId, questions: "hard" });
    expect(again.playersFollow).toBe(true);
    expect(again.code).not.toBe(ticket.code);
    const invited = (view: PlayerRoomView) => view.nextGameCode === again.code;
    for (const player of [ana, ben]) await player.nextRoomView(invited, "the invitation to the next game");

    const moved = await Promise.all([playAgain(ana), playAgain(ben)]);
    for (const [ack, name] of [[moved[0], "Ana"], [moved[1], "Ben"]] as const) {
      expect(ack).toMatchObject({ ok: true, room: { gameId: again.gameId, phase: "lobby", questionCount: 2, nextGameCode: null }, you: { nickname: name, score: 0 } });
    }

    // Back after the invitation: the resumed finished game carries it, and she follows too.
    const cleoAgain = phone(quiz.url);
    cleoAgain.session = cleoSession;
    const resumed = await cleoAgain.resume();
    expect(resumed).toMatchObject({ ok: true, room: { phase: "podium", nextGameCode: again.code } });
    expect(await playAgain(cleoAgain)).toMatchObject({ ok: true, room: { gameId: again.gameId }, you: { nickname: "Cleo" } });

    // The removed player is not taken along.
    expect(await playAgain(zed)).toMatchObject({ ok: false, code: "removed" });

    // The new game has the three of them, plays the hard questions (2 then 3), and takes their answers.
    const newHost = new TestHost(quiz.url);
    sockets.push(newHost);
    expect((await newHost.attach(again.gameId, again.hostSecret)).ok).toBe(true);
    await newHost.nextState((view) => view.playerCount === 3, "three players in the new lobby");
    expect((await newHost.action(ClientEvent.hostStart)).ok).toBe(true);
    const firstQuestion = await ana.nextRoomView((view) => view.gameId === again.gameId && view.phase === "answering", "the first hard question");
    expect(firstQuestion.question!.promptHtml).toBe(version.questions[1]!.promptHtml);
    for (const player of [ana, ben]) expect((await player.answer(0, [right[1]!])).ok).toBe(true);
    // A phone that moved no longer gets the finished game's messages, and answers in the new one only.
    expect(ana.room!.gameId).toBe(again.gameId);
  });
});
