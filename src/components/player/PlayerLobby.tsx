"use client";

import { usePlayerGame } from "@/client/player-game";
import { CheckIcon } from "@/components/shared/icons";

export function PlayerLobby() {
  const { you, room } = usePlayerGame();
  return (
    <section data-testid="phase-lobby" className="flex flex-1 flex-col items-center justify-center gap-4 px-6 text-center">
      <div data-testid="player-joined" className="animate-pop-in flex flex-col items-center gap-4">
        <span className="flex size-20 items-center justify-center rounded-full bg-green-500 text-white">
          <CheckIcon className="size-11" />
        </span>
        <h1 className="text-4xl font-black">You&apos;re in!</h1>
        <p data-testid="player-joined-nickname" className="max-w-full rounded-xl bg-white px-5 py-2 text-2xl font-black wrap-anywhere text-indigo-950">
          {you?.nickname}
        </p>
        <p className="text-lg text-indigo-100">Waiting for the host to start</p>
        {room?.quizTitle && <p className="text-sm text-indigo-200">{room.quizTitle}</p>}
      </div>
    </section>
  );
}
