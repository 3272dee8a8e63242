import { z } from "zod";
import { countTeachers, currentSchoolCode, inviteState } from "../../accounts/sign-up-gate";
import { publicProcedure, router } from "../init";
import { plainText } from "../plain-text";

export const accountRouter = router({
  /** Who is signed in, and whether any teacher exists yet (a new install starts at sign-up). */
  status: publicProcedure.query(async ({ ctx }) => {
    return { teacher: ctx.teacher, hasTeachers: (await countTeachers(ctx.db)) > 0 };
  }),
  /**
   * What the sign-up page should ask for: nothing on a new install (that account becomes the admin),
   * else an invite link (whose state is told here) or the school's sign-up code, when the admin set one.
   */
  signUpOptions: publicProcedure
    .input(z.object({ inviteToken: plainText("The invite link").max(200, { error: "That invite link isn't valid." }).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const firstAccount = (await countTeachers(ctx.db)) === 0;
      return {
        firstAccount,
        schoolCodeEnabled: !firstAccount && (await currentSchoolCode(ctx.db)) !== null,
        invite: input?.inviteToken ? await inviteState(ctx.db, input.inviteToken) : null,
      };
    }),
});
