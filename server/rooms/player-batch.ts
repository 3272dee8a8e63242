/**
 * New players' rows, from every game, written together: at 200 joins a second a join no longer
 * waits for the joins before it (one INSERT each, one after another in its game's write queue);
 * the players arriving within a few milliseconds share one multi-row INSERT.
 */
import { addPlayers, type AddPlayerInput, type Database } from "../db";
import { GroupCommit } from "./group-commit";

export function batchedPlayerInserts(db: Database): (player: AddPlayerInput) => Promise<void> {
  const commit = new GroupCommit<AddPlayerInput>((rows) => addPlayers(db, rows));
  return (player) => commit.add(player);
}
