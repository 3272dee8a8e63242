/**
 * Team mode, as the server and every screen share it: the limits of the host's settings and each
 * team's colour. A team is known by its index (0, 1, 2…); its name is its colour's name (and a
 * number from the 13th team on: "Red 2"), worded by each screen in its own language.
 */

export type TeamAssignment = "balanced" | "pick";

/** The host's team settings. */
export interface TeamSettingsView {
  /** Players per team (2–6): the server makes ceil(players / size) teams. */
  size: number;
  /** "balanced": the server deals the players out at the start; "pick": each phone picks in the lobby. */
  assignment: TeamAssignment;
  /** Team talk before answers open, added to every question's read time (ms; 0: none). */
  talkMs: number;
}

export const TEAM_SIZE_RANGE = { min: 2, max: 6 } as const;
export const TEAM_TALK_RANGE = { min: 0, max: 60 } as const;
export const DEFAULT_TEAM_SIZE = 4;
export const DEFAULT_TEAM_TALK_SEC = 10;

/**
 * The teams' colours, in the order teams are made. Each is dark enough for white text (contrast
 * ≥ 4.5:1), and a team is always named in words too, never by its colour alone.
 */
export const TEAM_COLOURS = [
  { key: "red", hex: "#b91c1c" },
  { key: "blue", hex: "#1d4ed8" },
  { key: "green", hex: "#15803d" },
  { key: "purple", hex: "#7e22ce" },
  { key: "orange", hex: "#c2410c" },
  { key: "teal", hex: "#0f766e" },
  { key: "pink", hex: "#be185d" },
  { key: "brown", hex: "#78350f" },
  { key: "navy", hex: "#1e3a8a" },
  { key: "olive", hex: "#4d7c0f" },
  { key: "grey", hex: "#475569" },
  { key: "black", hex: "#171717" },
] as const;

export type TeamColourKey = (typeof TEAM_COLOURS)[number]["key"];

/** In pick mode the lobby offers at most this many teams (one per colour). */
export const MAX_PICKABLE_TEAMS = TEAM_COLOURS.length;

export function teamColour(team: number): (typeof TEAM_COLOURS)[number] {
  return TEAM_COLOURS[team % TEAM_COLOURS.length]!;
}

/** 1 for the first twelve teams, 2 for the next twelve…: shown after the colour's name from 2 on. */
export function teamRound(team: number): number {
  return Math.floor(team / TEAM_COLOURS.length) + 1;
}

/** The team's name in English (reports, CSV): "Red", "Blue 2". */
export function englishTeamName(team: number): string {
  const key = teamColour(team).key;
  const name = key[0]!.toUpperCase() + key.slice(1);
  const round = teamRound(team);
  return round > 1 ? `${name} ${round}` : name;
}
