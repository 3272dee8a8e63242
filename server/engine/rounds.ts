import { activePlayers, rankPlayers, standings } from "./ranking";
import { accepted, refusal, type EngineResult } from "./result";
import { gradeAnswer, isNeutralQuestion, rawAnswer, readAnswer, summariseRound, type ReadAnswer } from "./kinds";
import { answerPoints } from "./scoring";
import { formTeams, rankTeams, readDurationMs, roundTally, talkStartsAt } from "./teams";
import type { ClosedRound, GameEvent, GameState, SavedAnswer, SubmittedAnswer } from "./types";
import type { RoundOutcome } from "../../src/protocol";

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
    connectedLateCount: 0,
    counts: null,
    eligible: 0,
  };
  if (readDurationMs(state, question.readTimeMs) <= 0) return openAnswers(state, now);
  state.phase = "question-read";
  // No read time: the team talk, and with it the options, start at once.
  if (talkStartsAt(state, question.readTimeMs) === now) state.round.talkStartedAt = now;
  return [{ type: "phase-changed", phase: "question-read" }];
}

/** Team mode: the read time is over, the team talk begins: the options show, answers still closed. */
function startTeamTalk(state: GameState, now: number): GameEvent[] {
  state.round!.talkStartedAt = now;
  return [{ type: "team-talk-started", at: now }];
}

/** Scores every active player for the open round, ranks everyone once, and moves to the reveal. */
function closeRound(state: GameState, now: number): GameEvent[] {
  const round = state.round!;
  const question = state.questions[round.questionIndex]!;
  const openedAt = round.openedAt ?? now;
  const neutral = isNeutralQuestion(question);
  const saved: SavedAnswer[] = [];
  const given: SubmittedAnswer[] = [];
  let eligible = 0;
  const teamTally = roundTally(state);

  for (const player of activePlayers(state)) {
    // Players who joined during this round play from the next one: not scored, not counted.
    if (player.firstQuestionIndex > round.questionIndex) continue;
    eligible++;
    const answer = round.answers[player.id];
    const correct = answer?.correct ?? false;
    const points = answer?.points ?? 0;
    // A poll or a question worth no points leaves the streak as it was, answered or not.
    if (!neutral) player.streak = answer?.streak ?? 0;
    if (answer && correct && !neutral) {
      player.correctCount += 1;
      player.correctResponseMs += answer.responseMs;
    }
    player.score += points;
    teamTally?.add(player, points);
    // Field by field, not by spreading (see freshPlayer): read for every phone's view of the reveal.
    const outcome: RoundOutcome = {
      questionIndex: round.questionIndex,
      answered: answer !== undefined,
      choice: answer?.choice ?? [],
      correct,
      points,
      streak: player.streak,
      responseMs: answer?.responseMs ?? null,
    };
    if (answer?.text !== undefined) outcome.text = answer.text;
    if (answer?.value !== undefined) outcome.value = answer.value;
    player.lastRound = outcome;
    if (answer) {
      given.push(answer);
      saved.push(savedAnswer(state, player.id, answer));
    }
  }
  const { counts, summary } = summariseRound(question, given);

  state.paused = null;
  round.closedAt = now;
  round.counts = counts;
  round.summary = summary;
  round.eligible = eligible;
  round.deadline = null;
  rankPlayers(state);
  teamTally?.close();
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

function finish(state: GameState, now: number, endReason: GameState["endReason"], phase: "podium" | "finished"): GameEvent[] {
  if (state.ranking.length === 0) rankPlayers(state);
  if (state.teams?.formed && state.teams.ranking.length === 0) rankTeams(state, false);
  state.phase = phase;
  state.finishedAt = now;
  state.endedEarly = endReason !== null;
  state.endReason = endReason;
  state.paused = null;
  const status = endReason === null ? "finished" : endReason === "host-left" ? "host_left" : "ended_early";
  return [
    { type: "phase-changed", phase },
    { type: "game-finished", at: now, status, standings: standings(state) },
  ];
}

/** The row saved for an answer: choices as ORIGINAL option indexes (quiz-file order). */
function savedAnswer(state: GameState, playerId: string, answer: SubmittedAnswer): SavedAnswer {
  const question = state.questions[state.round!.questionIndex]!;
  const raw = rawAnswer(question, answer);
  const saved: SavedAnswer = {
    playerId,
    answerId: answer.answerId,
    choices: raw ? [] : answer.choice.map((display) => question.optionOrder[display]!).sort((a, b) => a - b),
    correct: answer.correct,
    points: answer.points,
    streak: answer.streak,
    responseMs: answer.responseMs,
    answeredAt: answer.receivedAt,
  };
  if (raw) saved.raw = raw;
  return saved;
}

/** Scores an answer when it arrives; valid until its round closes, since streaks only change then. */
export function scoreAnswer(state: GameState, playerId: string, answerId: string, answer: ReadAnswer, receivedAt: number): SubmittedAnswer {
  const round = state.round!;
  const question = state.questions[round.questionIndex]!;
  const player = state.players[playerId]!;
  const responseMs = Math.max(0, receivedAt - round.openedAt!);
  const { correct, credit } = gradeAnswer(question, answer);
  const neutral = isNeutralQuestion(question);
  const streak = neutral ? player.streak : correct ? player.streak + 1 : 0;
  const points = neutral
    ? 0
    : answerPoints({ credit, correct, streak, responseMs, timeLimitMs: question.timeLimitMs, pointsForSpeed: state.pointsForSpeed ?? true, points: question.points });
  // Field by field, not by spreading (see freshPlayer): every answer of a 10,000-phone round is read when it closes.
  const scored: SubmittedAnswer = { answerId, choice: answer.choice, receivedAt, responseMs, correct, points, streak };
  if (answer.text !== undefined) scored.text = answer.text;
  if (answer.value !== undefined) scored.value = answer.value;
  return scored;
}

/** Closes the open round once every connected player has answered (disconnected players don't count). */
export function closeRoundIfEveryoneAnswered(state: GameState, now: number): GameEvent[] {
  if (state.phase !== "answering" || state.paused) return [];
  const round = state.round!;
  if (round.earlyCloseNotBefore !== undefined && now < round.earlyCloseNotBefore) return [];
  const canAnswer = state.connectedPlayerCount - round.connectedLateCount;
  return canAnswer > 0 && round.connectedAnswerCount >= canAnswer ? closeRound(state, now) : [];
}

export function startGame(state: GameState, now: number): EngineResult {
  if (state.phase !== "lobby") return refusal("game-started", "This game has already started.");
  if (state.activePlayerCount === 0) return refusal("no-players", "Wait for at least one player to join.");
  state.startedAt = now;
  const lock: GameEvent[] = !state.lateJoin && !state.locked ? [{ type: "lock-changed", locked: true }] : [];
  if (lock.length > 0) state.locked = true;
  const teams: GameEvent[] = state.teams ? [{ type: "teams-formed", assignments: formTeams(state) }] : [];
  return accepted([{ type: "game-started", at: now }, ...lock, ...teams, ...openQuestion(state, 0, now)]);
}

/** When the engine next needs `advanceClock`, or null when it waits for a person. */
export function nextDeadline(state: GameState): number | null {
  const round = state.round;
  if (!round || state.paused) return null;
  if (state.phase === "question-read") {
    const { readTimeMs } = state.questions[round.questionIndex]!;
    const talkStarts = talkStartsAt(state, readTimeMs);
    if (talkStarts !== null && round.talkStartedAt === undefined) return talkStarts;
    return round.readStartedAt + readDurationMs(state, readTimeMs);
  }
  if (state.phase === "answering") {
    // After a restart the room must look again once the grace ends, in case everyone has answered.
    const graceEnds = round.earlyCloseNotBefore;
    return graceEnds !== undefined && graceEnds < round.deadline! ? graceEnds : round.deadline;
  }
  return null;
}

/** Moves the game on when a deadline has passed: read time over → team talk (team mode) → answers open; time up → reveal. */
export function advanceClock(state: GameState, now: number): EngineResult {
  const due = nextDeadline(state);
  if (due === null || now < due) return accepted([]);
  if (state.phase === "question-read") {
    if (state.round!.talkStartedAt === undefined && talkStartsAt(state, state.questions[state.round!.questionIndex]!.readTimeMs) !== null) {
      const events = startTeamTalk(state, now);
      // A late clock (after a pause or a restart) may be past the talk's end too.
      return accepted(now >= nextDeadline(state)! ? [...events, ...openAnswers(state, now)] : events);
    }
    return accepted(openAnswers(state, now));
  }
  const round = state.round!;
  if (round.earlyCloseNotBefore !== undefined && now < round.deadline!) {
    delete round.earlyCloseNotBefore;
    return accepted(closeRoundIfEveryoneAnswered(state, now));
  }
  return accepted(closeRound(state, now));
}

export function submitAnswer(
  state: GameState,
  /** `answerId` is the phone's id for this answer (defaults to one per player and question). */
  input: { playerId: string; answerId?: string; questionIndex: number; now: number } & Partial<Record<"choice" | "order", number[]> & { text: string; value: number }>,
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
  if (input.questionIndex < player.firstQuestionIndex) {
    return refusal("joined-late", "You joined during this question, so you'll play from the next one.");
  }
  if (state.phase === "question-read") return refusal("not-accepting", "Answers aren't open yet.");
  if (round.answers[player.id]) return refusal("already-answered", "You already locked in an answer.");
  if (state.paused) return refusal("paused", "The game is paused. Wait for your teacher to resume it.");
  if (input.now > round.deadline!) return refusal("too-late", "Time's up: this question is closed.");

  const question = currentQuestion(state)!;
  const read = readAnswer(question, input);
  if ("ok" in read) return read;

  const answer = scoreAnswer(state, player.id, input.answerId ?? `${player.id}:${round.questionIndex}`, read, input.now);
  round.answers[player.id] = answer;
  round.answerCount += 1;
  if (player.connected) round.connectedAnswerCount += 1;
  return accepted([
    { type: "answer-accepted", playerId: player.id, roundIndex: round.questionIndex, questionId: question.id, answer: savedAnswer(state, player.id, answer) },
    ...closeRoundIfEveryoneAnswered(state, input.now),
  ]);
}

/** Host: stop the clock during a question; answers wait until the game is resumed. */
export function pauseGame(state: GameState, now: number): EngineResult {
  if (state.phase !== "question-read" && state.phase !== "answering") return refusal("not-allowed", "You can pause only during a question.");
  if (state.paused) return accepted([]);
  state.paused = { at: now };
  return accepted([{ type: "pause-changed", paused: true }]);
}

/** Host: restart the clock with the time that was left; the pause doesn't count as answering time. */
export function resumeGame(state: GameState, now: number): EngineResult {
  if (!state.paused) return refusal("not-allowed", "The game isn't paused.");
  const round = state.round!;
  const pausedFor = Math.max(0, now - state.paused.at);
  round.readStartedAt += pausedFor;
  if (round.openedAt !== null) round.openedAt += pausedFor;
  if (round.deadline !== null) round.deadline += pausedFor;
  if (round.earlyCloseNotBefore !== undefined && round.earlyCloseNotBefore <= now) delete round.earlyCloseNotBefore;
  state.paused = null;
  return accepted([{ type: "pause-changed", paused: false }, ...closeRoundIfEveryoneAnswered(state, now)]);
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
      return accepted(finish(state, now, null, "podium"));
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

/**
 * End the game now: by the host, or because the host has been away too long ("host-left").
 * Answers already given in an open round still count.
 */
export function endGame(state: GameState, now: number, reason: "host" | "host-left" = "host"): EngineResult {
  if (state.phase === "finished") return refusal("game-over", "This game has already finished.");
  if (state.phase === "podium") {
    state.phase = "finished";
    return accepted([{ type: "phase-changed", phase: "finished" }]);
  }
  const events: GameEvent[] = [];
  if (state.phase === "question-read" || state.phase === "answering") events.push(...closeRound(state, now));
  const played = state.round !== null;
  events.push(...finish(state, now, reason, played ? "podium" : "finished"));
  return accepted(events);
}
