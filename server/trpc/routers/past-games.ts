import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { deleteGame, isGameOwnedBy, listPastGameQuizzes, listPastGames, loadReportSource, type Database } from "../../db";
import { buildGameReport } from "../../reports/build-report";
import { gameReportCsvFiles } from "../../reports/csv";
import { csvWords } from "../../reports/csv-words";
import { LOCALES } from "../../../src/i18n/locales";
import type { GameReport } from "../../reports/types";
import type { RoomDirectory } from "../../rooms/room-directory";
import { router, teacherProcedure } from "../init";

const NO_SUCH_GAME = "There is no saved game with that id.";
const STILL_PLAYING = "This game is still being played. End it first, then delete its results.";
const pageNumber = { error: "The page is a whole number of at least 1." };
const pageSize = { error: "The page size is a whole number from 1 to 100." };

const listInput = z
  .object({
    // Any string: an old link to a quiz with no games (or a mistyped id) just lists nothing.
    quizId: z.string({ error: "Pick a quiz from the list." }).max(100, "Pick a quiz from the list.").optional(),
    page: z.number().int(pageNumber).min(1, pageNumber).max(1_000_000, pageNumber).optional(),
    pageSize: z.number().int(pageSize).min(1, pageSize).max(100, pageSize).optional(),
  })
  .optional();

// Any string: a malformed id is answered like an unknown one (NOT_FOUND), not as a bad request.
const gameInput = z.object({ gameId: z.string({ error: NO_SUCH_GAME }).max(100, NO_SUCH_GAME) });

async function ownedReport(db: Database, gameId: string, teacherId: string): Promise<GameReport> {
  const source = await loadReportSource(db, gameId, teacherId);
  // Another teacher's game is reported exactly like one that doesn't exist.
  if (!source) throw new TRPCError({ code: "NOT_FOUND", message: NO_SUCH_GAME });
  return buildGameReport(source);
}

/**
 * A game whose room is open and not over can't be deleted. A finished game whose room is still
 * open (so phones can show their final rank) is closed first, once its last writes are saved.
 */
async function releaseRoom(registry: RoomDirectory, gameId: string): Promise<void> {
  if ((await registry.releaseFinished(gameId)) === "playing") throw new TRPCError({ code: "BAD_REQUEST", message: STILL_PLAYING });
}

/** The teacher's past games: list, report, CSV export, delete. */
export const pastGamesRouter = router({
  list: teacherProcedure.input(listInput).query(async ({ ctx, input }) => {
    const page = input?.page ?? 1;
    const size = input?.pageSize ?? 20;
    const [games, quizzes] = await Promise.all([
      listPastGames(ctx.db, { ownerId: ctx.teacher.id, quizId: input?.quizId, page, pageSize: size }),
      listPastGameQuizzes(ctx.db, ctx.teacher.id),
    ]);
    return { ...games, quizzes };
  }),
  report: teacherProcedure.input(gameInput).query(({ ctx, input }) => ownedReport(ctx.db, input.gameId, ctx.teacher.id)),
  /** The report as CSV, its column names and words in `locale` (the teacher's page's language; English by default). */
  exportCsv: teacherProcedure.input(gameInput.extend({ locale: z.enum(LOCALES, { error: "Pick one of the languages the pages are in." }).optional() })).query(async ({ ctx, input }) => {
    const report = await ownedReport(ctx.db, input.gameId, ctx.teacher.id);
    return { files: gameReportCsvFiles(report, await csvWords(input.locale)) };
  }),
  delete: teacherProcedure.input(gameInput).mutation(async ({ ctx, input }) => {
    if (!(await isGameOwnedBy(ctx.db, input.gameId, ctx.teacher.id))) throw new TRPCError({ code: "NOT_FOUND", message: NO_SUCH_GAME });
    await releaseRoom(ctx.registry, input.gameId);
    await deleteGame(ctx.db, input.gameId);
    return { deleted: true as const };
  }),
});
