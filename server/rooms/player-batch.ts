/**
 * New players' rows, from every game, written together: at 200 joins a second a join no longer
 * waits for the joins before it (one INSERT each, one after another in its game's write queue);
 * the players arriving within a few milliseconds share one multi-row INSERT.
 */
import { addPlayers, type AddPlayerInput, type Database } from "../db";
import { GroupCommit } from "./group-commit";
import type { Logger } from "./ports";

/**
 * Like the answers' batches, a batch that fails is retried until the database is back (one log
 * line when it starts failing, one when stored); a row the database refuses fails alone.
 */
export function batchedPlayerInserts(db: Database, log?: Logger): GroupCommit<AddPlayerInput> {
  return new GroupCommit<AddPlayerInput>((rows) => addPlayers(db, rows), { log, label: "new players" });
}
