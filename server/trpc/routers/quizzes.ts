import { listQuizzes } from "../../db";
import { router, teacherProcedure } from "../init";

export const quizzesRouter = router({
  list: teacherProcedure.query(async ({ ctx }) => ({
    quizzes: await listQuizzes(ctx.db),
    problems: ctx.contentProblems(),
  })),
});
