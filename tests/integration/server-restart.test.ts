/**
 * The real server process is killed (SIGKILL) in the middle of a round and started again on the
 * same port with the same database. The phones and the host screen are left alone: like the real
 * ones, they reconnect and resume by themselves. Nobody types anything again.
 *
 * 1. Killed in round 2 after 5 of 8 players' answers were acknowledged: the game resumes, the
 *    other 3 answer after the restart, and the game is played to the podium. Each answer
 *    acknowledged before the kill keeps its original response time; each player keeps nickname
 *    and score. The time from the restart to "server ready", to "game going on" (first resume
 *    acknowledged) and each player's reconnect time are printed.
 *    The 3 who hadn't answered are in a dead zone: their network drops with the server and comes
 *    back 1 s after it is ready (they then reconnect and resume by themselves), so the phones that
 *    had answered are always back first — the round must still wait for the other three.
 *    A phone whose acknowledgement was lost in the crash re-sends with the same answerId and
 *    must get its acknowledgement back.
 * 2. Killed during a round and left down past that round's deadline: at the restart the round
 *    closes with the answers it had, and the game goes on.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, onTestFailed } from "vitest";
import { ClientEvent, type PlayerRoomView } from "../../src/protocol";
import { RESTART_GRACE_MS } from "../../server/engine";
import { pointsForCorrectAnswer } from "../../server/engine/scoring";
import { openDatabase, type DatabaseHandle } from "../../server/db";
import type { QuizQuestion } from "../../src/quizdown/types";
import { parseQuizdown } from "../../src/quizdown/index";
import { PROJECT_DIR, signUpTeacher } from "../support/quiz-server";
import type { ApiClient } from "../support/teachers";
import { loadStoredGame, replayStoredGame } from "../support/replay";
import { spawnServer, type ServerProcess } from "../support/server-process";
import { ResilientHost, ResilientPlayer, type AckedAnswer } from "../support/socket-clients";
import { openTestDatabase, testDatabaseTargets, type TestDatabaseTarget } from "../support/test-database";

const PLAYERS = 8;
const CONTENT_DIR = path.join(PROJECT_DIR, "tests/fixtures/reconnect-content");

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** A port that was free a moment ago (the server must come back on the same one). */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => probe.once("error", reject).listen(0, "127.0.0.1", () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

interface Backend {
  env: Record<string, string>;
  /** The database the server uses, opened by the test (PGlite: only while no server runs). */
  open(): Promise<DatabaseHandle>;
}

/** One database for both server processes: a temp PGlite data dir, or a fresh PostgreSQL database. */
async function backendFor(target: TestDatabaseTarget, cleanups: Array<() => Promise<void> | void>): Promise<Backend> {
  if (target === "postgres") {
    const database = await openTestDatabase("postgres");
    cleanups.push(() => database.close());
    return { env: { DATABASE_URL: database.url! }, open: async () => ({ ...database, close: async () => {} }) };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), "quiz-restart-"));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  return { env: { DATABASE_URL: "", DATA_DIR: dataDir }, open: () => openDatabase({ url: "", dataDir: path.join(dataDir, "pglite") }) };
}

/** A running game on a server child process, with a resilient host and resilient phones. */
class Classroom {
  server!: ServerProcess;
  host!: ResilientHost;
  players: ResilientPlayer[] = [];
  gameId = "";
  versionId = "";
  /** The teacher hosting the game (signed up on the first start). */
  api!: ApiClient;
  /** The quiz's questions (file order), to pick right and wrong options by their text. */
  questions: QuizQuestion[] = [];
  readonly env: Record<string, string>;

  constructor(
    readonly backend: Backend,
    readonly port: number,
    private readonly cleanups: Array<() => Promise<void> | void>,
  ) {
    this.env = { ...backend.env, PORT: String(port), CONTENT_DIR };
    // On failure: what the server printed, and where each client was.
    onTestFailed(() => {
      console.log(`--- server output (last 3000 chars) ---\n${this.server?.output().slice(-3000) ?? "(not started)"}`);
      console.log(`--- host: ${this.host?.state?.phase} q${this.host?.state?.question?.index} answered ${this.host?.state?.answerCount} connected ${this.host?.state?.connectedCount}, attached ${this.host?.attached}`);
      this.players.forEach((p, i) =>
        console.log(`--- Player ${i + 1}: ${p.room?.phase} q${p.room?.question?.index} resumed=${p.resumed} connected=${p.socket.connected} refusals=${JSON.stringify(p.answerRefusals)}`),
      );
    });
    cleanups.push(() => this.server?.kill());
    cleanups.push(() => {
      for (const player of this.players) player.close();
      this.host?.close();
    });
  }

  async start(times: { readTimeSec: number; timeLimitSec: number }): Promise<void> {
    this.server = await spawnServer(this.env);
    expect(this.server.url).toBe(`http://127.0.0.1:${this.port}`);
    const api = (this.api = (await signUpTeacher(this.server.url)).api);
    const { quizzes } = await api.quizzes.list.query();
    this.versionId = quizzes.find((quiz) => quiz.slug === "reconnect")!.versionId;
    const ticket = await api.games.create.mutate({ quizVersionId: this.versionId, options: times });
    this.gameId = ticket.gameId;
    this.host = new ResilientHost(this.server.url);
    expect((await this.host.attach(ticket.gameId, ticket.hostSecret)).ok).toBe(true);
    this.players = Array.from({ length: PLAYERS }, () => new ResilientPlayer(this.server.url));
    for (const [i, player] of this.players.entries()) expect((await player.join(ticket.code, `Player ${i + 1}`)).ok).toBe(true);
    await this.host.nextState((view) => view.playerCount === PLAYERS, "everyone in the lobby");
    expect((await this.host.action(ClientEvent.hostStart)).ok).toBe(true);
  }

  /** Waits until answers of `round` are open on every phone; returns what the first phone saw. */
  async answersOpen(round: number): Promise<PlayerRoomView> {
    const views = await Promise.all(
      this.players.map((player) => player.nextRoomView((view) => view.phase === "answering" && view.question?.index === round, `answers of round ${round + 1}`)),
    );
    return views[0]!;
  }

  /** The display indexes of the correct option(s) of the open question. */
  correct(view: PlayerRoomView): number[] {
    const question = view.question!;
    const source = this.questions.find((candidate) => candidate.promptHtml === question.promptHtml)!;
    return question.options!.flatMap((option, display) => (source.options.find((o) => o.html === option.html)?.correct ? [display] : []));
  }

  /** Player i answers correctly unless i is a multiple of 3 (then the first wrong option). */
  choiceFor(i: number, view: PlayerRoomView): number[] {
    const right = this.correct(view);
    if (i % 3 !== 0) return right;
    return view.question!.kind === "multiple" ? right.slice(0, 1) : [view.question!.options!.findIndex((_, d) => !right.includes(d))];
  }

  async answer(indexes: number[], round: number, view: PlayerRoomView): Promise<void> {
    const acks = await Promise.all(indexes.map((i) => this.players[i]!.answer(round, this.choiceFor(i, view))));
    for (const ack of acks) expect(ack).toMatchObject({ ok: true, questionIndex: round });
  }

  async revealThenNext(round: number, timeoutMs = 30_000): Promise<void> {
    await this.host.nextState((view) => view.phase === "reveal" && view.reveal?.questionIndex === round, `reveal of round ${round + 1}`, timeoutMs);
    expect((await this.host.action(ClientEvent.hostNext)).ok).toBe(true);
    await this.host.nextState((view) => view.phase === "leaderboard", `leaderboard after round ${round + 1}`);
    expect((await this.host.action(ClientEvent.hostNext)).ok).toBe(true);
  }

  /** Plays rounds `from`..last with everyone answering, to the podium. */
  async playOut(from: number): Promise<void> {
    for (let round = from; round < this.questions.length; round++) {
      const view = await this.answersOpen(round);
      await this.answer(
        this.players.map((_, i) => i),
        round,
        view,
      );
      await this.revealThenNext(round);
    }
    await this.host.nextState((view) => view.phase === "podium", "the podium");
    await Promise.all(this.players.map((player) => player.nextRoomView((view) => view.phase === "podium", "the podium on the phone")));
  }

  async restart(): Promise<{ restartAt: number; readyAt: number }> {
    const restartAt = Date.now();
    this.server = await spawnServer(this.env);
    const readyAt = Date.now();
    expect(this.server.url, "the server came back on the same port").toBe(`http://127.0.0.1:${this.port}`);
    return { restartAt, readyAt };
  }
}

describe.each(testDatabaseTargets())("a server killed mid-round and restarted on %s", (target) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("resumes the round: the phones come back by themselves and the game plays to the podium", async () => {
    const room = new Classroom(await backendFor(target, cleanups), await freePort(), cleanups);
    await room.start({ readTimeSec: 1, timeLimitSec: 20 });
    const api = room.api;

    await loadVersion(room);

    // Round 1: everyone answers.
    const first = await room.answersOpen(0);
    await room.answer(
      room.players.map((_, i) => i),
      0,
      first,
    );
    await Promise.all(room.players.map((player) => player.nextPersonal((you) => you.lastRound?.questionIndex === 0, "result of round 1")));
    await room.revealThenNext(0);

    // Round 2: 5 of 8 answer and are acknowledged; then the server dies.
    const second = await room.answersOpen(1);
    const openedAt = second.countdown!.endsAt - second.countdown!.totalMs;
    const answeredBefore = [0, 1, 2, 3, 4];
    const waiting = [5, 6, 7];
    await room.answer(answeredBefore, 1, second);
    const before = room.players.map((player) => ({ playerId: player.session!.playerId, nickname: player.you!.nickname, score: player.you!.score }));
    const ackedBefore = new Map<number, AckedAnswer>(answeredBefore.map((i) => [i, room.players[i]!.acked.find((a) => a.questionIndex === 1)!]));

    await room.server.kill("SIGKILL");
    expect(room.server.child.signalCode).toBe("SIGKILL");
    const killedAt = Date.now();
    // The three who haven't answered yet are in a dead zone: their network drops with the server
    // and comes back a second after it is ready. Everything else is left alone.
    const deadZone = waiting.map((i) => room.players[i]!);
    for (const player of deadZone) player.goAway();
    await sleep(300);

    // Start it again. The phones and the host screen reconnect and resume by themselves.
    const { restartAt, readyAt } = await room.restart();
    const networkBack = sleep(1_000).then(() => deadZone.forEach((player) => player.reconnect()));
    const resumes = await Promise.all(room.players.map((player) => player.resumedSince(killedAt)));
    await networkBack;
    await room.host.whenAttached();
    const reattachedAt = room.host.reattachedAt.find((t) => t >= killedAt);
    expect(reattachedAt, "the host screen attached again by itself").toBeDefined();

    const untouched = resumes.filter((_, i) => !waiting.includes(i));
    const firstResumeAt = Math.min(...resumes.map((r) => r.resumedAt));
    const sinceRestart = untouched.map((r) => r.resumedAt - restartAt);
    const sinceReady = untouched.map((r) => r.resumedAt - readyAt);
    const sinceLost = untouched.map((r) => r.resumedAt - r.lostAt);
    const deadZoneSinceReady = waiting.map((i) => resumes[i]!.resumedAt - readyAt);
    const order = resumes
      .map((resume, i) => ({ player: i + 1, answered: answeredBefore.includes(i), ms: resume.resumedAt - restartAt, saw: resume.room.phase }))
      .sort((a, b) => a.ms - b.ms);
    console.log(
      `[server-restart ${target}] restart → server ready: ${readyAt - restartAt} ms; ` +
        `restart → game going on (first resume acknowledged): ${firstResumeAt - restartAt} ms; ` +
        `reconnect of the ${untouched.length} untouched phones: restart → resumed median ${median(sinceRestart)} ms, max ${Math.max(...sinceRestart)} ms; ` +
        `ready → resumed median ${median(sinceReady)} ms, max ${Math.max(...sinceReady)} ms; ` +
        `connection lost → resumed median ${median(sinceLost)} ms, max ${Math.max(...sinceLost)} ms; ` +
        `dead-zone phones (network back at ready + 1 s): ready → resumed ${deadZoneSinceReady.join(", ")} ms; ` +
        `host re-attached ${reattachedAt! - restartAt} ms after the restart\n` +
        `  resume order: ${order.map((o) => `P${o.player}${o.answered ? "(answered)" : ""} +${o.ms}ms saw ${o.saw}`).join(", ")}`,
    );

    // Each phone is back as itself, with its score, in round 2 still open with its original clock,
    // and knows whether its answer is locked in.
    const seen = resumes.map((resume, i) => ({
      player: `Player ${i + 1}`,
      playerId: resume.you.playerId,
      nickname: resume.you.nickname,
      score: resume.you.score,
      phase: resume.room.phase,
      question: resume.room.question?.index,
      openedAt: resume.room.countdown ? resume.room.countdown.endsAt - resume.room.countdown.totalMs : null,
      locked: resume.you.lockedQuestionIndex,
    }));
    expect(seen, "what each phone saw when it resumed").toEqual(
      before.map((b, i) => ({ player: `Player ${i + 1}`, ...b, phase: "answering", question: 1, openedAt, locked: answeredBefore.includes(i) ? 1 : null })),
    );
    room.players.forEach((player, i) => {
      expect(player.joinCount, `Player ${i + 1} joined once`).toBe(1);
      expect(player.resumeRefusals, `Player ${i + 1}'s resumes`).toEqual([]);
    });

    // A phone whose acknowledgement was lost in the crash sends the same answer again, with the
    // same answerId: it gets its acknowledgement, and nothing changes.
    const p1 = ackedBefore.get(0)!;
    const retried = await room.players[0]!.answer(1, p1.choice, p1.answerId);
    expect.soft(retried, "a retry of an answer stored before the crash, same answerId").toEqual({ ok: true, questionIndex: 1, answerId: p1.answerId });

    // The other three answer now; with everyone answered the round closes at once (at the latest
    // when the restart grace ends), not at its 20-second deadline.
    await room.answer(waiting, 1, second);
    const lastAnswerAckedAt = Math.max(...waiting.map((i) => room.players[i]!.acked.find((a) => a.questionIndex === 1)!.ackedAt));
    const reveal = await room.host.nextState((view) => view.phase === "reveal" && view.reveal?.questionIndex === 1, "reveal of round 2");
    const revealSeenAt = Date.now();
    expect(reveal.reveal!.answered).toBe(PLAYERS);
    const closesBy = Math.max(lastAnswerAckedAt, readyAt + RESTART_GRACE_MS) + 1_000;
    console.log(
      `[server-restart ${target}] round 2: everyone had answered ${lastAnswerAckedAt - restartAt} ms after the restart; ` +
        `the reveal came ${revealSeenAt - lastAnswerAckedAt} ms later (deadline was ${Math.round((second.countdown!.endsAt - lastAnswerAckedAt) / 1000)} s away)`,
    );
    expect
      .soft(revealSeenAt, `everyone had answered round 2 ${lastAnswerAckedAt - restartAt} ms after the restart; the round should close then or when the ${RESTART_GRACE_MS} ms restart grace ends, not at its deadline`)
      .toBeLessThanOrEqual(closesBy);
    const shownRound2 = await Promise.all(room.players.map((player) => player.nextPersonal((you) => you.lastRound?.questionIndex === 1, "result of round 2")));
    expect((await room.host.action(ClientEvent.hostNext)).ok).toBe(true);
    await room.host.nextState((view) => view.phase === "leaderboard", "leaderboard after round 2");
    expect((await room.host.action(ClientEvent.hostNext)).ok).toBe(true);

    await room.playOut(2);
    const results = await api.pastGames.report.query({ gameId: room.gameId });
    expect(results.game.status).toBe("finished");
    await room.server.kill("SIGKILL");

    const database = await room.backend.open();
    try {
      const stored = await loadStoredGame(database.db, room.gameId);
      expect(stored.players).toHaveLength(PLAYERS);
      expect(stored.players.map((p) => p.nickname)).toEqual(room.players.map((_, i) => `Player ${i + 1}`));
      const round2 = stored.rounds.find((round) => round.roundIndex === 1)!;
      expect(round2.openedAt.getTime(), "round 2 kept the time its answers opened").toBe(openedAt);

      // Every answer acknowledged before the kill is there, with its original response time.
      for (const i of answeredBefore) {
        const acked = ackedBefore.get(i)!;
        const row = stored.answers.find((answer) => answer.playerId === before[i]!.playerId && answer.roundIndex === 1);
        expect(row, `Player ${i + 1}'s acknowledged answer`).toBeDefined();
        expect(row!.clientAnswerId).toBe(acked.answerId);
        const answeredAt = row!.answeredAt.getTime();
        expect(answeredAt).toBeGreaterThanOrEqual(acked.firstSentAt);
        expect(answeredAt).toBeLessThanOrEqual(acked.ackedAt);
        expect(answeredAt).toBeLessThan(killedAt);
        expect(row!.responseMs).toBe(answeredAt - openedAt);
        expect(row!.responseMs).toBeLessThanOrEqual(acked.ackedAt - openedAt);
        expect(shownRound2[i]!.lastRound!.responseMs, `the response time Player ${i + 1} was shown`).toBe(row!.responseMs);
        if (row!.correct) expect(row!.points).toBe(pointsForCorrectAnswer(row!.responseMs, 20_000) + (row!.streak >= 2 ? Math.min(100 * (row!.streak - 1), 500) : 0));
      }
      // The three who answered after the restart answered after it.
      for (const i of waiting) {
        const row = stored.answers.find((answer) => answer.playerId === before[i]!.playerId && answer.roundIndex === 1)!;
        expect(row.answeredAt.getTime()).toBeGreaterThanOrEqual(restartAt);
      }
      expect(stored.answers).toHaveLength(PLAYERS * room.questions.length);

      // Final scores: phones = results page = a fault-free replay of the same answers.
      const replay = await replayStoredGame(database.db, stored, { readTimeSec: 1, timeLimitSec: 20 });
      expect(replay.refused).toEqual([]);
      room.players.forEach((player, i) => {
        const saved = results.ranking.find((entry) => entry.playerId === before[i]!.playerId)!;
        const expected = { nickname: `Player ${i + 1}`, score: replay.scores.get(before[i]!.playerId) };
        expect({ nickname: player.you!.nickname, score: player.you!.score }, `Player ${i + 1}'s phone`).toEqual(expected);
        expect({ nickname: saved.nickname, score: saved.score }, `Player ${i + 1} on the results page`).toEqual(expected);
      });
    } finally {
      await database.close();
    }
  });

  it("closes a round whose deadline passed while the server was down, with the answers it had", async () => {
    const times = { readTimeSec: 1, timeLimitSec: 5 };
    const room = new Classroom(await backendFor(target, cleanups), await freePort(), cleanups);
    await room.start(times);
    const api = room.api;
    await loadVersion(room);

    const first = await room.answersOpen(0);
    const deadline = first.countdown!.endsAt;
    const answered = [0, 2, 4, 6];
    await room.answer(answered, 0, first);
    const ids = room.players.map((player) => player.session!.playerId);

    await room.server.kill("SIGKILL");
    const killedAt = Date.now();
    // Stay down until well past the round's deadline.
    await sleep(Math.max(0, deadline + 1_000 - Date.now()));
    const { restartAt, readyAt } = await room.restart();
    expect(restartAt).toBeGreaterThan(deadline);
    const resumes = await Promise.all(room.players.map((player) => player.resumedSince(killedAt)));
    await room.host.whenAttached();
    const sinceRestart = resumes.map((r) => r.resumedAt - restartAt);
    console.log(
      `[server-restart ${target}, past the deadline] restart → ready ${readyAt - restartAt} ms; ` +
        `restart → first resume ${Math.min(...sinceRestart)} ms; players' reconnect median ${median(sinceRestart)} ms, max ${Math.max(...sinceRestart)} ms`,
    );

    // The round closed at once with the four answers it had.
    const reveal = await room.host.nextState((view) => view.phase === "reveal" && view.reveal?.questionIndex === 0, "reveal of round 1 after the restart");
    expect(reveal.reveal!.answered).toBe(answered.length);
    expect(reveal.reveal!.eligible).toBe(PLAYERS);
    const results1 = await Promise.all(room.players.map((player) => player.nextPersonal((you) => you.lastRound?.questionIndex === 0, "result of round 1")));
    results1.forEach((you, i) => {
      expect(you.nickname).toBe(`Player ${i + 1}`);
      expect(you.lastRound!.answered, `Player ${i + 1} answered round 1`).toBe(answered.includes(i));
    });
    // Too late for the others now.
    const late = await room.players[1]!.answer(0, room.choiceFor(1, first));
    expect(late).toMatchObject({ ok: false, code: "too-late" });

    await room.revealThenNext(0);
    await room.playOut(1);
    const results = await api.pastGames.report.query({ gameId: room.gameId });
    expect(results.game.status).toBe("finished");
    expect(results.questions[0]!.answered).toBe(answered.length);
    await room.server.kill("SIGKILL");

    const database = await room.backend.open();
    try {
      const stored = await loadStoredGame(database.db, room.gameId);
      const round1 = stored.rounds[0]!;
      expect(round1.closedAt.getTime()).toBeGreaterThanOrEqual(restartAt);
      expect(stored.answers.filter((a) => a.roundIndex === 0).map((a) => a.playerId).sort()).toEqual(answered.map((i) => ids[i]!).sort());
      expect(stored.answers).toHaveLength(answered.length + PLAYERS * (room.questions.length - 1));
      const replay = await replayStoredGame(database.db, stored, times);
      expect(replay.refused).toEqual([]);
      room.players.forEach((player, i) => {
        const saved = results.ranking.find((entry) => entry.playerId === ids[i])!;
        expect(player.joinCount).toBe(1);
        expect({ nickname: player.you!.nickname, score: player.you!.score }).toEqual({ nickname: `Player ${i + 1}`, score: replay.scores.get(ids[i]!) });
        expect(saved.score).toBe(replay.scores.get(ids[i]!));
      });
    } finally {
      await database.close();
    }
  });
});

/**
 * The quiz's questions, for picking right and wrong options. PGlite can't be opened while the
 * server runs, so the questions come from the quiz file the server loaded (same parser).
 */
async function loadVersion(room: Classroom): Promise<void> {
  const parsed = parseQuizdown(await readFile(path.join(CONTENT_DIR, "reconnect.md"), "utf8"));
  if (!parsed.ok) throw new Error("the fixture quiz doesn't parse");
  room.questions = parsed.quiz.questions;
}
