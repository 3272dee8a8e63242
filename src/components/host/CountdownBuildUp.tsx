"use client";

import { useSecondsLeft, type LocalDeadline } from "@/client/countdown";
import { buildUpNumber } from "@/client/sound/show-cues";
import type { Phase } from "@/protocol";

/**
 * 3-2-1 in the last seconds of the read time, from the deadline the big screen already has, in a
 * corner so the question stays readable. Each number pops in; with reduced motion asked for it
 * simply changes (globals.css stops every animation). Hidden from screen readers: the phase change
 * to answering is announced already, and a number a second would drown it.
 */
export function CountdownBuildUp({ phase, deadline, paused }: { phase: Phase; deadline: LocalDeadline | null; paused: boolean }) {
  const seconds = useSecondsLeft(phase === "question-read" ? deadline : null);
  const number = buildUpNumber(phase, seconds, paused);
  if (number === null) return null;
  return (
    <div
      data-testid="countdown-build-up"
      aria-hidden="true"
      className="pointer-events-none absolute right-[5vh] bottom-[4vh] flex size-[16vh] items-center justify-center rounded-full bg-amber-300 text-[10vh] font-black text-amber-950 shadow-2xl tabular-nums"
    >
      <span key={number} className="animate-build-up">
        {number}
      </span>
    </div>
  );
}
