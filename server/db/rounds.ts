import { and, eq, sql } from "drizzle-orm";
import { arrayLiteral } from "./array-literal";
import type { Database } from "./client";
import type { RawAnswer } from "../../src/protocol/answers";
import { answers, gameRounds } from "./schema";

/** Rows per INSERT (a bound on one statement's time, whatever the batch). */
export const ANSWER_CHUNK = 500;

export interface RoundRow {
  gameId: string;
  roundIndex: number;
  questionId: string;
  /** displayed index -> original option index. */
  optionOrder: number[];
  openedAt: Date;
  closedAt: Date;
  /** Players in the game (not removed) when the round closed. */
  eligiblePlayers: number;
}

export interface AnswerRow {
  id: string;
  gameId: string;
  questionId: string;
  playerId: string;
  roundIndex: number;
  /** ORIGINAL option indexes (sorted here before storing). */
  choices: number[];
  /** Ordering, typed and slider answers as given (see schema). */
  answer?: RawAnswer | null;
  correct: boolean;
  points: number;
  /** Streak after this answer. */
  streak: number;
  responseMs: number;
  answeredAt: Date;
  /** The phone's id for the answer (its retries carry the same id). */
  clientAnswerId?: string | null;
}

/**
 * Stores a closed round, and those of its answers not stored yet, in one transaction. Idempotent:
 * rows that already exist (same round, same answer id or same game/question/player) are left as
 * they are. The game server passes only answers the group commit did not store: re-inserting
 * stored ones is wasted work and, in the wrong order, a deadlock with a running answer batch.
 */
export async function saveRound(db: Database, input: { round: RoundRow; answers: AnswerRow[] }): Promise<void> {
  await db.transaction(async (tx) => {
    const r = input.round;
    await tx
      .insert(gameRounds)
      .values({
        gameId: r.gameId,
        roundIndex: r.roundIndex,
        questionId: r.questionId,
        optionOrder: r.optionOrder,
        openedAt: r.openedAt,
        closedAt: r.closedAt,
        eligiblePlayers: r.eligiblePlayers,
      })
      .onConflictDoNothing();
    await insertAnswers(tx, input.answers);
  });
}

/**
 * Stores answers as they arrive (many players' answers in one statement: a group commit).
 * Idempotent like saveRound: an answer already stored stays as it is.
 */
export async function saveAnswers(db: Database, rows: AnswerRow[]): Promise<void> {
  await insertAnswers(db, rows);
}

/**
 * The one order in which every writer inserts answers: by the unique key (game, question,
 * player). Two transactions that insert overlapping answers then take their key locks in the
 * same order and wait for each other instead of deadlocking.
 */
export function inWriterOrder(rows: AnswerRow[]): AnswerRow[] {
  const key = (row: AnswerRow) => `${row.gameId}|${row.questionId}|${row.playerId}`;
  return rows
    .map((row) => ({ row, key: key(row) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ row }) => row);
}

async function insertAnswers(db: Database, unordered: AnswerRow[]): Promise<void> {
  const rows = inWriterOrder(unordered);
  for (let i = 0; i < rows.length; i += ANSWER_CHUNK) {
    const chunk = rows.slice(i, i + ANSWER_CHUNK);
    const column = <T extends string | number | boolean | null>(pick: (row: AnswerRow) => T) => arrayLiteral(chunk.map(pick));
    // One statement text for any batch size (see array-literal.ts); unnest keeps the writer order.
    await db.execute(sql`
      insert into ${answers} (id, game_id, question_id, player_id, round_index, choices, answer, correct, points, streak, response_ms, answered_at, client_answer_id)
      select id, game_id, question_id, player_id, round_index, choices::int[], answer::jsonb, correct, points, streak, response_ms, answered_at, client_answer_id
      from unnest(
        ${column((a) => a.id)}::uuid[], ${column((a) => a.gameId)}::uuid[], ${column((a) => a.questionId)}::uuid[],
        ${column((a) => a.playerId)}::uuid[], ${column((a) => a.roundIndex)}::int[],
        ${column((a) => arrayLiteral([...a.choices].sort((x, y) => x - y)))}::text[],
        ${column((a) => (a.answer ? JSON.stringify(a.answer) : null))}::text[], ${column((a) => a.correct)}::bool[],
        ${column((a) => a.points)}::int[], ${column((a) => a.streak)}::int[], ${column((a) => a.responseMs)}::int[],
        ${column((a) => a.answeredAt.toISOString())}::timestamptz[], ${column((a) => a.clientAnswerId ?? null)}::uuid[]
      ) as batch(id, game_id, question_id, player_id, round_index, choices, answer, correct, points, streak, response_ms, answered_at, client_answer_id)
      on conflict do nothing`);
  }
}

/** The answers stored for one round of a game (used to resume a round after a restart). */
export async function listRoundAnswers(db: Database, gameId: string, roundIndex: number) {
  return db
    .select({
      playerId: answers.playerId,
      clientAnswerId: answers.clientAnswerId,
      choices: answers.choices,
      answer: answers.answer,
      answeredAt: answers.answeredAt,
    })
    .from(answers)
    .where(and(eq(answers.gameId, gameId), eq(answers.roundIndex, roundIndex)));
}
