import { describe, expect, it } from "vitest";
import {
  addPlayer,
  advanceClock,
  endGame,
  nextDeadline,
  nextStep,
  pauseGame,
  playerRoomView,
  removePlayer,
  skipQuestion,
  startGame,
  submitAnswer,
  type GameEvent,
} from "../../../server/engine";
import {
  DEFAULT_READ,
  DEFAULT_T,
  T0,
  eventTypes,
  expectRefusedUnchanged,
  join,
  newGame,
  ok,
  openCurrent,
  roundClosed,
  startAndOpen,
} from "../../support/engine-fixtures";

describe("lobby → question-read → answering", () => {
  it("starts in the lobby with nothing scheduled", () => {
    const state = newGame();
    expect(state.phase).toBe("lobby");
    expect(state.round).toBeNull();
    expect(nextDeadline(state)).toBeNull();
    expect(state.startedAt).toBeNull();
    expect(state.createdAt).toBe(T0);
  });

  it("start opens question 1 for reading, and answers open at the read deadline exactly, not 1 ms before", () => {
    const state = newGame();
    join(state, 2);
    const start = T0 + 5_000;
    const events = ok(startGame(state, start));
    expect(eventTypes(events)).toEqual(["game-started", "phase:question-read"]);
    expect(events[0]).toEqual({ type: "game-started", at: start });
    expect(state.phase).toBe("question-read");
    expect(state.startedAt).toBe(start);
    expect(state.round).toMatchObject({ questionIndex: 0, readStartedAt: start, openedAt: null, deadline: null, closedAt: null });
    expect(nextDeadline(state)).toBe(start + DEFAULT_READ);

    const before = structuredClone(state);
    expect(ok(advanceClock(state, start + DEFAULT_READ - 1))).toEqual([]);
    expect(state).toStrictEqual(before);

    expect(eventTypes(ok(advanceClock(state, start + DEFAULT_READ)))).toEqual(["phase:answering"]);
    expect(state.phase).toBe("answering");
    expect(state.round!.openedAt).toBe(start + DEFAULT_READ);
    expect(state.round!.deadline).toBe(start + DEFAULT_READ + DEFAULT_T);
    expect(nextDeadline(state)).toBe(start + DEFAULT_READ + DEFAULT_T);
  });

  it("a late timer opens answers at the time it actually fires (server clock)", () => {
    const state = newGame();
    join(state, 1);
    ok(startGame(state, T0));
    ok(advanceClock(state, T0 + DEFAULT_READ + 250));
    expect(state.round!.openedAt).toBe(T0 + DEFAULT_READ + 250);
    expect(state.round!.deadline).toBe(T0 + DEFAULT_READ + 250 + DEFAULT_T);
  });

  it("uses per-question read time and time limit overrides", () => {
    const state = newGame({ questions: [{ readTimeSec: 2, timeLimitSec: 30 }, {}] });
    join(state, 1);
    ok(startGame(state, T0));
    expect(nextDeadline(state)).toBe(T0 + 2_000);
    ok(advanceClock(state, T0 + 2_000));
    expect(state.round!.deadline).toBe(T0 + 2_000 + 30_000);
  });

  it("uses the quiz-level defaults from settings", () => {
    const state = newGame({ settings: { readTimeSec: 7, timeLimitSec: 11 } });
    join(state, 1);
    ok(startGame(state, T0));
    expect(nextDeadline(state)).toBe(T0 + 7_000);
    ok(advanceClock(state, T0 + 7_000));
    expect(state.round!.deadline).toBe(T0 + 7_000 + 11_000);
  });

  it("a read time of 0 opens answers immediately", () => {
    const state = newGame({ questions: [{ readTimeSec: 0 }] });
    join(state, 1);
    const events = ok(startGame(state, T0));
    expect(eventTypes(events)).toEqual(["game-started", "phase:answering"]);
    expect(state.phase).toBe("answering");
    expect(state.round!.openedAt).toBe(T0);
    expect(state.round!.deadline).toBe(T0 + DEFAULT_T);
  });

  it("refuses to start with no players, or with only removed players, and changes nothing", () => {
    const state = newGame();
    expectRefusedUnchanged(state, () => startGame(state, T0), "no-players");
    const [p] = join(state, 1);
    ok(removePlayer(state, { playerId: p!, now: T0 }));
    expectRefusedUnchanged(state, () => startGame(state, T0), "no-players");
  });

  it("refuses a second start", () => {
    const state = newGame();
    join(state, 1);
    ok(startGame(state, T0));
    expectRefusedUnchanged(state, () => startGame(state, T0 + 1), "game-started");
  });

  it("advanceClock with nothing due is a no-op in every waiting phase", () => {
    const state = newGame({ questions: [{}] });
    join(state, 1);
    for (const phase of ["lobby"]) {
      expect(state.phase).toBe(phase);
      const before = structuredClone(state);
      expect(ok(advanceClock(state, T0 + 10 ** 9))).toEqual([]);
      expect(state).toStrictEqual(before);
    }
    const opened = startAndOpen(state);
    ok(advanceClock(state, opened + DEFAULT_T));
    for (const step of ["reveal", "leaderboard", "podium", "finished"]) {
      expect(state.phase).toBe(step);
      const before = structuredClone(state);
      expect(ok(advanceClock(state, opened + 10 ** 9))).toEqual([]);
      expect(state).toStrictEqual(before);
      if (step !== "finished") ok(nextStep(state, opened + DEFAULT_T + 1));
    }
  });
});

describe("closing a round", () => {
  it("closes on timeout exactly at the deadline, not 1 ms before", () => {
    const state = newGame();
    join(state, 2);
    const opened = startAndOpen(state);
    const before = structuredClone(state);
    expect(ok(advanceClock(state, opened + DEFAULT_T - 1))).toEqual([]);
    expect(state).toStrictEqual(before);

    const events = ok(advanceClock(state, opened + DEFAULT_T));
    expect(eventTypes(events)).toEqual(["round-closed", "phase:reveal"]);
    expect(state.phase).toBe("reveal");
    expect(state.round!.closedAt).toBe(opened + DEFAULT_T);
    expect(state.round!.deadline).toBeNull();
    expect(nextDeadline(state)).toBeNull();
    const closed = roundClosed(events);
    expect(closed).toMatchObject({ roundIndex: 0, questionId: "question-0", openedAt: opened, closedAt: opened + DEFAULT_T, eligiblePlayers: 2, answers: [] });
  });

  it("a late timer closes at the time it fires", () => {
    const state = newGame();
    join(state, 1);
    const opened = startAndOpen(state);
    ok(advanceClock(state, opened + DEFAULT_T + 37));
    expect(state.round!.closedAt).toBe(opened + DEFAULT_T + 37);
  });

  it("closes early on the last answer, before the timer", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    const opened = startAndOpen(state);
    expect(eventTypes(ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: opened + 1_000 })))).toEqual([
      "answer-accepted",
    ]);
    expect(state.phase).toBe("answering");
    const events = ok(submitAnswer(state, { playerId: b!, questionIndex: 0, choice: [1], now: opened + 2_000 }));
    expect(eventTypes(events)).toEqual(["answer-accepted", "round-closed", "phase:reveal"]);
    expect(state.phase).toBe("reveal");
    expect(state.round!.closedAt).toBe(opened + 2_000);
    expect(state.round!.counts).toEqual([1, 1, 0, 0]);
    expect(state.round!.eligible).toBe(2);
    // The timer firing later changes nothing.
    const before = structuredClone(state);
    expect(ok(advanceClock(state, opened + DEFAULT_T))).toEqual([]);
    expect(state).toStrictEqual(before);
  });

  it("skip during the read time closes the round with no answers and nobody scores", () => {
    const state = newGame();
    const [a] = join(state, 2);
    ok(startGame(state, T0));
    const events = ok(skipQuestion(state, T0 + 1_000));
    expect(eventTypes(events)).toEqual(["round-closed", "phase:reveal"]);
    expect(state.phase).toBe("reveal");
    const closed = roundClosed(events);
    expect(closed.openedAt).toBe(T0 + 1_000);
    expect(closed.closedAt).toBe(T0 + 1_000);
    expect(closed.answers).toEqual([]);
    expect(closed.eligiblePlayers).toBe(2);
    expect(state.players[a!]!.score).toBe(0);
    expect(state.players[a!]!.lastRound).toMatchObject({ answered: false, correct: false, points: 0 });
    expect(state.round!.counts).toEqual([0, 0, 0, 0]);
    // A leftover read timer does nothing.
    expect(ok(advanceClock(state, T0 + DEFAULT_READ))).toEqual([]);
    expect(state.phase).toBe("reveal");
  });

  it("skip while answering keeps the answers given so far", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    const opened = startAndOpen(state);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: opened + 300 }));
    const events = ok(skipQuestion(state, opened + 5_000));
    expect(eventTypes(events)).toEqual(["round-closed", "phase:reveal"]);
    expect(state.players[a!]!.score).toBe(1000);
    expect(state.players[b!]!.score).toBe(0);
    expect(roundClosed(events).answers.map((x) => x.playerId)).toEqual([a]);
  });

  it("refuses skip outside a question", () => {
    const state = newGame({ questions: [{}] });
    join(state, 1);
    expectRefusedUnchanged(state, () => skipQuestion(state, T0), "not-allowed");
    const opened = startAndOpen(state);
    ok(skipQuestion(state, opened));
    expectRefusedUnchanged(state, () => skipQuestion(state, opened + 1), "not-allowed"); // reveal
    ok(nextStep(state, opened + 2));
    expectRefusedUnchanged(state, () => skipQuestion(state, opened + 3), "not-allowed"); // leaderboard
    ok(nextStep(state, opened + 4));
    expectRefusedUnchanged(state, () => skipQuestion(state, opened + 5), "not-allowed"); // podium
    ok(nextStep(state, opened + 6));
    expectRefusedUnchanged(state, () => skipQuestion(state, opened + 7), "not-allowed"); // finished
  });
});

describe("next: reveal → leaderboard → question … → podium → finished", () => {
  it("walks a 2-question game through every phase", () => {
    const state = newGame({ questions: [{}, {}] });
    const [a] = join(state, 1);
    const opened = startAndOpen(state, T0);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: opened + 100 }));
    expect(state.phase).toBe("reveal");

    expect(eventTypes(ok(nextStep(state, T0 + 30_000)))).toEqual(["phase:leaderboard"]);
    expect(state.phase).toBe("leaderboard");

    expect(eventTypes(ok(nextStep(state, T0 + 31_000)))).toEqual(["phase:question-read"]);
    expect(state.phase).toBe("question-read");
    expect(state.round).toMatchObject({ questionIndex: 1, readStartedAt: T0 + 31_000, openedAt: null, answers: {}, answerCount: 0, connectedAnswerCount: 0, counts: null, closedAt: null });
    expect(nextDeadline(state)).toBe(T0 + 31_000 + DEFAULT_READ);

    const opened2 = openCurrent(state);
    ok(advanceClock(state, opened2 + DEFAULT_T));
    expect(state.phase).toBe("reveal");
    ok(nextStep(state, opened2 + DEFAULT_T + 1));
    expect(state.phase).toBe("leaderboard");

    const podiumAt = opened2 + DEFAULT_T + 2;
    const events = ok(nextStep(state, podiumAt));
    expect(eventTypes(events)).toEqual(["phase:podium", "game-finished"]);
    expect(events[1]).toEqual({ type: "game-finished", at: podiumAt, status: "finished", standings: [{ playerId: a, score: 1000, rank: 1 }] });
    expect(state.phase).toBe("podium");
    expect(state.finishedAt).toBe(podiumAt);
    expect(state.endedEarly).toBe(false);
    expect(state.endReason).toBeNull();

    expect(eventTypes(ok(nextStep(state, podiumAt + 1)))).toEqual(["phase:finished"]);
    expect(state.phase).toBe("finished");
    expect(state.finishedAt).toBe(podiumAt);
    expect(state.endedEarly).toBe(false);

    expectRefusedUnchanged(state, () => nextStep(state, podiumAt + 2), "game-over");
  });

  it("refuses next in the lobby and while a question is open", () => {
    const state = newGame();
    join(state, 1);
    expectRefusedUnchanged(state, () => nextStep(state, T0), "not-allowed");
    ok(startGame(state, T0));
    expectRefusedUnchanged(state, () => nextStep(state, T0 + 1), "not-allowed");
    openCurrent(state);
    expectRefusedUnchanged(state, () => nextStep(state, T0 + DEFAULT_READ + 1), "not-allowed");
  });
});

describe("end game", () => {
  it("in the lobby: finished at once, ended early, nothing played", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    const events = ok(endGame(state, T0 + 50));
    expect(eventTypes(events)).toEqual(["phase:finished", "game-finished"]);
    expect(state.phase).toBe("finished");
    expect(state.endedEarly).toBe(true);
    expect(state.finishedAt).toBe(T0 + 50);
    expect(state.round).toBeNull();
    const finished = events[1]!;
    expect(finished).toMatchObject({ type: "game-finished", at: T0 + 50, status: "ended_early" });
    expect(state.endReason).toBe("host");
    if (finished.type === "game-finished") {
      expect(finished.standings.map((s) => s.playerId)).toEqual([a, b]);
      expect(finished.standings.every((s) => s.score === 0)).toBe(true);
    }
    expectRefusedUnchanged(state, () => endGame(state, T0 + 60), "game-over");
    expectRefusedUnchanged(state, () => addPlayer(state, { playerId: "late", nickname: "Late", now: T0 + 70 }), "game-over");
  });

  it("in an empty lobby", () => {
    const state = newGame();
    ok(endGame(state, T0));
    expect(state.phase).toBe("finished");
    expect(state.endedEarly).toBe(true);
  });

  it("mid-answering: answers already given count, the round is closed and saved, then the podium", () => {
    const state = newGame();
    const [a, b, c] = join(state, 3);
    const opened = startAndOpen(state);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: opened + 400 }));
    ok(submitAnswer(state, { playerId: b!, questionIndex: 0, choice: [2], now: opened + 600 }));
    const events = ok(endGame(state, opened + 3_000));
    expect(eventTypes(events)).toEqual(["round-closed", "phase:reveal", "phase:podium", "game-finished"]);
    const closed = roundClosed(events);
    expect(closed.closedAt).toBe(opened + 3_000);
    expect(closed.answers.map((x) => [x.playerId, x.correct, x.points])).toEqual([
      [a, true, 1000],
      [b, false, 0],
    ]);
    expect(state.phase).toBe("podium");
    expect(state.endedEarly).toBe(true);
    expect(state.finishedAt).toBe(opened + 3_000);
    const finished = events[3]!;
    if (finished.type !== "game-finished") throw new Error("expected game-finished");
    expect(finished.status).toBe("ended_early");
    expect(finished.standings).toEqual([
      { playerId: a, score: 1000, rank: 1 },
      { playerId: b, score: 0, rank: 2 },
      { playerId: c, score: 0, rank: 3 },
    ]);
    // Podium → finished, still marked ended early.
    ok(nextStep(state, opened + 4_000));
    expect(state.phase).toBe("finished");
    expect(state.endedEarly).toBe(true);
  });

  it("during the read time closes the round with no answers", () => {
    const state = newGame();
    join(state, 1);
    ok(startGame(state, T0));
    const events = ok(endGame(state, T0 + 10));
    expect(eventTypes(events)).toEqual(["round-closed", "phase:reveal", "phase:podium", "game-finished"]);
    expect(roundClosed(events).answers).toEqual([]);
    expect(state.endedEarly).toBe(true);
  });

  it("during reveal and leaderboard goes to the podium without another round", () => {
    for (const extraNext of [0, 1]) {
      const state = newGame();
      const [a] = join(state, 1);
      const opened = startAndOpen(state);
      ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: opened }));
      for (let i = 0; i < extraNext; i++) ok(nextStep(state, opened + 1));
      const events = ok(endGame(state, opened + 2));
      expect(eventTypes(events)).toEqual(["phase:podium", "game-finished"]);
      expect(state.phase).toBe("podium");
      expect(state.endedEarly).toBe(true);
      expect(state.players[a!]!.score).toBe(1000);
    }
  });

  it("at the podium after a normal finish just finishes (not ended early)", () => {
    const state = newGame({ questions: [{}] });
    join(state, 1);
    const opened = startAndOpen(state);
    ok(skipQuestion(state, opened));
    ok(nextStep(state, opened));
    ok(nextStep(state, opened));
    expect(state.phase).toBe("podium");
    expect(eventTypes(ok(endGame(state, opened + 1)))).toEqual(["phase:finished"]);
    expect(state.phase).toBe("finished");
    expect(state.endedEarly).toBe(false);
  });
});

describe("end reasons: finished, ended early by the host, host left", () => {
  function finishedEvent(events: GameEvent[]) {
    const event = events.find((e) => e.type === "game-finished");
    if (!event || event.type !== "game-finished") throw new Error("no game-finished event");
    return event;
  }

  it("host-left mid-answering: the round is closed with its answers, status host_left, ended early", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    const opened = startAndOpen(state);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: opened + 100 }));
    const events = ok(endGame(state, opened + 90_000, "host-left"));
    expect(eventTypes(events)).toEqual(["round-closed", "phase:reveal", "phase:podium", "game-finished"]);
    expect(finishedEvent(events)).toEqual({
      type: "game-finished",
      at: opened + 90_000,
      status: "host_left",
      standings: [
        { playerId: a, score: 1000, rank: 1 },
        { playerId: b, score: 0, rank: 2 },
      ],
    });
    expect(state).toMatchObject({ phase: "podium", endedEarly: true, endReason: "host-left", finishedAt: opened + 90_000 });
    expect(playerRoomView(state, opened + 90_000).endedEarly).toBe(true);
    // Podium → finished keeps the reason.
    expect(eventTypes(ok(nextStep(state, opened + 90_001)))).toEqual(["phase:finished"]);
    expect(state).toMatchObject({ phase: "finished", endedEarly: true, endReason: "host-left" });
  });

  it("host-left in the lobby: finished at once with status host_left", () => {
    const state = newGame();
    join(state, 1);
    const events = ok(endGame(state, T0 + 5, "host-left"));
    expect(eventTypes(events)).toEqual(["phase:finished", "game-finished"]);
    expect(finishedEvent(events).status).toBe("host_left");
    expect(state).toMatchObject({ phase: "finished", endedEarly: true, endReason: "host-left" });
  });

  it("host-left during the leaderboard and while paused", () => {
    const state = newGame();
    const [a] = join(state, 1);
    const opened = startAndOpen(state);
    ok(submitAnswer(state, { playerId: a!, questionIndex: 0, choice: [0], now: opened }));
    ok(nextStep(state, opened + 1));
    expect(finishedEvent(ok(endGame(state, opened + 2, "host-left"))).status).toBe("host_left");

    const paused = newGame();
    join(paused, 1);
    const opened2 = startAndOpen(paused);
    ok(pauseGame(paused, opened2 + 1));
    expect(finishedEvent(ok(endGame(paused, opened2 + 2, "host-left"))).status).toBe("host_left");
    expect(paused.paused).toBeNull();
  });

  it("the default reason is the host: status ended_early", () => {
    const state = newGame();
    join(state, 1);
    startAndOpen(state);
    const events = ok(endGame(state, T0 + 30_000));
    expect(finishedEvent(events).status).toBe("ended_early");
    expect(state.endReason).toBe("host");
    expect(ok(endGame(newGame(), T0, "host"))[1]).toMatchObject({ type: "game-finished", status: "ended_early" });
  });

  it("a normal finish: status finished, no end reason; ending at the podium keeps it that way, even when the host leaves", () => {
    const state = newGame({ questions: [{}] });
    join(state, 1);
    const opened = startAndOpen(state);
    ok(skipQuestion(state, opened));
    ok(nextStep(state, opened + 1));
    const events = ok(nextStep(state, opened + 2));
    expect(finishedEvent(events).status).toBe("finished");
    expect(state.endReason).toBeNull();
    expect(eventTypes(ok(endGame(state, opened + 3, "host-left")))).toEqual(["phase:finished"]);
    expect(state).toMatchObject({ phase: "finished", endedEarly: false, endReason: null });
    expectRefusedUnchanged(state, () => endGame(state, opened + 4, "host-left"), "game-over");
  });
});
