/**
 * Team mode over real sockets: a team game of 12 phones in teams of 4, picked in the lobby. Four
 * phones pick the Red team and a fifth is refused (full); the rest are placed at the start (the
 * empty teams first). A 13th phone joins after the first question and goes to a smallest team. Every team's points
 * for a question are its members' average; the big screen gets the team leaderboard and podium,
 * each phone its team and its rank; the report ranks the teams the same way and the CSV carries
 * the team. The players table keeps each player's team.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { ClientEvent, type PickTeamAck } from "../../src/protocol";
import { loadQuizVersion } from "../../server/db";
import { players as playersTable } from "../../server/db/schema";
import { startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import { TestHost, TestPlayer } from "../support/socket-clients";
import { testDatabaseTargets } from "../support/test-database";

const pickTeam = (phone: TestPlayer, team: number): Promise<PickTeamAck> => phone.socket.timeout(10_000).emitWithAck(ClientEvent.pickTeam, { team });

describe.each(testDatabaseTargets())("team mode on %s", (target) => {
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

  it("plays a team game of 12 phones: picked and placed teams, team talk, team points as the members' average, team ranking in views, report and CSV", async () => {
    const versionId = await quiz.quizVersionId("back-office");
    const version = (await loadQuizVersion(quiz.database.db, versionId))!;
    const ticket = await quiz.api.games.create.mutate({
      quizVersionId: versionId,
      options: { readTimeSec: 0, timeLimitSec: 30, questionCount: 2, shuffleQuestions: false, shuffleAnswers: false, teams: { size: 4, assignment: "pick", talkSec: 1 } },
    });
    const host = new TestHost(quiz.url);
    sockets.push(host);
    expect((await host.attach(ticket.gameId, ticket.hostSecret)).ok).toBe(true);
    const phones = Array.from({ length: 12 }, () => phone(quiz.url));
    for (const [index, player] of phones.entries()) {
      const ack = await player.join(ticket.code, `Player ${index + 1}`);
      expect(ack.ok).toBe(true);
      if (ack.ok) expect(ack.room.teamMode).toEqual({ size: 4, assignment: "pick", talkMs: 1000 });
    }
    expect(phones[0]!.you!.teamChoices!.length).toBeGreaterThanOrEqual(2);

    for (const player of phones.slice(0, 4)) {
      const ack = await pickTeam(player, 0);
      expect(ack.ok).toBe(true);
      if (ack.ok) expect(ack.you.team).toMatchObject({ team: 0 });
    }
    const full = await pickTeam(phones[4]!, 0);
    expect(full.ok === false && full.code).toBe("team-full");
    expect((await pickTeam(phones[4]!, 1)).ok).toBe(true);

    expect((await host.action(ClientEvent.hostStart)).ok).toBe(true);
    // The start's message tells every phone its team; the read time carries the team talk.
    for (const player of phones) await player.nextPersonal((you) => you.team != null, "a team");
    const teamOf = (player: TestPlayer) => player.you!.team!.team;
    const sizes = [0, 1, 2].map((team) => phones.filter((player) => teamOf(player) === team).length);
    expect(sizes).toEqual([4, 4, 4]);
    expect(teamOf(phones[4]!)).toBe(1);
    const read = await host.nextState((view) => view.phase === "question-read", "the team talk");
    expect(read.countdown!.totalMs).toBe(1000);

    const late = phone(quiz.url);

    const right = version.questions.slice(0, 2).map((question) => question.options.findIndex((option) => option.correct));
    // Question 1: all of Red right, one of the others' members right; question 2: everyone right.
    const rightBy = [(player: TestPlayer) => teamOf(player) === 0 || player === phones[4], () => true];
    const roundPoints: Array<Map<number, number[]>> = [];
    for (let round = 0; round < 2; round++) {
      const playing = round === 0 ? phones : [...phones, late];
      for (const player of playing) {
        await player.nextRoomView((view) => view.phase === "answering" && view.question?.index === round, `question ${round + 1}`);
        const choice = rightBy[round]!(player) ? right[round]! : (right[round]! + 1) % 4;
        expect((await player.answer(round, [choice])).ok).toBe(true);
      }
      await host.nextState((view) => view.phase === "reveal" && view.question?.index === round, `reveal ${round + 1}`);
      const points = new Map<number, number[]>();
      for (const player of playing) {
        const you = await player.nextPersonal((view) => view.lastRound?.questionIndex === round, `round ${round + 1} result`);
        points.set(you.team!.team, [...(points.get(you.team!.team) ?? []), you.lastRound!.points]);
      }
      roundPoints.push(points);
      if (round === 0) {
        // A 13th phone joins late: it goes to a smallest team (all have 4) and plays from the next question.
        expect((await late.join(ticket.code, "Latecomer")).ok).toBe(true);
        expect(late.you!.team).toMatchObject({ members: 5 });
      }
      expect((await host.action(ClientEvent.hostNext)).ok).toBe(true);
      const board = await host.nextState((view) => view.phase === "leaderboard" && view.question?.index === round, `leaderboard ${round + 1}`);
      // Each team's points for the round: its members' average, rounded.
      for (const team of board.teams!) {
        const members = points.get(team.team)!;
        expect(team.lastRoundPoints).toBe(Math.round(members.reduce((a, b) => a + b, 0) / members.length));
      }
      expect(board.teams!.map((team) => team.rank)).toEqual([1, 2, 3]);
      expect((await host.action(ClientEvent.hostNext)).ok).toBe(true);
    }
    const podium = await host.nextState((view) => view.phase === "podium", "the podium");
    expect(podium.teams![0]!.team).toBe(0);
    const expectedScores = new Map(podium.teams!.map((team) => [team.team, team.score]));
    for (const [team, score] of expectedScores) {
      const sum = roundPoints.reduce((total, round) => {
        const members = round.get(team) ?? [];
        return total + (members.length > 0 ? Math.round(members.reduce((a, b) => a + b, 0) / members.length) : 0);
      }, 0);
      expect(score).toBe(sum);
    }
    const redPhone = await phones[0]!.nextPersonal((you) => you.team?.rank === 1 && you.teamCount === 3, "Red first");
    expect(redPhone.team!.score).toBe(expectedScores.get(0));
    const room = await phones[0]!.nextRoomView((view) => view.phase === "podium", "the phones' podium");
    expect(room.topTeams!.map((team) => team.team)[0]).toBe(0);

    // Saved: every player's team, the report's team ranking and the CSV's team column.
    const rows = await quiz.database.db.select({ id: playersTable.id, team: playersTable.team, firstRound: playersTable.firstRound }).from(playersTable).where(eq(playersTable.gameId, ticket.gameId));
    const savedTeam = new Map(rows.map((row) => [row.id, row.team]));
    for (const player of [...phones, late]) expect(savedTeam.get(player.you!.playerId)).toBe(teamOf(player));
    // And the first question each could play, so the report counts everyone in the rounds the game did.
    const firstRound = new Map(rows.map((row) => [row.id, row.firstRound]));
    expect([...phones, late].map((player) => firstRound.get(player.you!.playerId))).toEqual([...phones.map(() => 0), 1]);
    const report = await quiz.api.pastGames.report.query({ gameId: ticket.gameId });
    expect(report.teams!.map((team) => [team.team, team.score])).toEqual(podium.teams!.map((team) => [team.team, team.score]));
    expect(report.teams![0]!.name).toBe("Red");
    expect(report.ranking.every((player) => player.team !== undefined && player.team !== null)).toBe(true);
    const { files } = await quiz.api.pastGames.exportCsv.query({ gameId: ticket.gameId });
    const answersCsv = files[0]!.content;
    expect(answersCsv.split("\n")[0]).toContain("Nickname,Team,Question");
    expect(answersCsv).toContain(",Red,");
    expect(files[1]!.content).toContain("Teams");
  });
});
