/**
 * Stored pictures (content-addressed by the sha256 of their WebP bytes) and the names each quiz gives
 * them. A picture stays stored while a quiz has it or a version shows it whose quiz is not deleted
 * or has been played: games already played keep the pictures they showed.
 */
import { and, asc, eq, inArray, isNull, notExists, sql } from "drizzle-orm";
import type { QuizPicture } from "../../src/quizdown/pictures";
import type { Database } from "./client";
import { games, pictures, quizPictures, quizVersionPictures, quizVersions } from "./schema";

export interface StoredPictureInput {
  hash: string;
  bytes: Buffer;
  width: number;
  height: number;
  /** The phone's rendition. */
  phoneBytes?: Buffer;
}

/** Stores the picture (once: the same bytes are the same row) and gives it `name` in the quiz, replacing what that name was. */
export async function addQuizPicture(db: Database, quizId: string, name: string, picture: StoredPictureInput): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(pictures).values(picture).onConflictDoNothing({ target: pictures.hash });
    const [previous] = await tx.select({ hash: quizPictures.hash }).from(quizPictures).where(and(eq(quizPictures.quizId, quizId), eq(quizPictures.name, name)));
    await tx
      .insert(quizPictures)
      .values({ quizId, name, hash: picture.hash })
      .onConflictDoUpdate({ target: [quizPictures.quizId, quizPictures.name], set: { hash: picture.hash, createdAt: new Date() } });
    if (previous && previous.hash !== picture.hash) await forgetUnused(tx, [previous.hash]);
  });
}

/**
 * Stores pictures before a quiz names them (a new quiz's first version shows them as it is saved);
 * `forgetPictures` lets them go again if the quiz is not saved after all.
 */
export async function storePictures(db: Database, stored: StoredPictureInput[]): Promise<void> {
  for (const picture of stored) await db.insert(pictures).values(picture).onConflictDoNothing({ target: pictures.hash });
}

/** Deletes those of `hashes` no quiz names and no kept version shows. */
export async function forgetPictures(db: Database, hashes: string[]): Promise<void> {
  await db.transaction((tx) => forgetUnused(tx, hashes));
}

/** The quiz's pictures by name, in name order. */
export async function listQuizPictures(db: Database, quizId: string): Promise<QuizPicture[]> {
  return db
    .select({ name: quizPictures.name, hash: quizPictures.hash, width: pictures.width, height: pictures.height })
    .from(quizPictures)
    .innerJoin(pictures, eq(pictures.hash, quizPictures.hash))
    .where(eq(quizPictures.quizId, quizId))
    .orderBy(asc(quizPictures.name));
}

/** One stored picture's bytes, or null. */
export async function loadPictureBytes(db: Database, hash: string): Promise<Buffer | null> {
  const [row] = await db.select({ bytes: pictures.bytes }).from(pictures).where(eq(pictures.hash, hash));
  return row?.bytes ?? null;
}

/**
 * One stored picture's phone rendition, or null when there is no such picture. A picture stored
 * before phones had their own rendition gets one made by `make` (from its stored bytes) and kept.
 */
export async function loadPhonePictureBytes(db: Database, hash: string, make: (stored: Buffer) => Promise<Buffer | null>): Promise<Buffer | null> {
  const [row] = await db.select({ phoneBytes: pictures.phoneBytes }).from(pictures).where(eq(pictures.hash, hash));
  if (!row) return null;
  if (row.phoneBytes) return row.phoneBytes;
  const stored = await loadPictureBytes(db, hash);
  if (!stored) return null;
  const phoneBytes = await make(stored);
  // Not made this time (the server is busy): the phone gets the stored picture, and the next request tries again.
  if (!phoneBytes) return stored;
  await db.update(pictures).set({ phoneBytes }).where(and(eq(pictures.hash, hash), isNull(pictures.phoneBytes)));
  return phoneBytes;
}

/** The copy of a quiz gets the same pictures under the same names (the bytes are shared, not stored twice). */
export async function copyQuizPictures(db: Database, fromQuizId: string, toQuizId: string): Promise<void> {
  await db.execute(sql`insert into ${quizPictures} (quiz_id, name, hash)
    select ${toQuizId}, ${quizPictures.name}, ${quizPictures.hash} from ${quizPictures} where ${quizPictures.quizId} = ${fromQuizId}
    on conflict do nothing`);
}

/** Takes `name` out of the quiz; its bytes go when nothing else keeps them. */
export async function removeQuizPicture(db: Database, quizId: string, name: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await tx.delete(quizPictures).where(and(eq(quizPictures.quizId, quizId), eq(quizPictures.name, name))).returning({ hash: quizPictures.hash });
    await forgetUnused(tx, removed.map((row) => row.hash));
    return removed.length > 0;
  });
}

/**
 * A deleted quiz lets go of its pictures, except those shown by a version some game played (its
 * report, and a game still running, keep showing them).
 */
export async function releaseDeletedQuizPictures(db: Database, quizId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const named = await tx.delete(quizPictures).where(eq(quizPictures.quizId, quizId)).returning({ hash: quizPictures.hash });
    const unplayed = tx
      .select({ id: quizVersions.id })
      .from(quizVersions)
      .where(and(eq(quizVersions.quizId, quizId), notExists(tx.select({ one: sql`1` }).from(games).where(eq(games.quizVersionId, quizVersions.id)))));
    const shown = await tx.delete(quizVersionPictures).where(inArray(quizVersionPictures.quizVersionId, unplayed)).returning({ hash: quizVersionPictures.hash });
    await forgetUnused(tx, [...named, ...shown].map((row) => row.hash));
  });
}

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Deletes those of `hashes` no quiz names and no kept version shows. */
async function forgetUnused(tx: Transaction, hashes: string[]): Promise<void> {
  const candidates = [...new Set(hashes)];
  if (candidates.length === 0) return;
  await tx
    .delete(pictures)
    .where(
      and(
        inArray(pictures.hash, candidates),
        notExists(tx.select({ one: sql`1` }).from(quizPictures).where(eq(quizPictures.hash, pictures.hash))),
        notExists(tx.select({ one: sql`1` }).from(quizVersionPictures).where(eq(quizVersionPictures.hash, pictures.hash))),
      ),
    );
}

