import { activePlayers, rankPlayers, standings } from "./ranking";
import { accepted, refusal, type EngineResult } from "./result";
import { isCorrectChoice, pointsForCorrectAnswer, streakBonus } from "./scoring";
import type { ClosedRound, GameEvent, GameState, SavedAnswer } from "./types";

function currentQuestion(state: GameState) {
  return state.round ? state.questions[state.round.questionIndex] ?? null : null;
}

function openAnswers(state: GameState, now: number): GameEvent[] {
  const round = state.round!;
  const question = state.questions[round.questionIndex]!;
  round.openedAt = now;
  round.deadline = now + question.timeLimitMs;
  state.phase = "answering";
  return [{ type: "phase-changed", phase: "answering" }];
}

function openQuestion(state: GameState, questionIndex: number, now: number): GameEvent[] {
  const question = state.questions[questionIndex]!;
  state.round = {
    questionIndex,
    readStartedAt: now,
    openedAt: null,
    deadline: null,
    closedAt: null,
    answers: {},
    answerCount: 0,
    connectedAnswerCount: 0,
    counts: null,
    eligible: 0,
  };
  if (question.readTimeMs <= 0) return openAnswers(state, now);
  state.phase = "question-read";
  return [{ type: "phase-changed", phase: "question-read" }];
}

/** Scores every active player for the open round, ranks everyone once, and moves to the reveal. */
function closeRound(state: GameState, now: number): GameEvent[] {
  const round = state.round!;
  const question = state.questions[round.questionIndex]!;
  const openedAt = round.openedAt ?? now;
  const counts = question.options.map(() => 0);
  const saved: SavedAnswer[] = [];
  let eligible = 0;

  for (const player of activePlayers(state)) {
    eligible++;
    const answer = round.answers[player.id];
    const correct = answer !== undefined && isCorrectChoice(answer.choice, question.correct);
    let points = 0;
    if (correct) {
      player.streak += 1;
      points = pointsForCorrectAnswer(answer.responseMs, question.timeLimitMs) + streakBonus(player.streak);
      player.correctCount += 1;
      player.correctResponseMs += answer.responseMs;
    } else {
      player.streak = 0;
    }
    player.score += points;
    player.lastRound = {
      questionIndex: round.questionIndex,
      answered: answer !== undefined,
      choice: answer?.choice ?? [],
      correct,
      points,
      streak: player.streak,
      responseMs: answer?.responseMs ?? null,
    };
    if (answer) {
      for (const option of answer.choice) counts[option]! += 1;
      saved.push({
        playerId: player.id,
        choices: answer.choice.map((display) => question.optionOrder[display]!).sort((a, b) => a - b),
        correct,
        points,
        streak: player.streak,
        responseMs: answer.responseMs,
        answeredAt: answer.receivedAt,
      });
    }
  }

  round.closedAt = now;
  round.counts = counts;
  round.eligible = eligible;
  round.deadline = null;
  rankPlayers(state);
  state.phase = "reveal";

  const closed: ClosedRound = {
    roundIndex: round.questionIndex,
    questionId: question.id,
    optionOrder: question.optionOrder,
    openedAt,
    closedAt: now,
    eligiblePlayers: eligible,
    answers: saved,
  };
  return [
    { type: "round-closed", round: closed },
    { type: "phase-changed", phase: "reveal" },
  ];
}

function finish(state: GameState, now: number, endedEarly: boolean, phase: "podium" | "finished"): GameEvent[] {
  if (state.ranking.length === 0) rankPlayers(state);
  state.phase = phase;
  state.finishedAt = now;
  state.endedEarly = endedEarly;
  return [
    { type: "phase-changed", phase },
    { type: "game-finished", at: now, endedEarly, standings: standings(state) },
  ];
}

/** Closes the open round once every connected player has answered (disconnected players don't count). */
export function closeRoundIfEveryoneAnswered(state: GameState, now: number): GameEvent[] {
  if (state.phase !== "answering") return [];
  const everyoneAnswered = state.connectedPlayerCount > 0 && state.round!.connectedAnswerCount >= state.connectedPlayerCount;
  return everyoneAnswered ? closeRound(state, now) : [];
}

export function startGame(state: GameState, now: number): EngineResult {
  if (state.phase !== "lobby") return refusal("game-started", "This game has already started.");
  if (state.activePlayerCount === 0) return refusal("no-players", "Wait for at least one player to join.");
  state.startedAt = now;
  return accepted([{ type: "game-started", at: now }, ...openQuestion(state, 0, now)]);
}

/** When the engine next needs `advanceClock`, or null when it waits for a person. */
export function nextDeadline(state: GameState): number | null {
  const round = state.round;
  if (!round) return null;
  if (state.phase === "question-read") return round.readStartedAt + state.questions[round.questionIndex]!.readTimeMs;
  if (state.phase === "answering") return round.deadline;
  return null;
}

/** Moves the game on when a deadline has passed: read time over → answers open; time up → reveal. */
export function advanceClock(state: GameState, now: number): EngineResult {
  const due = nextDeadline(state);
  if (due === null || now < due) return accepted([]);
  if (state.phase === "question-read") return accepted(openAnswers(state, now));
  return accepted(closeRound(state, now));
}

export function submitAnswer(
  state: GameState,
  input: { playerId: string; questionIndex: number; choice: number[]; now: number },
): EngineResult {
  const player = state.players[input.playerId];
  if (!player) return refusal("not-joined", "Join the game before answering.");
  if (player.removed) return refusal("removed", "You were removed from this game.");
  const round = state.round;
  if (!round || (state.phase !== "answering" && state.phase !== "question-read")) {
    if (round && round.questionIndex === input.questionIndex) return refusal("too-late", "Time's up: this question is closed.");
    return refusal("not-accepting", "There is no open question right now.");
  }
  if (input.questionIndex !== round.questionIndex) return refusal("wrong-question", "That answer is for a different question.");
  if (state.phase === "question-read") return refusal("not-accepting", "Answers aren't open yet.");
  if (round.answers[player.id]) return refusal("already-answered", "You already locked in an answer.");
  if (input.now > round.deadline!) return refusal("too-late", "Time's up: this question is closed.");

  const question = currentQuestion(state)!;
  const choice = [...input.choice].sort((a, b) => a - b);
  const distinct = choice.every((value, i) => i === 0 || value !== choice[i - 1]);
  const inRange = choice.every((value) => value >= 0 && value < question.options.length);
  if (choice.length === 0 || !distinct || !inRange) return refusal("invalid-choice", "That isn't one of the options.");
  if (question.kind === "single" && choice.length !== 1) return refusal("invalid-choice", "Pick exactly one option.");

  round.answers[player.id] = { choice, receivedAt: input.now, responseMs: Math.max(0, input.now - round.openedAt!) };
  round.answerCount += 1;
  if (player.connected) round.connectedAnswerCount += 1;
  return accepted([{ type: "answer-accepted", playerId: player.id }, ...closeRoundIfEveryoneAnswered(state, input.now)]);
}

/** Host: close the current question now (during the read time or while answering). */
export function skipQuestion(state: GameState, now: number): EngineResult {
  if (state.phase !== "question-read" && state.phase !== "answering") {
    return refusal("not-allowed", "There is no open question to skip.");
  }
  return accepted(closeRound(state, now));
}

/** Host: reveal → leaderboard → next question (or the podium after the last one) → finished. */
export function nextStep(state: GameState, now: number): EngineResult {
  switch (state.phase) {
    case "reveal":
      state.phase = "leaderboard";
      return accepted([{ type: "phase-changed", phase: "leaderboard" }]);
    case "leaderboard": {
      const nextIndex = state.round!.questionIndex + 1;
      if (nextIndex < state.questions.length) return accepted(openQuestion(state, nextIndex, now));
      return accepted(finish(state, now, false, "podium"));
    }
    case "podium":
      state.phase = "finished";
      return accepted([{ type: "phase-changed", phase: "finished" }]);
    case "lobby":
      return refusal("not-allowed", "Press Start to begin the game.");
    case "question-read":
    case "answering":
      return refusal("not-allowed", "Wait for the question to close, or press Skip.");
    case "finished":
      return refusal("game-over", "This game has finished.");
  }
}

/** Host: end the game now. Answers already given in an open round still count. */
export function endGame(state: GameState, now: number): EngineResult {
  if (state.phase === "finished") return refusal("game-over", "This game has already finished.");
  if (state.phase === "podium") {
    state.phase = "finished";
    return accepted([{ type: "phase-changed", phase: "finished" }]);
  }
  const events: GameEvent[] = [];
  if (state.phase === "question-read" || state.phase === "answering") events.push(...closeRound(state, now));
  const played = state.round !== null;
  events.push(...finish(state, now, true, played ? "podium" : "finished"));
  return accepted(events);
}
