import { answerRow, deletePlayer, finishGames, markGamesStarted, readmitPlayer, removePlayer, saveAnswers, saveRounds, setPlayerTeams, setPlayerToken, type AnswerRow, type Database, type GameEnd, type RoundRow } from "../db";
import { GroupCommit } from "./group-commit";
import { batchedPlayerInserts } from "./player-batch";
import type { GamePersistence, Logger } from "./ports";

/**
 * How long an answer waits for others to share its batch. 10 ms rather than 2: at 200 classes
 * answering at once the batches hold ~25 answers instead of ~9, a third as many statements, and
 * each statement's round trip costs the server's one thread more than the rows in it (on PGlite
 * 100 × 30: CPU per 1,000 answers 1.28 → 0.91 s, ack p99 211 → 90 ms). A lone class's answer
 * waits 8 ms longer for its ack, which no one can see.
 */
const ANSWER_BATCH_WINDOW_MS = 10;

/** Saves what the rooms report through the Drizzle repositories; answers from all games go in shared batches. */
export function databasePersistence(
  db: Database,
  log?: Logger,
  /** Tests swap the answers' batch write to make a batch fail on purpose. */
  writeAnswers: (db: Database, rows: AnswerRow[]) => Promise<void> = saveAnswers,
): GamePersistence {
  // Two batches at a time: an answer's ack doesn't wait for the batch before its own to come back.
  const answers = new GroupCommit<AnswerRow>((rows) => writeAnswers(db, rows), { log, label: "answers", writers: 2, windowMs: ANSWER_BATCH_WINDOW_MS });
  const players = batchedPlayerInserts(db, log);
  // Rounds that close at about the same time (many games started together) share one statement too.
  const rounds = new GroupCommit<{ round: RoundRow; answers: AnswerRow[] }>((items) => saveRounds(db, items), { log, label: "rounds" });
  // Games started (and ended) together — a school's 9:00 — share a statement as well: one update
  // per game, each its own commit, held the connections every answers' batch was waiting for.
  const starts = new GroupCommit<{ gameId: string; at: Date }>((items) => markGamesStarted(db, items), { log, label: "game starts" });
  const finishes = new GroupCommit<GameEnd>((items) => finishGames(db, items), { log, label: "game ends" });
  return {
    drain: async (deadline) => {
      await Promise.all([answers.drain(deadline), players.drain(deadline), rounds.drain(deadline), starts.drain(deadline), finishes.drain(deadline)]);
    },
    // Removing the row of a batched insert is ordered after that insert by the room (GameRoom.write).
    withdrawPlayer: (playerId) => deletePlayer(db, playerId),
    addPlayer: (player) => players.add(player),
    setPlayerToken: (playerId, tokenHash, deviceHash) => setPlayerToken(db, playerId, tokenHash, deviceHash),
    setPlayerTeams: (_gameId, rows) => setPlayerTeams(db, rows),
    removePlayer: (playerId, at) => removePlayer(db, playerId, at),
    readmitPlayer: (playerId) => readmitPlayer(db, playerId),
    markStarted: (gameId, at) => starts.add({ gameId, at }),
    finish: (gameId, result) => finishes.add({ gameId, ...result }),
    saveAnswer: (gameId, roundIndex, questionId, answer) => answers.add(answerRow(gameId, roundIndex, questionId, answer)),
    saveRound: (gameId, round) =>
      rounds.add({
        round: {
          gameId,
          roundIndex: round.roundIndex,
          questionId: round.questionId,
          optionOrder: round.optionOrder,
          openedAt: new Date(round.openedAt),
          closedAt: new Date(round.closedAt),
          eligiblePlayers: round.eligiblePlayers,
        },
        answers: round.answers.map((answer) => answerRow(gameId, round.roundIndex, round.questionId, answer)),
      }),
  };
}
