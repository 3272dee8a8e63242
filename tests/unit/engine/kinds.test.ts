import { describe, expect, it } from "vitest";
import {
  advanceClock,
  createGame,
  hostView,
  nextStep,
  personalView,
  playerRoomView,
  restoreAnswer,
  skipQuestion,
  submitAnswer,
  type GameState,
  type RandomSource,
} from "../../../server/engine";
import { parseQuizdown, type QuizSettings } from "@/quizdown";
import { answerFromSaved } from "../../../server/engine/kinds";
import { DEFAULT_T, T0, join, ok, openCurrent, seededRandom, startAndOpen } from "../../support/engine-fixtures";

const md = (...lines: string[]) => lines.join("\n");

function gameOf(source: string, options: { random?: RandomSource; settings?: Partial<QuizSettings>; pointsForSpeed?: boolean } = {}): GameState {
  const parsed = parseQuizdown(source);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return createGame({
    gameId: "game-1",
    code: "123456",
    quizTitle: "Kinds",
    settings: { ...parsed.quiz.settings, readTimeSec: 0, ...options.settings },
    questions: parsed.quiz.questions.map((q) => ({ ...q, id: `question-${q.position}` })),
    now: T0,
    random: options.random ?? seededRandom(7),
    ...(options.pointsForSpeed !== undefined ? { pointsForSpeed: options.pointsForSpeed } : {}),
  });
}

/** Everything a phone and the host can see before the reveal, as text. */
function preRevealWire(state: GameState, now: number, playerIds: string[]): string {
  return JSON.stringify([playerRoomView(state, now), hostView(state, now), ...playerIds.map((id) => personalView(state, id))]);
}

const ORDERING = md("## Smallest first", "1. one", "2. two", "3. three", "4. four");
const TYPED = md("## Capital of France?", "---", 'answers: [Paris, "Ville de Paris"]', "---");
const SLIDER = md("## Moon landing?", "---", "min: 1900", "max: 2000", "answer: 1969", "tolerance: 2", "unit: AD", "---");
const POLL = md("## Favourite?", "---", "kind: poll", "---", "- [ ] Tea", "- [ ] Coffee");
const TRUE_FALSE = md("## The sun is a star.", "---", "answer: true", "---");
const CHOICE = md("## 2 + 2?", "- [x] 4", "- [ ] 5");

describe("ordering", () => {
  it("is shown shuffled, never in the right order, and the right order is in no pre-reveal view", () => {
    for (let seed = 0; seed < 200; seed++) {
      const state = gameOf(ORDERING, { random: seededRandom(seed) });
      const [a] = join(state, 1);
      const opened = startAndOpen(state);
      const shown = playerRoomView(state, opened).question!.options!.map((o) => o.html);
      expect(shown).not.toEqual(["one", "two", "three", "four"]);
      expect(preRevealWire(state, opened, [a!])).not.toContain('"correct":[');
    }
    // A random source that would leave the items in file order.
    const state = gameOf(ORDERING, { random: () => 0.999 });
    join(state, 1);
    const opened = startAndOpen(state);
    expect(playerRoomView(state, opened).question!.options!.map((o) => o.html)).not.toEqual(["one", "two", "three", "four"]);
  });

  it("scores the exact order; partial scoring gives the share of items in place", () => {
    for (const partial of [false, true]) {
      const source = partial ? ORDERING.replace("## Smallest first", "## Smallest first\n---\nscoring: partial\n---") : ORDERING;
      const state = gameOf(source, { pointsForSpeed: false });
      const [a, b] = join(state, 2);
      const opened = startAndOpen(state);
      const right = state.questions[0]!.correct; // display indexes, first to last
      const twoSwapped = [right[1]!, right[0]!, right[2]!, right[3]!];
      ok(submitAnswer(state, { playerId: a!, questionIndex: 0, order: right, now: opened + 100 }));
      ok(submitAnswer(state, { playerId: b!, questionIndex: 0, order: twoSwapped, now: opened + 100 }));
      const reveal = playerRoomView(state, opened + 100).reveal!;
      expect(reveal.correct).toEqual(right);
      expect(reveal.correctCount).toBe(1);
      expect(personalView(state, a!)!.lastRound).toMatchObject({ correct: true, points: 1000, streak: 1, choice: right });
      expect(personalView(state, b!)!.lastRound).toMatchObject({ correct: false, points: partial ? 500 : 0, streak: 0 });
    }
  });

  it("refuses an order that isn't every item once", () => {
    const state = gameOf(ORDERING);
    const [a] = join(state, 1);
    const opened = startAndOpen(state);
    for (const order of [[0, 1, 2], [0, 0, 1, 2], [0, 1, 2, 7]]) {
      expect(submitAnswer(state, { playerId: a!, questionIndex: 0, order, now: opened + 1 })).toMatchObject({ ok: false, message: "Put every item in order, each one once." });
    }
    expect(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: opened + 1 })).toMatchObject({ ok: false, message: "That answer doesn't fit this question: put the items in order." });
  });
});

describe("type answer", () => {
  it("accepts the answers after normalising, never shows them before the reveal, and groups wrong ones for the host only", () => {
    const state = gameOf(TYPED, { pointsForSpeed: false });
    const ids = join(state, 5);
    const opened = startAndOpen(state);
    const wire = preRevealWire(state, opened, ids);
    expect(wire).not.toContain("Paris");
    expect(playerRoomView(state, opened).question).toMatchObject({ kind: "typed", options: [], numeric: false });
    const typed = ["  paris ", "VILLE DE PARÍS!", "Lyon", "lyon.", "Marseille"];
    typed.forEach((text, i) => ok(submitAnswer(state, { playerId: ids[i]!, questionIndex: 0, text, now: opened + 10 })));
    expect(state.phase).toBe("reveal");
    expect(ids.map((id) => personalView(state, id)!.lastRound!.points)).toEqual([1000, 1000, 0, 0, 0]);
    expect(personalView(state, ids[0]!)!.lastRound!.text).toBe("paris");
    const reveal = playerRoomView(state, opened + 10).reveal!;
    expect(reveal).toMatchObject({ accepted: ["Paris", "Ville de Paris"], correctCount: 2, counts: [] });
    expect(hostView(state, opened + 10).wrongAnswers).toEqual([
      { text: "Lyon", count: 2 },
      { text: "Marseille", count: 1 },
    ]);
    expect(JSON.stringify(playerRoomView(state, opened + 10))).not.toContain("Lyon");
  });

  it("refuses an empty or over-long text and other shapes", () => {
    const state = gameOf(TYPED);
    const [a] = join(state, 1);
    const opened = startAndOpen(state);
    expect(submitAnswer(state, { playerId: a!, questionIndex: 0, text: "   ", now: opened + 1 })).toMatchObject({ ok: false, message: "Type an answer first." });
    expect(submitAnswer(state, { playerId: a!, questionIndex: 0, text: "x".repeat(201), now: opened + 1 })).toMatchObject({ ok: false, message: expect.stringMatching(/too long/) });
    expect(submitAnswer(state, { playerId: a!, questionIndex: 0, value: 3, now: opened + 1 })).toMatchObject({ ok: false, message: "That answer doesn't fit this question: type your answer." });
  });
});

describe("slider", () => {
  it("shows only the range before the reveal and scores by closeness", () => {
    const state = gameOf(SLIDER, { pointsForSpeed: false });
    const ids = join(state, 4);
    const opened = startAndOpen(state);
    const question = playerRoomView(state, opened).question!;
    expect(question.slider).toEqual({ min: 1900, max: 2000, step: 1, unit: "AD" });
    expect(preRevealWire(state, opened, ids)).not.toContain("1969");
    // Full within ±2; then falls to 0 at 25 beyond the tolerance (a quarter of the 100-year range).
    const values = [1971, 1979, 1996, 1900];
    values.forEach((value, i) => ok(submitAnswer(state, { playerId: ids[i]!, questionIndex: 0, value, now: opened + 10 })));
    expect(ids.map((id) => personalView(state, id)!.lastRound!.points)).toEqual([1000, Math.round(1000 * (1 - 8 / 25)), 0, 0]);
    expect(ids.map((id) => personalView(state, id)!.lastRound!.streak)).toEqual([1, 0, 0, 0]);
    expect(playerRoomView(state, opened + 10).reveal!.slider).toEqual({ min: 1900, max: 2000, step: 1, unit: "AD", correct: 1969, tolerance: 2, average: (1971 + 1979 + 1996 + 1900) / 4 });
  });

  it("refuses a value off the slider", () => {
    const state = gameOf(SLIDER);
    const [a] = join(state, 1);
    const opened = startAndOpen(state);
    for (const value of [1899, 2001, 1969.5]) {
      expect(submitAnswer(state, { playerId: a!, questionIndex: 0, value, now: opened + 1 })).toMatchObject({ ok: false, message: "Pick a value on the slider, from 1900 to 2000." });
    }
  });
});

describe("poll, points and streaks", () => {
  it("a poll gives no points and leaves streaks alone, answered or not; the reveal has the distribution", () => {
    const state = gameOf([CHOICE, POLL, CHOICE].join("\n"));
    const [a, b] = join(state, 2);
    let opened = startAndOpen(state);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [state.questions[0]!.correct[0]!], now: opened + 100 }));
    ok(submitAnswer(state, { playerId: b!, questionIndex: 0, choice: [state.questions[0]!.correct[0]!], now: opened + 100 }));
    ok(nextStep(state, opened + 200));
    ok(nextStep(state, opened + 300));
    opened = openCurrent(state);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 1, choice: [1], now: opened + 100 }));
    ok(advanceClock(state, opened + DEFAULT_T));
    expect(playerRoomView(state, opened + DEFAULT_T).reveal).toMatchObject({ correct: [], counts: [0, 1].map((_, i) => (i === 1 ? 1 : 0)), correctCount: 0 });
    expect(personalView(state, a!)).toMatchObject({ streak: 1, lastRound: { points: 0, correct: false, streak: 1 } });
    expect(personalView(state, b!)).toMatchObject({ streak: 1, lastRound: { answered: false, points: 0, streak: 1 } });
    ok(nextStep(state, opened + DEFAULT_T + 1));
    ok(nextStep(state, opened + DEFAULT_T + 2));
    opened = openCurrent(state);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 2, choice: [state.questions[2]!.correct[0]!], now: opened + 100 }));
    expect(state.round!.answers[a!]!.streak).toBe(2);
  });

  it("points: double doubles, none gives nothing and keeps the streak; speed off gives full points whatever the time", () => {
    const source = [CHOICE.replace("## 2 + 2?", "## 2 + 2?\n---\npoints: double\n---"), CHOICE.replace("## 2 + 2?", "## 3 + 1?\n---\npoints: none\n---")].join("\n");
    for (const pointsForSpeed of [true, false]) {
      const state = gameOf(source, { pointsForSpeed });
      const [a] = join(state, 1);
      let opened = startAndOpen(state);
      ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [state.questions[0]!.correct[0]!], now: opened + 10_000 }));
      expect(personalView(state, a!)!.lastRound).toMatchObject({ correct: true, points: pointsForSpeed ? 2 * 750 : 2000, streak: 1 });
      ok(nextStep(state, opened + 10_001));
      ok(nextStep(state, opened + 10_002));
      opened = openCurrent(state);
      ok(submitAnswer(state, { playerId: a!, questionIndex: 1, choice: [state.questions[1]!.correct[0]!], now: opened + 100 }));
      expect(personalView(state, a!)).toMatchObject({ score: pointsForSpeed ? 1500 : 2000, streak: 1, lastRound: { correct: true, points: 0 } });
    }
  });

  it("multi-select partial credit: (right picked − wrong picked) ÷ right options", () => {
    const source = md("## Primes?", "---", "scoring: partial", "---", "- [x] 2", "- [x] 3", "- [ ] 4", "- [x] 5");
    const state = gameOf(source, { pointsForSpeed: false });
    const ids = join(state, 4);
    const opened = startAndOpen(state);
    const display = (original: number) => state.questions[0]!.optionOrder.indexOf(original);
    const picks = [[0, 1, 3], [0, 1], [0, 1, 2], [2]];
    picks.forEach((pick, i) => ok(submitAnswer(state, { playerId: ids[i]!, questionIndex: 0, choice: pick.map(display), now: opened + 10 })));
    expect(ids.map((id) => personalView(state, id)!.lastRound!.points)).toEqual([1000, 667, 333, 0]);
    expect(ids.map((id) => personalView(state, id)!.lastRound!.correct)).toEqual([true, false, false, false]);
  });

  it("true/false is always True then False, even with shuffled answers", () => {
    const state = gameOf(TRUE_FALSE, { settings: { shuffleAnswers: true } });
    const [a] = join(state, 1);
    const opened = startAndOpen(state);
    expect(playerRoomView(state, opened).question).toMatchObject({ kind: "truefalse", options: [{ html: "True" }, { html: "False" }] });
    expect(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0, 1], now: opened + 1 })).toMatchObject({ ok: false, message: "Pick exactly one option." });
    ok(skipQuestion(state, opened + 2));
    expect(playerRoomView(state, opened + 2).reveal!.correct).toEqual([0]);
  });
});

describe("after a restart", () => {
  it("an ordering, a typed and a slider answer saved raw are marked again exactly as when they came in", () => {
    for (const source of [ORDERING, TYPED, SLIDER]) {
      const live = gameOf(source, { random: seededRandom(3) });
      const restored = gameOf(source, { random: seededRandom(3) });
      const [a] = join(live, 1);
      join(restored, 1);
      const opened = startAndOpen(live);
      startAndOpen(restored);
      const question = live.questions[0]!;
      const given = question.kind === "order" ? { order: [...question.correct].reverse() } : question.kind === "typed" ? { text: "Ville de Paris" } : { value: 1975 };
      ok(submitAnswer(live, { playerId: a!, questionIndex: 0, ...given, now: opened + 1_500 }));
      const saved = live.round!.answers[a!]!;
      // What the answers table holds: choices for choice kinds, the raw answer for these.
      const raw = question.kind === "order" ? { order: saved.choice.map((display) => question.optionOrder[display]!) } : question.kind === "typed" ? { text: saved.text! } : { value: saved.value! };
      expect(answerFromSaved(question, [], raw)).toEqual(given);
      restoreAnswer(restored, { playerId: a!, answerId: saved.answerId, choices: [], raw, receivedAt: saved.receivedAt });
      expect(restored.round!.answers[a!]).toEqual(saved);
    }
  });
});
