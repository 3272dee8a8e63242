import { describe, expect, it } from "vitest";
import {
  advanceClock,
  nextStep,
  pointsForCorrectAnswer,
  removePlayer,
  setPlayerConnected,
  startGame,
  submitAnswer,
  type GameState,
} from "../../../server/engine";
import {
  DEFAULT_T,
  T0,
  eventTypes,
  expectCountersConsistent,
  join,
  lateJoin,
  newGame,
  ok,
  openCurrent,
  roundClosed,
  seededRandom,
  startAndOpen,
} from "../../support/engine-fixtures";

function answer(state: GameState, playerId: string, now: number, choice = [0]) {
  return ok(submitAnswer(state, { playerId, questionIndex: state.round!.questionIndex, choice, now }));
}

describe("closing when every connected player has answered", () => {
  it("3 players: one answers then disconnects, the other two answer → closes on the third answer", () => {
    const state = newGame();
    const [a, b, c] = join(state, 3);
    const opened = startAndOpen(state);
    answer(state, a!, opened + 100);
    expect(eventTypes(ok(setPlayerConnected(state, { playerId: a!, connected: false, now: opened + 200 })))).toEqual(["player-connection"]);
    expect(state.phase).toBe("answering");
    expectCountersConsistent(state);
    answer(state, b!, opened + 300);
    expect(state.phase).toBe("answering");
    const events = answer(state, c!, opened + 400);
    expect(eventTypes(events)).toEqual(["answer-accepted", "round-closed", "phase:reveal"]);
    // The disconnected player's answer still counts.
    expect(roundClosed(events).answers.map((x) => x.playerId)).toEqual([a, b, c]);
    expect(state.players[a!]!.score).toBe(1000);
  });

  it("a player who disconnects before answering doesn't hold the round open", () => {
    const state = newGame();
    const [a, b, c] = join(state, 3);
    const opened = startAndOpen(state);
    answer(state, a!, opened + 100);
    answer(state, b!, opened + 200);
    expect(state.phase).toBe("answering");
    const events = ok(setPlayerConnected(state, { playerId: c!, connected: false, now: opened + 300 }));
    expect(eventTypes(events)).toEqual(["player-connection", "round-closed", "phase:reveal"]);
    expect(state.round!.closedAt).toBe(opened + 300);
    expect(state.round!.eligible).toBe(3); // still eligible, just scored 0
    expect(state.players[c!]!.lastRound).toMatchObject({ answered: false, points: 0 });
  });

  it("a player who disconnected during the read time doesn't hold the round open", () => {
    const state = newGame();
    const [a, b, c] = join(state, 3);
    ok(startGame(state, T0));
    ok(setPlayerConnected(state, { playerId: c!, connected: false, now: T0 + 1 }));
    expect(state.phase).toBe("question-read");
    const opened = openCurrent(state);
    answer(state, a!, opened + 1);
    expect(state.phase).toBe("answering");
    answer(state, b!, opened + 2);
    expect(state.phase).toBe("reveal");
  });

  it("a player who disconnected in the lobby doesn't hold the round open", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    ok(setPlayerConnected(state, { playerId: b!, connected: false, now: T0 }));
    const opened = startAndOpen(state);
    answer(state, a!, opened + 1);
    expect(state.phase).toBe("reveal");
  });

  it("removing the last non-answerer closes the round", () => {
    const state = newGame();
    const [a, b, c] = join(state, 3);
    const opened = startAndOpen(state);
    answer(state, a!, opened + 100);
    answer(state, b!, opened + 200);
    const events = ok(removePlayer(state, { playerId: c!, now: opened + 300 }));
    expect(eventTypes(events)).toEqual(["player-removed", "round-closed", "phase:reveal"]);
    expect(roundClosed(events).eligiblePlayers).toBe(2);
    expect(state.round!.eligible).toBe(2);
  });

  it("removing a disconnected non-answerer when everyone connected answered closes nothing extra and stays consistent", () => {
    const state = newGame();
    const [a, b, c] = join(state, 4);
    const d = Object.keys(state.players)[3]!;
    const opened = startAndOpen(state);
    ok(setPlayerConnected(state, { playerId: d, connected: false, now: opened }));
    answer(state, a!, opened + 100);
    answer(state, b!, opened + 200);
    ok(removePlayer(state, { playerId: d, now: opened + 250 }));
    expect(state.phase).toBe("answering");
    expectCountersConsistent(state);
    answer(state, c!, opened + 300);
    expect(state.phase).toBe("reveal");
  });

  it("removing an answerer: their answer stops counting and the others still close the round", () => {
    const state = newGame();
    const [a, b, c] = join(state, 3);
    const opened = startAndOpen(state);
    answer(state, a!, opened + 100, [1]);
    ok(removePlayer(state, { playerId: a!, now: opened + 150 }));
    expectCountersConsistent(state);
    expect(state.round!.connectedAnswerCount).toBe(0);
    answer(state, b!, opened + 200);
    expect(state.phase).toBe("answering");
    const events = answer(state, c!, opened + 300);
    expect(state.phase).toBe("reveal");
    const closed = roundClosed(events);
    expect(closed.answers.map((x) => x.playerId)).toEqual([b, c]);
    expect(closed.eligiblePlayers).toBe(2);
    expect(state.round!.counts).toEqual([2, 0, 0, 0]);
    expect(state.players[a!]!.score).toBe(0);
  });

  it("an answerer who disconnects and reconnects is counted once", () => {
    const state = newGame();
    const [a, b, c] = join(state, 3);
    const opened = startAndOpen(state);
    answer(state, a!, opened + 100);
    ok(setPlayerConnected(state, { playerId: a!, connected: false, now: opened + 110 }));
    ok(setPlayerConnected(state, { playerId: a!, connected: true, now: opened + 120 }));
    ok(setPlayerConnected(state, { playerId: a!, connected: false, now: opened + 130 }));
    ok(setPlayerConnected(state, { playerId: a!, connected: true, now: opened + 140 }));
    expect(state.round!.connectedAnswerCount).toBe(1);
    expect(state.connectedPlayerCount).toBe(3);
    answer(state, b!, opened + 200);
    expect(state.phase).toBe("answering");
    answer(state, c!, opened + 300);
    expect(state.phase).toBe("reveal");
  });

  it("a non-answerer who reconnects holds the round open again", () => {
    const state = newGame();
    const [a, b, c] = join(state, 3);
    const opened = startAndOpen(state);
    ok(setPlayerConnected(state, { playerId: c!, connected: false, now: opened + 10 }));
    answer(state, a!, opened + 100);
    ok(setPlayerConnected(state, { playerId: c!, connected: true, now: opened + 150 }));
    answer(state, b!, opened + 200);
    expect(state.phase).toBe("answering");
    answer(state, c!, opened + 300);
    expect(state.phase).toBe("reveal");
  });

  it("a player who answers while disconnected is counted when they reconnect", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    const opened = startAndOpen(state);
    ok(setPlayerConnected(state, { playerId: a!, connected: false, now: opened }));
    answer(state, a!, opened + 100);
    expect(state.round!.connectedAnswerCount).toBe(0);
    ok(setPlayerConnected(state, { playerId: a!, connected: true, now: opened + 150 }));
    expect(state.round!.connectedAnswerCount).toBe(1);
    expectCountersConsistent(state);
    answer(state, b!, opened + 200);
    expect(state.phase).toBe("reveal");
  });

  it("when everyone is disconnected nothing closes early; the timer does", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    const opened = startAndOpen(state);
    ok(setPlayerConnected(state, { playerId: a!, connected: false, now: opened }));
    ok(setPlayerConnected(state, { playerId: b!, connected: false, now: opened }));
    expect(state.phase).toBe("answering");
    ok(advanceClock(state, opened + DEFAULT_T));
    expect(state.phase).toBe("reveal");
  });

  // Rule: the round closes when every connected player has answered. Here the only connected
  // player (after the reconnect) has answered, so the round should close at the reconnect.
  it("closes when an answerer reconnects and is then the only connected player (everyone connected has answered)", () => {
    const state = newGame();
    const [a, b] = join(state, 2);
    const opened = startAndOpen(state);
    answer(state, a!, opened + 100);
    ok(setPlayerConnected(state, { playerId: a!, connected: false, now: opened + 200 }));
    ok(setPlayerConnected(state, { playerId: b!, connected: false, now: opened + 300 }));
    expect(state.phase).toBe("answering"); // nobody connected: waits for the timer
    ok(setPlayerConnected(state, { playerId: a!, connected: true, now: opened + 400 }));
    expectCountersConsistent(state);
    expect(state.phase).toBe("reveal");
  });

  it("counters stay consistent through a long random sequence of disconnects, reconnects, answers and removals", () => {
    const random = seededRandom(7);
    const state = newGame({ questions: Array.from({ length: 6 }, () => ({})) });
    const ids = join(state, 25);
    let now = startAndOpen(state, T0 + 1_000);
    let earlyCloses = 0;
    let checkedOps = 0;
    while (state.phase !== "finished") {
      now += 1;
      if (state.phase === "question-read") {
        now = openCurrent(state);
        continue;
      }
      if (state.phase !== "answering") {
        ok(nextStep(state, now));
        continue;
      }
      const id = ids[Math.floor(random() * ids.length)]!;
      const player = state.players[id]!;
      if (player.removed) continue;
      const roll = random();
      let op: "answer" | "disconnect" | "reconnect" | "remove" | null = null;
      if (roll < 0.4) {
        if (!state.round!.answers[id]) {
          answer(state, id, now, [Math.floor(random() * 4)]);
          op = "answer";
        }
      } else if (roll < 0.8) {
        op = player.connected ? "disconnect" : "reconnect";
        ok(setPlayerConnected(state, { playerId: id, connected: !player.connected, now }));
      } else if (roll < 0.83 && state.activePlayerCount > 3) {
        ok(removePlayer(state, { playerId: id, now }));
        op = "remove";
      } else if (now - state.round!.openedAt! > 400) {
        ok(advanceClock(state, state.round!.deadline!)); // let the timer end long rounds
        continue;
      }
      expectCountersConsistent(state);
      if (op === null || op === "reconnect") continue;
      checkedOps++;
      // After an answer, a disconnect or a removal the round is closed exactly when everyone connected has answered.
      const connected = Object.values(state.players).filter((p) => !p.removed && p.connected);
      const allAnswered = connected.length > 0 && connected.every((p) => state.round!.answers[p.id]);
      const phaseAfter: string = state.phase; // the call above may have moved the phase on
      expect(phaseAfter === "reveal").toBe(allAnswered);
      if (phaseAfter === "reveal") earlyCloses++;
    }
    expect(checkedOps).toBeGreaterThan(100);
    expect(earlyCloses).toBeGreaterThan(0);
  });
});

describe("late joiners never hold a round open", () => {
  it("random sequence with late joins: counters stay consistent and a round closes exactly when every connected player who can answer has", () => {
    const random = seededRandom(11);
    const state = newGame({ questions: Array.from({ length: 8 }, () => ({})) });
    const ids = join(state, 8);
    let now = startAndOpen(state, T0 + 1_000);
    let lateJoins = 0;
    let checkedOps = 0;
    let earlyCloses = 0;
    let closesWithLateConnected = 0;
    let joinedLateRefusals = 0;
    const joinLate = () => {
      const id = `late${lateJoins++}`;
      lateJoin(state, id, now);
      ids.push(id);
      expectCountersConsistent(state);
      return id;
    };
    while (state.phase !== "finished") {
      now += 1;
      if (state.phase !== "answering") {
        if (state.phase !== "podium" && random() < 0.5) joinLate();
        if (state.phase === "question-read") now = openCurrent(state);
        else ok(nextStep(state, now));
        continue;
      }
      const round = state.round!;
      const q = round.questionIndex;
      const roll = random();
      let op: string | null = null;
      if (roll < 0.08) {
        joinLate();
        op = "join";
      } else {
        const id = ids[Math.floor(random() * ids.length)]!;
        const player = state.players[id]!;
        if (player.removed) continue;
        if (roll < 0.45) {
          if (player.firstQuestionIndex > q) {
            const refused = submitAnswer(state, { playerId: id, questionIndex: q, choice: [0], now });
            expect(refused.ok === false && refused.code).toBe("joined-late");
            joinedLateRefusals++;
          } else if (!round.answers[id]) {
            answer(state, id, now, [Math.floor(random() * 4)]);
            op = "answer";
          }
        } else if (roll < 0.85) {
          ok(setPlayerConnected(state, { playerId: id, connected: !player.connected, now }));
          op = "connection";
        } else if (roll < 0.88 && state.activePlayerCount > 4) {
          ok(removePlayer(state, { playerId: id, now }));
          op = "remove";
        } else if (now - round.openedAt! > 300) {
          ok(advanceClock(state, round.deadline!));
          op = "timer";
        }
      }
      if (op === null) continue;
      expectCountersConsistent(state);
      const phaseAfter: string = state.phase;
      if (op !== "timer") {
        checkedOps++;
        const canAnswer = Object.values(state.players).filter((p) => !p.removed && p.connected && p.firstQuestionIndex <= q);
        const allAnswered = canAnswer.length > 0 && canAnswer.every((p) => round.answers[p.id]);
        expect(phaseAfter === "reveal", `after ${op}`).toBe(allAnswered);
        if (phaseAfter === "reveal") earlyCloses++;
      }
      if (phaseAfter === "reveal") {
        const active = Object.values(state.players).filter((p) => !p.removed);
        const late = active.filter((p) => p.firstQuestionIndex > q);
        if (late.some((p) => p.connected)) closesWithLateConnected++;
        // Players who joined during this round are neither counted nor scored.
        expect(round.eligible).toBe(active.length - late.length);
        for (const p of late) expect(p).toMatchObject({ lastRound: null, score: 0, streak: 0 });
        for (const p of active.filter((x) => x.firstQuestionIndex <= q)) expect(p.lastRound!.questionIndex).toBe(q);
      }
    }
    expect(lateJoins).toBeGreaterThan(10);
    expect(checkedOps).toBeGreaterThan(100);
    expect(earlyCloses).toBeGreaterThan(0);
    expect(closesWithLateConnected).toBeGreaterThan(0);
    expect(joinedLateRefusals).toBeGreaterThan(0);
  });
});

describe("1000 players: the round closes on exactly the last connected answer", () => {
  it("every answer is O(1) bookkeeping and only the 1000th closes the round", () => {
    const state = newGame();
    const ids = join(state, 1000);
    const opened = startAndOpen(state);

    // Count how often the engine enumerates all players: it must not while answers come in.
    let enumerations = 0;
    const players = state.players;
    state.players = new Proxy(players, {
      ownKeys(target) {
        enumerations++;
        return Reflect.ownKeys(target);
      },
    });

    for (let i = 0; i < 999; i++) {
      const events = answer(state, ids[i]!, opened + i, [i % 4]);
      const correct = i % 4 === 0;
      expect(events).toEqual([
        {
          type: "answer-accepted",
          playerId: ids[i],
          roundIndex: 0,
          questionId: "question-0",
          answer: {
            playerId: ids[i],
            answerId: `${ids[i]}:0`,
            choices: [i % 4],
            correct,
            points: correct ? pointsForCorrectAnswer(i, DEFAULT_T) : 0,
            streak: correct ? 1 : 0,
            responseMs: i,
            answeredAt: opened + i,
          },
        },
      ]);
      expect(state.round!.connectedAnswerCount).toBe(i + 1);
      expect(state.round!.answerCount).toBe(i + 1);
    }
    expect(state.phase).toBe("answering");
    expect(enumerations).toBe(0);

    const events = answer(state, ids[999]!, opened + 999, [3]);
    expect(eventTypes(events)).toEqual(["answer-accepted", "round-closed", "phase:reveal"]);
    expect(state.phase).toBe("reveal");
    expect(roundClosed(events).answers).toHaveLength(1000);
    expect(state.round!.counts).toEqual([250, 250, 250, 250]);
    state.players = players;
    expectCountersConsistent(state);
  });

  it("with 100 of them disconnected, the round closes on the 900th connected answer", () => {
    const state = newGame();
    const ids = join(state, 1000);
    const opened = startAndOpen(state);
    for (const id of ids.slice(900)) ok(setPlayerConnected(state, { playerId: id, connected: false, now: opened }));
    expect(state.connectedPlayerCount).toBe(900);
    // A few of the disconnected ones answer anyway; they don't count towards closing.
    for (const id of ids.slice(900, 910)) answer(state, id, opened + 1);
    for (let i = 0; i < 899; i++) {
      answer(state, ids[i]!, opened + 10 + i);
      expect(state.phase).toBe("answering");
    }
    answer(state, ids[899]!, opened + 5_000);
    expect(state.phase).toBe("reveal");
    expect(state.round!.eligible).toBe(1000);
    expect(state.round!.answerCount).toBe(910);
  });
});
