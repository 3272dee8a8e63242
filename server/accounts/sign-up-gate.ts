/**
 * Who may make a teacher account. The first account on a fresh install (the admin) needs nothing;
 * after that a sign-up needs a one-time invite link or the school's sign-up code, both set by the admin.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../db";
import { signUpSettings, teacherInvites, teachers } from "../db/schema";

import {
  INVITE_EXPIRED_MESSAGE,
  INVITE_UNKNOWN_MESSAGE,
  INVITE_USED_MESSAGE,
  SIGN_UP_CLOSED_MESSAGE,
  WRONG_SCHOOL_CODE_MESSAGE,
} from "../../src/accounts/sign-up-messages";

export { SIGN_UP_CLOSED_MESSAGE };

const FIRST_ACCOUNT_BUSY_MESSAGE = "The first account on this server (its quiz admin) is being made right now. If that wasn't you, try again in a minute.";

/** A first sign-up that never finished (the process died half-way) stops blocking the next one after this long. */
const FIRST_ACCOUNT_CLAIM_MS = 60_000;

export interface SignUpCredentials {
  inviteToken?: unknown;
  schoolCode?: unknown;
}

export type InviteState = "valid" | "used" | "expired" | "unknown";

export class SignUpRefused extends Error {}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function asText(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" && value.length <= 200 ? value.trim() : null;
}

export async function countTeachers(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(teachers);
  return row?.n ?? 0;
}

/**
 * True when this sign-up is the first account of the install (so it becomes the admin). Of two
 * simultaneous first sign-ups only one gets true.
 */
export async function claimFirstAccount(db: Database): Promise<boolean> {
  if ((await countTeachers(db)) > 0) return false;
  const staleBefore = new Date(Date.now() - FIRST_ACCOUNT_CLAIM_MS);
  const claimed = await db
    .insert(signUpSettings)
    .values({ id: 1, firstAccountClaimedAt: new Date() })
    .onConflictDoUpdate({
      target: signUpSettings.id,
      set: { firstAccountClaimedAt: new Date() },
      setWhere: or(isNull(signUpSettings.firstAccountClaimedAt), lt(signUpSettings.firstAccountClaimedAt, staleBefore)),
    })
    .returning({ id: signUpSettings.id });
  return claimed.length === 1;
}

export async function inviteState(db: Database, token: unknown, now = new Date()): Promise<InviteState> {
  const text = asText(token);
  if (!text) return "unknown";
  const [invite] = await db.select().from(teacherInvites).where(eq(teacherInvites.tokenHash, hashToken(text)));
  if (!invite) return "unknown";
  if (invite.usedAt) return "used";
  return invite.expiresAt.getTime() <= now.getTime() ? "expired" : "valid";
}

const INVITE_MESSAGES: Record<Exclude<InviteState, "valid">, string> = {
  used: INVITE_USED_MESSAGE,
  expired: INVITE_EXPIRED_MESSAGE,
  unknown: INVITE_UNKNOWN_MESSAGE,
};

export async function currentSchoolCode(db: Database): Promise<string | null> {
  const [row] = await db.select({ schoolCode: signUpSettings.schoolCode }).from(signUpSettings).where(eq(signUpSettings.id, 1));
  return row?.schoolCode ?? null;
}

function sameText(a: string, b: string): boolean {
  const left = createHash("sha256").update(a.toLowerCase()).digest();
  const right = createHash("sha256").update(b.toLowerCase()).digest();
  return timingSafeEqual(left, right);
}

/**
 * Throws SignUpRefused (with the sentence to show) unless these credentials would let a teacher
 * sign up now. Doesn't use anything up: the invite is spent in `admitSignUp`.
 */
export async function checkSignUpAllowed(db: Database, credentials: SignUpCredentials): Promise<void> {
  if ((await countTeachers(db)) === 0) return;
  await checkCredentials(db, credentials);
}

async function checkCredentials(db: Database, credentials: SignUpCredentials): Promise<void> {
  if (asText(credentials.inviteToken)) {
    const state = await inviteState(db, credentials.inviteToken);
    if (state !== "valid") throw new SignUpRefused(INVITE_MESSAGES[state]);
    return;
  }
  const code = asText(credentials.schoolCode);
  if (code) {
    const expected = await currentSchoolCode(db);
    if (!expected) throw new SignUpRefused(SIGN_UP_CLOSED_MESSAGE);
    if (!sameText(code, expected)) throw new SignUpRefused(WRONG_SCHOOL_CODE_MESSAGE);
    return;
  }
  throw new SignUpRefused(SIGN_UP_CLOSED_MESSAGE);
}

/**
 * Decides, as the account is being created, which role it gets: "admin" for the first account,
 * "user" for one admitted by an invite (which is spent here, once) or the school code.
 */
export async function admitSignUp(db: Database, credentials: SignUpCredentials): Promise<{ role: "admin" | "user"; inviteId?: string }> {
  if (await claimFirstAccount(db)) return { role: "admin" };
  const racingTheFirst = (await countTeachers(db)) === 0;
  if (racingTheFirst && !asText(credentials.inviteToken) && !asText(credentials.schoolCode)) throw new SignUpRefused(FIRST_ACCOUNT_BUSY_MESSAGE);
  const token = asText(credentials.inviteToken);
  if (token) {
    const [spent] = await db
      .update(teacherInvites)
      .set({ usedAt: new Date() })
      .where(and(eq(teacherInvites.tokenHash, hashToken(token)), isNull(teacherInvites.usedAt), gt(teacherInvites.expiresAt, new Date())))
      .returning({ id: teacherInvites.id });
    if (!spent) {
      const state = await inviteState(db, token);
      throw new SignUpRefused(state === "valid" ? INVITE_USED_MESSAGE : INVITE_MESSAGES[state]);
    }
    return { role: "user", inviteId: spent.id };
  }
  // Not checkSignUpAllowed: a sign-up racing the first one sees no teachers yet, but is not the first.
  await checkCredentials(db, { schoolCode: credentials.schoolCode });
  return { role: "user" };
}

/** Records who used an invite, once their account exists. */
export async function markInviteUsedBy(db: Database, inviteId: string, teacherId: string): Promise<void> {
  await db.update(teacherInvites).set({ usedBy: teacherId }).where(eq(teacherInvites.id, inviteId));
}

export interface NewInvite {
  id: string;
  token: string;
  expiresAt: Date;
}

export async function createInvite(db: Database, createdBy: string, validForMs: number, now = new Date()): Promise<NewInvite> {
  const token = randomBytes(24).toString("base64url");
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + validForMs);
  await db.insert(teacherInvites).values({ id, tokenHash: hashToken(token), createdBy, createdAt: now, expiresAt });
  return { id, token, expiresAt };
}

export interface InviteListItem {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  usedByName: string | null;
}

export async function listInvites(db: Database, limit = 50): Promise<InviteListItem[]> {
  return db
    .select({
      id: teacherInvites.id,
      createdAt: teacherInvites.createdAt,
      expiresAt: teacherInvites.expiresAt,
      usedAt: teacherInvites.usedAt,
      usedByName: teachers.name,
    })
    .from(teacherInvites)
    .leftJoin(teachers, eq(teachers.id, teacherInvites.usedBy))
    .orderBy(desc(teacherInvites.createdAt))
    .limit(limit);
}

/** Cancels an unused invite; true when there was one. */
export async function cancelInvite(db: Database, inviteId: string): Promise<boolean> {
  const removed = await db
    .delete(teacherInvites)
    .where(and(eq(teacherInvites.id, inviteId), isNull(teacherInvites.usedAt)))
    .returning({ id: teacherInvites.id });
  return removed.length === 1;
}

/** Sets (or with null turns off) the school sign-up code. */
export async function setSchoolCode(db: Database, code: string | null): Promise<void> {
  await db
    .insert(signUpSettings)
    .values({ id: 1, schoolCode: code, updatedAt: new Date() })
    .onConflictDoUpdate({ target: signUpSettings.id, set: { schoolCode: code, updatedAt: new Date() } });
}
