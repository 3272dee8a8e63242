"use client";

import { usePlayerGame } from "@/client/player-game";

export function ConnectionBanner() {
  const { connection, room, code } = usePlayerGame();
  if (connection === "reconnecting") {
    return (
      <p role="status" data-testid="connection-banner" className="bg-amber-400 px-3 py-1.5 text-center text-sm font-bold text-amber-950">
        Reconnecting…
      </p>
    );
  }
  const gameOver = room?.phase === "podium" || room?.phase === "finished";
  if (connection === "lost" && !gameOver) {
    return (
      <p role="alert" data-testid="connection-lost" className="bg-amber-400 px-3 py-1.5 text-center text-sm font-bold text-amber-950">
        Your connection dropped and this phone lost its place in the game.{" "}
        {/* A full page load starts a fresh connection. */}
        <a href={code ? `/join?code=${code}` : "/join"} className="underline">
          Join again
        </a>
      </p>
    );
  }
  return null;
}
