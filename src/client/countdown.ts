"use client";

import { useEffect, useState } from "react";
import type { Countdown } from "@/protocol";

/**
 * A phase deadline on this device's `Date.now()` clock. With the clock offset measured
 * (`clock-offset.ts`) it is the server's `endsAt` moved onto this clock, so the big screen and
 * every phone count down together however late the view arrived. Until the offset is known it is
 * `remainingMs` counted from when the view arrived. While the game is paused the countdown stands
 * still at `pausedMs`.
 */
export interface LocalDeadline {
  /** Date.now() value at which the phase ends (while running). */
  endsAt: number;
  totalMs: number;
  running: boolean;
  /** What is left while the clock is stopped. */
  pausedMs: number;
}

/** A view as it arrived: the deadline is worked out from it whenever the clock offset changes. */
export interface Received<T> {
  view: T;
  /** Date.now() when it arrived. */
  receivedAt: number;
}

export function received<T>(view: T): Received<T> {
  return { view, receivedAt: Date.now() };
}

export function localDeadline(countdown: Countdown | null, receivedAt: number, offset: number | null): LocalDeadline | null {
  if (!countdown) return null;
  const endsAt = offset !== null ? countdown.endsAt - offset : receivedAt + countdown.remainingMs;
  return { endsAt, totalMs: countdown.totalMs, running: countdown.running, pausedMs: Math.max(0, countdown.remainingMs) };
}

export function msLeft(deadline: LocalDeadline, now = Date.now()): number {
  if (!deadline.running) return deadline.pausedMs;
  // Never more than the whole phase, whatever a wrong clock says.
  return Math.min(deadline.totalMs, Math.max(0, deadline.endsAt - now));
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
    if (!deadline.running) return;
    const timer = setInterval(update, TICK_MS);
    return () => clearInterval(timer);
  }, [deadline]);

  return seconds;
}
