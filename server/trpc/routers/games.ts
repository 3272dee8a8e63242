import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createLiveGame, GameSetupError } from "../../games/create-live-game";
import { playAgain } from "../../games/play-again";
import { router, teacherProcedure } from "../init";
import { TEAM_SIZE_RANGE, TEAM_TALK_RANGE } from "../../../src/protocol/teams";

const readTime = { error: "The read time is a whole number of seconds from 0 to 30." };
const timeLimit = { error: "The time per question is a whole number of seconds from 5 to 240." };
const teamSize = { error: "A team has 2 to 6 players." };
const teamTalk = { error: "The team talk is a whole number of seconds from 0 to 60." };
const questionCount = { error: "The number of questions is a whole number of at least 1." };

export const hostOptionsInput = z.object({
  readTimeSec: z.number().int(readTime).min(0, readTime).max(30, readTime).optional(),
  timeLimitSec: z.number().int(timeLimit).min(5, timeLimit).max(240, timeLimit).optional(),
  shuffleQuestions: z.boolean({ error: "Shuffle questions is on or off." }).optional(),
  shuffleAnswers: z.boolean({ error: "Shuffle answers is on or off." }).optional(),
  questionCount: z.number().int(questionCount).min(1, questionCount).max(1000, questionCount).optional(),
  lateJoin: z.boolean({ error: "Late join is on or off." }).optional(),
  pointsForSpeed: z.boolean({ error: "Points for speed is on or off." }).optional(),
  questionOnPhones: z.boolean({ error: "The question on phones is shown or hidden." }).optional(),
  generatedNicknames: z.boolean({ error: "Generated nicknames are required or not." }).optional(),
  teams: z
    .object({
      size: z.number(teamSize).int(teamSize).min(TEAM_SIZE_RANGE.min, teamSize).max(TEAM_SIZE_RANGE.max, teamSize),
      assignment: z.enum(["balanced", "pick"], { error: "Teams are made by the server or picked by the players." }),
      talkSec: z.number(teamTalk).int(teamTalk).min(TEAM_TALK_RANGE.min, teamTalk).max(TEAM_TALK_RANGE.max, teamTalk),
    })
    .optional(),
});

const createGameInput = z.object({
  quizVersionId: z.uuid({ error: "That quiz doesn't exist (any more). Reload the list and pick again." }),
  options: hostOptionsInput.optional(),
});

const playAgainInput = z.object({
  gameId: z.string({ error: "There is no saved game with that id." }),
  questions: z.enum(["all", "hard"], { error: "Play again with all the questions or the hard ones." }),
});

function refusingPlainly<T>(work: () => Promise<T>): Promise<T> {
  return work().catch((error: unknown) => {
    if (error instanceof GameSetupError) throw new TRPCError({ code: error.notFound ? "NOT_FOUND" : "BAD_REQUEST", message: error.message });
    throw error;
  });
}

export const gamesRouter = router({
  create: teacherProcedure.input(createGameInput).mutation(({ ctx, input }) =>
    refusingPlainly(() =>
      ctx.limits.withinLiveGameLimit(ctx, ctx.teacher.id, () => createLiveGame({ db: ctx.db, registry: ctx.registry }, { quizVersionId: input.quizVersionId, ownerId: ctx.teacher.id }, input.options)),
    ),
  ),
  /** After a podium: the same quiz (or its hard questions) again, with the same players following on their phones. */
  playAgain: teacherProcedure.input(playAgainInput).mutation(({ ctx, input }) =>
    refusingPlainly(() =>
      ctx.limits.withinLiveGameLimit(ctx, ctx.teacher.id, () => playAgain({ db: ctx.db, registry: ctx.registry }, { gameId: input.gameId, ownerId: ctx.teacher.id, questions: input.questions })),
    ),
  ),
});
