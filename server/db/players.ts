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
  tokenHash: string;
}

export async function addPlayer(db: Database, input: AddPlayerInput): Promise<void> {
  await db.insert(players).values({
    id: input.id,
    gameId: input.gameId,
    nickname: input.nickname,
    joinedAt: input.joinedAt,
    joinSeq: input.joinSeq,
    tokenHash: input.tokenHash,
  });
}

/** Rows per multi-row INSERT (6 params each). */
const PLAYER_CHUNK = 1_000;

/** Players who joined at about the same time (in any games), in one statement per chunk. */
export async function addPlayers(db: Database, rows: AddPlayerInput[]): Promise<void> {
  for (let i = 0; i < rows.length; i += PLAYER_CHUNK) {
    await db.insert(players).values(rows.slice(i, i + PLAYER_CHUNK).map((row) => ({ ...row })));
  }
}

/** A new device took this player over: only its token works from now on. */
export async function setPlayerToken(db: Database, id: string, tokenHash: string): Promise<void> {
  await db.update(players).set({ tokenHash }).where(eq(players.id, id));
}

export async function listPlayers(db: Database, gameId: string) {
  return db
    .select({
      id: players.id,
      nickname: players.nickname,
      joinedAt: players.joinedAt,
      joinSeq: players.joinSeq,
      removedAt: players.removedAt,
      tokenHash: players.tokenHash,
    })
    .from(players)
    .where(eq(players.gameId, gameId))
    .orderBy(players.joinSeq);
}

/** Marks a player removed (kicked). Their answers stay but they leave the ranking. */
export async function removePlayer(db: Database, id: string, at: Date): Promise<void> {
  await db.update(players).set({ removedAt: at }).where(eq(players.id, id));
}

/** Takes back a join that never reached its phone or whose save failed (see GameRoom.join): the row goes, with anything hanging off it. */
export async function deletePlayer(db: Database, id: string): Promise<void> {
  await db.delete(players).where(eq(players.id, id));
}

/** The host let a removed player back in. */
export async function readmitPlayer(db: Database, id: string): Promise<void> {
  await db.update(players).set({ removedAt: null }).where(eq(players.id, id));
}
