import { gt, isNull, or } from "drizzle-orm";
import { gameRounds, players } from "./schema";

/**
 * An answer counts towards "% correct" (over a round's eligible_players) when its player was not
 * removed before the round closed: the report's rule, for queries joining answers to players and rounds.
 */
export const countsForItsRound = or(isNull(players.removedAt), gt(players.removedAt, gameRounds.closedAt));
