"use client";

import { usePlayerGame } from "@/client/player-game";
import { CountdownNumber } from "@/components/shared/CountdownNumber";
import { LockIcon } from "@/components/shared/icons";
import { OptionBadge } from "@/components/shared/OptionBadge";
import { optionLabel } from "@/components/shared/option-styles";

export function AnswerLocked({ choice }: { choice: number[] }) {
  const { deadline } = usePlayerGame();
  return (
    <section data-testid="phase-answering" className="flex flex-1 flex-col items-center justify-center gap-5 px-6 text-center">
      <div data-testid="answer-locked" className="animate-pop-in flex flex-col items-center gap-4">
        <span className="flex size-20 items-center justify-center rounded-full bg-white text-indigo-950">
          <LockIcon className="size-10" />
        </span>
        <h1 className="text-3xl font-black">Answer locked in</h1>
        {choice.length > 0 && (
          <div className="flex gap-2" role="img" aria-label={`You picked ${choice.map(optionLabel).join(", ")}`}>
            {choice.map((index) => (
              <OptionBadge key={index} index={index} className="size-12" shapeClassName="size-8" decorative />
            ))}
          </div>
        )}
        <p className="text-lg text-indigo-100">Wait for the others to finish…</p>
        <CountdownNumber deadline={deadline} className="size-14 bg-white/15 text-2xl text-white" />
      </div>
    </section>
  );
}
