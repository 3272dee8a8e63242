import { eq } from "drizzle-orm";
import type { Database } from "./client";
import { players } from "./schema";

export interface AddPlayerInput {
  id: string;
  gameId: string;
  nickname: string;
  joinedAt: Date;
  /** 1, 2, 3… in join order; the last tie-breaker of the ranking. */
  joinSeq: number;
}

export async function addPlayer(db: Database, input: AddPlayerInput): Promise<void> {
  await db.insert(players).values({
    id: input.id,
    gameId: input.gameId,
    nickname: input.nickname,
    joinedAt: input.joinedAt,
    joinSeq: input.joinSeq,
  });
}

/** Marks a player removed (kicked). Their answers stay but they leave the ranking. */
export async function removePlayer(db: Database, id: string, at: Date): Promise<void> {
  await db.update(players).set({ removedAt: at }).where(eq(players.id, id));
}
