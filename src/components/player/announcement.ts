/**
 * What the phone says to a screen reader when the game moves on: one short sentence per phase and
 * result, read from a polite live region (PlayerAnnouncer). Pure (the words come from the catalog
 * through `t`), so it is tested without a browser.
 */
import type { useTranslations } from "next-intl";
import type { PersonalView, PlayerRoomView, PlayKind, RoundOutcome } from "@/protocol";

export type ResultKind = "correct" | "incorrect" | "partial" | "no-answer" | "voted";
export type AnnouncementTranslator = ReturnType<typeof useTranslations<"player">>;

/** How a round went for this player, as the reveal screen shows it. */
export function resultKind(outcome: RoundOutcome, kind: PlayKind | undefined): ResultKind {
  if (!outcome.answered) return "no-answer";
  if (kind === "poll") return "voted";
  if (outcome.correct) return "correct";
  // Partial credit, or a slider value near the right one.
  return outcome.points > 0 ? "partial" : "incorrect";
}

/** The catalog key (under player.result) of each result's title. */
export const RESULT_TITLE_KEYS = {
  correct: "correct",
  incorrect: "incorrect",
  partial: "partial",
  "no-answer": "noAnswer",
  voted: "voted",
} as const satisfies Record<ResultKind, string>;

function place(you: PersonalView, t: AnnouncementTranslator): string {
  return you.rank !== null ? t("announce.place", { rank: you.rank, count: you.playerCount }) : t("announce.notRanked");
}

function points(score: number, t: AnnouncementTranslator): string {
  return t("announce.points", { score });
}

/** The sentence for the phone's current state; `lockedIn`: this phone's answer to the open question is in. */
export function phaseAnnouncement(room: PlayerRoomView, you: PersonalView, lockedIn: boolean, t: AnnouncementTranslator): string {
  if (room.paused) return t("announce.paused");
  const question = room.question;
  const late = question !== null && question.index < you.firstQuestionIndex;
  switch (room.phase) {
    case "lobby":
      return t("announce.lobby", { nickname: you.nickname });
    case "question-read": {
      if (!question) return "";
      const counter = t("announce.counter", { number: question.index + 1, total: question.total });
      if (late) return `${counter} ${t("announce.late")}`;
      // Team talk: the options are on the phone to discuss; answering waits for the talk to end.
      const talking = (room.teamMode?.talkMs ?? 0) > 0 && question.options !== null;
      return [counter, question.textHidden ? t("announce.readOnBigScreen") : null, talking ? t("announce.teamTalk") : t("announce.getReady")].filter(Boolean).join(" ");
    }
    case "answering":
      if (!question || late) return "";
      if (lockedIn) return t("announce.locked");
      return t("announce.answerNow", { how: t(`announce.how.${question.kind}`) });
    case "reveal": {
      const outcome = you.lastRound?.questionIndex === room.reveal?.questionIndex ? you.lastRound : null;
      if (!outcome) return "";
      const title = t(`result.${RESULT_TITLE_KEYS[resultKind(outcome, question?.kind)]}`);
      return t("announce.reveal", { title, points: points(outcome.points, t), total: points(you.score, t), place: place(you, t) });
    }
    case "leaderboard":
      return t("announce.leaderboard", { place: place(you, t), points: points(you.score, t) });
    case "podium":
    case "finished":
      return t("announce.final", { endedEarly: room.endedEarly ? "yes" : "no", place: place(you, t), points: points(you.score, t) });
    default:
      return "";
  }
}
