import { publicProcedure, router } from "../init";

export const serverInfoRouter = router({
  joinInfo: publicProcedure.query(({ ctx }) => ({ joinUrl: `${ctx.publicUrl}/join` })),
});
