/**
 * Replays a game stored in the database through the pure engine with a fake clock: the same
 * players (join order), the same questions in the same order with the same option order, and the
 * same answers at the very times the server received them. With nobody ever disconnecting, the
 * result is what a fault-free run fed the same answers would have scored.
 */
import { asc, eq } from "drizzle-orm";
import {
  addPlayer,
  advanceClock,
  createGame,
  nextStep,
  skipQuestion,
  startGame,
  submitAnswer,
  type EngineResult,
  type GameState,
  type SavedAnswer,
} from "../../server/engine";
import { loadQuizVersion, schema, type Database } from "../../server/db";

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleWith<T>(items: readonly T[], random: () => number): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export interface StoredGame {
  game: typeof schema.games.$inferSelect;
  players: Array<typeof schema.players.$inferSelect>;
  rounds: Array<typeof schema.gameRounds.$inferSelect>;
  answers: Array<typeof schema.answers.$inferSelect>;
}

export async function loadStoredGame(db: Database, gameId: string): Promise<StoredGame> {
  const [game] = await db.select().from(schema.games).where(eq(schema.games.id, gameId));
  if (!game) throw new Error(`game ${gameId} is not in the database`);
  const players = await db.select().from(schema.players).where(eq(schema.players.gameId, gameId)).orderBy(asc(schema.players.joinSeq));
  const rounds = await db.select().from(schema.gameRounds).where(eq(schema.gameRounds.gameId, gameId)).orderBy(asc(schema.gameRounds.roundIndex));
  const answers = await db.select().from(schema.answers).where(eq(schema.answers.gameId, gameId));
  return { game, players, rounds, answers };
}

export interface ReplayResult {
  state: GameState;
  /** Final score per player id. */
  scores: Map<string, number>;
  /** Final rank per player id. */
  ranks: Map<string, number>;
  /** What the engine scored for each stored answer, by `${playerId}:${roundIndex}`. */
  scored: Map<string, SavedAnswer>;
  /** Stored answers the engine refused (with the reason): there should be none. */
  refused: string[];
}

function ok(result: EngineResult, what: string) {
  if (!result.ok) throw new Error(`replay: ${what} was refused (${result.code}: ${result.message})`);
  return result.events;
}

/**
 * @param times the per-game overrides the game was created with (they beat the quiz file's times).
 */
export async function replayStoredGame(db: Database, stored: StoredGame, times: { readTimeSec: number; timeLimitSec: number }): Promise<ReplayResult> {
  const version = await loadQuizVersion(db, stored.game.quizVersionId);
  if (!version) throw new Error("replay: the game's quiz version is missing");
  const byId = new Map(version.questions.map((question) => [question.id, question]));
  // The questions in the order they were played, with the game's per-question times.
  const played = stored.rounds.map((round) => {
    const question = byId.get(round.questionId);
    if (!question) throw new Error(`replay: round ${round.roundIndex + 1} played a question that isn't in the quiz version`);
    return { ...question, readTimeSec: times.readTimeSec, timeLimitSec: times.timeLimitSec };
  });
  const state = createGame({
    gameId: stored.game.id,
    code: stored.game.code,
    quizTitle: version.title,
    settings: { ...version.settings, shuffleQuestions: false, shuffleAnswers: false, nQuestions: undefined, ...times },
    questions: played,
    now: stored.game.createdAt.getTime(),
    random: () => {
      throw new Error("replay: nothing is shuffled");
    },
  });
  // The very option order each round was shown in.
  stored.rounds.forEach((round, index) => {
    const question = state.questions[index]!;
    const source = played[index]!;
    question.optionOrder = [...round.optionOrder];
    question.options = round.optionOrder.map((original) => ({ html: source.options[original]!.html }));
    question.correct = round.optionOrder.flatMap((original, display) => (source.options[original]!.correct ? [display] : []));
  });

  for (const player of stored.players) {
    if (player.removedAt) continue;
    ok(addPlayer(state, { playerId: player.id, nickname: player.nickname, tokenHash: "", now: player.joinedAt.getTime() }), `adding ${player.nickname}`);
    if (state.players[player.id]!.joinSeq !== player.joinSeq) throw new Error(`replay: ${player.nickname} got join number ${state.players[player.id]!.joinSeq}, stored ${player.joinSeq}`);
  }
  if (!stored.game.startedAt) throw new Error("replay: the game never started");
  ok(startGame(state, stored.game.startedAt.getTime()), "starting the game");

  const scored = new Map<string, SavedAnswer>();
  const refused: string[] = [];
  stored.rounds.forEach((round, index) => {
    const openedAt = round.openedAt.getTime();
    if (index > 0) {
      ok(nextStep(state, openedAt - times.readTimeSec * 1000), `leaderboard before round ${index + 1}`);
      ok(nextStep(state, openedAt - times.readTimeSec * 1000), `opening round ${index + 1}`);
    }
    ok(advanceClock(state, openedAt), `opening answers of round ${index + 1}`);
    if (state.phase !== "answering" || state.round!.openedAt !== openedAt) throw new Error(`replay: round ${index + 1} did not open at ${round.openedAt.toISOString()}`);
    const answers = stored.answers.filter((answer) => answer.roundIndex === round.roundIndex).sort((a, b) => a.answeredAt.getTime() - b.answeredAt.getTime());
    const order = round.optionOrder;
    for (const answer of answers) {
      const result = submitAnswer(state, {
        playerId: answer.playerId,
        answerId: answer.clientAnswerId ?? undefined,
        questionIndex: index,
        choice: answer.choices.map((original) => order.indexOf(original)),
        now: answer.answeredAt.getTime(),
      });
      if (!result.ok) {
        refused.push(`round ${index + 1}, player ${answer.playerId}: ${result.code}`);
        continue;
      }
      const accepted = result.events.find((event) => event.type === "answer-accepted");
      if (accepted?.type === "answer-accepted") scored.set(`${answer.playerId}:${round.roundIndex}`, accepted.answer);
    }
    if (state.phase === "answering") ok(skipQuestion(state, Math.max(round.closedAt.getTime(), openedAt)), `closing round ${index + 1}`);
  });
  ok(nextStep(state, Date.now()), "the last leaderboard");
  ok(nextStep(state, Date.now()), "the podium");

  const scores = new Map<string, number>();
  const ranks = new Map<string, number>();
  for (const player of Object.values(state.players)) {
    scores.set(player.id, player.score);
    ranks.set(player.id, player.rank ?? 0);
  }
  return { state, scores, ranks, scored, refused };
}
