import { router } from "./init";
import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { gamesRouter } from "./routers/games";
import { homeworkRouter } from "./routers/homework";
import { pastGamesRouter } from "./routers/past-games";
import { quizzesRouter } from "./routers/quizzes";
import { serverInfoRouter } from "./routers/server-info";

export const appRouter = router({
  account: accountRouter,
  admin: adminRouter,
  quizzes: quizzesRouter,
  games: gamesRouter,
  homework: homeworkRouter,
  pastGames: pastGamesRouter,
  server: serverInfoRouter,
});

export type AppRouter = typeof appRouter;
