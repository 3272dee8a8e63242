import { describe, expect, it } from "vitest";
import { advanceClock, createGame, playerRoomView, shuffled, submitAnswer } from "../../../server/engine";
import {
  T0,
  explanationText,
  join,
  newGame,
  noRandom,
  ok,
  question,
  questions,
  roundClosed,
  seededRandom,
  sequenceRandom,
  settings,
  startAndOpen,
} from "../../support/engine-fixtures";

describe("shuffled", () => {
  it("is a Fisher–Yates shuffle driven only by the injected random, and does not mutate its input", () => {
    const input = [0, 1, 2, 3];
    expect(shuffled(input, () => 0)).toEqual([1, 2, 3, 0]);
    expect(shuffled(input, () => 0.999999)).toEqual([0, 1, 2, 3]);
    expect(shuffled(input, sequenceRandom([0.5]))).toEqual([0, 3, 1, 2]);
    expect(input).toEqual([0, 1, 2, 3]);
    expect(shuffled([], noRandom)).toEqual([]);
    expect(shuffled(["only"], noRandom)).toEqual(["only"]);
  });

  it("is deterministic for a seed and yields a permutation", () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const a = shuffled(items, seededRandom(123));
    const b = shuffled(items, seededRandom(123));
    expect(a).toEqual(b);
    expect([...a].sort((x, y) => x - y)).toEqual(items);
    expect(shuffled(items, seededRandom(124))).not.toEqual(a);
  });
});

describe("createGame", () => {
  it("builds a lobby game in file order without touching random when nothing is shuffled", () => {
    const state = newGame({ questions: [{ hintHtml: "<p>Think!</p>" }, { kind: "multiple", correct: [1, 2], timeLimitSec: 30, readTimeSec: 0, explanations: false }], random: noRandom });
    expect(state).toMatchObject({
      gameId: "game-1",
      code: "123456",
      quizTitle: "Capitals",
      phase: "lobby",
      players: {},
      nextJoinSeq: 1,
      activePlayerCount: 0,
      connectedPlayerCount: 0,
      round: null,
      ranking: [],
      createdAt: T0,
      startedAt: null,
      finishedAt: null,
      endedEarly: false,
    });
    expect(state.questions).toEqual([
      {
        id: "question-0",
        kind: "single",
        promptHtml: "Question 0?",
        bodyHtml: "<p>Body of question 0</p>",
        hintHtml: "<p>Think!</p>",
        options: [0, 1, 2, 3].map((o) => ({ html: `<p>Option 0.${o}</p>`, commentHtml: `<p>${explanationText(0, o)}</p>` })),
        optionOrder: [0, 1, 2, 3],
        correct: [0],
        timeLimitMs: 20_000,
        readTimeMs: 4_000,
      },
      {
        id: "question-1",
        kind: "multiple",
        promptHtml: "Question 1?",
        bodyHtml: "<p>Body of question 1</p>",
        options: [0, 1, 2, 3].map((o) => ({ html: `<p>Option 1.${o}</p>` })),
        optionOrder: [0, 1, 2, 3],
        correct: [1, 2],
        timeLimitMs: 30_000,
        readTimeMs: 0,
      },
    ]);
    // The game state is plain JSON data.
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it("refuses an empty quiz, and leaves out a question the game can't play", () => {
    const base = { gameId: "g", code: "000000", quizTitle: "t", now: T0, random: seededRandom(1) };
    expect(() => createGame({ ...base, settings: settings(), questions: [] })).toThrow(/no questions/);
    const [first, second] = questions([{}, {}]);
    const state = createGame({ ...base, settings: settings(), questions: [first!, { ...second!, unplayableReason: "Question 2 (line 9) is a \"hotspot\" question" }] });
    expect(state.questions.map((q) => q.id)).toEqual([first!.id]);
  });

  it("an ordering question that is not picked (nQuestions) does not matter", () => {
    const state = newGame({ questions: [{}, {}, { kind: "order" }], settings: { nQuestions: 2 } });
    expect(state.questions.map((q) => q.id)).toEqual(["question-0", "question-1"]);
  });

  describe("nQuestions", () => {
    it.each([
      [1, ["question-0"]],
      [3, ["question-0", "question-1", "question-2"]],
      [5, ["question-0", "question-1", "question-2", "question-3", "question-4"]],
      [9, ["question-0", "question-1", "question-2", "question-3", "question-4"]],
      [undefined, ["question-0", "question-1", "question-2", "question-3", "question-4"]],
    ])("nQuestions=%s plays %j", (nQuestions, ids) => {
      const state = newGame({
        questions: Array.from({ length: 5 }, () => ({})),
        settings: nQuestions === undefined ? {} : { nQuestions },
        random: noRandom,
      });
      expect(state.questions.map((q) => q.id)).toEqual(ids);
      expect(playerRoomView(state, T0).questionCount).toBe(ids.length);
    });

    it("picks after shuffling", () => {
      const specs = Array.from({ length: 5 }, () => ({}));
      const state = newGame({ questions: specs, settings: { shuffleQuestions: true, nQuestions: 2 }, random: () => 0 });
      // shuffled([0..4], () => 0) = [1, 2, 3, 4, 0]
      expect(state.questions.map((q) => q.id)).toEqual(["question-1", "question-2"]);
    });
  });

  it("shuffle_questions reorders questions deterministically with the injected random", () => {
    const specs = Array.from({ length: 4 }, () => ({}));
    const fixed = newGame({ questions: specs, settings: { shuffleQuestions: true }, random: () => 0 });
    expect(fixed.questions.map((q) => q.id)).toEqual(["question-1", "question-2", "question-3", "question-0"]);
    // Answers are not shuffled unless asked.
    expect(fixed.questions.every((q) => q.optionOrder.join() === "0,1,2,3")).toBe(true);

    const ten = Array.from({ length: 10 }, () => ({}));
    const a = newGame({ questions: ten, settings: { shuffleQuestions: true }, random: seededRandom(99) });
    const b = newGame({ questions: ten, settings: { shuffleQuestions: true }, random: seededRandom(99) });
    expect(a).toEqual(b);
    expect(a.questions.map((q) => q.id).sort()).toEqual(ten.map((_, i) => `question-${i}`).sort());
  });

  it("shuffle_answers remaps options, explanations and the correct index", () => {
    const state = newGame({ questions: [{ correct: [0] }, { kind: "multiple", correct: [0, 2] }], settings: { shuffleAnswers: true }, random: () => 0 });
    const [q0, q1] = state.questions;
    expect(q0!.optionOrder).toEqual([1, 2, 3, 0]);
    expect(q0!.options.map((o) => o.html)).toEqual(["<p>Option 0.1</p>", "<p>Option 0.2</p>", "<p>Option 0.3</p>", "<p>Option 0.0</p>"]);
    expect(q0!.options[3]!.commentHtml).toBe(`<p>${explanationText(0, 0)}</p>`);
    expect(q0!.correct).toEqual([3]);
    expect(q1!.optionOrder).toEqual([1, 2, 3, 0]);
    expect(q1!.correct).toEqual([1, 3]); // file 2 → display 1, file 0 → display 3, ascending
  });

  it("shuffle_answers is deterministic per seed and consistent for every question", () => {
    const specs = [
      { options: 2, correct: [1] },
      { options: 3, correct: [2] },
      { options: 5, correct: [0, 3], kind: "multiple" as const },
      { options: 8, correct: [7] },
    ];
    const built = questions(specs);
    const orders = new Set<string>();
    for (let seed = 1; seed <= 10; seed++) {
      const a = newGame({ questions: built, settings: { shuffleAnswers: true, shuffleQuestions: true }, random: seededRandom(seed) });
      const b = newGame({ questions: built, settings: { shuffleAnswers: true, shuffleQuestions: true }, random: seededRandom(seed) });
      expect(a).toEqual(b);
      for (const q of a.questions) {
        const original = built.find((x) => x.id === q.id)!;
        expect([...q.optionOrder].sort((x, y) => x - y)).toEqual(original.options.map((_, i) => i));
        q.optionOrder.forEach((fileIndex, display) => {
          expect(q.options[display]!.html).toBe(original.options[fileIndex]!.html);
          expect(q.options[display]!.commentHtml).toBe(original.options[fileIndex]!.commentHtml);
        });
        const expectedCorrect = q.optionOrder.flatMap((fileIndex, display) => (original.options[fileIndex]!.correct ? [display] : []));
        expect(q.correct).toEqual(expectedCorrect);
        expect([...q.correct].sort((x, y) => x - y)).toEqual(q.correct);
      }
      orders.add(JSON.stringify(a.questions.map((q) => [q.id, q.optionOrder])));
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it("consumes random for questions first, then answers of each picked question", () => {
    const random = sequenceRandom([0]);
    newGame({ questions: [{ options: 4 }, { options: 3 }, { options: 2 }], settings: { shuffleQuestions: true, shuffleAnswers: true, nQuestions: 2 }, random });
    // 3 questions → 2 draws; picked = question-1 (3 options → 2 draws) and question-2 (2 options → 1 draw).
    expect(random.calls).toBe(2 + 2 + 1);
  });

  it("keeps the quiz input untouched", () => {
    const built = questions([{}, {}, {}]);
    const copy = structuredClone(built);
    newGame({ questions: built, settings: { shuffleAnswers: true, shuffleQuestions: true }, random: seededRandom(5) });
    expect(built).toEqual(copy);
    expect(question(0)).toEqual(question(0));
  });
});

describe("after shuffle_answers, the round-closed event saves ORIGINAL option indexes", () => {
  it("maps display choices back to quiz-file order; counts and reveal stay in display order", () => {
    // () => 0 gives optionOrder [1, 2, 3, 0] for 4 options.
    const state = newGame({ questions: [{ kind: "multiple", correct: [0, 2] }], settings: { shuffleAnswers: true }, random: () => 0 });
    const [a, b, c] = join(state, 3);
    const opened = startAndOpen(state);
    expect(state.questions[0]!.correct).toEqual([1, 3]);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [3, 1], now: opened + 100 })); // file [0, 2] → correct
    ok(submitAnswer(state, { playerId: b!, questionIndex: 0, choice: [0], now: opened + 200 })); // file [1]
    ok(submitAnswer(state, { playerId: c!, questionIndex: 0, choice: [0, 2], now: opened + 300 })); // file [1, 3]
    expect(state.phase).toBe("reveal");
    const view = playerRoomView(state, opened + 300);
    expect(view.reveal!.correct).toEqual([1, 3]);
    expect(view.reveal!.counts).toEqual([2, 1, 1, 1]);
    expect(view.reveal!.explanations.find((e) => e.option === 3)!.html).toBe(`<p>${explanationText(0, 0)}</p>`);
    expect(state.players[b!]!.lastRound!.choice).toEqual([0]); // personal outcome is in display order
  });

  it("round-closed event content", () => {
    const state = newGame({ questions: [{ kind: "multiple", correct: [0, 2] }], settings: { shuffleAnswers: true }, random: () => 0 });
    const [a, b, c] = join(state, 3);
    const opened = startAndOpen(state);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [3, 1], now: opened + 100 }));
    ok(submitAnswer(state, { playerId: b!, questionIndex: 0, choice: [0], now: opened + 700 }));
    const closed = roundClosed(ok(advanceClock(state, opened + 20_000)));
    expect(closed).toEqual({
      roundIndex: 0,
      questionId: "question-0",
      optionOrder: [1, 2, 3, 0],
      openedAt: opened,
      closedAt: opened + 20_000,
      eligiblePlayers: 3,
      answers: [
        { playerId: a, answerId: `${a}:0`, choices: [0, 2], correct: true, points: 1000, streak: 1, responseMs: 100, answeredAt: opened + 100 },
        { playerId: b, answerId: `${b}:0`, choices: [1], correct: false, points: 0, streak: 0, responseMs: 700, answeredAt: opened + 700 },
      ],
    });
    expect(closed.answers.some((x) => x.playerId === c)).toBe(false);
  });
});
