import { sql } from "drizzle-orm";
import { teachers } from "../../db/schema";
import { publicProcedure, router } from "../init";

export const accountRouter = router({
  /** Who is signed in, and whether any teacher exists yet (a new install starts at sign-up). */
  status: publicProcedure.query(async ({ ctx }) => {
    const [{ n } = { n: 0 }] = await ctx.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(teachers);
    return { teacher: ctx.teacher, hasTeachers: n > 0 };
  }),
});
