import { describe, expect, it } from "vitest";
import {
  addPlayer,
  advanceClock,
  endGame,
  hostView,
  nextDeadline,
  nextStep,
  pauseGame,
  personalView,
  playerRoomView,
  prepareAfterRestart,
  removePlayer,
  restoreAnswer,
  resumeGame,
  setPlayerConnected,
  skipQuestion,
  startGame,
  submitAnswer,
  type GameState,
} from "../../../server/engine";
import { DEFAULT_READ, DEFAULT_T, T0, explanationText, join, newGame, ok, openCurrent, seededRandom, startAndOpen } from "../../support/engine-fixtures";

const SECRET = "EXPLANATION-SECRET";

function allViews(state: GameState, now: number) {
  return {
    room: playerRoomView(state, now),
    host: hostView(state, now),
    personal: Object.keys(state.players).map((id) => personalView(state, id)),
  };
}

/** Checks what the views may show in the current phase; returns how many phases were checked. */
function checkNoLeak(state: GameState, now: number, seen: string[]) {
  seen.push(state.phase);
  const views = allViews(state, now);
  const current = state.round?.questionIndex ?? -1;
  // Explanation texts are keyed by the question's position in the quiz file (its id), which is
  // not its index in the game once questions are shuffled.
  const quizPosition = (index: number) => Number(state.questions[index]!.id.replace("question-", ""));
  const revealedPosition = state.phase === "reveal" ? quizPosition(current) : -1;
  for (const [name, view] of Object.entries(views)) {
    const json = JSON.stringify(view);
    // Explanations of questions other than the one just revealed never appear.
    for (let q = 0; q < state.questions.length; q++) {
      if (q === revealedPosition) continue;
      expect(json, `${name} in ${state.phase} leaks explanations of question ${q}`).not.toContain(`SECRET-q${q}-`);
    }
    expect(json).not.toContain("commentHtml");
    expect(json).not.toContain("optionOrder");
    if (state.phase !== "reveal") {
      expect(json, `${name} in ${state.phase}`).not.toContain(SECRET);
      expect(json, `${name} in ${state.phase} has a correct-options array`).not.toMatch(/"correct":\[/);
      expect(json).not.toContain('"explanations"');
    }
  }
  // Options carry only their text.
  const options = views.room.question?.options ?? [];
  for (const option of options) expect(Object.keys(option)).toEqual(["html"]);
  if (state.phase !== "reveal") {
    expect(views.room.reveal).toBeNull();
    expect(views.host.reveal).toBeNull();
  } else {
    const question = state.questions[current]!;
    expect(views.room.reveal!.correct).toEqual(question.correct);
    expect(views.host.reveal!.correct).toEqual(question.correct);
    expect(JSON.stringify(views.room)).toContain(explanationText(revealedPosition, 0));
  }
}

describe("no correct options or explanations before the reveal", () => {
  it("at every phase of a full game, with shuffled questions and answers", () => {
    const state = newGame({
      questions: [{ correct: [2] }, { kind: "multiple", correct: [0, 3] }, { correct: [1], readTimeSec: 0 }, { correct: [3] }],
      settings: { shuffleAnswers: true, shuffleQuestions: true },
      random: seededRandom(2024),
    });
    const seen: string[] = [];
    let now = T0;
    checkNoLeak(state, now, seen); // empty lobby
    const ids = join(state, 4);
    checkNoLeak(state, now, seen); // lobby with players
    ok(startGame(state, (now += 10)));
    for (let q = 0; q < state.questions.length; q++) {
      if (state.phase === "question-read") {
        checkNoLeak(state, now, seen);
        now = state.round!.readStartedAt + state.questions[q]!.readTimeMs;
        ok(advanceClock(state, now));
      }
      expect(state.phase).toBe("answering");
      checkNoLeak(state, now, seen);
      // Some answer (right and wrong), the checks run after each answer while the round is open.
      const question = state.questions[q]!;
      const wrong = [0, 1, 2, 3].find((i) => !question.correct.includes(i))!;
      ok(submitAnswer(state, { playerId: ids[0]!, questionIndex: q, choice: question.correct, now: (now += 100) }));
      checkNoLeak(state, now, seen);
      ok(submitAnswer(state, { playerId: ids[1]!, questionIndex: q, choice: [wrong], now: (now += 100) }));
      checkNoLeak(state, now, seen);
      ok(advanceClock(state, (now = state.round!.deadline!)));
      expect(state.phase).toBe("reveal");
      checkNoLeak(state, now, seen);
      ok(nextStep(state, (now += 1)));
      checkNoLeak(state, now, seen); // leaderboard
      ok(nextStep(state, (now += 1)));
    }
    expect(state.phase).toBe("podium");
    checkNoLeak(state, now, seen);
    ok(nextStep(state, (now += 1)));
    checkNoLeak(state, now, seen);
    expect(new Set(seen)).toEqual(new Set(["lobby", "question-read", "answering", "reveal", "leaderboard", "podium", "finished"]));
  });

  it("after a skip during the read time and after end game", () => {
    const state = newGame({ questions: [{}, {}] });
    join(state, 2);
    const seen: string[] = [];
    ok(startGame(state, T0));
    checkNoLeak(state, T0, seen);
    ok(skipQuestion(state, T0 + 1));
    checkNoLeak(state, T0 + 1, seen);
    ok(nextStep(state, T0 + 2));
    ok(nextStep(state, T0 + 3));
    checkNoLeak(state, T0 + 3, seen);
    ok(endGame(state, T0 + 4));
    expect(state.phase).toBe("podium");
    checkNoLeak(state, T0 + 4, seen);
  });
});

describe("view contents", () => {
  it("question-read shows the question alone with the read countdown", () => {
    const state = newGame({ questions: [{ hintHtml: "<p>hint</p>" }, {}] });
    join(state, 2);
    ok(startGame(state, T0));
    const room = playerRoomView(state, T0 + 1_000);
    expect(room.phase).toBe("question-read");
    expect(room.question).toEqual({
      index: 0,
      total: 2,
      kind: "single",
      promptHtml: "Question 0?",
      bodyHtml: "<p>Body of question 0</p>",
      hintHtml: "<p>hint</p>",
      options: null,
      timeLimitMs: DEFAULT_T,
    });
    expect(room.countdown).toEqual({ endsAt: T0 + DEFAULT_READ, remainingMs: DEFAULT_READ - 1_000, totalMs: DEFAULT_READ, running: true });
    expect(room.paused).toBe(false);
    expect(hostView(state, T0 + 1_000).question!.options).toBeNull();
  });

  it("answering shows options and the answer countdown; remainingMs never negative", () => {
    const state = newGame();
    join(state, 2);
    const opened = startAndOpen(state, T0);
    const room = playerRoomView(state, opened + 5_000);
    expect(room.question!.options).toEqual([0, 1, 2, 3].map((o) => ({ html: `<p>Option 0.${o}</p>` })));
    expect(room.countdown).toEqual({ endsAt: opened + DEFAULT_T, remainingMs: DEFAULT_T - 5_000, totalMs: DEFAULT_T, running: true });
    expect(playerRoomView(state, opened + DEFAULT_T + 50).countdown!.remainingMs).toBe(0);
  });

  it("no countdown or question outside a round", () => {
    const state = newGame({ questions: [{}] });
    join(state, 1);
    expect(playerRoomView(state, T0).countdown).toBeNull();
    expect(playerRoomView(state, T0).question).toBeNull();
    const opened = startAndOpen(state);
    ok(skipQuestion(state, opened));
    expect(playerRoomView(state, opened).countdown).toBeNull();
    expect(playerRoomView(state, opened).question!.index).toBe(0); // the revealed question is still shown
    ok(nextStep(state, opened));
    ok(nextStep(state, opened));
    expect(playerRoomView(state, opened).question).toBeNull(); // podium
  });

  it("reveal shows correct options, per-option counts, answered/eligible and explanations by display index", () => {
    const state = newGame({ questions: [{ correct: [2] }] });
    const [a, b, c] = join(state, 4);
    const opened = startAndOpen(state);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [2], now: opened + 100 }));
    ok(submitAnswer(state, { playerId: b!, questionIndex: 0, choice: [2], now: opened + 200 }));
    ok(submitAnswer(state, { playerId: c!, questionIndex: 0, choice: [0], now: opened + 300 }));
    ok(advanceClock(state, opened + DEFAULT_T));
    expect(playerRoomView(state, opened + DEFAULT_T).reveal).toEqual({
      questionIndex: 0,
      correct: [2],
      counts: [1, 0, 2, 0],
      correctCount: 2,
      answered: 3,
      eligible: 4,
      explanations: [0, 1, 2, 3].map((o) => ({ option: o, html: `<p>${explanationText(0, o)}</p>` })),
    });
    expect(personalView(state, a!)!.lastRound).toEqual({ questionIndex: 0, answered: true, choice: [2], correct: true, points: 1000, streak: 1, responseMs: 100 });
  });

  it("explanations list only options that have one", () => {
    const state = newGame({ questions: [{ explanations: false }] });
    join(state, 1);
    const opened = startAndOpen(state);
    ok(skipQuestion(state, opened));
    expect(playerRoomView(state, opened).reveal!.explanations).toEqual([]);
  });

  it("personal view: score, streak, rank, and the locked question only while the round is open", () => {
    const state = newGame({ questions: [{}, {}] });
    const [a, b] = join(state, 2);
    expect(personalView(state, a!)).toEqual({
      playerId: a,
      nickname: "Player1",
      score: 0,
      streak: 0,
      rank: null,
      playerCount: 2,
      lockedQuestionIndex: null,
      lastRound: null,
      firstQuestionIndex: 0,
    });
    expect(personalView(state, "nobody")).toBeNull();
    const opened = startAndOpen(state);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: opened }));
    expect(personalView(state, a!)!.lockedQuestionIndex).toBe(0);
    expect(personalView(state, b!)!.lockedQuestionIndex).toBeNull();
    ok(submitAnswer(state, { playerId: b!, questionIndex: 0, choice: [1], now: opened + 1 }));
    expect(state.phase).toBe("reveal");
    expect(personalView(state, a!)).toMatchObject({ score: 1000, streak: 1, rank: 1, lockedQuestionIndex: null });
    expect(personalView(state, b!)).toMatchObject({ score: 0, streak: 0, rank: 2 });
  });

  it("host view: players in join order with connection, counts and answers", () => {
    const state = newGame();
    const [a, b, c] = join(state, 3);
    ok(setPlayerConnected(state, { playerId: b!, connected: false, now: T0 }));
    ok(removePlayer(state, { playerId: c!, now: T0 }));
    const lobby = hostView(state, T0);
    expect(lobby).toMatchObject({ gameId: "game-1", code: "123456", phase: "lobby", quizTitle: "Capitals", questionCount: 3, playerCount: 2, connectedCount: 1, answerCount: 0, endedEarly: false, paused: false, locked: false });
    expect(lobby.players).toEqual([
      { id: a, nickname: "Player1", connected: true, takeoverRequested: false },
      { id: b, nickname: "Player2", connected: false, takeoverRequested: false },
    ]);
    expect(playerRoomView(state, T0).playerCount).toBe(2);
    const opened = startAndOpen(state);
    ok(submitAnswer(state, { playerId: b!, questionIndex: 0, choice: [0], now: opened }));
    expect(hostView(state, opened).answerCount).toBe(1);
  });

  it("ended early shows in the room and host views", () => {
    const state = newGame();
    join(state, 1);
    startAndOpen(state);
    ok(endGame(state, T0 + 30_000));
    expect(playerRoomView(state, T0 + 30_000).endedEarly).toBe(true);
    expect(hostView(state, T0 + 30_000).endedEarly).toBe(true);
  });
});

// Rule: a removed player's answers stop counting. The reveal's `answered` should agree with the
// per-option counts and with `eligible` (it can't be more than the players still in the game).
describe("a removed player's answer no longer counts in answer totals", () => {
  function setup() {
    const state = newGame({ questions: [{ correct: [0] }] });
    const [a, b, c] = join(state, 3);
    const opened = startAndOpen(state);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [1], now: opened + 100 }));
    ok(removePlayer(state, { playerId: a!, now: opened + 200 }));
    return { state, a: a!, b: b!, c: c!, opened };
  }

  it("host view answerCount drops when an answerer is removed", () => {
    const { state, opened } = setup();
    expect(hostView(state, opened + 200).answerCount).toBe(0);
  });

  it("reveal.answered counts only players still in the game", () => {
    const { state, b, c, opened } = setup();
    ok(submitAnswer(state, { playerId: b, questionIndex: 0, choice: [0], now: opened + 300 }));
    ok(submitAnswer(state, { playerId: c, questionIndex: 0, choice: [0], now: opened + 400 }));
    expect(state.phase).toBe("reveal");
    const reveal = playerRoomView(state, opened + 400).reveal!;
    expect(reveal.counts).toEqual([2, 0, 0, 0]);
    expect(reveal.eligible).toBe(2);
    expect(reveal.answered).toBe(2);
  });
});

describe("no correct options or explanations before the reveal, with pauses, late joiners and a restart", () => {
  it("at every phase, paused and running, with players joining late in every phase", () => {
    const state = newGame({
      questions: [{ correct: [2] }, { kind: "multiple", correct: [0, 3] }, { correct: [1] }],
      settings: { shuffleAnswers: true, shuffleQuestions: true },
      random: seededRandom(99),
    });
    const seen: string[] = [];
    let now = T0;
    const ids = join(state, 3);
    let late = 0;
    const joinLateAndCheck = () => {
      const id = `late${late++}`;
      ok(addPlayer(state, { playerId: id, nickname: `Late ${id}`, now }));
      ids.push(id);
      checkNoLeak(state, now, seen);
      expect(personalView(state, id)!.lastRound).toBeNull();
      return id;
    };
    ok(startGame(state, (now += 10)));
    for (let q = 0; q < state.questions.length; q++) {
      expect(state.phase).toBe("question-read");
      joinLateAndCheck();
      ok(pauseGame(state, (now += 500)));
      checkNoLeak(state, (now += 3_000), seen);
      expect(playerRoomView(state, now)).toMatchObject({ paused: true, countdown: { running: false } });
      joinLateAndCheck();
      ok(resumeGame(state, (now += 10)));
      ok(advanceClock(state, (now = nextDeadline(state)!)));
      expect(state.phase).toBe("answering");
      const question = state.questions[q]!;
      const wrong = [0, 1, 2, 3].find((i) => !question.correct.includes(i))!;
      ok(submitAnswer(state, { playerId: ids[0]!, questionIndex: q, choice: question.correct, now: (now += 100) }));
      checkNoLeak(state, now, seen);
      ok(pauseGame(state, (now += 100)));
      checkNoLeak(state, (now += 5_000), seen);
      const lateId = joinLateAndCheck();
      expect(personalView(state, lateId)!.firstQuestionIndex).toBe(q + 1);
      ok(resumeGame(state, (now += 10)));
      ok(submitAnswer(state, { playerId: ids[1]!, questionIndex: q, choice: [wrong], now: (now += 100) }));
      checkNoLeak(state, now, seen);
      ok(advanceClock(state, (now = state.round!.deadline!)));
      expect(state.phase).toBe("reveal");
      checkNoLeak(state, now, seen);
      joinLateAndCheck();
      ok(nextStep(state, (now += 1)));
      checkNoLeak(state, now, seen); // leaderboard
      joinLateAndCheck();
      ok(nextStep(state, (now += 1)));
    }
    expect(state.phase).toBe("podium");
    checkNoLeak(state, now, seen);
    expect(late).toBe(5 * state.questions.length);
    expect(seen.filter((phase) => phase === "answering").length).toBeGreaterThanOrEqual(3 * state.questions.length);
  });

  it("an answer scored on arrival changes nothing in any view but the locked question, until the reveal", () => {
    const state = newGame({ questions: [{}, {}] });
    const [a, b] = join(state, 3);
    const opened = startAndOpen(state);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: opened + 100 }));
    ok(submitAnswer(state, { playerId: b!, questionIndex: 0, choice: [0], now: opened + 100 }));
    ok(advanceClock(state, opened + DEFAULT_T));
    ok(nextStep(state, opened + DEFAULT_T + 1));
    ok(nextStep(state, opened + DEFAULT_T + 2));
    const opened2 = startAndOpenNext(state);
    const now = opened2 + 300;
    const before = { room: playerRoomView(state, now), host: hostView(state, now), a: personalView(state, a!), b: personalView(state, b!) };
    expect(before.a).toMatchObject({ score: 1000, streak: 1, lockedQuestionIndex: null });
    // a right (would be streak 2, 1100 points), b wrong (streak back to 0): neither shows.
    ok(submitAnswer(state, { playerId: a!, questionIndex: 1, choice: [0], now }));
    ok(submitAnswer(state, { playerId: b!, questionIndex: 1, choice: [1], now }));
    expect(state.round!.answers[a!]).toMatchObject({ correct: true, points: 1100, streak: 2 });
    expect(personalView(state, a!)).toEqual({ ...before.a, lockedQuestionIndex: 1 });
    expect(personalView(state, b!)).toEqual({ ...before.b, lockedQuestionIndex: 1 });
    expect(playerRoomView(state, now)).toEqual(before.room);
    expect(hostView(state, now)).toEqual({ ...before.host, answerCount: 2 });
    ok(pauseGame(state, now + 1));
    expect(personalView(state, a!)).toEqual({ ...before.a, lockedQuestionIndex: 1 });
  });

  it("after a restart the restored state shows the same, nothing more", () => {
    const state = newGame({ questions: [{ correct: [1] }, {}], settings: { shuffleAnswers: true }, random: seededRandom(3) });
    const [a] = join(state, 2);
    const opened = startAndOpen(state);
    const snapshot = structuredClone(state);
    const events = ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: state.questions[0]!.correct, now: opened + 200 }));
    const saved = events[0]!;
    if (saved.type !== "answer-accepted") throw new Error("expected answer-accepted");
    restoreAnswer(snapshot, { playerId: a!, answerId: saved.answer.answerId, choices: saved.answer.choices, receivedAt: saved.answer.answeredAt });
    prepareAfterRestart(snapshot, opened + 1_000);
    const seen: string[] = [];
    checkNoLeak(snapshot, opened + 1_000, seen);
    expect(personalView(snapshot, a!)).toEqual(personalView(state, a!));
    expect(playerRoomView(snapshot, opened + 1_000)).toEqual(playerRoomView(state, opened + 1_000));
  });
});

function startAndOpenNext(state: GameState): number {
  expect(state.phase).toBe("question-read");
  const due = nextDeadline(state)!;
  ok(advanceClock(state, due));
  return due;
}

describe("the host's player list in a big game", () => {
  it("names everyone in join order in a class-sized game", () => {
    const state = newGame();
    const ids = join(state, 100);
    const host = hostView(state, T0);
    expect(host.players.map((player) => player.id)).toEqual(ids);
    expect(host.playersNotListed).toBe(0);
  });

  it("stays the same size as a game grows: whoever needs the host, then the latest joiners, and how many are left out", () => {
    const state = newGame();
    const ids = join(state, 500);
    ok(setPlayerConnected(state, { playerId: ids[10]!, connected: false, now: T0 }));
    ok(setPlayerConnected(state, { playerId: ids[19]!, connected: false, now: T0 }));
    ok(addPlayer(state, { playerId: "new-phone", nickname: "Player20", now: T0 })); // asks to take Player20 over
    const host = hostView(state, T0);
    expect(host.players).toHaveLength(100);
    expect(host.playerCount).toBe(500);
    expect(host.playersNotListed).toBe(400);
    const listed = host.players.map((player) => player.id);
    expect(listed.slice(0, 2)).toEqual([ids[10], ids[19]]);
    expect(host.players[1]!.takeoverRequested).toBe(true);
    expect(listed.slice(2)).toEqual(ids.slice(-98));
    expect(JSON.stringify(host).length).toBeLessThan(20_000);
  });
});

describe("the question's text on phones (host option)", () => {
  it("is sent to phones by default, in reading and answering", () => {
    const state = newGame({ questions: [{ correct: [1], hintHtml: "<p>A hint</p>" }] });
    join(state, 1);
    ok(startGame(state, T0 + 10_000));
    const reading = playerRoomView(state, T0 + 10_001).question!;
    expect(reading.promptHtml).toBe("Question 0?");
    expect(reading.bodyHtml).toContain("Body of question 0");
    expect(reading.hintHtml).toBe("<p>A hint</p>");
    expect(reading.textHidden).toBeUndefined();
  });

  it("when hidden, no phone receives the prompt, body or hint in any phase, while the host and the options still get them", () => {
    const state = newGame({ questions: [{ correct: [1], hintHtml: "<p>A hint</p>" }, { correct: [0] }], questionOnPhones: false });
    const ids = join(state, 2);
    ok(startGame(state, T0 + 10_000));
    const phases: string[] = [];
    let t = T0 + 10_000;
    while (state.phase !== "podium") {
      t += 1;
      phases.push(state.phase);
      const room = playerRoomView(state, t);
      for (const secret of ["Question 0?", "Question 1?", "Body of question", "A hint"]) expect(JSON.stringify(room), state.phase).not.toContain(secret);
      if (room.question) {
        expect(room.question.textHidden).toBe(true);
        expect(room.question.promptHtml).toBe("");
        const host = hostView(state, t).question!;
        expect(host.promptHtml).toMatch(/^Question \d\?$/);
        expect(host.textHidden).toBeUndefined();
      }
      if (state.phase === "question-read") t = openCurrent(state);
      else if (state.phase === "answering") {
        expect(room.question!.options!.length).toBeGreaterThan(1);
        for (const id of ids) ok(submitAnswer(state, { playerId: id, questionIndex: state.round!.questionIndex, choice: [0], now: t }));
      } else ok(nextStep(state, t));
    }
    expect(phases).toEqual(["question-read", "answering", "reveal", "leaderboard", "question-read", "answering", "reveal", "leaderboard"]);
  });
});

describe("the host's answer count: answered / players who can answer", () => {
  it("counts neither late joiners nor closed phones, and keeps a player who answered then left", () => {
    const state = newGame();
    const [a, b, c] = join(state, 3);
    const opened = startAndOpen(state);
    expect(hostView(state, opened).answerEligible).toBe(3);
    // One phone closes, one student joins late: 2 can answer this question, not 3 or 4.
    ok(setPlayerConnected(state, { playerId: c!, connected: false, now: opened + 1 }));
    ok(addPlayer(state, { playerId: "late", nickname: "Latecomer", now: opened + 2 }));
    expect(hostView(state, opened + 3).answerEligible).toBe(2);
    // b answers, then closes the phone: still "1 / 2", never "1 / 1" with a's answer pending.
    ok(submitAnswer(state, { playerId: b!, questionIndex: 0, choice: [0], now: opened + 4 }));
    ok(setPlayerConnected(state, { playerId: b!, connected: false, now: opened + 5 }));
    const view = hostView(state, opened + 6);
    expect([view.answerCount, view.answerEligible]).toEqual([1, 2]);
    // The closed phone comes back: it can answer again.
    ok(setPlayerConnected(state, { playerId: c!, connected: true, now: opened + 7 }));
    expect(hostView(state, opened + 8).answerEligible).toBe(3);
    expect(a).toBeDefined();
  });
});

describe("leaderboard movement", () => {
  it("labels nobody who played question 1 'new' on the first leaderboard; a late joiner is new", () => {
    const state = newGame();
    join(state, 3);
    const opened = startAndOpen(state);
    ok(addPlayer(state, { playerId: "late", nickname: "Latecomer", now: opened + 1 }));
    ok(skipQuestion(state, opened + 2));
    ok(nextStep(state, opened + 3));
    expect(state.phase).toBe("leaderboard");
    const board = hostView(state, opened + 4).leaderboard;
    expect(board.map((entry) => [entry.nickname, entry.movement])).toEqual([
      ["Player1", 0],
      ["Player2", 0],
      ["Player3", 0],
      ["Latecomer", null],
    ]);
    expect(playerRoomView(state, opened + 4).top.map((entry) => entry.movement)).toEqual([0, 0, 0, null]);
  });
});
