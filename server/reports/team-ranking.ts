/**
 * Team mode in the report: each team's score worked out again from its members' saved answers, as
 * the game does (server/engine/teams.ts): for every question, the rounded average of the points of
 * the members who were in the game for it (one who didn't answer counts 0); a team's score is the
 * sum. Members the host removed are left out here, as they are from the player ranking.
 */
import { teamRoundPoints } from "../engine/teams";
import { englishTeamName } from "../../src/protocol/teams";
import type { ReportPlayer, ReportTeam } from "./types";

export function rankTeams(ranking: ReportPlayer[]): ReportTeam[] | null {
  const byTeam = new Map<number, ReportPlayer[]>();
  for (const player of ranking) {
    if (player.team === undefined || player.team === null) continue;
    const members = byTeam.get(player.team) ?? [];
    members.push(player);
    byTeam.set(player.team, members);
  }
  if (byTeam.size === 0) return null;
  const teams = [...byTeam].map(([team, members]) => {
    const rounds = new Map<number, { sum: number; count: number }>();
    for (const member of members) {
      for (const answer of member.answers) {
        const round = rounds.get(answer.roundIndex) ?? { sum: 0, count: 0 };
        round.sum += answer.points;
        round.count += 1;
        rounds.set(answer.roundIndex, round);
      }
    }
    const score = [...rounds.values()].reduce((total, round) => total + teamRoundPoints(round.sum, round.count), 0);
    return { team, name: englishTeamName(team), rank: 0, score, members: members.map((member) => member.nickname) };
  });
  teams.sort((a, b) => b.score - a.score || a.team - b.team);
  return teams.map((team, index) => ({ ...team, rank: index + 1 }));
}
