/**
 * The school's quiz admin (the first account): invite links, the school sign-up code, and the list
 * of teachers, whom the admin can turn off (they can't sign in, their sessions end) and on again.
 */
import { TRPCError } from "@trpc/server";
import { asc } from "drizzle-orm";
import { z } from "zod";
import { cancelInvite, createInvite, currentSchoolCode, listInvites, setSchoolCode } from "../../accounts/sign-up-gate";
import { teachers } from "../../db/schema";
import { adminProcedure, router } from "../init";
import { findBadCharacter, plainText } from "../plain-text";

const NO_SUCH_TEACHER = "There is no teacher with that id.";
const SCHOOL_CODE_MIN = 8;
const schoolCodeWords = { error: `A school sign-up code is ${SCHOOL_CODE_MIN} to 64 characters long, so students can't guess it.` };

const teacherInput = z.object({
  teacherId: z
    .string({ error: NO_SUCH_TEACHER })
    .max(100, { error: NO_SUCH_TEACHER })
    .refine((id) => findBadCharacter(id, { multiline: false }) === null, { error: NO_SUCH_TEACHER }),
});

export const adminRouter = router({
  teachers: adminProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db
      .select({ id: teachers.id, name: teachers.name, email: teachers.email, role: teachers.role, banned: teachers.banned, createdAt: teachers.createdAt })
      .from(teachers)
      .orderBy(asc(teachers.createdAt));
    return rows.map((row) => ({ id: row.id, name: row.name, email: row.email, isAdmin: row.role === "admin", disabled: row.banned === true, createdAt: row.createdAt }));
  }),

  /** Turns a teacher's account off: better-auth's admin plugin deletes their sessions and refuses their sign-ins. */
  disableTeacher: adminProcedure.input(teacherInput).mutation(async ({ ctx, input }) => {
    if (input.teacherId === ctx.teacher.id) throw new TRPCError({ code: "BAD_REQUEST", message: "You can't turn off your own account." });
    await ctx.auth.api.banUser({ headers: ctx.headers, body: { userId: input.teacherId, banReason: "Turned off by the school's quiz admin" } }).catch((error: unknown) => {
      throw notFoundOr(error);
    });
    return { teacherId: input.teacherId, disabled: true as const };
  }),

  enableTeacher: adminProcedure.input(teacherInput).mutation(async ({ ctx, input }) => {
    await ctx.auth.api.unbanUser({ headers: ctx.headers, body: { userId: input.teacherId } }).catch((error: unknown) => {
      throw notFoundOr(error);
    });
    return { teacherId: input.teacherId, disabled: false as const };
  }),

  invites: adminProcedure.query(async ({ ctx }) => {
    const now = Date.now();
    return (await listInvites(ctx.db)).map((invite) => ({
      ...invite,
      state: invite.usedAt ? ("used" as const) : invite.expiresAt.getTime() <= now ? ("expired" as const) : ("open" as const),
    }));
  }),

  /** A one-time sign-up link. Only its hash is kept: the link is shown this once. */
  createInvite: adminProcedure.mutation(async ({ ctx }) => {
    const invite = await createInvite(ctx.db, ctx.teacher.id, ctx.inviteValidMs);
    return { id: invite.id, path: `/sign-up?invite=${invite.token}`, token: invite.token, expiresAt: invite.expiresAt };
  }),

  cancelInvite: adminProcedure.input(z.object({ inviteId: z.uuid({ error: "There is no open invite with that id." }) })).mutation(async ({ ctx, input }) => {
    if (!(await cancelInvite(ctx.db, input.inviteId))) throw new TRPCError({ code: "NOT_FOUND", message: "There is no open invite with that id." });
    return { cancelled: true as const };
  }),

  signUpSettings: adminProcedure.query(async ({ ctx }) => ({ schoolCode: await currentSchoolCode(ctx.db) })),

  /** Sets or changes the school sign-up code; null turns it off. */
  setSchoolCode: adminProcedure
    .input(z.object({ schoolCode: plainText("The school sign-up code").trim().min(SCHOOL_CODE_MIN, schoolCodeWords).max(64, schoolCodeWords).nullable() }))
    .mutation(async ({ ctx, input }) => {
      await setSchoolCode(ctx.db, input.schoolCode);
      return { schoolCode: input.schoolCode };
    }),
});

function notFoundOr(error: unknown): unknown {
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.statusCode;
  if (status === 404) return new TRPCError({ code: "NOT_FOUND", message: NO_SUCH_TEACHER });
  if (status === 400 || status === 403) return new TRPCError({ code: "BAD_REQUEST", message: (error as Error).message });
  return error;
}
