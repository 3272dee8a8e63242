/**
 * What the big screen plays, and when: a pure function of what the screen shows (phase, question,
 * seconds left, answers in), so the sequencing is tested without a browser (tests/unit/show-cues.test.ts).
 * The sounds themselves are synthesised in synth.ts.
 */
import type { Phase } from "@/protocol";

/** Looping music: calm while students join, driving while they answer. */
export type Music = "lobby" | "answering";

export type Effect =
  /** One beat of the 3-2-1 build-up, and each of the last seconds of answering. */
  | "tick"
  /** The answers open. */
  | "go"
  /** An answer came in. */
  | "answer-in"
  /** The time ran out. */
  | "time-up"
  /** The right answer is shown. */
  | "reveal"
  | "leaderboard"
  /** Drum roll and fanfare. */
  | "podium";

export interface ShowMoment {
  phase: Phase;
  paused: boolean;
  /** The current question (null in the lobby and at the end). */
  questionIndex: number | null;
  /** Whole seconds left in the phase, when it has a clock. */
  secondsLeft: number | null;
  answered: number;
  /** At the reveal: every player who could answer did (false when the time ran out or the host skipped). */
  allAnswered: boolean;
}

/** The build-up counts these seconds before the answers open; answering ticks in its last ones. */
export const BUILD_UP_SECONDS = 3;
export const FINAL_TICK_SECONDS = 5;

/** The number the build-up shows, or null when it isn't showing (see CountdownBuildUp.tsx). */
export function buildUpNumber(phase: Phase, secondsLeft: number | null, paused: boolean): number | null {
  if (phase !== "question-read" || paused || secondsLeft === null) return null;
  return secondsLeft >= 1 && secondsLeft <= BUILD_UP_SECONDS ? secondsLeft : null;
}

export function musicFor(moment: ShowMoment): Music | null {
  if (moment.paused) return null;
  if (moment.phase === "lobby") return "lobby";
  if (moment.phase === "answering") return "answering";
  return null;
}

function entered(previous: ShowMoment, next: ShowMoment): boolean {
  return previous.phase !== next.phase || previous.questionIndex !== next.questionIndex;
}

function countedDownTo(previous: ShowMoment, next: ShowMoment, upTo: number): boolean {
  const seconds = next.secondsLeft;
  return seconds !== null && seconds >= 1 && seconds <= upTo && seconds !== previous.secondsLeft;
}

/**
 * The effects to play as the screen goes from `previous` to `next`. The first moment a screen shows
 * (opened or refreshed mid-game) plays nothing: no fanfare for what already happened. Nothing plays
 * while paused.
 */
export function effectsBetween(previous: ShowMoment | null, next: ShowMoment): Effect[] {
  if (previous === null || next.paused) return [];
  if (entered(previous, next)) {
    switch (next.phase) {
      case "question-read":
        return countedDownTo({ ...previous, secondsLeft: null }, next, BUILD_UP_SECONDS) ? ["tick"] : [];
      case "answering":
        return ["go"];
      case "reveal":
        // Time ran out (or the host skipped): a gong first. Everyone answered: straight to the reveal.
        return next.allAnswered ? ["reveal"] : ["time-up", "reveal"];
      case "leaderboard":
        return ["leaderboard"];
      case "podium":
        return ["podium"];
      default:
        return [];
    }
  }
  if (previous.paused) return [];
  const effects: Effect[] = [];
  if (next.phase === "question-read" && countedDownTo(previous, next, BUILD_UP_SECONDS)) effects.push("tick");
  if (next.phase === "answering") {
    if (next.answered > previous.answered) effects.push("answer-in");
    if (countedDownTo(previous, next, FINAL_TICK_SECONDS)) effects.push("tick");
  }
  return effects;
}
