"use client";

import { useEffect, useRef, useState } from "react";

/** Bursts of confetti over the podium, from both sides and the middle, over about three seconds. */
const BURSTS = [
  { delayMs: 0, origin: { x: 0.5, y: 0.6 }, angle: 90, spread: 100, particleCount: 160 },
  { delayMs: 600, origin: { x: 0.1, y: 0.7 }, angle: 60, spread: 70, particleCount: 90 },
  { delayMs: 600, origin: { x: 0.9, y: 0.7 }, angle: 120, spread: 70, particleCount: 90 },
  { delayMs: 1600, origin: { x: 0.5, y: 0.5 }, angle: 90, spread: 160, particleCount: 140 },
];

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/**
 * Confetti when the podium appears (canvas-confetti, loaded only then, only on the big screen).
 * With reduced motion asked for there is none. `data-confetti` says what happened: "fired" or
 * "reduced-motion".
 */
export function Confetti() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<"waiting" | "fired" | "reduced-motion">("waiting");

  useEffect(() => {
    if (prefersReducedMotion()) {
      setState("reduced-motion");
      return;
    }
    let stopped = false;
    const timers: ReturnType<typeof setTimeout>[] = [];
    let reset: (() => void) | null = null;
    void import("canvas-confetti").then(({ default: confetti }) => {
      const canvas = canvasRef.current;
      if (stopped || !canvas) return;
      const fire = confetti.create(canvas, { resize: true, useWorker: false, disableForReducedMotion: true });
      reset = () => fire.reset();
      for (const { delayMs, ...burst } of BURSTS) timers.push(setTimeout(() => void fire({ ...burst, ticks: 260, zIndex: 0 }), delayMs));
      setState("fired");
    });
    return () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      reset?.();
    };
  }, []);

  if (state === "reduced-motion") return <span hidden data-testid="podium-confetti" data-confetti={state} />;
  return <canvas ref={canvasRef} data-testid="podium-confetti" data-confetti={state} aria-hidden="true" className="pointer-events-none fixed inset-0 z-40 size-full" />;
}
