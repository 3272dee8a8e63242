/**
 * 50 phones play a five-question game while 15 of them (picked by a seeded random) lose their
 * connection at awkward moments: during the read time, right after an acknowledged answer, with
 * the acknowledgement still in flight, away for a whole round, during the reveal and during the
 * leaderboard. They come back like the real phone does: a socket that reconnects by itself, a
 * socket closed and opened again, or a brand-new socket (a page reload, with or without the old
 * tab still open) that resumes with the stored token — never by joining again.
 *
 * Afterwards the stored answers are replayed through the pure engine with a fake clock set to the
 * very times the server saw: the final scores must equal what every phone shows and what the
 * results page computes, no acknowledged answer may be missing, and no round may have waited for
 * a player who was away.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientEvent, type PlayerRoomView, type QuestionView } from "../../src/protocol";
import { loadQuizVersion, type LoadedQuizVersion } from "../../server/db";
import { PROJECT_DIR, startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import { loadStoredGame, replayStoredGame, seededRandom, shuffleWith, type ReplayResult, type StoredGame } from "../support/replay";
import { ResilientHost, ResilientPlayer } from "../support/socket-clients";
import { testDatabaseTargets } from "../support/test-database";

const PLAYERS = 50;
const CHAOS_PLAYERS = 15;
const FAULTS_PER_CHAOS_PLAYER = 3;
const SEED = 0x5eed_c4a0;
const TIMES = { readTimeSec: 1, timeLimitSec: 5 };
const CONTENT_DIR = path.join(PROJECT_DIR, "tests/fixtures/reconnect-content");
/** How long the host leaves the reveal and the leaderboard up (drops happen during them). */
const HOLD_MS = 700;
/** A phone whose connection drops still counts as connected this long (README: "No waiting for the absent"). */
const DISCONNECT_GRACE_MS = 3_000;
/** Slack for timers and database writes on a busy 2-core machine. */
const SLACK_MS = 1_000;

type Moment = "read" | "after-ack" | "in-flight" | "away" | "reveal" | "leaderboard";
type Method = "transport" | "disconnect" | "refresh" | "stale-tab";
const MOMENTS: Moment[] = ["read", "after-ack", "in-flight", "away", "reveal", "leaderboard"];

interface Fault {
  round: number;
  moment: Moment;
  method: Method;
  /** Wait this long after the moment is reached before dropping. */
  delayMs: number;
  /** How long the phone stays away (disconnect / away), in ms. */
  downMs: number;
}

interface AnswerPlan {
  delayMs: number;
  correct: boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const PHASE_ORDER: Record<string, number> = { lobby: 0, "question-read": 1, answering: 2, reveal: 3, leaderboard: 4 };

/** How far a view is into the game, so "at round r's reveal or later" is one comparison. */
function progress(view: PlayerRoomView): number {
  if (view.phase === "podium" || view.phase === "finished") return Number.MAX_SAFE_INTEGER;
  if (view.phase === "lobby" || !view.question) return 0;
  return view.question.index * 10 + PHASE_ORDER[view.phase]!;
}
const at = (round: number, phase: keyof typeof PHASE_ORDER) => round * 10 + PHASE_ORDER[phase]!;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** The seeded plan: who drops, when and how; and what everybody answers. */
function makePlan(rounds: number) {
  const random = seededRandom(SEED);
  const chaos = shuffleWith(
    Array.from({ length: PLAYERS }, (_, i) => i),
    random,
  )
    .slice(0, CHAOS_PLAYERS)
    .sort((a, b) => a - b);
  const slots = CHAOS_PLAYERS * FAULTS_PER_CHAOS_PLAYER;
  const moments = shuffleWith(
    Array.from({ length: slots }, (_, i) => MOMENTS[i % MOMENTS.length]!),
    random,
  );
  const faults = new Map<number, Map<number, Fault>>();
  chaos.forEach((player, k) => {
    const faultRounds = shuffleWith(
      Array.from({ length: rounds }, (_, r) => r),
      random,
    ).slice(0, FAULTS_PER_CHAOS_PLAYER);
    const byRound = new Map<number, Fault>();
    faultRounds.forEach((round, j) => {
      const moment = moments[k * FAULTS_PER_CHAOS_PLAYER + j]!;
      const methods: Method[] = moment === "away" ? ["disconnect", "refresh"] : ["transport", "disconnect", "refresh", "stale-tab"];
      const method = methods[Math.floor(random() * methods.length)]!;
      const delayMs = moment === "read" ? Math.floor(random() * 600) : Math.floor(random() * 300);
      const downMs = 100 + Math.floor(random() * 700);
      byRound.set(round, { round, moment, method, delayMs, downMs });
    });
    faults.set(player, byRound);
  });
  const answers = Array.from({ length: PLAYERS }, () =>
    Array.from({ length: rounds }, (): AnswerPlan => ({ delayMs: Math.floor(random() * 900), correct: random() < 0.7 })),
  );
  return { chaos, faults, answers };
}

describe.each(testDatabaseTargets())("50 phones, 15 of them dropping and coming back, on %s", (target) => {
  let quiz: TestQuizServer;
  let host: ResilientHost | undefined;
  const players: ResilientPlayer[] = [];
  let gameId = "";
  let version: LoadedQuizVersion;
  let plan: ReturnType<typeof makePlan>;
  /** What each phone was shown when answers opened, by round, by player index. */
  const shownQuestions = new Map<number, Map<number, QuestionView>>();
  /** Rounds a phone never saw open (it was away for the whole of it without being planned to). */
  const missedRounds: string[] = [];
  const drops: Array<{ player: number; fault: Fault; at: number }> = [];
  /** When each away player came back, by round. */
  const awayBackAt = new Map<number, number[]>();
  let stored: StoredGame;
  let replay: ReplayResult;
  let gameMs = 0;

  beforeAll(async () => {
    quiz = await startTestQuizServer(target, CONTENT_DIR);
  });

  afterAll(async () => {
    for (const player of players) player.close();
    host?.close();
    await quiz?.close();
  });

  function drop(player: ResilientPlayer, fault: Fault): void {
    switch (fault.method) {
      case "transport":
        return player.dropTransport();
      case "disconnect":
        return void player.disconnectFor(fault.downMs);
      case "refresh":
        return player.refresh(true);
      case "stale-tab":
        return player.refresh(false);
    }
  }

  /** The correct display indexes of a shown question (looked up in the quiz by its text). */
  function correctDisplay(question: QuestionView): number[] {
    const source = version.questions.find((candidate) => candidate.promptHtml === question.promptHtml);
    if (!source) throw new Error(`the phone was shown a question that isn't in the quiz: ${question.promptHtml}`);
    return question.options!.flatMap((option, display) => (source.options.find((o) => o.html === option.html)?.correct ? [display] : []));
  }

  function choiceFor(question: QuestionView, correct: boolean): number[] {
    const right = correctDisplay(question);
    if (correct) return right;
    if (question.kind === "multiple") return right.slice(0, 1);
    return [question.options!.findIndex((_, display) => !right.includes(display))];
  }

  it("plays the whole game to the podium while phones drop and come back", async () => {
    const versionId = await quiz.quizVersionId("reconnect");
    version = (await loadQuizVersion(quiz.database.db, versionId))!;
    const rounds = version.questions.length;
    expect(rounds).toBe(5);
    plan = makePlan(rounds);

    // The seeded plan covers every moment and every way of dropping.
    const planned = [...plan.faults.values()].flatMap((byRound) => [...byRound.values()]);
    expect(planned).toHaveLength(CHAOS_PLAYERS * FAULTS_PER_CHAOS_PLAYER);
    expect(new Set(planned.map((fault) => fault.moment))).toEqual(new Set(MOMENTS));
    expect(new Set(planned.map((fault) => fault.method))).toEqual(new Set(["transport", "disconnect", "refresh", "stale-tab"]));

    const ticket = await quiz.api.games.create.mutate({ quizVersionId: versionId, options: TIMES });
    gameId = ticket.gameId;
    host = new ResilientHost(quiz.url);
    expect((await host.attach(ticket.gameId, ticket.hostSecret)).ok).toBe(true);

    for (let i = 0; i < PLAYERS; i++) players.push(new ResilientPlayer(quiz.url));
    const joins = await Promise.all(players.map((player, i) => player.join(ticket.code, `Student ${i + 1}`)));
    expect(joins.filter((ack) => !ack.ok)).toEqual([]);
    await host.nextState((view) => view.playerCount === PLAYERS, "all players in the lobby");

    const revealed = Array.from({ length: rounds }, deferred);
    const started = Date.now();

    const runHost = async () => {
      expect((await host!.action(ClientEvent.hostStart)).ok).toBe(true);
      for (let round = 0; round < rounds; round++) {
        await host!.nextState((view) => view.phase === "reveal" && view.reveal?.questionIndex === round, `reveal of round ${round + 1}`, 20_000);
        revealed[round]!.resolve();
        await sleep(HOLD_MS);
        expect((await host!.action(ClientEvent.hostNext)).ok).toBe(true);
        await sleep(HOLD_MS);
        expect((await host!.action(ClientEvent.hostNext)).ok).toBe(true);
      }
      await host!.nextState((view) => view.phase === "podium", "the podium");
    };

    const runPlayer = async (i: number) => {
      const player = players[i]!;
      const faults = plan.faults.get(i);
      for (let round = 0; round < rounds; round++) {
        const fault = faults?.get(round);
        const answering = (view: PlayerRoomView) => progress(view) >= at(round, "answering");
        if (fault?.moment === "read") {
          await player.nextRoomView((view) => progress(view) >= at(round, "question-read"), `round ${round + 1} on Student ${i + 1}'s phone`);
          await sleep(fault.delayMs);
          drops.push({ player: i, fault, at: Date.now() });
          drop(player, fault);
        }
        const view = await player.nextRoomView(answering, `answers of round ${round + 1} open on Student ${i + 1}'s phone`);
        if (view.phase !== "answering" || view.question?.index !== round) {
          missedRounds.push(`Student ${i + 1} never saw round ${round + 1} open (saw ${view.phase})`);
          continue;
        }
        if (!shownQuestions.has(round)) shownQuestions.set(round, new Map());
        shownQuestions.get(round)!.set(i, view.question);

        if (fault?.moment === "away") {
          // Away for the whole round: the others must not wait for this phone.
          await sleep(fault.delayMs);
          drops.push({ player: i, fault, at: Date.now() });
          if (fault.method === "refresh") player.socket.close();
          else player.goAway();
          await revealed[round]!.promise;
          await sleep(fault.downMs);
          awayBackAt.set(round, [...(awayBackAt.get(round) ?? []), Date.now()]);
          if (fault.method === "refresh") player.refresh(true);
          else player.reconnect();
          continue;
        }

        const answerPlan = plan.answers[i]![round]!;
        await sleep(answerPlan.delayMs);
        const choice = choiceFor(view.question, answerPlan.correct);
        const ack =
          fault?.moment === "in-flight"
            ? await player.answer(round, choice, undefined, () => {
                drops.push({ player: i, fault, at: Date.now() });
                drop(player, fault);
              })
            : await player.answer(round, choice);
        expect(ack, `Student ${i + 1}'s answer to round ${round + 1}`).toMatchObject({ ok: true, questionIndex: round });

        if (fault?.moment === "after-ack") {
          drops.push({ player: i, fault, at: Date.now() });
          drop(player, fault);
        } else if (fault?.moment === "reveal" || fault?.moment === "leaderboard") {
          await player.nextRoomView((v) => progress(v) >= at(round, fault.moment as "reveal" | "leaderboard"), `the ${fault.moment} of round ${round + 1}`);
          await sleep(fault.delayMs);
          drops.push({ player: i, fault, at: Date.now() });
          drop(player, fault);
        }
      }
      await player.nextRoomView((view) => view.phase === "podium" || view.phase === "finished", `the podium on Student ${i + 1}'s phone`, 60_000);
      await player.whenResumed();
    };

    await Promise.all([runHost(), ...players.map((_, i) => runPlayer(i))]);
    gameMs = Date.now() - started;

    expect(missedRounds).toEqual([]);
    expect(drops).toHaveLength(CHAOS_PLAYERS * FAULTS_PER_CHAOS_PLAYER);

    // Each drop was followed by exactly one resume; pair them up to time the reconnects by method.
    const timed: Array<{ method: Method; ms: number }> = [];
    players.forEach((player, i) => {
      const own = drops.filter((d) => d.player === i);
      expect(player.reconnects, `Student ${i + 1}: one resume per drop`).toHaveLength(own.length);
      own.forEach((d, k) => {
        if (d.fault.moment !== "away") timed.push({ method: d.fault.method, ms: player.reconnects[k]!.resumedAt - player.reconnects[k]!.lostAt });
      });
    });
    const stats = (method: Method) => {
      const ms = timed.filter((t) => t.method === method).map((t) => t.ms);
      return `${method} ×${ms.length}: median ${median(ms)} ms, max ${Math.max(...ms)} ms`;
    };
    const all = timed.map((t) => t.ms);
    console.log(
      `[reconnect-chaos ${target}] game played in ${(gameMs / 1000).toFixed(1)} s; ${drops.length} drops ` +
        `(${MOMENTS.map((m) => `${m}: ${drops.filter((d) => d.fault.moment === m).length}`).join(", ")}); ` +
        `connection lost → resumed (not counting the ${drops.length - timed.length} planned absences of a whole round): ` +
        `all median ${median(all)} ms, max ${Math.max(...all)} ms; ${stats("transport")}; ${stats("disconnect")} (incl. 100–800 ms planned down time); ` +
        `${stats("refresh")}; ${stats("stale-tab")}; answers re-sent after a drop: ${players.flatMap((p) => p.acked.filter((a) => a.sends > 1)).length}`,
    );
  });

  it("every phone came back as itself, without joining again", () => {
    players.forEach((player, i) => {
      const nickname = `Student ${i + 1}`;
      expect(player.joinCount, `${nickname} joined once`).toBe(1);
      expect(player.resumeRefusals, `${nickname}'s resumes`).toEqual([]);
      expect(player.answerRefusals, `${nickname}'s answers`).toEqual([]);
      expect(player.you?.nickname).toBe(nickname);
      expect(player.you?.playerId).toBe(player.session!.playerId);
      expect(player.room?.phase).toBe("podium");
      const planned = plan.faults.get(i)?.size ?? 0;
      // Every planned drop really happened and was followed by a resume; the others never dropped.
      expect(player.reconnects, `${nickname}'s resumes`).toHaveLength(planned);
    });
    expect(host!.attachRefusals).toEqual([]);
  });

  it("stored every acknowledged answer exactly once, and nothing else", async () => {
    stored = await loadStoredGame(quiz.database.db, gameId);
    expect(stored.game.status).toBe("finished");
    expect(stored.players).toHaveLength(PLAYERS);
    expect(stored.rounds).toHaveLength(version.questions.length);

    const acked = players.flatMap((player) => player.acked.map((answer) => `${player.session!.playerId}:${answer.questionIndex}:${answer.answerId}`)).sort();
    const rows = stored.answers.map((row) => `${row.playerId}:${row.roundIndex}:${row.clientAnswerId}`).sort();
    expect(rows).toEqual(acked);

    // Each planned answer was acknowledged (all but the rounds a phone was planned to be away for).
    const away = [...plan.faults.values()].flatMap((byRound) => [...byRound.values()]).filter((fault) => fault.moment === "away").length;
    expect(acked).toHaveLength(PLAYERS * version.questions.length - away);
  });

  it("showed every phone the same question in the same option order as the database", () => {
    for (const round of stored.rounds) {
      const source = version.questions.find((question) => question.id === round.questionId)!;
      const expected = round.optionOrder.map((original) => source.options[original]!.html);
      const shown = shownQuestions.get(round.roundIndex)!;
      for (const [i, question] of shown) {
        expect(question.promptHtml, `round ${round.roundIndex + 1} on Student ${i + 1}'s phone`).toBe(source.promptHtml);
        expect(question.options!.map((option) => option.html)).toEqual(expected);
      }
    }
  });

  it("never held a round open for a phone that was away", () => {
    const limitMs = TIMES.timeLimitSec * 1000;
    const summary: string[] = [];
    for (const round of stored.rounds) {
      const closedAt = round.closedAt.getTime();
      const openFor = closedAt - round.openedAt.getTime();
      const lastAnswerAt = Math.max(...stored.answers.filter((a) => a.roundIndex === round.roundIndex).map((a) => a.answeredAt.getTime()));
      const awayDrops = drops.filter((d) => d.fault.moment === "away" && d.fault.round === round.roundIndex).map((d) => d.at);
      summary.push(`round ${round.roundIndex + 1}: open ${openFor} ms, ${awayDrops.length} away`);
      // Every connected phone answered, so each round closed early, before its deadline…
      expect(openFor, `round ${round.roundIndex + 1} was open for ${openFor} ms`).toBeLessThan(limitMs);
      // …as soon as the last answer was in, or the away phones' connection grace ran out…
      const closesBy = Math.max(lastAnswerAt, ...awayDrops.map((at) => at + DISCONNECT_GRACE_MS)) + SLACK_MS;
      expect(closedAt, `round ${round.roundIndex + 1} closed ${closedAt - lastAnswerAt} ms after its last answer`).toBeLessThanOrEqual(closesBy);
      // …and before any phone that was away for it came back.
      for (const backAt of awayBackAt.get(round.roundIndex) ?? []) expect(closedAt).toBeLessThan(backAt);
      expect(round.eligiblePlayers).toBe(PLAYERS);
    }
    console.log(`[reconnect-chaos ${target}] ${summary.join("; ")}`);
  });

  it("scores exactly what a fault-free run fed the same answers scores", async () => {
    replay = await replayStoredGame(quiz.database.db, stored, TIMES);
    expect(replay.refused).toEqual([]);

    // Each stored answer is scored as the engine scores it at the time the server received it.
    for (const row of stored.answers) {
      const scored = replay.scored.get(`${row.playerId}:${row.roundIndex}`)!;
      const round = stored.rounds[row.roundIndex]!;
      expect(row.responseMs).toBe(row.answeredAt.getTime() - round.openedAt.getTime());
      expect({ points: row.points, correct: row.correct, streak: row.streak, responseMs: row.responseMs }).toEqual({
        points: scored.points,
        correct: scored.correct,
        streak: scored.streak,
        responseMs: scored.responseMs,
      });
    }

    const results = await quiz.api.pastGames.report.query({ gameId });
    expect(results.game.status).toBe("finished");
    expect(results.ranking).toHaveLength(PLAYERS);
    players.forEach((player, i) => {
      const nickname = `Student ${i + 1}`;
      const playerId = player.session!.playerId;
      const saved = results.ranking.find((entry) => entry.playerId === playerId)!;
      const expected = { nickname, score: replay.scores.get(playerId), rank: replay.ranks.get(playerId) };
      expect({ nickname: player.you!.nickname, score: player.you!.score, rank: player.you!.rank }, `${nickname}'s phone`).toEqual(expected);
      expect({ nickname: saved.nickname, score: saved.score, rank: saved.rank }, `${nickname} on the results page`).toEqual(expected);
      const row = stored.players.find((p) => p.id === playerId)!;
      expect({ nickname: row.nickname, score: row.finalScore, rank: row.finalRank }, `${nickname}'s saved final standing`).toEqual(expected);
    });
    // The scores are not all alike: the answers really differed.
    expect(new Set(replay.scores.values()).size).toBeGreaterThan(5);
  });
});
