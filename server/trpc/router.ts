import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { getGameResults, listQuizzes } from "../db";
import { createLiveGame, GameSetupError } from "../games/create-live-game";
import { publicProcedure, router } from "./init";

const readTime = { error: "The read time is a whole number of seconds from 0 to 30." };
const timeLimit = { error: "The time per question is a whole number of seconds from 5 to 240." };

const createGameInput = z.object({
  quizVersionId: z.uuid({ error: "That quiz doesn't exist (any more). Reload the list and pick again." }),
  options: z
    .object({
      readTimeSec: z.number().int(readTime).min(0, readTime).max(30, readTime).optional(),
      timeLimitSec: z.number().int(timeLimit).min(5, timeLimit).max(240, timeLimit).optional(),
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
    results: publicProcedure.input(z.object({ gameId: z.uuid({ error: "There is no saved game with that id." }) })).query(async ({ ctx, input }) => {
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
