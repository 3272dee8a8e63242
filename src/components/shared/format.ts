const ordinalRules = new Intl.PluralRules("en", { type: "ordinal" });
const ordinalSuffix: Record<string, string> = { one: "st", two: "nd", few: "rd", other: "th" };

/** 1 → "1st", 22 → "22nd". */
export function ordinal(rank: number): string {
  return `${rank}${ordinalSuffix[ordinalRules.select(rank)] ?? "th"}`;
}

export function formatScore(score: number): string {
  return score.toLocaleString("en");
}

/** "▲2" / "▼1" / "—" / "new", with words for screen readers. */
export function movementLabel(movement: number | null): { symbol: string; words: string } {
  if (movement === null) return { symbol: "new", words: "new on the board" };
  if (movement > 0) return { symbol: `▲${movement}`, words: `up ${movement}` };
  if (movement < 0) return { symbol: `▼${-movement}`, words: `down ${-movement}` };
  return { symbol: "—", words: "no change" };
}
