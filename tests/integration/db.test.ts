import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, count, eq, sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import {
  addPlayer,
  addPlayers,
  createGame,
  deleteGame,
  finishGame,
  finishGames,
  getGameAuth,
  listLiveGames,
  listQuizzes,
  loadReportSource,
  loadQuizVersion,
  markGameStarted,
  markGamesStarted,
  MIGRATIONS_FOLDER,
  openDatabase,
  removePlayer,
  saveLiveGames,
  saveQuizVersion,
  saveAnswers,
  saveRound,
  schema,
  type AnswerRow,
  type Database,
} from "../../server/db/index";
import { submitAnswer } from "../../server/engine";
import { databaseGameStore } from "../../server/rooms/database-store";
import { buildGameReport } from "../../server/reports/build-report";
import type { ReportAnswer } from "../../server/reports/types";
import { join, newGame as newEngineGame, ok, startAndOpen } from "../support/engine-fixtures";
import { makeQuiz, option, question, quizInput } from "../support/quiz-fixtures";
import { openTestDatabase, resultRows, testDatabaseTargets, useTestDatabase } from "../support/test-database";

const { answers, gameRounds, games, players, questions, quizVersions } = schema;

const t0 = new Date("2025-03-01T09:00:00.000Z");
const at = (sec: number) => new Date(t0.getTime() + sec * 1000);

async function rowCount(db: Database, table: typeof games | typeof players | typeof gameRounds | typeof answers, gameId: string) {
  const col = "gameId" in table ? table.gameId : table.id;
  const [r] = await db.select({ n: count() }).from(table).where(eq(col, gameId));
  return r?.n ?? 0;
}

async function versionCount(db: Database, quizId: string) {
  const [r] = await db.select({ n: count() }).from(quizVersions).where(eq(quizVersions.quizId, quizId));
  return r?.n ?? 0;
}

/** A three-question quiz used by the game tests. */
const gameQuiz = makeQuiz([
  question(0, "single", "Capital of France?", [option("Paris", true), option("Lyon"), option("Nice")]),
  question(1, "multiple", "Prime numbers?", [option("2", true), option("3", true), option("4")]),
  question(2, "single", "2 + 2?", [option("3"), option("4", true)]),
]);

async function savedGameQuiz(db: Database, slug: string) {
  const saved = await saveQuizVersion(db, quizInput(slug, `# ${slug}`, gameQuiz, "Game Quiz"));
  const loaded = await loadQuizVersion(db, saved.versionId);
  if (!loaded) throw new Error("quiz not loaded");
  return { saved, questionIds: loaded.questions.map((q) => q.id) };
}

async function newGame(db: Database, quizVersionId: string, code = "123456") {
  const id = randomUUID();
  const ownerId = randomUUID();
  await db.insert(schema.teachers).values({ id: ownerId, name: "Ms Test", email: `${ownerId}@school.test` });
  await createGame(db, { id, quizVersionId, code, hostSecretHash: "hash:" + id, ownerId, createdAt: t0 });
  return id;
}

describe.each(testDatabaseTargets())("database on %s", (target) => {
  const database = useTestDatabase(target);

  describe("migrations", () => {
    it("apply on a fresh database and record every journal entry", async () => {
      const { db } = database();
      const tables = resultRows<{ table_name: string }>(
        await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`),
      ).map((r) => r.table_name);
      expect(tables).toEqual([
        "answers",
        "auth_verifications",
        "game_rounds",
        "games",
        "homework_students",
        "homeworks",
        "live_games",
        "pictures",
        "players",
        "questions",
        "quiz_pictures",
        "quiz_tags",
        "quiz_version_pictures",
        "quiz_versions",
        "quizzes",
        "sign_up_settings",
        "teacher_accounts",
        "teacher_invites",
        "teacher_sessions",
        "teachers",
      ]);

      const journal = JSON.parse(await readFile(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
        entries: unknown[];
      };
      const applied = resultRows<{ n: string | number }>(
        await db.execute(sql`select count(*) as n from drizzle.__drizzle_migrations`),
      );
      expect(Number(applied[0]?.n)).toBe(journal.entries.length);
    });

    it("re-opening an existing database keeps data and applies nothing twice", async () => {
      const journalEntries = () => JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")).entries.length as number;
      const countApplied = async (db: Database) =>
        Number(resultRows<{ n: string | number }>(await db.execute(sql`select count(*) as n from drizzle.__drizzle_migrations`))[0]?.n);
      if (target === "pglite") {
        const dataDir = await mkdtemp(path.join(tmpdir(), "quiz-pglite-reopen-"));
        try {
          const first = await openDatabase({ url: "", dataDir: path.join(dataDir, "nested", "pglite") });
          await saveQuizVersion(first.db, quizInput("persisted", "# persisted", gameQuiz));
          await first.close();
          const second = await openDatabase({ url: "", dataDir: path.join(dataDir, "nested", "pglite") });
          try {
            expect((await listQuizzes(second.db)).map((q) => q.slug)).toEqual(["persisted"]);
            expect(await countApplied(second.db)).toBe(journalEntries());
          } finally {
            await second.close();
          }
        } finally {
          await rm(dataDir, { recursive: true, force: true });
        }
      } else {
        const first = await openTestDatabase("postgres");
        try {
          await saveQuizVersion(first.db, quizInput("persisted", "# persisted", gameQuiz));
          // Two processes opening the same database at once: the advisory lock serialises the migrators.
          const [second, third] = await Promise.all([openDatabase({ url: first.url }), openDatabase({ url: first.url })]);
          try {
            expect((await listQuizzes(second.db)).map((q) => q.slug)).toEqual(["persisted"]);
            expect(await countApplied(third.db)).toBe(journalEntries());
          } finally {
            await Promise.all([second.close(), third.close()]);
          }
        } finally {
          await first.close();
        }
      }
    });
  });

  describe("quizzes", () => {
    const v1 = makeQuiz([
      question(0, "single", "What is **2+2**?", [option("3"), option("**4**", true, "<p>Basic maths.</p>")], {
        bodyHtml: "<p>Think.</p>",
        hintHtml: "<p>Count on fingers.</p>",
        timeLimitSec: 30,
        readTimeSec: 2,
      }),
      question(1, "multiple", "Colours of the French flag?", [option("Blue", true), option("Green"), option("Red", true)]),
    ], {
      title: "Maths",
      settings: { shuffleQuestions: true, shuffleAnswers: false, nQuestions: 1, primaryColor: "#123456", locale: "fr", timeLimitSec: 15, readTimeSec: 3 },
    });
    const v2 = makeQuiz([question(0, "single", "Changed?", [option("Yes", true), option("No")])], { title: "Maths 2" });

    it("saving the same quiz twice creates one version", async () => {
      const { db } = database();
      const a = await saveQuizVersion(db, quizInput("same", "source one", v1, "Same"));
      const b = await saveQuizVersion(db, quizInput("same", "source one", v1, "Same"));
      expect(a).toMatchObject({ version: 1, changed: true });
      expect(b).toEqual({ ...a, changed: false });
      expect(await versionCount(db, a.quizId)).toBe(1);
    });

    it("changed content creates version 2 and version 1 still loads", async () => {
      const { db } = database();
      const a = await saveQuizVersion(db, quizInput("evolving", "first text", v1, "Evolving"));
      const b = await saveQuizVersion(db, quizInput("evolving", "second text", v2, "Evolving Two"));
      expect(b).toMatchObject({ quizId: a.quizId, version: 2, changed: true });
      expect(b.versionId).not.toBe(a.versionId);
      expect(await versionCount(db, a.quizId)).toBe(2);

      const old = await loadQuizVersion(db, a.versionId);
      expect(old?.questions.map((q) => q.promptMarkdown)).toEqual(["What is **2+2**?", "Colours of the French flag?"]);
      const cur = await loadQuizVersion(db, b.versionId);
      expect(cur?.questions.map((q) => q.promptMarkdown)).toEqual(["Changed?"]);
      expect(cur?.title).toBe("Evolving Two");

      const listed = (await listQuizzes(db)).find((q) => q.slug === "evolving");
      expect(listed).toEqual({
        quizId: a.quizId,
        slug: "evolving",
        title: "Evolving Two",
        versionId: b.versionId,
        version: 2,
        questionCount: 1,
        playable: true,
        unplayableReason: null,
      });

      // Reverting the file to the first content makes version 1 current again (no duplicate version).
      const c = await saveQuizVersion(db, quizInput("evolving", "first text", v1, "Evolving"));
      expect(c).toEqual({ quizId: a.quizId, versionId: a.versionId, version: 1, changed: true });
      expect(await versionCount(db, a.quizId)).toBe(2);
      expect((await listQuizzes(db)).find((q) => q.slug === "evolving")).toMatchObject({ versionId: a.versionId, version: 1, questionCount: 2 });
      expect(await saveQuizVersion(db, quizInput("evolving", "first text", v1, "Evolving"))).toMatchObject({ changed: false });
    });

    it("loadQuizVersion round-trips questions, options and settings", async () => {
      const { db } = database();
      const saved = await saveQuizVersion(db, quizInput("roundtrip", "roundtrip text", v1, "Round Trip"));
      const loaded = await loadQuizVersion(db, saved.versionId);
      expect(loaded).not.toBeNull();
      expect(loaded!.settings).toEqual(v1.settings);
      expect(loaded).toMatchObject({ versionId: saved.versionId, quizId: saved.quizId, title: "Round Trip", slug: "roundtrip", version: 1, playable: true });
      expect(loaded!.questions.map(({ id, ...q }) => q)).toEqual(v1.questions);
      for (const q of loaded!.questions) expect(q.id).toMatch(/^[0-9a-f-]{36}$/);
      // Optional fields absent in the input stay absent (not null).
      expect("hintHtml" in loaded!.questions[1]!).toBe(false);
      expect("commentHtml" in loaded!.questions[1]!.options[0]!).toBe(false);
    });

    it("loadQuizVersion returns null for unknown or malformed ids", async () => {
      const { db } = database();
      expect(await loadQuizVersion(db, randomUUID())).toBeNull();
      expect(await loadQuizVersion(db, "not-a-uuid")).toBeNull();
    });

    it("stores unplayable quizzes and lists quizzes by title", async () => {
      const { db } = database();
      const ordering = makeQuiz([question(0, "order", "Sort these", [option("a"), option("b"), option("c")])], {
        playable: false,
        unplayableReason: "Question 1 (line 3) is an ordering question; ordering questions can't be played yet.",
      });
      await saveQuizVersion(db, quizInput("zz-ordering", "ordering text", ordering, "AAA Ordering"));
      const list = await listQuizzes(db);
      expect(list[0]).toMatchObject({ slug: "zz-ordering", playable: false, questionCount: 1, unplayableReason: ordering.unplayableReason });
      const titles = list.map((q) => q.title);
      expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    });

    it("saves a quiz with many questions (chunked inserts) in one version", async () => {
      const { db } = database();
      const many = makeQuiz(Array.from({ length: 620 }, (_, i) => question(i, "single", `Q${i}`, [option("a", true), option("b")])));
      const saved = await saveQuizVersion(db, quizInput("many", "many text", many));
      const loaded = await loadQuizVersion(db, saved.versionId);
      expect(loaded?.questions).toHaveLength(620);
      expect(loaded?.questions[619]?.promptMarkdown).toBe("Q619");
    });
  });

  describe("games", () => {
    it("create, start, auth and finish with standings", async () => {
      const { db } = database();
      const { saved } = await savedGameQuiz(db, "games-basic");
      const id = await newGame(db, saved.versionId, "654321");
      expect(await getGameAuth(db, id)).toEqual({ id, code: "654321", status: "lobby", hostSecretHash: "hash:" + id, quizVersionId: saved.versionId });
      expect(await getGameAuth(db, randomUUID())).toBeNull();
      expect(await getGameAuth(db, "123456")).toBeNull();

      await markGameStarted(db, id, at(10));
      expect((await getGameAuth(db, id))?.status).toBe("running");

      const n = 1200;
      const playerRows = Array.from({ length: n }, (_, i) => ({ id: randomUUID(), gameId: id, nickname: `p${i}`, joinedAt: at(i), joinSeq: i + 1 }));
      await db.insert(players).values(playerRows.slice(0, 600));
      await db.insert(players).values(playerRows.slice(600));
      await finishGame(db, id, {
        at: at(500),
        status: "ended_early",
        standings: playerRows.map((p, i) => ({ playerId: p.id, score: (n - i) * 10, rank: i + 1 })),
      });
      const [g] = await db.select().from(games).where(eq(games.id, id));
      expect(g).toMatchObject({ status: "ended_early", startedAt: at(10), finishedAt: at(500), createdAt: t0 });
      const stored = await db
        .select({ id: players.id, s: players.finalScore, r: players.finalRank })
        .from(players)
        .where(eq(players.gameId, id))
        .orderBy(asc(players.joinSeq));
      expect(stored).toHaveLength(n);
      expect(stored[0]).toEqual({ id: playerRows[0]!.id, s: n * 10, r: 1 });
      expect(stored[n - 1]).toEqual({ id: playerRows[n - 1]!.id, s: 10, r: n });
    });

    it("games started and finished together (one statement each) keep their own times, status and standings", async () => {
      const { db } = database();
      const { saved } = await savedGameQuiz(db, "games-together");
      const [a, b, c] = [await newGame(db, saved.versionId, "333331"), await newGame(db, saved.versionId, "333332"), await newGame(db, saved.versionId, "333333")];
      await markGamesStarted(db, [{ gameId: a, at: at(1) }, { gameId: b, at: at(2) }]);
      const player = async (gameId: string, joinSeq: number) => {
        const id = randomUUID();
        await addPlayer(db, { id, gameId, nickname: `p${joinSeq}`, joinedAt: at(3), joinSeq, tokenHash: `token:${id}` });
        return id;
      };
      const a1: string = await player(a, 1);
      const a2: string = await player(a, 2);
      const b1: string = await player(b, 1);
      await finishGames(db, [
        { gameId: a, at: at(100), status: "finished", standings: [{ playerId: a1, score: 900, rank: 2 }, { playerId: a2, score: 1800, rank: 1 }] },
        // A standing naming another game's player changes nothing there.
        { gameId: b, at: at(200), status: "ended_early", standings: [{ playerId: b1, score: 500, rank: 1 }, { playerId: a1, score: 1, rank: 9 }] },
      ]);
      const rows = await db.select({ id: games.id, status: games.status, startedAt: games.startedAt, finishedAt: games.finishedAt }).from(games);
      const byId = Object.fromEntries(rows.map(({ id, ...rest }) => [id, rest]));
      expect([byId[a], byId[b], byId[c]]).toEqual([
        { status: "finished", startedAt: at(1), finishedAt: at(100) },
        { status: "ended_early", startedAt: at(2), finishedAt: at(200) },
        { status: "lobby", startedAt: null, finishedAt: null },
      ]);
      const scores = await db.select({ id: players.id, score: players.finalScore, rank: players.finalRank }).from(players);
      expect(Object.fromEntries(scores.filter((p) => [a1, a2, b1].includes(p.id)).map(({ id, ...rest }) => [id, rest]))).toEqual({
        [a1]: { score: 900, rank: 2 },
        [a2]: { score: 1800, rank: 1 },
        [b1]: { score: 500, rank: 1 },
      });
    });

    it("codes may repeat across games; the status check rejects unknown statuses", async () => {
      const { db } = database();
      const { saved } = await savedGameQuiz(db, "games-codes");
      await newGame(db, saved.versionId, "111111");
      await newGame(db, saved.versionId, "111111");
      const [r] = await db.select({ n: count() }).from(games).where(eq(games.code, "111111"));
      expect(r?.n).toBe(2);
      await expect(
        db.insert(games).values({ id: randomUUID(), quizVersionId: saved.versionId, code: "1", hostSecretHash: "x", status: "paused" as never }),
      ).rejects.toThrow();
    });
  });

  describe("live games", () => {
    it("saves many games' snapshots in one statement; a game listed twice keeps its last state", async () => {
      const { db } = database();
      const { saved } = await savedGameQuiz(db, "live-games");
      const [a, b] = [await newGame(db, saved.versionId, "222221"), await newGame(db, saved.versionId, "222222")];
      const json = (value: unknown) => JSON.stringify(value);
      await saveLiveGames(db, [
        { gameId: a, stateJson: json({ phase: "lobby" }), questionsJson: json([{ id: "q1" }]), scoresJson: json({ ranking: [] }), savedAt: at(1) },
        { gameId: b, stateJson: json({ phase: "lobby" }), questionsJson: json([{ id: "q2" }]), scoresJson: json({ ranking: [] }), savedAt: at(1) },
      ]);
      // The parts left out keep what was stored; the ones given replace it.
      await saveLiveGames(db, [
        { gameId: a, stateJson: json({ phase: "answering" }), savedAt: at(2) },
        { gameId: a, stateJson: json({ phase: "reveal" }), scoresJson: json({ ranking: ["p1"] }), savedAt: at(3) },
      ]);
      const rows = (await listLiveGames(db)).filter((row) => row.gameId === a || row.gameId === b);
      expect(Object.fromEntries(rows.map((row) => [row.gameId, [row.state, row.questions, row.scores, row.savedAt]]))).toEqual({
        [a]: [{ phase: "reveal" }, [{ id: "q1" }], { ranking: ["p1"] }, at(3)],
        [b]: [{ phase: "lobby" }, [{ id: "q2" }], { ranking: [] }, at(1)],
      });
    });

    it("removes the live states of games that end together in one statement, and only theirs", async () => {
      const { db } = database();
      const { saved } = await savedGameQuiz(db, "live-removed");
      const ids: string[] = [await newGame(db, saved.versionId, "444441"), await newGame(db, saved.versionId, "444442"), await newGame(db, saved.versionId, "444443")];
      const json = (value: unknown) => JSON.stringify(value);
      await saveLiveGames(db, ids.map((gameId) => ({ gameId, stateJson: json({ phase: "leaderboard" }), questionsJson: "[]", scoresJson: json({ ranking: [] }), savedAt: at(1) })));
      // Every statement the store starts, whichever way it builds it.
      const statements: string[] = [];
      const counting = new Proxy(db, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver);
          if (property !== "execute" && property !== "delete") return value;
          return (...args: unknown[]) => {
            statements.push(property === "execute" ? new PgDialect().sqlToQuery(args[0] as SQL).sql.trim().split(/\s+/).slice(0, 2).join(" ") : "delete from");
            return (value as (...args: unknown[]) => unknown).apply(target, args);
          };
        },
      });
      const store = databaseGameStore(counting);
      await Promise.all([store.remove(ids[0]!), store.remove(ids[1]!)]);
      expect(statements).toEqual(["delete from"]);
      const left = (await listLiveGames(db)).map((row) => row.gameId).filter((id) => ids.includes(id));
      expect(left).toEqual([ids[2]]);
    });

    it("stores a game's questions once and its scores only when they change, and restores the whole state", async () => {
      const { db } = database();
      const { saved } = await savedGameQuiz(db, "live-parts");
      const live = newEngineGame();
      live.gameId = await newGame(db, saved.versionId, "333331");
      const ids = join(live, 3);
      const store = databaseGameStore(db);
      await store.save(live);
      // Mark the stored questions: a save that rewrote them would lose the mark.
      await db.execute(sql`update live_games set questions = jsonb_set(questions, '{0,promptHtml}', '"kept"') where game_id = ${live.gameId}`);
      const scoresBefore = await db.execute(sql`select scores::text as scores from live_games where game_id = ${live.gameId}`);

      const opened = startAndOpen(live);
      await store.save(live);
      const scoresAfterOpen = await db.execute(sql`select scores::text as scores from live_games where game_id = ${live.gameId}`);
      expect(resultRows(scoresAfterOpen)).toEqual(resultRows(scoresBefore));

      ids.forEach((id, i) => ok(submitAnswer(live, { playerId: id, questionIndex: 0, choice: [i % 2], now: opened + 1_000 * (i + 1) })));
      expect(live.phase).toBe("reveal");
      await store.save(live);

      const [restored] = (await store.list()).filter((state) => state.gameId === live.gameId);
      expect(restored!.questions[0]!.promptHtml).toBe("kept");
      expect(restored!.questions.slice(1)).toEqual(live.questions.slice(1));
      expect(restored!.phase).toBe("reveal");
      expect(restored!.ranking).toEqual(live.ranking);
      for (const id of ids) expect(restored!.players[id]!.score).toBe(live.players[id]!.score);
      expect(ids.some((id) => live.players[id]!.score > 0)).toBe(true);
    });

    it("encodes a big game's scores in the later turn it is given, and restores them the same", async () => {
      const { db } = database();
      const { saved } = await savedGameQuiz(db, "live-big");
      const live = newEngineGame();
      live.gameId = await newGame(db, saved.versionId, "333332");
      const ids = join(live, 1_500);
      const opened = startAndOpen(live);
      ids.forEach((id, i) => ok(submitAnswer(live, { playerId: id, questionIndex: 0, choice: [i % 2], now: opened + 10 * (i + 1) })));
      expect(live.phase).toBe("reveal");
      const store = databaseGameStore(db);
      const rankingWhenSaved = [...live.ranking];
      const laterTurns: string[] = [];
      await store.save(live, async (work) => {
        laterTurns.push(live.phase);
        await new Promise((resolve) => setImmediate(resolve));
        // A phone joins before the rows are encoded: the snapshot stays the state it was taken from.
        join(live, 1);
        return work();
      });
      expect(laterTurns).toEqual(["reveal"]);
      expect(live.activePlayerCount).toBe(1_501);

      const [restored] = (await store.list()).filter((state) => state.gameId === live.gameId);
      expect(restored!.ranking).toEqual(rankingWhenSaved);
      expect(Object.keys(restored!.players)).toHaveLength(1_500);
      expect(restored!.activePlayerCount).toBe(1_500);
      for (const id of ids) expect(restored!.players[id]!.score).toBe(live.players[id]!.score);
      expect(new Set(ids.map((id) => live.players[id]!.score)).size).toBeGreaterThan(1);
    });
  });

  describe("rounds", () => {
    it("stores hostile text from phones exactly as typed through the batched writes (nicknames, typed answers)", async () => {
      const { db } = database();
      const { saved, questionIds } = await savedGameQuiz(db, "batch-text");
      const gameId = await newGame(db, saved.versionId);
      const hostile = ['Ada "the" \\ Lovelace', "{NULL}", "a,b,c", "NULL", 'x\\"y', "émoji 🦊 ﷽", "", " trailing "];
      const people = hostile.map((nickname, i) => ({ id: randomUUID(), gameId, nickname: nickname || "empty", joinedAt: at(i), joinSeq: i + 1, tokenHash: `hash-${i}` }));
      await addPlayers(db, people);
      const stored = await db.select({ id: players.id, nickname: players.nickname, joinSeq: players.joinSeq, joinedAt: players.joinedAt }).from(players).where(eq(players.gameId, gameId)).orderBy(asc(players.joinSeq));
      expect(stored).toEqual(people.map(({ id, nickname, joinSeq, joinedAt }) => ({ id, nickname, joinSeq, joinedAt })));

      const rows: AnswerRow[] = people.map((person, i) => ({
        id: randomUUID(),
        gameId,
        questionId: questionIds[0]!,
        playerId: person.id,
        roundIndex: 0,
        choices: i % 2 ? [2, 0] : [],
        answer: i % 2 ? null : { text: hostile[i]! },
        correct: false,
        points: i,
        streak: 0,
        responseMs: 100 + i,
        answeredAt: at(10 + i),
        clientAnswerId: i % 3 ? randomUUID() : null,
      }));
      await saveAnswers(db, rows);
      const back = await db.select().from(answers).where(eq(answers.gameId, gameId));
      for (const row of rows) {
        expect(back.find((answer) => answer.id === row.id)).toMatchObject({
          playerId: row.playerId,
          choices: [...row.choices].sort((a, b) => a - b),
          answer: row.answer,
          points: row.points,
          answeredAt: row.answeredAt,
          clientAnswerId: row.clientAnswerId,
        });
      }
    });

    it("saveRound is idempotent, chunks big batches and keeps the first answer", async () => {
      const { db } = database();
      const { saved, questionIds } = await savedGameQuiz(db, "rounds-idem");
      const gameId = await newGame(db, saved.versionId);
      const ids = Array.from({ length: 1100 }, () => randomUUID());
      await db.insert(players).values(ids.map((id, i) => ({ id, gameId, nickname: `n${i}`, joinedAt: t0, joinSeq: i + 1 })));
      const round = { gameId, roundIndex: 0, questionId: questionIds[0]!, optionOrder: [2, 0, 1], openedAt: at(0), closedAt: at(20), eligiblePlayers: 1100 };
      const rows: AnswerRow[] = ids.map((playerId, i) => ({
        id: randomUUID(),
        gameId,
        questionId: questionIds[0]!,
        playerId,
        roundIndex: 0,
        choices: i % 2 ? [2, 0] : [0],
        correct: i % 2 === 0,
        points: i % 2 === 0 ? 500 : 0,
        streak: i % 2 === 0 ? 1 : 0,
        responseMs: 1000 + i,
        answeredAt: at(1),
      }));
      await saveRound(db, { round, answers: rows });
      await saveRound(db, { round, answers: rows });
      // Same (game, question, player) with a new answer id and other values: ignored, not an error.
      await saveRound(db, {
        round: { ...round, eligiblePlayers: 1, optionOrder: [0, 1, 2] },
        answers: rows.slice(0, 3).map((a) => ({ ...a, id: randomUUID(), points: 9999, correct: false })),
      });

      expect(await rowCount(db, gameRounds, gameId)).toBe(1);
      expect(await rowCount(db, answers, gameId)).toBe(1100);
      const [r] = await db.select().from(gameRounds).where(eq(gameRounds.gameId, gameId));
      expect(r).toMatchObject({ optionOrder: [2, 0, 1], eligiblePlayers: 1100, openedAt: at(0), closedAt: at(20) });
      const [first] = await db.select().from(answers).where(and(eq(answers.gameId, gameId), eq(answers.playerId, ids[0]!)));
      expect(first).toMatchObject({ id: rows[0]!.id, points: 500, correct: true, choices: [0], answeredAt: at(1) });
      const [second] = await db.select().from(answers).where(and(eq(answers.gameId, gameId), eq(answers.playerId, ids[1]!)));
      expect(second?.choices).toEqual([0, 2]); // stored sorted
    });
  });

  describe("results", () => {
    /** The teacher who hosts a game made by newGame. */
    async function ownerOf(db: Database, gameId: string): Promise<string> {
      const [row] = await db.select({ ownerId: games.ownerId }).from(games).where(eq(games.id, gameId));
      return row!.ownerId!;
    }

    /** What pastGames.report answers that teacher: the report built from the game's saved rows. */
    async function reportOf(db: Database, gameId: string, ownerId: string) {
      const source = await loadReportSource(db, gameId, ownerId);
      return source && buildGameReport(source);
    }

    const answered = (roundIndex: number, choices: number[], correct: boolean, points: number, responseMs: number, streak = 0): ReportAnswer => ({
      roundIndex, answered: true, correct, choices, responseMs, points, streak,
    });
    const missed = (roundIndex: number): ReportAnswer => ({ roundIndex, answered: false, correct: false, choices: [], responseMs: null, points: 0, streak: 0 });

    it("ranks a scripted game from its answers, with round statistics", async () => {
      const { db } = database();
      const { saved, questionIds } = await savedGameQuiz(db, "results-scripted");
      const [q0, q1, q2] = questionIds as [string, string, string];
      const gameId = await newGame(db, saved.versionId, "424242");
      await markGameStarted(db, gameId, at(5));

      const names = ["Ann", "Bob", "Cid", "Dee", "Eve", "Fay"] as const;
      const pid = Object.fromEntries(names.map((n) => [n, randomUUID()])) as Record<(typeof names)[number], string>;
      for (const [i, n] of names.entries()) {
        await addPlayer(db, { id: pid[n], gameId, nickname: n, joinedAt: at(i), joinSeq: i + 1, tokenHash: "t" });
      }
      const ans = (player: (typeof names)[number], questionId: string, roundIndex: number, choices: number[], correct: boolean, points: number, responseMs: number, streak = 0): AnswerRow => ({
        id: randomUUID(), gameId, questionId, playerId: pid[player], roundIndex, choices, correct, points, streak, responseMs, answeredAt: at(100 * roundIndex + responseMs / 1000),
      });

      // Round 0 (Q0 single, Paris correct): 6 eligible. Dee answers, and is removed only after the round closed.
      await saveRound(db, {
        round: { gameId, roundIndex: 0, questionId: q0, optionOrder: [1, 2, 0], openedAt: at(10), closedAt: at(30), eligiblePlayers: 6 },
        answers: [
          ans("Ann", q0, 0, [0], true, 900, 1000, 1),
          ans("Bob", q0, 0, [0], true, 800, 2000, 1),
          ans("Cid", q0, 0, [1], false, 0, 1500),
          ans("Dee", q0, 0, [0], true, 950, 500, 1),
        ],
      });
      // Round 1 (Q1 multiple, 2 and 3 correct): Dee answers, then is removed BEFORE the round closes → 5 eligible,
      // and Dee's answer doesn't count in the round statistics.
      await removePlayer(db, pid.Dee, at(115));
      await saveRound(db, {
        round: { gameId, roundIndex: 1, questionId: q1, optionOrder: [0, 1, 2], openedAt: at(110), closedAt: at(130), eligiblePlayers: 5 },
        answers: [
          ans("Ann", q1, 1, [1, 0], true, 700, 3000, 2),
          ans("Bob", q1, 1, [0], false, 0, 9000),
          ans("Cid", q1, 1, [0, 1], true, 800, 2500, 1),
          ans("Dee", q1, 1, [2], false, 0, 4000),
        ],
      });
      // Round 2 (Q2 single, "4" correct).
      await saveRound(db, {
        round: { gameId, roundIndex: 2, questionId: q2, optionOrder: [1, 0], openedAt: at(210), closedAt: at(230), eligiblePlayers: 5 },
        answers: [
          ans("Ann", q2, 2, [0], false, 0, 4000),
          ans("Bob", q2, 2, [1], true, 800, 1000, 1),
          ans("Cid", q2, 2, [1], true, 900, 2000, 2),
        ],
      });
      await finishGame(db, gameId, { at: at(300), status: "finished", standings: [] });

      // Another game on the same quiz (another teacher's) must not leak into this report.
      const other = await newGame(db, saved.versionId, "424242");
      const stranger = randomUUID();
      await addPlayer(db, { id: stranger, gameId: other, nickname: "Ann", joinedAt: t0, joinSeq: 1, tokenHash: "t" });
      await saveRound(db, {
        round: { gameId: other, roundIndex: 0, questionId: q0, optionOrder: [0, 1, 2], openedAt: at(0), closedAt: at(20), eligiblePlayers: 1 },
        answers: [{ id: randomUUID(), gameId: other, questionId: q0, playerId: stranger, roundIndex: 0, choices: [2], correct: false, points: 0, streak: 0, responseMs: 1, answeredAt: at(1) }],
      });

      const owner = await ownerOf(db, gameId);
      // The other game's teacher can't read this game.
      expect(await reportOf(db, gameId, await ownerOf(db, other))).toBeNull();
      const report = await reportOf(db, gameId, owner);
      expect(report).not.toBeNull();
      expect(report!.game).toEqual({
        id: gameId, code: "424242", status: "finished", statusLabel: "finished", quizId: saved.quizId, quizTitle: "Game Quiz",
        createdAt: t0, startedAt: at(5), finishedAt: at(300), options: {},
      });
      // Scores: Ann 900+700+0 = 1600 (correct ms 1000+3000 = 4000); Bob 800+0+800 = 1600 (correct ms 2000+1000 = 3000,
      // though 12000 counting his slow wrong answer); Cid 0+800+900 = 1700; Eve and Fay 0 (join order); Dee removed.
      // Everyone joined before round 0 opened, so each ranked player was in all 3 rounds. Item-analysis groups for
      // 5 players: round(27 % × 5) = 1 each, so Cid is the top group and Fay the bottom one.
      expect(report!.ranking).toEqual([
        {
          playerId: pid.Cid, nickname: "Cid", rank: 1, score: 1700, correctCount: 2, answeredCount: 3, eligibleCount: 3,
          averageResponseMs: 2000, group: "top", // (1500 + 2500 + 2000) / 3
          answers: [answered(0, [1], false, 0, 1500), answered(1, [0, 1], true, 800, 2500, 1), answered(2, [1], true, 900, 2000, 2)],
        },
        {
          playerId: pid.Bob, nickname: "Bob", rank: 2, score: 1600, correctCount: 2, answeredCount: 3, eligibleCount: 3,
          averageResponseMs: 4000, group: null, // (2000 + 9000 + 1000) / 3
          answers: [answered(0, [0], true, 800, 2000, 1), answered(1, [0], false, 0, 9000), answered(2, [1], true, 800, 1000, 1)],
        },
        {
          playerId: pid.Ann, nickname: "Ann", rank: 3, score: 1600, correctCount: 2, answeredCount: 3, eligibleCount: 3,
          averageResponseMs: 2667, group: null, // (1000 + 3000 + 4000) / 3, rounded; choices are stored sorted
          answers: [answered(0, [0], true, 900, 1000, 1), answered(1, [0, 1], true, 700, 3000, 2), answered(2, [0], false, 0, 4000)],
        },
        { playerId: pid.Eve, nickname: "Eve", rank: 4, score: 0, correctCount: 0, answeredCount: 0, eligibleCount: 3, averageResponseMs: null, group: null, answers: [missed(0), missed(1), missed(2)] },
        { playerId: pid.Fay, nickname: "Fay", rank: 5, score: 0, correctCount: 0, answeredCount: 0, eligibleCount: 3, averageResponseMs: null, group: "bottom", answers: [missed(0), missed(1), missed(2)] },
      ]);
      // The tie-breakers: Bob before Ann on equal score by the lower summed response time of correct answers
      // (his slow wrong answer doesn't count); Eve before Fay on everything equal by join order (5 before 6).
      const correctMs = report!.ranking.map((p) => [p.nickname, p.score, p.answers.filter((a) => a.correct).reduce((ms, a) => ms + a.responseMs!, 0)]);
      expect(correctMs).toEqual([["Cid", 1700, 4500], ["Bob", 1600, 3000], ["Ann", 1600, 4000], ["Eve", 0, 0], ["Fay", 0, 0]]);

      const rounds = report!.questions.map((q) => ({
        roundIndex: q.roundIndex, questionId: q.questionId, promptHtml: q.promptHtml, promptText: q.promptText, kind: q.kind,
        options: q.options.map((o) => ({ index: o.index, html: o.html, correct: o.correct, picked: o.picked })),
        answered: q.answered, correctCount: q.correctCount, eligible: q.eligible, percentCorrect: q.percentCorrect,
        averageResponseMs: q.averageResponseMs, hard: q.hard,
      }));
      expect(rounds).toEqual([
        {
          roundIndex: 0, questionId: q0, promptHtml: "Capital of France?", promptText: "Capital of France?", kind: "single",
          options: [
            { index: 0, html: "Paris", correct: true, picked: 3 },
            { index: 1, html: "Lyon", correct: false, picked: 1 },
            { index: 2, html: "Nice", correct: false, picked: 0 },
          ],
          // Dee's answer counts here: she was removed after this round closed.
          answered: 4, correctCount: 3, eligible: 6, percentCorrect: 50, averageResponseMs: 1250, hard: false,
        },
        {
          roundIndex: 1, questionId: q1, promptHtml: "Prime numbers?", promptText: "Prime numbers?", kind: "multiple",
          options: [
            { index: 0, html: "2", correct: true, picked: 3 },
            { index: 1, html: "3", correct: true, picked: 2 },
            { index: 2, html: "4", correct: false, picked: 0 },
          ],
          answered: 3, correctCount: 2, eligible: 5, percentCorrect: 40, averageResponseMs: 4833, hard: false,
        },
        {
          roundIndex: 2, questionId: q2, promptHtml: "2 + 2?", promptText: "2 + 2?", kind: "single",
          options: [
            { index: 0, html: "3", correct: false, picked: 1 },
            { index: 1, html: "4", correct: true, picked: 2 },
          ],
          answered: 3, correctCount: 2, eligible: 5, percentCorrect: 40, averageResponseMs: 2333, hard: false,
        },
      ]);
      // Average score 4900 / 5; 7 correct of 16 eligible; 26500 ms over the 10 counted answers.
      expect(report!.summary).toEqual({ playerCount: 5, questionCount: 3, averageScore: 980, percentCorrect: 44, averageResponseMs: 2650, groupSize: 1 });
      // The report doesn't show the displayed option order; it is saved with each round.
      const orders = await db.select({ roundIndex: gameRounds.roundIndex, optionOrder: gameRounds.optionOrder }).from(gameRounds).where(eq(gameRounds.gameId, gameId)).orderBy(asc(gameRounds.roundIndex));
      expect(orders).toEqual([
        { roundIndex: 0, optionOrder: [1, 2, 0] },
        { roundIndex: 1, optionOrder: [0, 1, 2] },
        { roundIndex: 2, optionOrder: [1, 0] },
      ]);
    });

    it("handles a round nobody could answer, and unknown games", async () => {
      const { db } = database();
      const { saved, questionIds } = await savedGameQuiz(db, "results-empty");
      const gameId = await newGame(db, saved.versionId);
      await saveRound(db, {
        round: { gameId, roundIndex: 0, questionId: questionIds[0]!, optionOrder: [0, 1, 2], openedAt: at(0), closedAt: at(20), eligiblePlayers: 0 },
        answers: [],
      });
      const owner = await ownerOf(db, gameId);
      const report = await reportOf(db, gameId, owner);
      expect(report?.ranking).toEqual([]);
      expect(report?.questions).toHaveLength(1);
      expect(report?.questions[0]).toMatchObject({ answered: 0, correctCount: 0, eligible: 0, percentCorrect: 0 });
      expect(report?.questions[0]?.options.map((o) => o.picked)).toEqual([0, 0, 0]);
      expect(report?.game).toMatchObject({ status: "lobby", startedAt: null, finishedAt: null });
      expect(await reportOf(db, randomUUID(), owner)).toBeNull();
      expect(await reportOf(db, "nope", owner)).toBeNull();
    });
  });

  describe("cascade", () => {
    it("deleting a game deletes its players, rounds and answers, not the quiz", async () => {
      const { db } = database();
      const { saved, questionIds } = await savedGameQuiz(db, "cascade");
      const gameId = await newGame(db, saved.versionId);
      const keep = await newGame(db, saved.versionId);
      for (const g of [gameId, keep]) {
        const p = randomUUID();
        await addPlayer(db, { id: p, gameId: g, nickname: "Zed", joinedAt: t0, joinSeq: 1, tokenHash: "t" });
        await saveRound(db, {
          round: { gameId: g, roundIndex: 0, questionId: questionIds[0]!, optionOrder: [0, 1, 2], openedAt: at(0), closedAt: at(20), eligiblePlayers: 1 },
          answers: [{ id: randomUUID(), gameId: g, questionId: questionIds[0]!, playerId: p, roundIndex: 0, choices: [0], correct: true, points: 1000, streak: 1, responseMs: 10, answeredAt: at(1) }],
        });
      }
      expect(await deleteGame(db, gameId)).toBe(true);
      expect(await deleteGame(db, gameId)).toBe(false);
      expect(await rowCount(db, games, gameId)).toBe(0);
      expect(await rowCount(db, players, gameId)).toBe(0);
      expect(await rowCount(db, gameRounds, gameId)).toBe(0);
      expect(await rowCount(db, answers, gameId)).toBe(0);
      for (const table of [players, gameRounds, answers]) expect(await rowCount(db, table, keep)).toBe(1);
      const [qs] = await db.select({ n: count() }).from(questions).where(eq(questions.quizVersionId, saved.versionId));
      expect(qs?.n).toBe(3);
    });
  });

  describe("concurrency", () => {
    it("plain queries issued during a transaction wait for it (and see its result)", async () => {
      const { db } = database();
      const { saved } = await savedGameQuiz(db, "concurrency");
      const gameIds = Array.from({ length: 20 }, () => randomUUID());
      // Many transactions and plain queries in flight at once: must neither deadlock nor interleave badly.
      await Promise.all([
        ...gameIds.map((id, i) =>
          db.transaction(async (tx) => {
            await tx.insert(games).values({ id, quizVersionId: saved.versionId, code: String(100000 + i), hostSecretHash: "x", createdAt: t0 });
            await tx.insert(players).values({ id: randomUUID(), gameId: id, nickname: "a", joinedAt: t0, joinSeq: 1, tokenHash: "t" });
          }),
        ),
        ...gameIds.map((id) => getGameAuth(db, id)),
      ]);
      for (const id of gameIds) expect(await rowCount(db, players, id)).toBe(1);

      // A failing transaction rolls back entirely.
      const failing = randomUUID();
      await expect(
        db.transaction(async (tx) => {
          await tx.insert(games).values({ id: failing, quizVersionId: saved.versionId, code: "999999", hostSecretHash: "x" });
          await tx.insert(players).values({ id: randomUUID(), gameId: randomUUID(), nickname: "orphan", joinedAt: t0, joinSeq: 1, tokenHash: "t" });
        }),
      ).rejects.toThrow();
      expect(await getGameAuth(db, failing)).toBeNull();
    });
  });
});
