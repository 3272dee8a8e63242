"use client";

import { usePlayerGame } from "@/client/player-game";
import { formatScore, ordinal } from "@/components/shared/format";

/** Podium and finished: the player's own final place, and the top three. */
export function PlayerFinal() {
  const { room, you } = usePlayerGame();
  if (!room || !you) return null;
  return (
    <section data-testid={`phase-${room.phase}`} className="flex flex-1 flex-col items-center justify-center-safe gap-5 overflow-y-auto px-5 py-6 text-center">
      <h1 className="text-3xl font-black">{room.endedEarly ? "Game ended" : "Game over"}</h1>
      {room.endedEarly && <p className="text-indigo-100">The game ended before the last question.</p>}
      <div data-testid="player-final" className="flex flex-col items-center gap-1 rounded-2xl bg-white px-8 py-4 text-indigo-950">
        <p className="font-semibold">You finished</p>
        <p data-testid="player-final-rank" className="text-5xl font-black">
          {you.rank !== null ? ordinal(you.rank) : "—"}
        </p>
        <p className="text-sm">of {you.playerCount}</p>
        <p data-testid="player-final-score" className="mt-1 text-2xl font-black tabular-nums">
          {formatScore(you.score)} points
        </p>
      </div>
      {room.top.length > 0 && (
        <ol className="flex w-full max-w-sm flex-col gap-1.5" aria-label="Top three">
          {room.top.slice(0, 3).map((entry, place) => (
            <li
              key={entry.playerId}
              data-testid={`podium-${place + 1}`}
              className={`flex items-center gap-3 rounded-lg px-3 py-2 font-bold ${
                entry.playerId === you.playerId ? "bg-amber-300 text-amber-950" : "bg-white/10"
              }`}
            >
              <span className="w-9 shrink-0 text-left tabular-nums">{ordinal(place + 1)}</span>
              <span className="min-w-0 flex-1 truncate text-left">{entry.nickname}</span>
              <span className="tabular-nums">{formatScore(entry.score)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
