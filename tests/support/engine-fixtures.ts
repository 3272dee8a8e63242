/**
 * Builders for the pure game engine's unit tests: quizzes, games, players, a fake clock
 * (plain numbers) and a deterministic random source.
 */
import { expect } from "vitest";
import {
  addPlayer,
  advanceClock,
  createGame,
  nextDeadline,
  startGame,
  submitAnswer,
  type EngineResult,
  type GameEvent,
  type GameState,
  type RandomSource,
  type TeamOptions,
} from "../../server/engine";
import type { QuizOption, QuizQuestion, QuizSettings } from "../../src/quizdown/types";

/** The fake clock starts here; all times in the tests are plain numbers of ms. */
export const T0 = 1_700_000_000_000;
export const DEFAULT_T = 20_000;
export const DEFAULT_READ = 4_000;

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random source that replays the given values in a loop and counts its calls. */
export function sequenceRandom(values: number[]): RandomSource & { calls: number } {
  let i = 0;
  const fn = (() => {
    fn.calls += 1;
    const value = values[i % values.length]!;
    i += 1;
    return value;
  }) as RandomSource & { calls: number };
  fn.calls = 0;
  return fn;
}

/** A random source that fails the test if called. */
export const noRandom: RandomSource = () => {
  throw new Error("random() should not be called");
};

/** Distinctive explanation text for option `o` of question `q`, to search for in views. */
export function explanationText(q: number, o: number): string {
  return `EXPLANATION-SECRET-q${q}-o${o}`;
}

export function settings(overrides: Partial<QuizSettings> = {}): QuizSettings {
  return { shuffleQuestions: false, shuffleAnswers: false, timeLimitSec: 20, readTimeSec: 4, ...overrides };
}

export interface QuestionSpec {
  kind?: "single" | "multiple" | "order";
  /** Number of options (default 4). */
  options?: number;
  /** File-order indexes of the correct options (default [0]). */
  correct?: number[];
  timeLimitSec?: number;
  readTimeSec?: number;
  /** Give every option an explanation (default true). */
  explanations?: boolean;
  hintHtml?: string;
}

export function question(position: number, spec: QuestionSpec = {}): QuizQuestion & { id: string } {
  const count = spec.options ?? 4;
  const correct = new Set(spec.correct ?? [0]);
  const kind = spec.kind ?? "single";
  const options: QuizOption[] = Array.from({ length: count }, (_, o) => ({
    markdown: `Option ${position}.${o}`,
    html: `<p>Option ${position}.${o}</p>`,
    correct: kind === "order" ? false : correct.has(o),
    ...(spec.explanations === false ? {} : { commentHtml: `<p>${explanationText(position, o)}</p>` }),
  }));
  return {
    id: `question-${position}`,
    position,
    kind,
    promptMarkdown: `Question ${position}?`,
    promptHtml: `Question ${position}?`,
    bodyHtml: `<p>Body of question ${position}</p>`,
    ...(spec.hintHtml ? { hintHtml: spec.hintHtml } : {}),
    options,
    ...(spec.timeLimitSec !== undefined ? { timeLimitSec: spec.timeLimitSec } : {}),
    ...(spec.readTimeSec !== undefined ? { readTimeSec: spec.readTimeSec } : {}),
    line: 1 + position * 10,
  };
}

export function questions(specs: QuestionSpec[]): Array<QuizQuestion & { id: string }> {
  return specs.map((spec, i) => question(i, spec));
}

export interface GameSpec {
  questions?: QuestionSpec[] | Array<QuizQuestion & { id: string }>;
  settings?: Partial<QuizSettings>;
  random?: RandomSource;
  now?: number;
  questionOnPhones?: boolean;
  generatedNicknames?: boolean;
  teams?: TeamOptions;
}

export function newGame(spec: GameSpec = {}): GameState {
  const qs = spec.questions ?? [{}, {}, {}];
  const built = qs.map((q, i) => ("id" in q ? q : question(i, q as QuestionSpec)));
  return createGame({
    gameId: "game-1",
    code: "123456",
    quizTitle: "Capitals",
    settings: settings(spec.settings),
    questions: built,
    now: spec.now ?? T0,
    random: spec.random ?? seededRandom(42),
    ...(spec.questionOnPhones !== undefined ? { questionOnPhones: spec.questionOnPhones } : {}),
    ...(spec.generatedNicknames !== undefined ? { generatedNicknames: spec.generatedNicknames } : {}),
    ...(spec.teams ? { teams: spec.teams } : {}),
  });
}

export function ok(result: EngineResult): GameEvent[] {
  if (!result.ok) throw new Error(`expected ok, got refusal ${result.code}: ${result.message}`);
  return result.events;
}

/** Joins players p1..pn (nicknames Player1..n) one ms apart; returns their ids. */
export function join(state: GameState, count: number, now = T0): string[] {
  const ids: string[] = [];
  const start = state.nextJoinSeq;
  for (let i = 0; i < count; i++) {
    const n = start + i;
    const id = `p${n}`;
    ok(addPlayer(state, { playerId: id, nickname: `Player${n}`, now: now + i }));
    ids.push(id);
  }
  return ids;
}

/** Starts the game at `now` and advances the clock to the end of the read time; returns when answers opened. */
export function startAndOpen(state: GameState, now = T0 + 10_000): number {
  ok(startGame(state, now));
  return openCurrent(state);
}

/** From question-read, advances the fake clock exactly to the read deadline; returns when answers opened. */
export function openCurrent(state: GameState): number {
  if (state.phase === "answering") return state.round!.openedAt!;
  expect(state.phase).toBe("question-read");
  const due = nextDeadline(state)!;
  ok(advanceClock(state, due));
  expect(state.phase).toBe("answering");
  return due;
}

/** Asserts the call is refused with `code` and leaves the state exactly as it was. */
export function expectRefusedUnchanged(state: GameState, call: () => EngineResult, code: string): void {
  const before = structuredClone(state);
  const result = call();
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.code).toBe(code);
    expect(typeof result.message).toBe("string");
    expect(result.message.length).toBeGreaterThan(0);
  }
  expect(state).toStrictEqual(before);
}

export function eventTypes(events: GameEvent[]): string[] {
  return events.map((event) => (event.type === "phase-changed" ? `phase:${event.phase}` : event.type));
}

export function roundClosed(events: GameEvent[]) {
  const event = events.find((e) => e.type === "round-closed");
  if (!event || event.type !== "round-closed") throw new Error("no round-closed event");
  return event.round;
}

/** A player joining after the start (or in the lobby): id `id`, nickname `Nick-<id>`. */
export function lateJoin(state: GameState, id: string, now: number, tokenHash?: string): GameEvent[] {
  return ok(addPlayer(state, { playerId: id, nickname: `Nick-${id}`, now, ...(tokenHash !== undefined ? { tokenHash } : {}) }));
}

/** Answers the open question for `playerId` at `now` (choice in display indexes). */
export function answerAt(state: GameState, playerId: string, now: number, choice: number[] = [0]): GameEvent[] {
  return ok(submitAnswer(state, { playerId, questionIndex: state.round!.questionIndex, choice, now }));
}

/** Recomputes the O(1) counters from scratch. */
export function recount(state: GameState) {
  const players = Object.values(state.players);
  const connected = players.filter((p) => !p.removed && p.connected);
  const round = state.round;
  const open = round !== null && round.closedAt === null;
  return {
    activePlayerCount: players.filter((p) => !p.removed).length,
    connectedPlayerCount: connected.length,
    connectedAnswerCount: open ? connected.filter((p) => round.answers[p.id]).length : null,
    connectedLateCount: open ? connected.filter((p) => p.firstQuestionIndex > round.questionIndex).length : null,
  };
}

/** Checks the engine's running counters against a recount. */
export function expectCountersConsistent(state: GameState): void {
  const truth = recount(state);
  expect(state.activePlayerCount).toBe(truth.activePlayerCount);
  expect(state.connectedPlayerCount).toBe(truth.connectedPlayerCount);
  if (truth.connectedAnswerCount !== null) expect(state.round!.connectedAnswerCount).toBe(truth.connectedAnswerCount);
  if (truth.connectedLateCount !== null) expect(state.round!.connectedLateCount).toBe(truth.connectedLateCount);
}
