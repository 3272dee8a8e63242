import { router } from "../init";

/** The teacher's finished games: list, report, CSV export, delete. */
export const pastGamesRouter = router({});
