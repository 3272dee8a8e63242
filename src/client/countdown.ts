"use client";

import { useEffect, useState } from "react";
import type { Countdown } from "@/protocol";

/**
 * A phase deadline on this device's monotonic clock. The server sends how many milliseconds were
 * left when it sent the view (`remainingMs`), so the deadline is taken when the view arrives and
 * never depends on the two clocks agreeing.
 */
export interface LocalDeadline {
  /** performance.now() value at which the phase ends. */
  endsAt: number;
  totalMs: number;
}

export function localDeadline(countdown: Countdown | null, receivedAt = performance.now()): LocalDeadline | null {
  if (!countdown) return null;
  return { endsAt: receivedAt + countdown.remainingMs, totalMs: countdown.totalMs };
}

export function msLeft(deadline: LocalDeadline, now = performance.now()): number {
  return Math.max(0, deadline.endsAt - now);
}

const TICK_MS = 200;

/** Whole seconds left before the deadline, re-rendering only when the number changes. */
export function useSecondsLeft(deadline: LocalDeadline | null): number | null {
  const [seconds, setSeconds] = useState<number | null>(() => (deadline ? Math.ceil(msLeft(deadline) / 1000) : null));

  useEffect(() => {
    if (!deadline) {
      setSeconds(null);
      return;
    }
    const update = () => setSeconds(Math.ceil(msLeft(deadline) / 1000));
    update();
    const timer = setInterval(update, TICK_MS);
    return () => clearInterval(timer);
  }, [deadline]);

  return seconds;
}
