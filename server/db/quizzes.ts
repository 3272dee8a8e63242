import { randomUUID } from "node:crypto";
import { and, asc, eq, exists, ilike, isNull, max, or, sql } from "drizzle-orm";
import type { ParsedQuiz, QuestionDetails, QuizQuestion, QuizSettings } from "../../src/quizdown/types";
import { picturesInHtml } from "../../src/quizdown/pictures";
import type { Database } from "./client";
import { libraryPlayStats } from "./library-stats";
import { listTeacherTags } from "./quiz-tags";
import { questions, quizTags, quizVersionPictures, quizVersions, quizzes, type QuizSource } from "./schema";

const QUESTION_CHUNK = 500;

export interface SaveQuizVersionInput {
  slug: string;
  title: string;
  sourceText: string;
  /** sha256 (hex) of the source file. */
  contentHash: string;
  quiz: ParsedQuiz;
  /** Defaults to "content". */
  source?: QuizSource;
  /** The teacher who uploaded it; only used when the slug is new (a quiz never changes hands). */
  ownerId?: string;
}

export interface SaveQuizVersionResult {
  quizId: string;
  versionId: string;
  version: number;
  /** False when this slug's current version already has this content hash (nothing was written). */
  changed: boolean;
}

/**
 * Stores a parsed quiz under `slug`.
 * - same hash as the current version → nothing written, `changed: false`;
 * - new hash → version N+1 with its questions, in one transaction (title updated);
 * - hash of an OLDER version (file reverted) → that version becomes current again, `changed: true`
 *   (content hashes are unique per quiz, so no duplicate version is created).
 */
export async function saveQuizVersion(db: Database, input: SaveQuizVersionInput): Promise<SaveQuizVersionResult> {
  // Fast path without a transaction: the common "server restarted, file unchanged" case.
  const [current] = await db
    .select({ quizId: quizzes.id, versionId: quizVersions.id, version: quizVersions.version })
    .from(quizzes)
    .innerJoin(quizVersions, eq(quizVersions.id, quizzes.currentVersionId))
    .where(and(eq(quizzes.slug, input.slug), eq(quizVersions.contentHash, input.contentHash)));
  if (current) return { ...current, changed: false };

  return db.transaction(async (tx) => {
    await tx
      .insert(quizzes)
      .values({ id: randomUUID(), slug: input.slug, title: input.title, source: input.source ?? "content", ownerId: input.ownerId ?? null })
      .onConflictDoNothing({ target: quizzes.slug });
    // Lock the quiz row: concurrent saves of the same slug serialise here (PostgreSQL).
    const [quiz] = await tx
      .select({ id: quizzes.id, currentVersionId: quizzes.currentVersionId })
      .from(quizzes)
      .where(eq(quizzes.slug, input.slug))
      .for("update");
    if (!quiz) throw new Error(`quiz ${input.slug} vanished while saving`);

    const [existing] = await tx
      .select({ id: quizVersions.id, version: quizVersions.version })
      .from(quizVersions)
      .where(and(eq(quizVersions.quizId, quiz.id), eq(quizVersions.contentHash, input.contentHash)));
    if (existing) {
      if (existing.id === quiz.currentVersionId) {
        return { quizId: quiz.id, versionId: existing.id, version: existing.version, changed: false };
      }
      await tx
        .update(quizzes)
        .set({ title: input.title, currentVersionId: existing.id })
        .where(eq(quizzes.id, quiz.id));
      return { quizId: quiz.id, versionId: existing.id, version: existing.version, changed: true };
    }

    const [{ latest } = { latest: null }] = await tx
      .select({ latest: max(quizVersions.version) })
      .from(quizVersions)
      .where(eq(quizVersions.quizId, quiz.id));
    const version = (latest ?? 0) + 1;
    const versionId = randomUUID();
    await tx.insert(quizVersions).values({
      id: versionId,
      quizId: quiz.id,
      version,
      contentHash: input.contentHash,
      sourceText: input.sourceText,
      settings: input.quiz.settings,
      playable: input.quiz.playable,
      unplayableReason: input.quiz.playable ? null : (input.quiz.unplayableReason ?? "This quiz can't be played yet."),
    });
    const rows = input.quiz.questions.map((q) => ({
      id: randomUUID(),
      quizVersionId: versionId,
      position: q.position,
      kind: q.kind,
      promptMarkdown: q.promptMarkdown,
      promptHtml: q.promptHtml,
      bodyHtml: q.bodyHtml,
      hintHtml: q.hintHtml ?? null,
      options: q.options,
      timeLimitSec: q.timeLimitSec ?? null,
      readTimeSec: q.readTimeSec ?? null,
      line: q.line,
      details: questionDetails(q),
    }));
    for (let i = 0; i < rows.length; i += QUESTION_CHUNK) {
      await tx.insert(questions).values(rows.slice(i, i + QUESTION_CHUNK));
    }
    const shown = picturesOfQuiz(input.quiz);
    if (shown.length > 0) await tx.insert(quizVersionPictures).values(shown.map((hash) => ({ quizVersionId: versionId, hash })));
    await tx.update(quizzes).set({ title: input.title, currentVersionId: versionId }).where(eq(quizzes.id, quiz.id));
    return { quizId: quiz.id, versionId, version, changed: true };
  });
}

export interface QuizListItem {
  quizId: string;
  slug: string;
  title: string;
  /** The current version. */
  versionId: string;
  version: number;
  questionCount: number;
  playable: boolean;
  unplayableReason: string | null;
}

// Correlated subqueries: each reads only the current version's questions (by the version/position index).
const currentQuestionCount = sql<number>`(select count(*) from ${questions} where ${questions.quizVersionId} = ${quizVersions.id})`.mapWith(Number);
const currentHasQuestionTimes = sql<boolean>`exists (select 1 from ${questions} where ${questions.quizVersionId} = ${quizVersions.id} and (${questions.timeLimitSec} is not null or ${questions.readTimeSec} is not null))`.mapWith(Boolean);

/** Every quiz with its current version, ordered by title (then slug). */
export async function listQuizzes(db: Database): Promise<QuizListItem[]> {
  return db
    .select({
      quizId: quizzes.id,
      slug: quizzes.slug,
      title: quizzes.title,
      versionId: quizVersions.id,
      version: quizVersions.version,
      questionCount: currentQuestionCount,
      playable: quizVersions.playable,
      unplayableReason: quizVersions.unplayableReason,
    })
    .from(quizzes)
    .innerJoin(quizVersions, eq(quizVersions.id, quizzes.currentVersionId))
    .orderBy(asc(quizzes.title), asc(quizzes.slug));
}

export interface LibraryQuizItem extends QuizListItem {
  source: QuizSource;
  /** Uploaded by the teacher asking: they may rename, replace and delete it. */
  editable: boolean;
  /** The current version's settings: the defaults of the host options. */
  settings: QuizSettings;
  /** Some questions set their own time per question or read time. */
  hasQuestionTimes: boolean;
  /** This teacher's started games of the quiz (any version). */
  gamesPlayed: number;
  /** When this teacher last started a game of it (ISO), or null. */
  lastPlayedAt: string | null;
  /** Class-wide % correct over those games, as in the reports; null before any scored round. */
  percentCorrect: number | null;
  /** This teacher's tags on it, alphabetical. */
  tags: string[];
}

/** The quizzes `teacherId` can host: the shared ones and their own, not deleted, ordered by title. */
export async function listLibraryQuizzes(db: Database, teacherId: string): Promise<LibraryQuizItem[]> {
  const rows = await db
    .select({
      quizId: quizzes.id,
      slug: quizzes.slug,
      title: quizzes.title,
      source: quizzes.source,
      ownerId: quizzes.ownerId,
      versionId: quizVersions.id,
      version: quizVersions.version,
      questionCount: currentQuestionCount,
      hasQuestionTimes: currentHasQuestionTimes,
      playable: quizVersions.playable,
      unplayableReason: quizVersions.unplayableReason,
      settings: quizVersions.settings,
    })
    .from(quizzes)
    .innerJoin(quizVersions, eq(quizVersions.id, quizzes.currentVersionId))
    .where(and(isNull(quizzes.deletedAt), or(isNull(quizzes.ownerId), eq(quizzes.ownerId, teacherId))))
    .orderBy(asc(quizzes.title), asc(quizzes.slug));
  const [played, tags] = await Promise.all([libraryPlayStats(db, teacherId), listTeacherTags(db, teacherId)]);
  return rows.map(({ ownerId, ...row }) => {
    const stats = played.get(row.quizId);
    return {
      ...row,
      editable: ownerId !== null && ownerId === teacherId,
      gamesPlayed: stats?.gamesPlayed ?? 0,
      lastPlayedAt: stats ? stats.lastPlayedAt.toISOString() : null,
      percentCorrect: stats?.percentCorrect ?? null,
      tags: tags.get(row.quizId) ?? [],
    };
  });
}

export interface LibrarySearch {
  /** Words in the title or the quiz file (case ignored). */
  text?: string | undefined;
  /** A tag's key (see src/library/tags.ts): only quizzes this teacher tagged so. */
  tagKey?: string | undefined;
}

/**
 * The library's quizzes whose title or text (the current version's quiz file) contains `text`,
 * ignoring case, and which this teacher tagged `tagKey`: the ids, for the library's search box and
 * tag filter (each left out when not given).
 */
export async function searchLibraryQuizzes(db: Database, teacherId: string, search: LibrarySearch): Promise<string[]> {
  const conditions = [isNull(quizzes.deletedAt), or(isNull(quizzes.ownerId), eq(quizzes.ownerId, teacherId))];
  if (search.text) {
    // % and _ are searched for as themselves, not as LIKE's wildcards.
    const pattern = `%${search.text.replace(/[\\%_]/g, "\\$&")}%`;
    conditions.push(or(ilike(quizzes.title, pattern), ilike(quizVersions.sourceText, pattern)));
  }
  if (search.tagKey !== undefined) {
    const tagged = db
      .select({ one: sql`1` })
      .from(quizTags)
      .where(and(eq(quizTags.quizId, quizzes.id), eq(quizTags.teacherId, teacherId), eq(quizTags.key, search.tagKey)));
    conditions.push(exists(tagged));
  }
  const rows = await db
    .select({ quizId: quizzes.id })
    .from(quizzes)
    .innerJoin(quizVersions, eq(quizVersions.id, quizzes.currentVersionId))
    .where(and(...conditions));
  return rows.map((row) => row.quizId);
}

export interface QuizRecord {
  quizId: string;
  slug: string;
  title: string;
  source: QuizSource;
  /** Null for a shared content/ quiz. */
  ownerId: string | null;
  deletedAt: Date | null;
  currentVersionId: string | null;
}

/** One quiz row (deleted or not, anyone's), or null when the id is unknown. */
export async function findQuiz(db: Database, quizId: string): Promise<QuizRecord | null> {
  if (!isUuid(quizId)) return null;
  const [row] = await db
    .select({
      quizId: quizzes.id,
      slug: quizzes.slug,
      title: quizzes.title,
      source: quizzes.source,
      ownerId: quizzes.ownerId,
      deletedAt: quizzes.deletedAt,
      currentVersionId: quizzes.currentVersionId,
    })
    .from(quizzes)
    .where(eq(quizzes.id, quizId));
  return row ?? null;
}

/** The quiz file a version was made from, or null when the id is unknown. */
export async function loadQuizSourceText(db: Database, versionId: string): Promise<string | null> {
  if (!isUuid(versionId)) return null;
  const [row] = await db.select({ sourceText: quizVersions.sourceText }).from(quizVersions).where(eq(quizVersions.id, versionId));
  return row?.sourceText ?? null;
}

export async function renameQuiz(db: Database, quizId: string, title: string): Promise<void> {
  await db.update(quizzes).set({ title }).where(eq(quizzes.id, quizId));
}

/** Takes the quiz out of the library; its versions and questions stay for the reports of past games. */
export async function markQuizDeleted(db: Database, quizId: string, at: Date = new Date()): Promise<void> {
  await db.update(quizzes).set({ deletedAt: at }).where(and(eq(quizzes.id, quizId), isNull(quizzes.deletedAt)));
}

export type StoredQuestion = QuizQuestion & { id: string };

export interface LoadedQuizVersion {
  versionId: string;
  quizId: string;
  slug: string;
  title: string;
  version: number;
  settings: QuizSettings;
  playable: boolean;
  unplayableReason: string | null;
  /** Null for a shared content/ quiz. */
  ownerId: string | null;
  deletedAt: Date | null;
  /** In position order. */
  questions: StoredQuestion[];
}

/** A stored version with its questions (in position order), or null when the id is unknown. */
export async function loadQuizVersion(db: Database, versionId: string): Promise<LoadedQuizVersion | null> {
  if (!isUuid(versionId)) return null;
  const [head] = await db
    .select({
      versionId: quizVersions.id,
      quizId: quizzes.id,
      slug: quizzes.slug,
      title: quizzes.title,
      version: quizVersions.version,
      settings: quizVersions.settings,
      playable: quizVersions.playable,
      unplayableReason: quizVersions.unplayableReason,
      ownerId: quizzes.ownerId,
      deletedAt: quizzes.deletedAt,
    })
    .from(quizVersions)
    .innerJoin(quizzes, eq(quizzes.id, quizVersions.quizId))
    .where(eq(quizVersions.id, versionId));
  if (!head) return null;
  const rows = await db
    .select()
    .from(questions)
    .where(eq(questions.quizVersionId, versionId))
    .orderBy(asc(questions.position));
  return { ...head, questions: rows.map(toQuestion) };
}

function toQuestion(row: typeof questions.$inferSelect): StoredQuestion {
  const q: StoredQuestion = {
    id: row.id,
    position: row.position,
    kind: row.kind,
    promptMarkdown: row.promptMarkdown,
    promptHtml: row.promptHtml,
    bodyHtml: row.bodyHtml,
    options: row.options,
    line: row.line,
  };
  if (row.hintHtml != null) q.hintHtml = row.hintHtml;
  if (row.timeLimitSec != null) q.timeLimitSec = row.timeLimitSec;
  if (row.readTimeSec != null) q.readTimeSec = row.readTimeSec;
  if (row.details) Object.assign(q, row.details);
  return q;
}

/** The stored pictures (their hashes) a quiz's questions show, each once. */
export function picturesOfQuiz(quiz: ParsedQuiz): string[] {
  const html = quiz.questions.flatMap((q) => [q.promptHtml, q.bodyHtml, q.hintHtml ?? "", ...q.options.flatMap((o) => [o.html, o.commentHtml ?? ""])]);
  return picturesInHtml(html.join("\n"));
}

/** The kind's settings beyond the options, or null when the question has none (a plain choice question). */
function questionDetails(q: QuizQuestion): QuestionDetails | null {
  const details: QuestionDetails = {};
  if (q.points !== undefined) details.points = q.points;
  if (q.scoring !== undefined) details.scoring = q.scoring;
  if (q.typed !== undefined) details.typed = q.typed;
  if (q.slider !== undefined) details.slider = q.slider;
  if (q.unplayableReason !== undefined) details.unplayableReason = q.unplayableReason;
  return Object.keys(details).length > 0 ? details : null;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Lookups by a malformed id return null instead of a uuid syntax error from the database. */
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}
