/** Teachers' homework: assign a quiz, list assignments with their progress, follow one live. */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { HOMEWORK_IDENTIFIER_MAX_LENGTH } from "../../../src/protocol";
import { finishClosedHomeworks, findHomework, listHomeworks, listStudents } from "../../db/homework";
import { GameSetupError } from "../../games/create-live-game";
import { assignHomework } from "../../homework/assign";
import { router, teacherProcedure } from "../init";

const NO_SUCH_HOMEWORK = "There is no homework with that id.";
const timeLimit = { error: "The time per question is a whole number of seconds from 5 to 600." };
const attempts = { error: "Attempts allowed is a whole number from 1 to 10." };
const when = { error: "Pick a date and time." };

const assignInput = z.object({
  quizVersionId: z.uuid({ error: "That quiz doesn't exist (any more). Reload the list and pick again." }),
  opensAt: z.number(when).int(when),
  closesAt: z.number(when).int(when),
  timeLimitSec: z.number().int(timeLimit).min(5, timeLimit).max(600, timeLimit).nullable(),
  attempts: z.number().int(attempts).min(1, attempts).max(10, attempts),
  showAnswers: z.enum(["after-each", "after-deadline"], { error: "Show answers after each question or after the deadline." }),
  identifierLabel: z
    .string()
    .trim()
    .max(HOMEWORK_IDENTIFIER_MAX_LENGTH, { error: `The identifier's label is at most ${HOMEWORK_IDENTIFIER_MAX_LENGTH} characters.` })
    .nullable()
    .transform((label) => (label ? label : null)),
  pointsForSpeed: z.boolean().optional(),
  shuffleQuestions: z.boolean().optional(),
  shuffleAnswers: z.boolean().optional(),
});

const homeworkInput = z.object({ gameId: z.string({ error: NO_SUCH_HOMEWORK }).max(100, NO_SUCH_HOMEWORK) });

export const homeworkRouter = router({
  assign: teacherProcedure.input(assignInput).mutation(async ({ ctx, input }) => {
    const { quizVersionId, ...options } = input;
    try {
      const ticket = await assignHomework({ db: ctx.db }, { quizVersionId, ownerId: ctx.teacher.id }, options);
      return { ...ticket, link: `${ctx.publicUrl}/homework?code=${ticket.code}` };
    } catch (error) {
      if (error instanceof GameSetupError) throw new TRPCError({ code: error.notFound ? "NOT_FOUND" : "BAD_REQUEST", message: error.message });
      throw error;
    }
  }),
  list: teacherProcedure.query(async ({ ctx }) => {
    await finishClosedHomeworks(ctx.db, new Date());
    const rows = await listHomeworks(ctx.db, ctx.teacher.id);
    return { homeworks: rows.map((row) => ({ ...row, opensAt: row.opensAt.getTime(), closesAt: row.closesAt.getTime() })), now: Date.now() };
  }),
  /** Who started, who finished, who is on which question (polled by the progress page). */
  progress: teacherProcedure.input(homeworkInput).query(async ({ ctx, input }) => {
    const homework = await findHomework(ctx.db, input.gameId);
    if (!homework || homework.ownerId !== ctx.teacher.id) throw new TRPCError({ code: "NOT_FOUND", message: NO_SUCH_HOMEWORK });
    await finishClosedHomeworks(ctx.db, new Date());
    const students = await listStudents(ctx.db, homework.gameId);
    return {
      gameId: homework.gameId,
      code: homework.code,
      link: `${ctx.publicUrl}/homework?code=${homework.code}`,
      title: homework.title,
      settings: homework.settings,
      questionCount: homework.questions.length,
      now: Date.now(),
      students: students.map((student) => ({
        playerId: student.playerId,
        nickname: student.nickname,
        identifier: student.identifier,
        phase: student.progress.phase,
        questionIndex: student.progress.questionIndex,
        answeredCount: student.progress.answeredCount,
        score: student.progress.score,
        correctCount: student.progress.correctCount,
        lastActivityAt: student.updatedAt.getTime(),
        finishedAt: student.progress.finishedAt,
      })),
    };
  }),
});
