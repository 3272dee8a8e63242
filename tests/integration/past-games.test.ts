/**
 * Past games and the game report through tRPC, on a real server and database: a scripted finished
 * game is written with the db repositories, then listed, reported, exported and deleted by its
 * teacher — and refused to anyone else.
 *
 * The scripted game (back-office quiz, its first three questions; R = the right option, W0/W1/W2 the
 * wrong ones in file order). Ana, Ben, Cleo, Eve, Zed join in the lobby; Zed is removed after round 0
 * closed (his round-0 answer counts, he is not ranked); Dan joins after round 0 opened.
 *
 *   round 0 (eligible 5)      round 1 (eligible 5)      round 2 (eligible 5)
 *   Ana  R  1000  2000 ms     Ana  W0    0  3000 ms     Ana  R   950  1000 ms
 *   Ben  R   900  3000 ms     Ben  R   800  2500 ms     Ben  W0    0  2000 ms
 *   Cleo W0    0  4000 ms     Cleo R   500  3500 ms     Cleo W1    0  3000 ms
 *   Eve  — (no answer)        Eve  R   600  6000 ms     Eve  W0    0  5000 ms
 *   Zed  R   800  2500 ms     Dan  R   700  4000 ms     Dan  W2    0  4000 ms
 *
 * Scores: Ana 1950, Ben 1700, Dan 700, Eve 600, Cleo 500 → that ranking. 5 players → groups of
 * round(0.27 × 5) = 1: top Ana, bottom Cleo.
 */
import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addPlayer,
  createGame,
  finishGame,
  loadQuizVersion,
  markGameStarted,
  removePlayer,
  saveQuizVersion,
  saveRound,
  schema,
  type AnswerRow,
  type Database,
  type GameStatus,
} from "../../server/db";
import { makeQuiz, option, question, quizInput } from "../support/quiz-fixtures";
import { apiClient, signUpTeacher, startTestQuizServer, type TestQuizServer } from "../support/quiz-server";
import type { ApiClient } from "../support/teachers";
import { testDatabaseTargets } from "../support/test-database";
import { refusal as errorOf } from "../support/trpc-refusal";

const NO_SUCH_GAME = "There is no saved game with that id.";
const STILL_PLAYING = "This game is still being played. End it first, then delete its results.";


const at = (time: string) => new Date(`2025-03-01T${time}.000Z`);
/** Dates arrive as ISO strings over tRPC (no transformer). */
const iso = (value: unknown) => new Date(value as string).toISOString();

async function teacherId(api: ApiClient): Promise<string> {
  const { teacher } = await api.account.status.query();
  if (!teacher) throw new Error("not signed in");
  return teacher.id;
}

async function emptyGame(db: Database, input: { quizVersionId: string; ownerId: string; createdAt: Date; status: GameStatus }): Promise<string> {
  const id = randomUUID();
  await createGame(db, { id, quizVersionId: input.quizVersionId, code: "654321", hostSecretHash: `hash:${id}`, ownerId: input.ownerId, createdAt: input.createdAt });
  if (input.status !== "lobby") await markGameStarted(db, id, input.createdAt);
  if (input.status === "finished" || input.status === "ended_early" || input.status === "host_left") {
    await finishGame(db, id, { at: input.createdAt, status: input.status, standings: [] });
  }
  return id;
}

interface ScriptedQuestion {
  id: string;
  prompt: string;
  options: string[];
  right: number;
  wrong: [number, number, number];
}

async function insertScriptedGame(db: Database, quizVersionId: string, ownerId: string) {
  const quiz = await loadQuizVersion(db, quizVersionId);
  if (!quiz) throw new Error("back-office quiz not loaded");
  const questions: ScriptedQuestion[] = quiz.questions.slice(0, 3).map((q) => {
    const right = q.options.findIndex((o) => o.correct);
    const wrong = q.options.map((_, i) => i).filter((i) => i !== right);
    expect(q.options.filter((o) => o.correct)).toHaveLength(1);
    expect(wrong).toHaveLength(3);
    return { id: q.id, prompt: q.promptHtml, options: q.options.map((o) => o.html), right, wrong: wrong as [number, number, number] };
  });

  const gameId = randomUUID();
  await createGame(db, { id: gameId, quizVersionId, code: "123456", hostSecretHash: "hash", ownerId, createdAt: at("08:59:00"), options: { timeLimitSec: 20 } });
  const player = { ana: randomUUID(), ben: randomUUID(), cleo: randomUUID(), eve: randomUUID(), zed: randomUUID(), dan: randomUUID() };
  const joins: Array<[keyof typeof player, string, string]> = [
    ["ana", "Ana", "09:00:00"],
    ["ben", "Ben", "09:00:01"],
    ["cleo", "Cleo", "09:00:02"],
    ["eve", "Eve", "09:00:03"],
    ["zed", "Zed", "09:00:04"],
    ["dan", "Dan", "09:01:30"], // round 0 opened at 09:01:00
  ];
  for (const [seq, [key, nickname, time]] of joins.entries()) {
    await addPlayer(db, { id: player[key], gameId, nickname, joinedAt: at(time), joinSeq: seq + 1, tokenHash: `token:${key}` });
  }
  await markGameStarted(db, gameId, at("09:00:30"));

  type Answer = [keyof typeof player, number, boolean, number, number, number];
  const round = async (roundIndex: number, opened: string, closed: string, answers: Answer[]) => {
    const q = questions[roundIndex]!;
    const rows: AnswerRow[] = answers.map(([key, choice, correct, points, streak, responseMs]) => ({
      id: randomUUID(),
      gameId,
      questionId: q.id,
      playerId: player[key],
      roundIndex,
      choices: [choice],
      correct,
      points,
      streak,
      responseMs,
      answeredAt: new Date(at(opened).getTime() + responseMs),
    }));
    await saveRound(db, {
      round: { gameId, roundIndex, questionId: q.id, optionOrder: [0, 1, 2, 3], openedAt: at(opened), closedAt: at(closed), eligiblePlayers: 5 },
      answers: rows,
    });
  };
  const [q0, q1, q2] = questions as [ScriptedQuestion, ScriptedQuestion, ScriptedQuestion];
  await round(0, "09:01:00", "09:01:20", [
    ["ana", q0.right, true, 1000, 1, 2000],
    ["ben", q0.right, true, 900, 1, 3000],
    ["cleo", q0.wrong[0], false, 0, 0, 4000],
    ["zed", q0.right, true, 800, 1, 2500],
  ]);
  await removePlayer(db, player.zed, at("09:01:40"));
  await round(1, "09:02:00", "09:02:20", [
    ["ana", q1.wrong[0], false, 0, 0, 3000],
    ["ben", q1.right, true, 800, 2, 2500],
    ["cleo", q1.right, true, 500, 1, 3500],
    ["eve", q1.right, true, 600, 1, 6000],
    ["dan", q1.right, true, 700, 1, 4000],
  ]);
  await round(2, "09:03:00", "09:03:20", [
    ["ana", q2.right, true, 950, 1, 1000],
    ["ben", q2.wrong[0], false, 0, 0, 2000],
    ["cleo", q2.wrong[1], false, 0, 0, 3000],
    ["eve", q2.wrong[0], false, 0, 0, 5000],
    ["dan", q2.wrong[2], false, 0, 0, 4000],
  ]);
  await finishGame(db, gameId, { at: at("09:04:00"), status: "finished", standings: [] });
  return { gameId, questions, player };
}

describe.each(testDatabaseTargets())("past games on %s", (target) => {
  let quiz: TestQuizServer;
  let db: Database;
  let ownerId: string;
  let backOfficeQuizId: string;
  let otherQuizId: string;
  let other: ApiClient;
  let scripted: Awaited<ReturnType<typeof insertScriptedGame>>;
  let newerGameId: string;
  let olderGameId: string;
  let othersGameId: string;

  beforeAll(async () => {
    quiz = await startTestQuizServer(target);
    db = quiz.database.db;
    ownerId = await teacherId(quiz.api);
    const backOfficeVersion = await quiz.quizVersionId("back-office");
    backOfficeQuizId = (await loadQuizVersion(db, backOfficeVersion))!.quizId;
    const zoology = await saveQuizVersion(db, quizInput("zoology", "# zoology", makeQuiz([question(0, "single", "Cats?", [option("yes", true), option("no")])]), "Zoology"));
    otherQuizId = zoology.quizId;

    scripted = await insertScriptedGame(db, backOfficeVersion, ownerId);
    newerGameId = await emptyGame(db, { quizVersionId: zoology.versionId, ownerId, createdAt: new Date("2025-03-02T10:00:00Z"), status: "ended_early" });
    olderGameId = await emptyGame(db, { quizVersionId: backOfficeVersion, ownerId, createdAt: new Date("2025-02-01T10:00:00Z"), status: "host_left" });

    const otherTeacher = await signUpTeacher(quiz.url);
    other = otherTeacher.api;
    othersGameId = await emptyGame(db, { quizVersionId: backOfficeVersion, ownerId: await teacherId(other), createdAt: new Date("2025-03-05T10:00:00Z"), status: "finished" });
  });

  afterAll(async () => {
    await quiz?.close();
  });

  it("reports the ranking with hand-computed scores, counts and groups", async () => {
    const report = await quiz.api.pastGames.report.query({ gameId: scripted.gameId });
    expect(report.ranking.map((p) => [p.rank, p.nickname, p.score, p.correctCount, p.answeredCount, p.eligibleCount, p.averageResponseMs, p.group])).toEqual([
      [1, "Ana", 1950, 2, 3, 3, 2000, "top"], // 1000+0+950; (2000+3000+1000)/3
      [2, "Ben", 1700, 2, 3, 3, 2500, null], // 900+800+0; (3000+2500+2000)/3
      [3, "Dan", 700, 1, 2, 2, 4000, null], // late: rounds 1–2 only; (4000+4000)/2
      [4, "Eve", 600, 1, 2, 3, 5500, null], // silent in round 0; (6000+5000)/2
      [5, "Cleo", 500, 1, 3, 3, 3500, "bottom"], // (4000+3500+3000)/3
    ]);
    expect(report.summary).toEqual({
      playerCount: 5,
      questionCount: 3,
      averageScore: 1090, // (1950+1700+700+600+500)/5
      percentCorrect: 53, // correct 3+4+1 = 8 of eligible 5+5+5 = 15 → 53.3 %
      averageResponseMs: 3250, // (11500 + 19000 + 15000)/14 counted answers
      groupSize: 1,
    });
    expect(report.game).toMatchObject({ id: scripted.gameId, status: "finished", statusLabel: "finished", quizId: backOfficeQuizId, quizTitle: "Back Office" });
    expect(iso(report.game.startedAt)).toBe("2025-03-01T09:00:30.000Z");
  });

  it("reports each question: % correct, hard flag, discrimination and distractors", async () => {
    const report = await quiz.api.pastGames.report.query({ gameId: scripted.gameId });
    const [q0, q1, q2] = scripted.questions as [ScriptedQuestion, ScriptedQuestion, ScriptedQuestion];
    expect(report.questions.map((q) => [q.roundIndex, q.questionId, q.eligible, q.answered, q.correctCount, q.percentCorrect, q.averageResponseMs, q.hard])).toEqual([
      [0, q0.id, 5, 4, 3, 60, 2875, false], // Ana Ben Zed ✓ of 5; (2000+3000+4000+2500)/4
      [1, q1.id, 5, 5, 4, 80, 3800, false], // (3000+2500+3500+6000+4000)/5
      [2, q2.id, 5, 5, 1, 20, 3000, true], // only Ana; 20 % < 35; (1000+2000+3000+5000+4000)/5
    ]);
    // Top Ana vs bottom Cleo: round 0 ✓/✗ → 1; round 1 ✗/✓ → −1; round 2 ✓/✗ → 1.
    expect(report.questions.map((q) => [q.discrimination.index, q.discrimination.label, q.discrimination.topSize, q.discrimination.bottomSize])).toEqual([
      [1, "very good", 1, 1],
      [-1, "negative", 1, 1],
      [1, "very good", 1, 1],
    ]);
    const picks = (q: (typeof report.questions)[number], index: number) => {
      const o = q.options[index]!;
      return [o.picked, o.pickedTop, o.pickedBottom, o.reading];
    };
    const [r0, r1, r2] = report.questions as [(typeof report.questions)[number], (typeof report.questions)[number], (typeof report.questions)[number]];
    expect(picks(r0, q0.right)).toEqual([3, 1, 0, null]);
    expect(picks(r0, q0.wrong[0])).toEqual([1, 0, 1, "Works as a distractor: it drew mostly weaker students."]); // Cleo
    expect(picks(r0, q0.wrong[1])).toEqual([0, 0, 0, "Nobody chose it: it isn't drawing anyone."]);
    expect(picks(r1, q1.wrong[0])).toEqual([1, 1, 0, "This distractor fooled the strongest students: check it isn't also right, or the question misleading."]); // Ana
    expect(picks(r1, q1.right)).toEqual([4, 0, 1, null]);
    expect(picks(r2, q2.wrong[0])).toEqual([2, 0, 0, "Only students in the middle of the ranking chose it."]); // Ben, Eve
    expect(picks(r2, q2.wrong[1])).toEqual([1, 0, 1, "Works as a distractor: it drew mostly weaker students."]); // Cleo
    expect(r0.promptText).toBe(q0.prompt);
  });

  it("reports the item analysis from correctness: facility, item–rest, distractor point-biserials, KR-20", async () => {
    const report = await quiz.api.pastGames.report.query({ gameId: scripted.gameId });
    const [q0, q1, q2] = scripted.questions as [ScriptedQuestion, ScriptedQuestion, ScriptedQuestion];
    // Players in every round (Dan joined late, Zed was removed): Ana, Ben, Eve, Cleo.
    //   round 0: 1 1 0 0 (Eve silent)   round 1: 0 1 1 1   round 2: 1 0 0 0   totals 2 2 1 1
    // Round 0 vs rest 1,1,1,1: no correlation. Round 1 vs rest 2,1,0,0: Σdxdy = 1 − 4·¾·¾ = −5/4, Σdx² = ¾,
    // Σdy² = 5 − 4·(¾)² = 11/4 → −1.25/√(33/16) = −0.87. Round 2 vs rest 1,2,1,1: Σdxdy = 1 − 4·¼·1¼ = −¼,
    // Σdx² = ¾, Σdy² = 7 − 6¼ = ¾ → −⅓ = −0.33. Facility = share right of everyone in the round (as % correct).
    expect(report.questions.map((q) => [q.scored, q.facility, q.itemRest.value, q.itemRest.label])).toEqual([
      [true, 0.6, null, "not enough data"],
      [true, 0.8, -0.87, "negative"],
      [true, 0.2, -0.33, "negative"],
    ]);
    // Round 1's W0 (Ana) vs rest 2,1,0,0: Σdxdy = 2 − 4·¼·¾ = 1.25, Σdx² = ¾, Σdy² = 11/4 → 1.25/√(33/16) = 0.87.
    // Round 2's W0 (Ben, Eve) vs rest 1,2,1,1: Σdxdy = 3 − 4·½·1¼ = ½, Σdx² = 1, Σdy² = ¾ → ½/√¾ = 0.58.
    // W1 (Cleo) vs the same rest: Σdxdy = 1 − 4·¼·1¼ = −¼ → −¼/√(¾·¾) = −0.33. W2 only Dan (not in every round): no variation → null.
    expect(report.questions[1]!.options[q1.wrong[0]]!.pointBiserial).toBe(0.87);
    expect([q2.wrong[0], q2.wrong[1], q2.wrong[2]].map((index) => report.questions[2]!.options[index]!.pointBiserial)).toEqual([0.58, -0.33, null]);
    expect(report.questions[0]!.options[q0.right]!.pointBiserial).toBeNull();
    // p = ½, ¾, ¼ → Σpq = ¼ + 3/16 + 3/16 = 5/8; totals 2,2,1,1 → variance ¼. KR-20 = 3/2 · (1 − (5/8)/(¼)) = −2.25.
    expect(report.reliability).toMatchObject({ method: "KR-20", value: -2.25, label: "unacceptable", itemCount: 3, playerCount: 4 });
  });

  it("lists the teacher's games newest first, a page at a time, with averages computed in SQL", async () => {
    const first = await quiz.api.pastGames.list.query({ pageSize: 2 });
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.games.map((g) => [g.id, g.quizTitle, g.status, g.statusLabel, g.playerCount, g.questionCount, g.averageScore, g.percentCorrect])).toEqual([
      [newerGameId, "Zoology", "ended_early", "ended early", 0, 0, 0, 0],
      [scripted.gameId, "Back Office", "finished", "finished", 5, 3, 1090, 53], // same numbers as the report
    ]);
    expect(iso(first.games[1]!.createdAt)).toBe("2025-03-01T08:59:00.000Z");
    expect(first.games[1]!.quizId).toBe(backOfficeQuizId);

    const second = await quiz.api.pastGames.list.query({ pageSize: 2, page: 2 });
    expect(second.games.map((g) => [g.id, g.statusLabel])).toEqual([[olderGameId, "interrupted"]]);
    expect((await quiz.api.pastGames.list.query({ pageSize: 2, page: 3 })).games).toEqual([]);

    const filtered = await quiz.api.pastGames.list.query({ quizId: backOfficeQuizId });
    expect(filtered).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(filtered.games.map((g) => g.id)).toEqual([scripted.gameId, olderGameId]);
    expect(filtered.quizzes).toEqual([
      { quizId: backOfficeQuizId, title: "Back Office", gameCount: 2 },
      { quizId: otherQuizId, title: "Zoology", gameCount: 1 },
    ]);
    expect((await quiz.api.pastGames.list.query({ quizId: randomUUID() })).total).toBe(0);
    expect((await quiz.api.pastGames.list.query({ quizId: "not-a-quiz" })).games).toEqual([]);
    expect((await errorOf(quiz.api.pastGames.list.query({ pageSize: 500 }))).message).toBe("The page size is a whole number from 1 to 100.");
  });

  it("the library shows each teacher when a quiz was last played and how the class did, and finds quizzes by their text", async () => {
    const library = async (api: ApiClient) => new Map((await api.quizzes.list.query()).quizzes.map((q) => [q.quizId, q]));
    const mine = await library(quiz.api);
    // Back office: the scripted game (started 09:00:30) and an older one without rounds; % correct as in its report.
    expect(mine.get(backOfficeQuizId)).toMatchObject({ gamesPlayed: 2, lastPlayedAt: at("09:00:30").toISOString(), percentCorrect: 53 });
    // Zoology: played once, no question closed: no % yet.
    expect(mine.get(otherQuizId)).toMatchObject({ gamesPlayed: 1, lastPlayedAt: "2025-03-02T10:00:00.000Z", percentCorrect: null });
    // The other teacher sees only their own game of back office.
    const theirs = await library(other);
    expect(theirs.get(backOfficeQuizId)).toMatchObject({ gamesPlayed: 1, lastPlayedAt: "2025-03-05T10:00:00.000Z", percentCorrect: null });
    expect(theirs.get(otherQuizId)).toMatchObject({ gamesPlayed: 0, lastPlayedAt: null, percentCorrect: null });

    const search = async (text: string) => (await quiz.api.quizzes.search.query({ text })).quizIds.sort();
    expect(await search("zoOLogy")).toEqual([otherQuizId]); // the title, any case
    expect(await search("settlement")).toEqual([backOfficeQuizId]); // a word of an option in the quiz file
    expect(await search("cats?")).toEqual([]); // zoology's question is not in its (stand-in) file text
    expect(await search("100%")).toEqual([]); // % and _ are letters, not wildcards
    expect(await search("o_e")).toEqual([]);
    expect(await errorOf(quiz.api.quizzes.search.query({ text: "   " }))).toEqual({ code: "BAD_REQUEST", message: "Type something to search for." });
  });

  it("exports the answers and the summary as CSV", async () => {
    const { files } = await quiz.api.pastGames.exportCsv.query({ gameId: scripted.gameId });
    expect(files.map((f) => f.fileName)).toEqual(["back-office-2025-03-01-answers.csv", "back-office-2025-03-01-summary.csv"]);
    const lines = (content: string) => content.replace(/^\uFEFF/, "").trimEnd().split("\n");
    const [q0, q1] = scripted.questions as [ScriptedQuestion, ScriptedQuestion];
    const answers = lines(files[0]!.content);
    // Ana 3 + Ben 3 + Dan 2 + Eve 3 + Cleo 3 rows, plus the header (back-office texts have no commas or quotes).
    expect(answers).toHaveLength(1 + 14);
    expect(answers[0]).toBe("Rank,Nickname,Question,Question text,Answered,Chosen,Correct,Response (s),Points,Streak");
    // The rounds were shown in file order: the first option was the red triangle, the second the blue diamond…
    const tile = (index: number) => ["Red triangle", "Blue diamond", "Yellow circle", "Green square"][index];
    expect(answers[1]).toBe(`1,Ana,1,${q0.prompt},yes,${tile(q0.right)}: ${q0.options[q0.right]},yes,2,1000,1`);
    expect(answers[2]).toBe(`1,Ana,2,${q1.prompt},yes,${tile(q1.wrong[0])}: ${q1.options[q1.wrong[0]]},no,3,0,0`);
    expect(answers.filter((line) => line.startsWith("3,Dan,"))).toHaveLength(2);
    expect(answers).toContain(`4,Eve,1,${q0.prompt},no,,no,,0,0`);

    const summary = lines(files[1]!.content);
    expect(summary[0]).toBe("Questions");
    expect(summary[2]).toMatch(new RegExp(`^1,${escape(q0.prompt)},60,2\\.88,1,very good,no,4,5,0\\.6,,not enough data,`));
    expect(summary[3]).toMatch(new RegExp(`^2,${escape(q1.prompt)},80,3\\.8,-1,negative,no,5,5,0\\.8,-0\\.87,negative,`));
    expect(summary.slice(6, 8)).toEqual(["Reliability,Value,Reading,Scored questions,Players in every question", "KR-20,-2.25,unacceptable,3,4"]);
    expect(summary.slice(-5)).toEqual(["1,Ana,1950,2,3,3,2,top", "2,Ben,1700,2,3,3,2.5,", "3,Dan,700,1,2,2,4,", "4,Eve,600,1,2,3,5.5,", "5,Cleo,500,1,3,3,3.5,bottom"]);
  });

  it("another teacher can't see, report, export or delete the game; it looks like it doesn't exist", async () => {
    const theirs = await other.pastGames.list.query();
    expect(theirs.games.map((g) => g.id)).toEqual([othersGameId]);
    expect(theirs.quizzes.map((q) => q.quizId)).toEqual([backOfficeQuizId]);
    expect(await errorOf(other.pastGames.report.query({ gameId: scripted.gameId }))).toEqual({ code: "NOT_FOUND", message: NO_SUCH_GAME });
    expect(await errorOf(other.pastGames.exportCsv.query({ gameId: scripted.gameId }))).toEqual({ code: "NOT_FOUND", message: NO_SUCH_GAME });
    expect(await errorOf(other.pastGames.delete.mutate({ gameId: scripted.gameId }))).toEqual({ code: "NOT_FOUND", message: NO_SUCH_GAME });
    // Unknown and malformed ids get the same answer.
    expect(await errorOf(quiz.api.pastGames.report.query({ gameId: randomUUID() }))).toEqual({ code: "NOT_FOUND", message: NO_SUCH_GAME });
    expect(await errorOf(quiz.api.pastGames.report.query({ gameId: "not-an-id" }))).toEqual({ code: "NOT_FOUND", message: NO_SUCH_GAME });
    expect(await errorOf(quiz.api.pastGames.delete.mutate({ gameId: "not-an-id" }))).toEqual({ code: "NOT_FOUND", message: NO_SUCH_GAME });
    // The game is still there for its owner.
    expect((await quiz.api.pastGames.report.query({ gameId: scripted.gameId })).summary.playerCount).toBe(5);
  });

  it("an anonymous visitor is asked to sign in for every procedure", async () => {
    const anonymous = apiClient(quiz.url);
    const calls = [
      anonymous.pastGames.list.query(),
      anonymous.pastGames.report.query({ gameId: scripted.gameId }),
      anonymous.pastGames.exportCsv.query({ gameId: scripted.gameId }),
      anonymous.pastGames.delete.mutate({ gameId: scripted.gameId }),
    ];
    for (const call of calls) expect((await errorOf(call)).code).toBe("UNAUTHORIZED");
  });

  it("deletes a saved game with its players, rounds and answers", async () => {
    expect(await quiz.api.pastGames.delete.mutate({ gameId: scripted.gameId })).toEqual({ deleted: true });
    expect(await errorOf(quiz.api.pastGames.report.query({ gameId: scripted.gameId }))).toEqual({ code: "NOT_FOUND", message: NO_SUCH_GAME });
    expect(await errorOf(quiz.api.pastGames.delete.mutate({ gameId: scripted.gameId }))).toEqual({ code: "NOT_FOUND", message: NO_SUCH_GAME });
    for (const table of [schema.players, schema.gameRounds, schema.answers]) {
      const [row] = await db.select({ n: count() }).from(table).where(eq(table.gameId, scripted.gameId));
      expect(row!.n).toBe(0);
    }
    expect((await quiz.api.pastGames.list.query()).total).toBe(2);
  });

  it("refuses to delete a game that is still being played, and deletes it once it is over", async () => {
    const quizVersionId = await quiz.quizVersionId("back-office");
    const { gameId } = await quiz.api.games.create.mutate({ quizVersionId });
    const listed = await quiz.api.pastGames.list.query();
    expect(listed.games[0]).toMatchObject({ id: gameId, status: "lobby", statusLabel: "waiting in lobby", playerCount: 0, questionCount: 0 });

    expect(await errorOf(quiz.api.pastGames.delete.mutate({ gameId }))).toEqual({ code: "BAD_REQUEST", message: STILL_PLAYING });
    expect(quiz.server.registry.findById(gameId)).toBeDefined();

    // Ended, its room stays open a while for the phones; deleting closes it first.
    await quiz.server.registry.findById(gameId)!.end();
    expect(await quiz.api.pastGames.delete.mutate({ gameId })).toEqual({ deleted: true });
    expect(quiz.server.registry.findById(gameId)).toBeUndefined();
    expect(await errorOf(quiz.api.pastGames.report.query({ gameId }))).toEqual({ code: "NOT_FOUND", message: NO_SUCH_GAME });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
