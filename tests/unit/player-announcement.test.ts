import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { PersonalView, PlayerRoomView, QuestionView } from "@/protocol";
import { phaseAnnouncement as announce, resultKind } from "@/components/player/announcement";
import en from "@/i18n/messages/en.json";
import ar from "@/i18n/messages/ar.json";
import { changedHostOptions, defaultHostOptions, type HostableQuiz } from "@/components/dashboard/host-options";

const question: QuestionView = { index: 2, total: 10, kind: "single", promptHtml: "<p>Q?</p>", bodyHtml: "", options: null, timeLimitMs: 20_000 };

function room(overrides: Partial<PlayerRoomView>): PlayerRoomView {
  return {
    gameId: "g",
    phase: "lobby",
    quizTitle: "Quiz",
    questionCount: 10,
    question: null,
    countdown: null,
    reveal: null,
    playerCount: 3,
    endedEarly: false,
    paused: false,
    nextGameCode: null,
    top: [],
    ...overrides,
  };
}

const you: PersonalView = {
  playerId: "p1",
  nickname: "Ada",
  score: 1950,
  streak: 2,
  rank: 1,
  playerCount: 3,
  lockedQuestionIndex: null,
  lastRound: { questionIndex: 2, answered: true, choice: [1], correct: true, points: 950, streak: 2, responseMs: 1200 },
  firstQuestionIndex: 0,
};

const english = createTranslator({ locale: "en", messages: en, namespace: "player" });
const phaseAnnouncement = (view: PlayerRoomView, player: PersonalView, lockedIn: boolean) => announce(view, player, lockedIn, english);

describe("what the phone announces to a screen reader", () => {
  it("says each phase in words", () => {
    expect(phaseAnnouncement(room({ phase: "lobby" }), you, false)).toBe("You're in as Ada. Waiting for the host to start.");
    expect(phaseAnnouncement(room({ phase: "question-read", question }), you, false)).toBe("Question 3 of 10. Get ready.");
    expect(phaseAnnouncement(room({ phase: "question-read", question: { ...question, textHidden: true, promptHtml: "" } }), you, false)).toBe(
      "Question 3 of 10. Read the question on the big screen. Get ready.",
    );
    expect(phaseAnnouncement(room({ phase: "question-read", question: { ...question, options: [{ html: "A" }, { html: "B" }] }, teamMode: { size: 2, assignment: "balanced", talkMs: 5000 } }), you, false)).toBe(
      "Question 3 of 10. Team talk: discuss the question and its options with your team. Answers open when the talk ends.",
    );
    expect(phaseAnnouncement(room({ phase: "answering", question: { ...question, kind: "multiple" } }), you, false)).toBe("Answer now: pick all that apply, then Submit.");
    expect(phaseAnnouncement(room({ phase: "answering", question }), you, true)).toBe("Answer locked in. Wait for the others.");
    expect(phaseAnnouncement(room({ phase: "answering", question, paused: true }), you, false)).toMatch(/^Paused/);
    expect(phaseAnnouncement(room({ phase: "leaderboard" }), you, false)).toBe("Leaderboard: you're 1st of 3 with 1,950 points.");
    expect(phaseAnnouncement(room({ phase: "podium", endedEarly: true }), { ...you, rank: 2 }, false)).toBe("Game ended. You finished 2nd of 3 with 1,950 points.");
  });

  it("says the result of the round once this player's own result is in", () => {
    const reveal = { questionIndex: 2, correct: [1], counts: [0, 1], correctCount: 1, answered: 1, eligible: 3, explanations: [] };
    expect(phaseAnnouncement(room({ phase: "reveal", question, reveal }), you, false)).toBe("Correct. Plus 950 points. Total 1,950 points. You're 1st of 3.");
    const wrong = { ...you, lastRound: { ...you.lastRound!, correct: false, points: 0 } };
    expect(phaseAnnouncement(room({ phase: "reveal", question, reveal }), wrong, false)).toMatch(/^Incorrect\. Plus 0 points\./);
    // The room's reveal came first: nothing to say until this player's result arrives.
    expect(phaseAnnouncement(room({ phase: "reveal", question, reveal: { ...reveal, questionIndex: 3 } }), you, false)).toBe("");
  });

  it("names a late joiner's first question and every kind of result", () => {
    expect(phaseAnnouncement(room({ phase: "question-read", question }), { ...you, firstQuestionIndex: 3 }, false)).toMatch(/play from the next one/);
    const outcome = you.lastRound!;
    expect(resultKind({ ...outcome, answered: false }, "single")).toBe("no-answer");
    expect(resultKind(outcome, "poll")).toBe("voted");
    expect(resultKind({ ...outcome, correct: false, points: 300 }, "slider")).toBe("partial");
  });
});

describe("what an Arabic phone announces", () => {
  const arabic = createTranslator({ locale: "ar", messages: ar as typeof en, namespace: "player" });
  it("says the phase in Arabic, with the nickname as written", () => {
    expect(announce(room({ phase: "lobby" }), you, false, arabic)).toBe("انضممت باسم Ada. بانتظار أن يبدأ المعلم.");
    expect(announce(room({ phase: "answering", question }), you, true, arabic)).toBe("تم تثبيت إجابتك. انتظر الآخرين.");
  });
});

describe("the host option for the question on phones", () => {
  const quiz: HostableQuiz = {
    versionId: "v",
    title: "Quiz",
    questionCount: 5,
    playable: true,
    unplayableReason: null,
    settings: { timeLimitSec: 20, readTimeSec: 4, shuffleQuestions: false, shuffleAnswers: false, nQuestions: undefined },
    hasQuestionTimes: false,
  };
  it("is on by default and sent only when the host turns it off", () => {
    const defaults = defaultHostOptions(quiz);
    expect(defaults.questionOnPhones).toBe(true);
    expect(changedHostOptions(defaults, defaults)).toEqual({});
    expect(changedHostOptions({ ...defaults, questionOnPhones: false }, defaults)).toEqual({ questionOnPhones: false });
  });
});
