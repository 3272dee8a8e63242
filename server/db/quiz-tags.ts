/** A teacher's tags on the library's quizzes (see quizTags in schema.ts). */
import { and, asc, count, eq } from "drizzle-orm";
import type { Database } from "./client";
import { quizTags, quizzes } from "./schema";

/** Each quiz's tags for this teacher, by quiz id, in alphabetical order. */
export async function listTeacherTags(db: Database, teacherId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ quizId: quizTags.quizId, label: quizTags.label })
    .from(quizTags)
    .where(eq(quizTags.teacherId, teacherId))
    .orderBy(asc(quizTags.key));
  const tags = new Map<string, string[]>();
  for (const { quizId, label } of rows) {
    const list = tags.get(quizId);
    if (list) list.push(label);
    else tags.set(quizId, [label]);
  }
  return tags;
}

export type AddTagResult = "added" | "already" | "full";

/**
 * Puts a tag on a quiz for this teacher, unless the quiz already has it (in any case) or has `max`
 * tags. The quiz row is locked so two tabs adding at once can't pass the cap together.
 */
export async function addQuizTag(db: Database, input: { teacherId: string; quizId: string; key: string; label: string; max: number }): Promise<AddTagResult> {
  return db.transaction(async (tx) => {
    await tx.select({ id: quizzes.id }).from(quizzes).where(eq(quizzes.id, input.quizId)).for("update");
    const mine = and(eq(quizTags.quizId, input.quizId), eq(quizTags.teacherId, input.teacherId));
    const [existing] = await tx.select({ key: quizTags.key }).from(quizTags).where(and(mine, eq(quizTags.key, input.key)));
    if (existing) return "already";
    const [{ tags } = { tags: 0 }] = await tx.select({ tags: count() }).from(quizTags).where(mine);
    if (tags >= input.max) return "full";
    await tx.insert(quizTags).values({ quizId: input.quizId, teacherId: input.teacherId, key: input.key, label: input.label }).onConflictDoNothing();
    return "added";
  });
}

export async function removeQuizTag(db: Database, input: { teacherId: string; quizId: string; key: string }): Promise<void> {
  await db
    .delete(quizTags)
    .where(and(eq(quizTags.quizId, input.quizId), eq(quizTags.teacherId, input.teacherId), eq(quizTags.key, input.key)));
}

/** The copy of a quiz starts with the tags the teacher had put on the original (at most a quiz's cap: a few rows). */
export async function copyQuizTags(db: Database, input: { teacherId: string; fromQuizId: string; toQuizId: string }): Promise<void> {
  const tags = await db
    .select({ key: quizTags.key, label: quizTags.label })
    .from(quizTags)
    .where(and(eq(quizTags.quizId, input.fromQuizId), eq(quizTags.teacherId, input.teacherId)));
  if (tags.length === 0) return;
  await db
    .insert(quizTags)
    .values(tags.map((tag) => ({ ...tag, quizId: input.toQuizId, teacherId: input.teacherId })))
    .onConflictDoNothing();
}
