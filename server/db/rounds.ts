import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { arrayLiteral } from "./array-literal";
import type { Database } from "./client";
import type { RawAnswer } from "../../src/protocol/answers";
import type { SavedAnswer } from "../engine";
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

/** The row an answer the engine accepted is stored as (live games and homework alike). */
export function answerRow(gameId: string, roundIndex: number, questionId: string, answer: SavedAnswer): AnswerRow {
  return {
    id: randomUUID(),
    gameId,
    questionId,
    playerId: answer.playerId,
    roundIndex,
    choices: answer.choices,
    answer: answer.raw ?? null,
    correct: answer.correct,
    points: answer.points,
    streak: answer.streak,
    responseMs: answer.responseMs,
    answeredAt: new Date(answer.answeredAt),
    clientAnswerId: answer.answerId,
  };
}

/**
 * Stores closed rounds (of any games), and those of their answers not stored yet. Idempotent:
 * rows that already exist (same round, same answer id or same game/question/player) are left as
 * they are. The game server passes only answers the group commit did not store: re-inserting
 * stored ones is wasted work and, in the wrong order, a deadlock with a running answer batch.
 *
 * Normally every answer is stored already and the rounds go in one statement: no transaction
 * holds a connection across round trips while 200 games close their rounds at once.
 */
export async function saveRounds(db: Database, inputs: Array<{ round: RoundRow; answers: AnswerRow[] }>): Promise<void> {
  if (inputs.length === 0) return;
  const rounds = inputs.map((input) => input.round);
  const unstored = inputs.flatMap((input) => input.answers);
  if (unstored.length === 0) return insertRounds(db, rounds);
  await db.transaction(async (tx) => {
    await insertRounds(tx, rounds);
    await insertAnswers(tx, unstored);
  });
}

export async function saveRound(db: Database, input: { round: RoundRow; answers: AnswerRow[] }): Promise<void> {
  await saveRounds(db, [input]);
}

async function insertRounds(db: Database, rounds: RoundRow[]): Promise<void> {
  const column = <T extends string | number>(pick: (row: RoundRow) => T) => arrayLiteral(rounds.map(pick));
  await db.execute(sql`
    insert into ${gameRounds} (game_id, round_index, question_id, option_order, opened_at, closed_at, eligible_players)
    select game_id, round_index, question_id, option_order::int[], opened_at, closed_at, eligible_players
    from unnest(
      ${column((r) => r.gameId)}::uuid[], ${column((r) => r.roundIndex)}::int[], ${column((r) => r.questionId)}::uuid[],
      ${column((r) => arrayLiteral(r.optionOrder))}::text[], ${column((r) => r.openedAt.toISOString())}::timestamptz[],
      ${column((r) => r.closedAt.toISOString())}::timestamptz[], ${column((r) => r.eligiblePlayers)}::int[]
    ) as batch(game_id, round_index, question_id, option_order, opened_at, closed_at, eligible_players)
    on conflict do nothing`);
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
