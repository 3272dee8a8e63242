/**
 * A real server on a random port, a host and 30 socket.io-client phones play all ten back-office
 * questions with scripted answers. The scores the phones were shown must equal the scores in the
 * database and the scoring formula; and no phone may receive a correct answer before its reveal.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientEvent, type PersonalView } from "../../src/protocol";
import { pointsForCorrectAnswer, streakBonus } from "../../server/engine/scoring";
import { loadQuizVersion, schema } from "../../server/db";
import { startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import { TestHost, TestPlayer } from "../support/socket-clients";
import { testDatabaseTargets } from "../support/test-database";
import { findAnswerLeaks } from "../support/wire-check";

const PLAYERS = 30;
const TIME_LIMIT_SEC = 5;
/** One player in ten stays silent on this round, so it closes by the timer instead of early. */
const SILENT_ROUND = 3;

type Plan = { kind: "correct" | "wrong"; delayMs: number } | { kind: "silent" };

function planFor(player: number, round: number): Plan {
  if (round === SILENT_ROUND && player % 10 === 7) return { kind: "silent" };
  const delayMs = (player * 37 + round * 53) % 900;
  return { kind: (player * 7 + round * 3) % 4 === 0 ? "wrong" : "correct", delayMs };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDatabaseTargets())("a 30-player back-office game on %s", (target) => {
  let quiz: TestQuizServer;
  let host: TestHost;
  let players: TestPlayer[] = [];
  let gameId = "";
  /** What each phone was shown at each reveal: personal views by player, in round order. */
  const shown = new Map<string, PersonalView[]>();
  const explanationsByRound = new Map<number, string[]>();

  beforeAll(async () => {
    quiz = await startTestQuizServer(target);
  });

  afterAll(async () => {
    for (const player of players) player.close();
    host?.close();
    await quiz?.close();
  });

  it("plays all ten questions to the podium", async () => {
    const versionId = await quiz.quizVersionId("back-office");
    const version = (await loadQuizVersion(quiz.database.db, versionId))!;
    const ticket = await quiz.api.games.create.mutate({ quizVersionId: versionId, options: { readTimeSec: 1, timeLimitSec: TIME_LIMIT_SEC } });
    gameId = ticket.gameId;
    expect(ticket.code).toMatch(/^\d{6}$/);

    host = new TestHost(quiz.url);
    expect((await host.attach(ticket.gameId, ticket.hostSecret)).ok).toBe(true);

    players = Array.from({ length: PLAYERS }, () => new TestPlayer(quiz.url));
    const joins = await Promise.all(players.map((player, i) => player.join(ticket.code, `Student ${i + 1}`)));
    expect(joins.every((ack) => ack.ok)).toBe(true);
    await host.nextState((view) => view.playerCount === PLAYERS, "all players in the host's lobby");

    expect((await host.action(ClientEvent.hostStart)).ok).toBe(true);

    for (let round = 0; round < version.questions.length; round++) {
      const views = await Promise.all(players.map((player) => player.nextRoomView((view) => view.phase === "answering" && view.question?.index === round, `answers open for round ${round + 1}`)));
      const question = views[0]!.question!;
      const source = version.questions.find((candidate) => candidate.promptHtml === question.promptHtml)!;
      expect(source, `round ${round + 1} shows a question of the quiz`).toBeDefined();
      explanationsByRound.set(round, source.options.flatMap((option) => (option.commentHtml ? [option.commentHtml] : [])));
      const correctDisplay = question.options!.findIndex((option) => source.options.find((o) => o.html === option.html)?.correct);
      const wrongDisplay = question.options!.findIndex((option) => !source.options.find((o) => o.html === option.html)?.correct);

      const acks = await Promise.all(
        players.map(async (player, i) => {
          const plan = planFor(i, round);
          if (plan.kind === "silent") return null;
          await sleep(plan.delayMs);
          return player.answer(round, [plan.kind === "correct" ? correctDisplay : wrongDisplay]);
        }),
      );
      for (const ack of acks) if (ack) expect(ack).toMatchObject({ ok: true, questionIndex: round });

      const reveal = await host.nextState((view) => view.phase === "reveal" && view.reveal?.questionIndex === round, `reveal of round ${round + 1}`, 15_000);
      const answered = acks.filter(Boolean).length;
      expect(reveal.reveal!.answered).toBe(answered);
      expect(reveal.reveal!.counts.reduce((a, b) => a + b, 0)).toBe(answered);
      expect(reveal.reveal!.correct).toEqual([correctDisplay]);

      await Promise.all(
        players.map(async (player) => {
          const you = await player.nextPersonal((view) => view.lastRound?.questionIndex === round, `personal result of round ${round + 1}`);
          shown.set(you.playerId, [...(shown.get(you.playerId) ?? []), you]);
        }),
      );

      expect((await host.action(ClientEvent.hostNext)).ok).toBe(true);
      const board = await host.nextState((view) => view.phase === "leaderboard", `leaderboard after round ${round + 1}`);
      expect(board.leaderboard.length).toBe(5);
      expect((await host.action(ClientEvent.hostNext)).ok).toBe(true);
    }

    const podium = await host.nextState((view) => view.phase === "podium", "the podium");
    expect(podium.leaderboard.map((entry) => entry.rank)).toEqual([1, 2, 3]);
    await Promise.all(players.map((player) => player.nextRoomView((view) => view.phase === "podium", "podium on the phone")));
    expect(shown.size).toBe(PLAYERS);
  });

  it("saved scores equal what the phones showed and the scoring formula", async () => {
    const results = await quiz.api.pastGames.report.query({ gameId });
    expect(results.game.status).toBe("finished");
    expect(results.ranking).toHaveLength(PLAYERS);
    expect(results.questions).toHaveLength(10);

    const answers = await quiz.database.db.select().from(schema.answers).where(eq(schema.answers.gameId, gameId));
    for (const player of players) {
      const final = player.you!;
      const saved = results.ranking.find((entry) => entry.playerId === final.playerId)!;
      expect(saved.score, `${final.nickname}'s saved score`).toBe(final.score);
      expect(saved.rank, `${final.nickname}'s saved rank`).toBe(final.rank);

      // Recompute from the saved response times with the README's formula.
      let streak = 0;
      let total = 0;
      for (const seen of shown.get(final.playerId)!) {
        const round = seen.lastRound!;
        const row = answers.find((answer) => answer.playerId === final.playerId && answer.roundIndex === round.questionIndex);
        expect(Boolean(row), `answer row for ${final.nickname}, round ${round.questionIndex + 1}`).toBe(round.answered);
        streak = row?.correct ? streak + 1 : 0;
        const expected = row?.correct ? pointsForCorrectAnswer(row.responseMs, TIME_LIMIT_SEC * 1000) + streakBonus(streak) : 0;
        expect(round.points, `points shown to ${final.nickname} for round ${round.questionIndex + 1}`).toBe(expected);
        expect(row?.points ?? 0).toBe(expected);
        expect(round.streak).toBe(streak);
        total += expected;
      }
      expect(final.score).toBe(total);
    }

    const podiumNames = host.state!.leaderboard.map((entry) => entry.nickname);
    expect(results.ranking.slice(0, 3).map((entry) => entry.nickname)).toEqual(podiumNames);
  });

  it("never sent a phone a correct answer before its reveal", () => {
    for (const player of players) {
      expect(player.frames.length).toBeGreaterThan(20);
      expect(findAnswerLeaks(player.frames, explanationsByRound)).toEqual([]);
    }
  });
});
