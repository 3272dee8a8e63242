import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { getGameResults, listQuizzes } from "../db";
import { createLiveGame, GameSetupError } from "../games/create-live-game";
import { publicProcedure, router } from "./init";

const createGameInput = z.object({
  quizVersionId: z.uuid(),
  options: z
    .object({
      readTimeSec: z.number().int().min(0).max(30).optional(),
      timeLimitSec: z.number().int().min(5).max(240).optional(),
    })
    .optional(),
});

export const appRouter = router({
  quizzes: router({
    list: publicProcedure.query(async ({ ctx }) => ({
      quizzes: await listQuizzes(ctx.db),
      problems: ctx.contentProblems(),
    })),
  }),
  games: router({
    create: publicProcedure.input(createGameInput).mutation(async ({ ctx, input }) => {
      try {
        return await createLiveGame({ db: ctx.db, registry: ctx.registry }, input.quizVersionId, input.options);
      } catch (error) {
        if (error instanceof GameSetupError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
        throw error;
      }
    }),
    results: publicProcedure.input(z.object({ gameId: z.uuid() })).query(async ({ ctx, input }) => {
      const results = await getGameResults(ctx.db, input.gameId);
      if (!results) throw new TRPCError({ code: "NOT_FOUND", message: "There is no saved game with that id." });
      return results;
    }),
  }),
  server: router({
    joinInfo: publicProcedure.query(({ ctx }) => ({ joinUrl: `${ctx.publicUrl}/join` })),
  }),
});

export type AppRouter = typeof appRouter;
