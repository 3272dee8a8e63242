/** Homework rows (see schema.ts: a homework is a game; its students are players). */
import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import type { GameQuestion } from "../engine/types";
import type { HomeworkSettings, StudentProgress } from "../engine/homework/types";
import type { Database } from "./client";
import { isUuid } from "./quizzes";
import { saveAnswers, type AnswerRow, type RoundRow } from "./rounds";
import { gameRounds, games, homeworkStudents, homeworks, players, quizVersions, quizzes } from "./schema";

export interface StoredHomework {
  gameId: string;
  code: string;
  ownerId: string | null;
  title: string;
  settings: HomeworkSettings;
  questions: GameQuestion[];
}

/** The game, its homework row and one round per question (open from opensAt to closesAt), in one transaction. */
export async function insertHomework(
  db: Database,
  input: { game: typeof games.$inferInsert; homework: typeof homeworks.$inferInsert; rounds: RoundRow[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(games).values(input.game);
    await tx.insert(homeworks).values(input.homework);
    if (input.rounds.length > 0) await tx.insert(gameRounds).values(input.rounds);
  });
}

export async function isHomeworkCodeTaken(db: Database, code: string): Promise<boolean> {
  const [row] = await db.select({ id: homeworks.gameId }).from(homeworks).where(eq(homeworks.code, code));
  return row !== undefined;
}

const homeworkColumns = {
  gameId: homeworks.gameId,
  code: homeworks.code,
  ownerId: games.ownerId,
  title: quizzes.title,
  settings: homeworks.settings,
  questions: homeworks.questions,
};

function toHomework(row: { gameId: string; code: string; ownerId: string | null; title: string; settings: unknown; questions: unknown }): StoredHomework {
  return { ...row, settings: row.settings as HomeworkSettings, questions: row.questions as GameQuestion[] };
}

function homeworkQuery(db: Database) {
  return db
    .select(homeworkColumns)
    .from(homeworks)
    .innerJoin(games, eq(games.id, homeworks.gameId))
    .innerJoin(quizVersions, eq(quizVersions.id, games.quizVersionId))
    .innerJoin(quizzes, eq(quizzes.id, quizVersions.quizId));
}

export async function findHomeworkByCode(db: Database, code: string): Promise<StoredHomework | null> {
  const [row] = await homeworkQuery(db).where(eq(homeworks.code, code));
  return row ? toHomework(row) : null;
}

export async function findHomework(db: Database, gameId: string): Promise<StoredHomework | null> {
  if (!isUuid(gameId)) return null;
  const [row] = await homeworkQuery(db).where(eq(homeworks.gameId, gameId));
  return row ? toHomework(row) : null;
}

export interface StoredStudent {
  playerId: string;
  nickname: string;
  tokenHash: string | null;
  identifier: string | null;
  attempt: number;
  progress: StudentProgress;
  updatedAt: Date;
}

const studentColumns = {
  playerId: homeworkStudents.playerId,
  nickname: players.nickname,
  tokenHash: players.tokenHash,
  identifier: homeworkStudents.identifier,
  attempt: homeworkStudents.attempt,
  progress: homeworkStudents.progress,
  updatedAt: homeworkStudents.updatedAt,
};

function toStudent(row: Omit<StoredStudent, "progress"> & { progress: unknown }): StoredStudent {
  return { ...row, progress: row.progress as StudentProgress };
}

export async function findStudent(db: Database, gameId: string, playerId: string): Promise<StoredStudent | null> {
  if (!isUuid(playerId)) return null;
  const [row] = await db
    .select(studentColumns)
    .from(homeworkStudents)
    .innerJoin(players, eq(players.id, homeworkStudents.playerId))
    .where(and(eq(homeworkStudents.gameId, gameId), eq(homeworkStudents.playerId, playerId)));
  return row ? toStudent(row) : null;
}

/** Earlier attempts under this nickname (by its lookalike key), latest first. */
export interface EarlierAttempt {
  attempt: number;
  finished: boolean;
}

/** A start let through: which attempt it is and the nickname it is saved under. */
export interface Admission {
  ok: true;
  attempt: number;
  nickname: string;
}

/**
 * A new student, unless `decide` refuses them given the earlier attempts under the same nickname:
 * their player row, their progress, and one more eligible player on every round. Starts of one
 * homework take turns (the game's row is locked first), so two students starting at once neither
 * share a join number nor a nickname, nor deadlock on the rounds they both count themselves into.
 */
export async function startStudent<Refused extends { ok: false }>(
  db: Database,
  input: { playerId: string; gameId: string; nicknameKey: string; tokenHash: string; identifier: string | null; progress: StudentProgress; now: Date },
  decide: (earlier: EarlierAttempt[]) => Admission | Refused,
): Promise<Admission | Refused> {
  return db.transaction(async (tx) => {
    await tx.select({ id: games.id }).from(games).where(eq(games.id, input.gameId)).for("update");
    const rows = await tx
      .select({ attempt: homeworkStudents.attempt, progress: homeworkStudents.progress })
      .from(homeworkStudents)
      .where(and(eq(homeworkStudents.gameId, input.gameId), eq(homeworkStudents.nicknameKey, input.nicknameKey)))
      .orderBy(desc(homeworkStudents.attempt));
    const decision = decide(rows.map((row) => ({ attempt: row.attempt, finished: (row.progress as StudentProgress).phase === "finished" })));
    if (!decision.ok) return decision;
    const [{ next } = { next: 1 }] = await tx
      .select({ next: sql<number>`coalesce(max(${players.joinSeq}), 0) + 1`.mapWith(Number) })
      .from(players)
      .where(eq(players.gameId, input.gameId));
    await tx.insert(players).values({ id: input.playerId, gameId: input.gameId, nickname: decision.nickname, joinedAt: input.now, joinSeq: next, tokenHash: input.tokenHash });
    await tx.insert(homeworkStudents).values({
      playerId: input.playerId,
      gameId: input.gameId,
      nicknameKey: input.nicknameKey,
      identifier: input.identifier,
      attempt: decision.attempt,
      progress: input.progress,
      updatedAt: input.now,
    });
    await tx.update(gameRounds).set({ eligiblePlayers: sql`${gameRounds.eligiblePlayers} + 1` }).where(eq(gameRounds.gameId, input.gameId));
    return decision;
  });
}

/** A step of a student's homework: the answer (if any) and the new progress together, before the phone is told. */
export async function saveStudentStep(db: Database, input: { playerId: string; progress: StudentProgress; answer?: AnswerRow; now: Date }): Promise<void> {
  const update = async (tx: Database) => {
    if (input.answer) await saveAnswers(tx, [input.answer]);
    await tx.update(homeworkStudents).set({ progress: input.progress, updatedAt: input.now }).where(eq(homeworkStudents.playerId, input.playerId));
  };
  if (input.answer) await db.transaction((tx) => update(tx as unknown as Database));
  else await update(db);
}

export interface HomeworkListRow {
  gameId: string;
  code: string;
  title: string;
  opensAt: Date;
  closesAt: Date;
  students: number;
  finished: number;
}

export async function listHomeworks(db: Database, ownerId: string): Promise<HomeworkListRow[]> {
  const rows = await db
    .select({
      gameId: homeworks.gameId,
      code: homeworks.code,
      title: quizzes.title,
      opensAt: homeworks.opensAt,
      closesAt: homeworks.closesAt,
      students: sql<number>`(select count(*) from ${homeworkStudents} where ${homeworkStudents.gameId} = ${homeworks.gameId})`.mapWith(Number),
      finished: sql<number>`(select count(*) from ${homeworkStudents} where ${homeworkStudents.gameId} = ${homeworks.gameId} and ${homeworkStudents.progress}->>'phase' = 'finished')`.mapWith(Number),
    })
    .from(homeworks)
    .innerJoin(games, eq(games.id, homeworks.gameId))
    .innerJoin(quizVersions, eq(quizVersions.id, games.quizVersionId))
    .innerJoin(quizzes, eq(quizzes.id, quizVersions.quizId))
    .where(eq(games.ownerId, ownerId))
    .orderBy(desc(homeworks.closesAt));
  return rows;
}

export async function listStudents(db: Database, gameId: string): Promise<StoredStudent[]> {
  const rows = await db
    .select(studentColumns)
    .from(homeworkStudents)
    .innerJoin(players, eq(players.id, homeworkStudents.playerId))
    .where(eq(homeworkStudents.gameId, gameId))
    .orderBy(asc(players.joinSeq));
  return rows.map(toStudent);
}

/** Homework past its closing time is a finished game (its report no longer says "in progress"). */
export async function finishClosedHomeworks(db: Database, now: Date): Promise<void> {
  await db
    .update(games)
    .set({ status: "finished", finishedAt: sql`(select ${homeworks.closesAt} from ${homeworks} where ${homeworks.gameId} = ${games.id})` })
    .where(and(eq(games.status, "running"), sql`${games.id} in (select ${homeworks.gameId} from ${homeworks} where ${lt(homeworks.closesAt, now)})`));
}
