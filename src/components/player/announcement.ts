/**
 * What the phone says to a screen reader when the game moves on: one short sentence per phase and
 * result, read from a polite live region (PlayerAnnouncer). Pure, so it is tested without a browser.
 */
import type { PersonalView, PlayerRoomView, PlayKind, RoundOutcome } from "@/protocol";
import { formatScore, ordinal } from "@/components/shared/format";

export type ResultKind = "correct" | "incorrect" | "partial" | "no-answer" | "voted";

/** How a round went for this player, as the reveal screen shows it. */
export function resultKind(outcome: RoundOutcome, kind: PlayKind | undefined): ResultKind {
  if (!outcome.answered) return "no-answer";
  if (kind === "poll") return "voted";
  if (outcome.correct) return "correct";
  // Partial credit, or a slider value near the right one.
  return outcome.points > 0 ? "partial" : "incorrect";
}

export const RESULT_TITLES: Record<ResultKind, string> = {
  correct: "Correct",
  incorrect: "Incorrect",
  partial: "Close",
  "no-answer": "Time's up",
  voted: "Thanks for voting",
};

const HOW_TO_ANSWER: Record<PlayKind, string> = {
  single: "pick one option",
  truefalse: "pick True or False",
  poll: "pick one option; a poll has no right answer",
  multiple: "pick all that apply, then Submit",
  order: "put the items in order, then Submit",
  typed: "type your answer, then Submit",
  slider: "pick a value on the slider, then Submit",
};

function place(you: PersonalView): string {
  return you.rank !== null ? `${ordinal(you.rank)} of ${you.playerCount}` : "not ranked yet";
}

function points(score: number): string {
  return `${formatScore(score)} ${score === 1 ? "point" : "points"}`;
}

/** The sentence for the phone's current state; `lockedIn`: this phone's answer to the open question is in. */
export function phaseAnnouncement(room: PlayerRoomView, you: PersonalView, lockedIn: boolean): string {
  if (room.paused) return "Paused: the teacher stopped the clock.";
  const question = room.question;
  const late = question !== null && question.index < you.firstQuestionIndex;
  switch (room.phase) {
    case "lobby":
      return `You're in as ${you.nickname}. Waiting for the host to start.`;
    case "question-read": {
      if (!question) return "";
      const counter = `Question ${question.index + 1} of ${question.total}.`;
      if (late) return `${counter} You joined during this question: you'll play from the next one.`;
      return `${counter} ${question.textHidden ? "Read the question on the big screen." : ""} Get ready.`.replace("  ", " ");
    }
    case "answering":
      if (!question || late) return "";
      if (lockedIn) return "Answer locked in. Wait for the others.";
      return `Answer now: ${HOW_TO_ANSWER[question.kind]}.`;
    case "reveal": {
      const outcome = you.lastRound?.questionIndex === room.reveal?.questionIndex ? you.lastRound : null;
      if (!outcome) return "";
      const title = RESULT_TITLES[resultKind(outcome, question?.kind)];
      return `${title}. Plus ${points(outcome.points)}. Total ${points(you.score)}. You're ${place(you)}.`;
    }
    case "leaderboard":
      return `Leaderboard: you're ${place(you)} with ${points(you.score)}.`;
    case "podium":
    case "finished":
      return `${room.endedEarly ? "Game ended" : "Game over"}. You finished ${place(you)} with ${points(you.score)}.`;
    default:
      return "";
  }
}
