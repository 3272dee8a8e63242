/** What the big screen plays and when (src/client/sound/show-cues.ts), and the 3-2-1 build-up's numbers. */
import { describe, expect, it } from "vitest";
import { buildUpNumber, effectsBetween, musicFor, type ShowMoment } from "../../src/client/sound/show-cues";

const at = (fields: Partial<ShowMoment>): ShowMoment => ({
  phase: "lobby",
  paused: false,
  questionIndex: null,
  secondsLeft: null,
  answered: 0,
  allAnswered: false,
  ...fields,
});

/** Plays a sequence of moments and lists what each step played. */
function play(moments: ShowMoment[]): string[][] {
  let previous: ShowMoment | null = null;
  return moments.map((moment) => {
    const effects = effectsBetween(previous, moment);
    previous = moment;
    return effects;
  });
}

describe("the big screen's sounds", () => {
  it("a whole question: build-up ticks 3-2-1, go, a pop per answer, last-second ticks, gong, reveal, leaderboard", () => {
    const q = { questionIndex: 0 };
    expect(
      play([
        at({}),
        at({ ...q, phase: "question-read", secondsLeft: 4 }),
        at({ ...q, phase: "question-read", secondsLeft: 3 }),
        at({ ...q, phase: "question-read", secondsLeft: 2 }),
        at({ ...q, phase: "question-read", secondsLeft: 1 }),
        at({ ...q, phase: "answering", secondsLeft: 20 }),
        at({ ...q, phase: "answering", secondsLeft: 19, answered: 1 }),
        at({ ...q, phase: "answering", secondsLeft: 19, answered: 3 }),
        at({ ...q, phase: "answering", secondsLeft: 6, answered: 3 }),
        at({ ...q, phase: "answering", secondsLeft: 5, answered: 3 }),
        at({ ...q, phase: "answering", secondsLeft: 1, answered: 3 }),
        at({ ...q, phase: "answering", secondsLeft: 0, answered: 3 }),
        at({ ...q, phase: "reveal", answered: 3, allAnswered: false }),
        at({ ...q, phase: "leaderboard" }),
      ]),
    ).toEqual([[], [], ["tick"], ["tick"], ["tick"], ["go"], ["answer-in"], ["answer-in"], [], ["tick"], ["tick"], [], ["time-up", "reveal"], ["leaderboard"]]);
  });

  it("everyone answered: the reveal comes without the gong; the next question builds up again; the podium has its fanfare", () => {
    expect(
      play([
        at({ phase: "answering", questionIndex: 2, secondsLeft: 12, answered: 4 }),
        at({ phase: "reveal", questionIndex: 2, answered: 4, allAnswered: true }),
        at({ phase: "question-read", questionIndex: 3, secondsLeft: 2 }),
        at({ phase: "question-read", questionIndex: 3, secondsLeft: 1 }),
        at({ phase: "answering", questionIndex: 3, secondsLeft: 20 }),
        at({ phase: "podium", questionIndex: 3 }),
      ]),
    ).toEqual([[], ["reveal"], ["tick"], ["tick"], ["go"], ["podium"]]);
  });

  it("a screen opened or refreshed mid-game plays nothing for what already happened", () => {
    expect(effectsBetween(null, at({ phase: "podium" }))).toEqual([]);
    expect(effectsBetween(null, at({ phase: "answering", questionIndex: 1, secondsLeft: 3, answered: 5 }))).toEqual([]);
  });

  it("nothing plays while paused, nor for the clock standing still; music stops", () => {
    const open = at({ phase: "answering", questionIndex: 0, secondsLeft: 4 });
    const paused = { ...open, paused: true };
    expect(play([open, paused, { ...paused, answered: 2 }, { ...open, answered: 2 }])).toEqual([[], [], [], []]);
    expect(musicFor(paused)).toBeNull();
  });

  it("music: calm in the lobby, driving while answering, silence otherwise", () => {
    expect(musicFor(at({ phase: "lobby" }))).toBe("lobby");
    expect(musicFor(at({ phase: "answering", secondsLeft: 10 }))).toBe("answering");
    for (const phase of ["question-read", "reveal", "leaderboard", "podium", "finished"] as const) expect(musicFor(at({ phase }))).toBeNull();
  });
});

describe("the 3-2-1 build-up", () => {
  it("shows 3, 2, 1 in the read time's last seconds only, and nothing while paused or in other phases", () => {
    expect([5, 4, 3, 2, 1, 0].map((seconds) => buildUpNumber("question-read", seconds, false))).toEqual([null, null, 3, 2, 1, null]);
    expect(buildUpNumber("question-read", 2, true)).toBeNull();
    expect(buildUpNumber("answering", 2, false)).toBeNull();
    expect(buildUpNumber("question-read", null, false)).toBeNull();
  });
});
