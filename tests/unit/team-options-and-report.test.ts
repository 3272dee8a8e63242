import { describe, expect, it } from "vitest";
import { changedHostOptions, defaultHostOptions, hostOptionProblems, type HostableQuiz } from "../../src/components/dashboard/host-options";
import { englishTeamName } from "../../src/protocol/teams";
import { rankTeams } from "../../server/reports/team-ranking";
import type { ReportAnswer, ReportPlayer } from "../../server/reports/types";

const quiz: HostableQuiz = {
  versionId: "v1",
  title: "Quiz",
  questionCount: 5,
  playable: true,
  unplayableReason: null,
  settings: { timeLimitSec: 20, readTimeSec: 3, shuffleQuestions: false, shuffleAnswers: false },
  hasQuestionTimes: false,
};

describe("team host options", () => {
  it("are off by default and sent only when on, with their settings", () => {
    const defaults = defaultHostOptions(quiz);
    expect(defaults.teams).toBe(false);
    expect(changedHostOptions(defaults, defaults)).toEqual({});
    const form = { ...defaults, teams: true, teamSize: "3", teamAssignment: "pick" as const, teamTalkSec: "15" };
    expect(changedHostOptions(form, defaults)).toEqual({ teams: { size: 3, assignment: "pick", talkSec: 15 } });
  });

  it("refuse a team size outside 2–6 and a team talk outside 0–60 s, only while team mode is on", () => {
    const defaults = defaultHostOptions(quiz);
    expect(hostOptionProblems({ ...defaults, teams: true, teamSize: "7", teamTalkSec: "61" }, 5)).toEqual({
      teamSize: { key: "teamSizeRange", min: 2, max: 6 },
      teamTalkSec: { key: "secondsRange", min: 0, max: 60 },
    });
    expect(hostOptionProblems({ ...defaults, teams: false, teamSize: "7" }, 5)).toEqual({});
  });
});

function player(nickname: string, team: number | null, points: Array<number | null>): ReportPlayer {
  // null: not in the game for that round (joined later).
  const answers: ReportAnswer[] = points.flatMap((value, roundIndex) =>
    value === null ? [] : [{ roundIndex, answered: value > 0, correct: value > 0, choices: [], responseMs: value > 0 ? 1000 : null, points: value, streak: 0 }],
  );
  return { playerId: nickname, nickname, team, rank: 0, score: 0, correctCount: 0, answeredCount: 0, eligibleCount: answers.length, averageResponseMs: null, group: null, answers };
}

describe("the report's team ranking", () => {
  it("gives each team, per question, the rounded average of its members' points over those in the game for it", () => {
    const teams = rankTeams([
      player("Ana", 0, [1000, 0]),
      player("Ben", 0, [500, 1000]),
      player("Cy", 1, [900, 900]),
      player("Late", 1, [null, 0]),
    ])!;
    // Red: 750 + 500; Blue: 900 + 450.
    expect(teams.map((team) => [team.name, team.rank, team.score, team.members])).toEqual([
      ["Blue", 1, 1350, ["Cy", "Late"]],
      ["Red", 2, 1250, ["Ana", "Ben"]],
    ]);
  });

  it("is null in a game without teams, and names teams past the twelfth with a number", () => {
    expect(rankTeams([player("Ana", null, [1000])])).toBeNull();
    expect(englishTeamName(0)).toBe("Red");
    expect(englishTeamName(13)).toBe("Blue 2");
  });
});
