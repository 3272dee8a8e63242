import { randomUUID } from "node:crypto";
import { and, asc, count, eq, max, sql } from "drizzle-orm";
import type { ParsedQuiz, QuizQuestion, QuizSettings } from "../../src/quizdown/types";
import type { Database } from "./client";
import { questions, quizVersions, quizzes, type QuizSource } from "./schema";

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
      .values({ id: randomUUID(), slug: input.slug, title: input.title, source: input.source ?? "content" })
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
    }));
    for (let i = 0; i < rows.length; i += QUESTION_CHUNK) {
      await tx.insert(questions).values(rows.slice(i, i + QUESTION_CHUNK));
    }
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

/** Every quiz with its current version, ordered by title (then slug). */
export async function listQuizzes(db: Database): Promise<QuizListItem[]> {
  const counts = db
    .select({ quizVersionId: questions.quizVersionId, n: count().as("n") })
    .from(questions)
    .groupBy(questions.quizVersionId)
    .as("question_counts");
  return db
    .select({
      quizId: quizzes.id,
      slug: quizzes.slug,
      title: quizzes.title,
      versionId: quizVersions.id,
      version: quizVersions.version,
      questionCount: sql<number>`coalesce(${counts.n}, 0)`.mapWith(Number),
      playable: quizVersions.playable,
      unplayableReason: quizVersions.unplayableReason,
    })
    .from(quizzes)
    .innerJoin(quizVersions, eq(quizVersions.id, quizzes.currentVersionId))
    .leftJoin(counts, eq(counts.quizVersionId, quizVersions.id))
    .orderBy(asc(quizzes.title), asc(quizzes.slug));
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
  return q;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Lookups by a malformed id return null instead of a uuid syntax error from the database. */
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}
