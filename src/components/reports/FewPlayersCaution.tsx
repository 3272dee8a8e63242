import { STABLE_STATISTICS_PLAYERS } from "../../../server/reports/types";

/** Shown above the item analysis when the class is too small for its numbers to be stable. */
export function FewPlayersCaution({ playerCount }: { playerCount: number }) {
  if (playerCount === 0 || playerCount >= STABLE_STATISTICS_PLAYERS) return null;
  return (
    <p data-testid="report-few-players" role="note" className="rounded-xl bg-amber-50 p-4 font-medium text-amber-950 ring-1 ring-amber-300">
      <strong>Too few players for stable numbers:</strong> {playerCount} {playerCount === 1 ? "player" : "players"} took part (fewer than{" "}
      {STABLE_STATISTICS_PLAYERS}). One student more or less can change these statistics a lot — read them as hints, not verdicts.
    </p>
  );
}
