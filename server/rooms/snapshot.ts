/**
 * The live-state snapshot saved at every phase change, without what the database keeps anyway:
 * players' names, join order and tokens are in `players` (restoring a game reads them back, see
 * restore-games.ts) and a closed round's answers are in `answers`. What remains per player is a
 * short row of numbers, so a 10,000-player game's snapshot is a few hundred KB instead of several
 * MB, and building and storing it no longer holds up the game's event loop.
 */
import { allPlayers, type CurrentRound, type GamePlayer, type GameQuestion, type GameState } from "../engine";
import type { RoundOutcome } from "../../src/protocol";

type PackedOutcome = [
  questionIndex: number,
  answered: 0 | 1,
  choice: number[],
  correct: 0 | 1,
  points: number,
  streak: number,
  responseMs: number | null,
  /** A typed text or a slider value, when the answer was one. */
  given?: string | number,
];

type PackedPlayer = [
  id: string,
  score: number,
  streak: number,
  correctCount: number,
  correctResponseMs: number,
  rank: number | null,
  previousRank: number | null,
  firstQuestionIndex: number,
  /** 1 removed, 2 asking to take over, 4 takeover allowed. */
  flags: number,
  lastRound: PackedOutcome | null,
  /**
   * Hash of the phone's device id, in snapshots saved before the players table kept it; now always
   * "" (restorePlayer takes it from the player's row), a placeholder before the team.
   */
  deviceHash?: string,
  /** Team mode: the player's team. */
  team?: number,
];

/**
 * `nicknameIndex` is left out (it is derived from the names, which are in the players table):
 * restorePlayer builds it again as it fills the names in. `removedDevices` is kept.
 */
export interface PackedGameState extends Omit<GameState, "players" | "nicknameIndex"> {
  snapshotFormat: 2;
  /** Players in join order, but for those with nothing but their join to show (see isAsJoined). */
  playerScores: PackedPlayer[];
}

function packOutcome(outcome: RoundOutcome | null): PackedOutcome | null {
  if (!outcome) return null;
  const packed: PackedOutcome = [outcome.questionIndex, outcome.answered ? 1 : 0, outcome.choice, outcome.correct ? 1 : 0, outcome.points, outcome.streak, outcome.responseMs];
  const given = outcome.text ?? outcome.value;
  if (given !== undefined) packed.push(given);
  return packed;
}

function unpackOutcome(packed: PackedOutcome | null): RoundOutcome | null {
  if (!packed) return null;
  const [questionIndex, answered, choice, correct, points, streak, responseMs, given] = packed;
  const outcome: RoundOutcome = { questionIndex, answered: answered === 1, choice, correct: correct === 1, points, streak, responseMs };
  if (typeof given === "string") outcome.text = given;
  if (typeof given === "number") outcome.value = given;
  return outcome;
}

/**
 * A closed round's answers are in the answers table and nothing reads them again. An open
 * round's stay: a snapshot only catches answers in an open round when the host pauses or locks
 * mid-question, and after a pause they carry timing the table doesn't (it stops the clock).
 */
function packRound(round: CurrentRound | null): CurrentRound | null {
  if (!round || round.closedAt === null) return round;
  return { ...round, answers: {} };
}

/**
 * A player with nothing but their join to show: from the lobby, no round closed yet, untouched by
 * the host, no team. Their row is left out: restoring brings them back as they joined, from their
 * stored row (restorePlayer), which holds their device's hash too. So the first question's
 * snapshot stores no score rows at all, where a 10,000-player game's were 1.25 MB, packed, encoded
 * and sent on the event loop while that question went out to the phones.
 */
function isAsJoined(p: GamePlayer): boolean {
  return (
    p.lastRound === null &&
    p.score === 0 &&
    p.streak === 0 &&
    p.correctCount === 0 &&
    p.correctResponseMs === 0 &&
    p.rank === null &&
    p.previousRank === null &&
    p.firstQuestionIndex === 0 &&
    !p.removed &&
    !p.takeoverRequested &&
    !p.takeoverAllowed &&
    p.team === undefined
  );
}

export function packGameState(state: GameState): PackedGameState {
  const { players: _listed, nicknameIndex: _derived, ...rest } = state;
  const playerScores: PackedPlayer[] = [];
  for (const p of allPlayers(state)) {
    if (isAsJoined(p)) continue;
    const flags = (p.removed ? 1 : 0) | (p.takeoverRequested ? 2 : 0) | (p.takeoverAllowed ? 4 : 0);
    const packed: PackedPlayer = [p.id, p.score, p.streak, p.correctCount, p.correctResponseMs, p.rank, p.previousRank, p.firstQuestionIndex, flags, packOutcome(p.lastRound)];
    if (p.team !== undefined) packed.push("", p.team);
    playerScores.push(packed);
  }
  // The teams' size lists are derived from the players (rebuilt after a restart, see rebuildTeams).
  const teams = state.teams ? { teams: { ...state.teams, bySize: [] } } : {};
  return { ...rest, ...teams, round: packRound(state.round), snapshotFormat: 2, playerScores };
}

/** A snapshot as stored: the game's own fields, and the two parts that change less often than its phase. */
export interface SnapshotParts {
  core: Omit<PackedGameState, "questions" | "playerScores" | "ranking">;
  questions: GameQuestion[];
  scores: { playerScores: PackedPlayer[]; ranking: string[] };
}

export function snapshotParts(state: GameState): SnapshotParts {
  const { questions, playerScores, ranking, ...core } = packGameState(state);
  // A copy: joins add to the game's ranking while a big game's rows wait to be encoded.
  return { core, questions, scores: { playerScores, ranking: [...ranking] } };
}

/** A stored row back to one packed snapshot: a row saved whole has no parts. */
export function joinSnapshotParts(state: unknown, questions: unknown, scores: unknown): PackedGameState | GameState {
  if (questions === null || scores === null) return state as PackedGameState | GameState;
  const { playerScores, ranking } = scores as SnapshotParts["scores"];
  return { ...(state as SnapshotParts["core"]), questions: questions as GameQuestion[], playerScores, ranking };
}

/**
 * Back to a GameState whose players have no name, join order or token yet: restorePlayer fills
 * them in from the players table (and the game drops any player whose row was never stored).
 * A snapshot saved whole by an older version is returned as it is.
 */
export function unpackGameState(saved: PackedGameState | GameState): GameState {
  if (!("snapshotFormat" in saved)) return saved;
  const { snapshotFormat: _format, playerScores, ...rest } = saved;
  const players: Record<string, GamePlayer> = {};
  for (const [id, score, streak, correctCount, correctResponseMs, rank, previousRank, firstQuestionIndex, flags, lastRound, deviceHash, team] of playerScores) {
    players[id] = {
      id,
      nickname: "",
      nicknameKey: "",
      joinSeq: 0,
      joinedAt: 0,
      connected: false,
      removed: (flags & 1) !== 0,
      score,
      streak,
      correctCount,
      correctResponseMs,
      rank,
      previousRank,
      lastRound: unpackOutcome(lastRound),
      firstQuestionIndex,
      tokenHash: "",
      takeoverRequested: (flags & 2) !== 0,
      takeoverAllowed: (flags & 4) !== 0,
      ...(deviceHash ? { deviceHash } : {}),
      ...(team !== undefined && team !== null ? { team } : {}),
    };
  }
  // Names come later (restorePlayer indexes each as it fills it in); removed devices are kept as saved.
  const removedDevices: Record<string, string> = rest.removedDevices ?? {};
  if (!rest.removedDevices) {
    for (const player of Object.values(players)) if (player.removed && player.deviceHash) removedDevices[player.deviceHash] = player.id;
  }
  // Not `{ ...rest, … }`: spreading an object this big gives each restored game a shape of its own,
  // and the engine's reads of 200 games' states then miss V8's caches (5× slower after a restart).
  return Object.assign({}, rest, { players, nicknameIndex: {}, removedDevices });
}
