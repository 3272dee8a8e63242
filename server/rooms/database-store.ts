import { deleteLiveGames, listLiveGames, saveLiveGames, type Database, type LiveGameRow } from "../db";
import type { GameState } from "../engine";
import { GroupCommit } from "./group-commit";
import type { LiveGameStore, Logger } from "./ports";
import { joinSnapshotParts, snapshotParts, unpackGameState } from "./snapshot";

/** A game with more players than this has its score rows encoded in a turn after they are packed. */
const ENCODE_APART_FROM_PLAYERS = 1_000;

/** Keeps live game state in the database (table live_games), so games survive a restart. */
export function databaseGameStore(db: Database, clock: () => number = Date.now, log?: Logger): LiveGameStore {
  // Snapshots of all games that change phase at about the same time share one statement (retried
  // until the database is back, like every write).
  const snapshots = new GroupCommit<LiveGameRow>((rows) => saveLiveGames(db, rows), { log, label: "live state" });
  // Classes that end together remove their live states together.
  const removals = new GroupCommit<string>((gameIds) => deleteLiveGames(db, gameIds), { log, label: "live state removal" });
  // What each game's stored row already holds, so a phase change stores only what changed: at the
  // start of answering, 200 games' snapshots are a few hundred bytes each, not their quizzes and
  // score tables again. A game's saves run one at a time (SnapshotWriter); a failed save leaves
  // this as it was, so the next save sends everything it did.
  const stored = new Map<string, { questions: boolean; scoresJson: string }>();
  const remove = (gameId: string) => {
    stored.delete(gameId);
    return removals.add(gameId);
  };
  return {
    async save(state, inLaterTurn) {
      // A finished game has nothing left to resume: its results are in the result tables.
      if (state.phase === "podium" || state.phase === "finished") return remove(state.gameId);
      const { core, questions, scores } = snapshotParts(state);
      // The game's own fields (an open round's answers among them) are encoded with the state they
      // were taken from. Its score rows are copies and may wait for a later turn: 10,000 players'
      // take 5–15 ms to pack and as long again to encode, too much for one turn.
      const stateJson = JSON.stringify(core);
      const before = stored.get(state.gameId);
      const questionsJson = before?.questions ? undefined : JSON.stringify(questions);
      const encodeScores = () => JSON.stringify(scores);
      const scoresJson = inLaterTurn && scores.playerScores.length > ENCODE_APART_FROM_PLAYERS ? await inLaterTurn(encodeScores) : encodeScores();
      await snapshots.add({
        gameId: state.gameId,
        stateJson,
        ...(questionsJson === undefined ? {} : { questionsJson }),
        ...(before?.scoresJson === scoresJson ? {} : { scoresJson }),
        savedAt: new Date(clock()),
      });
      stored.set(state.gameId, { questions: true, scoresJson });
    },
    remove,
    drain: async (deadline) => {
      await Promise.all([snapshots.drain(deadline), removals.drain(deadline)]);
    },
    async list() {
      // Snapshots saved before late join became a host option have no `lateJoin`: it was always on.
      return (await listLiveGames(db)).map((row) => {
        const state = unpackGameState(joinSnapshotParts(row.state, row.questions, row.scores));
        // Set on the object rather than spread into a copy, which would give each game a V8 shape of its own (see unpackGameState).
        state.lateJoin ??= true;
        return state;
      });
    },
  };
}
