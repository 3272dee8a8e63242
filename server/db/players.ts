import { eq, sql } from "drizzle-orm";
import { arrayLiteral } from "./array-literal";
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
  /** Team mode: a late joiner's team. */
  team?: number;
  /** The first round the player could answer (the engine's firstQuestionIndex). */
  firstRound?: number;
  /** Hash of the phone's device id, when it sent one (the engine's deviceHash). */
  deviceHash?: string;
}

export async function addPlayer(db: Database, input: AddPlayerInput): Promise<void> {
  await db.insert(players).values({
    id: input.id,
    gameId: input.gameId,
    nickname: input.nickname,
    joinedAt: input.joinedAt,
    joinSeq: input.joinSeq,
    tokenHash: input.tokenHash,
    team: input.team ?? null,
    firstRound: input.firstRound ?? null,
    deviceHash: input.deviceHash ?? null,
  });
}

/** Rows per INSERT (a bound on one statement's time, whatever the batch). */
const PLAYER_CHUNK = 1_000;

/** Players who joined at about the same time (in any games), in one statement per chunk. */
export async function addPlayers(db: Database, rows: AddPlayerInput[]): Promise<void> {
  for (let i = 0; i < rows.length; i += PLAYER_CHUNK) {
    const chunk = rows.slice(i, i + PLAYER_CHUNK);
    const column = (pick: (row: AddPlayerInput) => string | number | null) => arrayLiteral(chunk.map(pick));
    // One statement text for any batch size (see array-literal.ts).
    await db.execute(sql`
      insert into ${players} (id, game_id, nickname, joined_at, join_seq, token_hash, team, first_round, device_hash)
      select * from unnest(
        ${column((p) => p.id)}::uuid[], ${column((p) => p.gameId)}::uuid[], ${column((p) => p.nickname)}::text[],
        ${column((p) => p.joinedAt.toISOString())}::timestamptz[], ${column((p) => p.joinSeq)}::int[], ${column((p) => p.tokenHash)}::text[],
        ${column((p) => p.team ?? null)}::smallint[], ${column((p) => p.firstRound ?? null)}::int[], ${column((p) => p.deviceHash ?? null)}::text[]
      )`);
  }
}

/** A new device took this player over: only its token works from now on (and it is the device a removal keeps out). */
export async function setPlayerToken(db: Database, id: string, tokenHash: string, deviceHash?: string): Promise<void> {
  await db.update(players).set({ tokenHash, deviceHash: deviceHash ?? null }).where(eq(players.id, id));
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
      team: players.team,
      deviceHash: players.deviceHash,
    })
    .from(players)
    .where(eq(players.gameId, gameId))
    .orderBy(players.joinSeq);
}

/** Team mode: the players' teams (made at the start, or picked in the lobby), in one statement per chunk. */
export async function setPlayerTeams(db: Database, rows: ReadonlyArray<{ playerId: string; team: number }>): Promise<void> {
  for (let i = 0; i < rows.length; i += PLAYER_CHUNK) {
    const chunk = rows.slice(i, i + PLAYER_CHUNK);
    await db.execute(sql`
      update ${players} set team = picked.team
      from unnest(${arrayLiteral(chunk.map((row) => row.playerId))}::uuid[], ${arrayLiteral(chunk.map((row) => row.team))}::smallint[]) as picked(id, team)
      where ${players.id} = picked.id`);
  }
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
