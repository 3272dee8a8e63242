"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type AudioState = "none" | "suspended" | "running";

export interface GestureAudioOptions<T extends { context: AudioContext }> {
  /** Sound on or off as first rendered (before the remembered choice is read). */
  initiallyOn: boolean;
  /** The choice remembered in this browser, and remembering a new one. */
  stored: () => boolean;
  remember: (on: boolean) => void;
  /** What plays through a new audio context (the big screen's synth, or the context alone). */
  make: (context: AudioContext) => T;
  close: (made: T) => void;
  /** Called as sound is turned off, before the context is suspended. */
  onMute?: (made: T) => void;
}

/**
 * Sound a person turns on or off (remembered in this browser), through an audio context that
 * browsers allow only within a click, tap or key press: while sound is on, the next one makes the
 * context or resumes it. `audio` says whether it is playing yet (for `data-audio` on the buttons).
 */
export function useGestureAudio<T extends { context: AudioContext }>(options: GestureAudioOptions<T>) {
  const [soundOn, setSoundOn] = useState(options.initiallyOn);
  const [audio, setAudio] = useState<AudioState>("none");
  const soundOnRef = useRef(options.initiallyOn);
  const madeRef = useRef<T | null>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useEffect(() => {
    const stored = optionsRef.current.stored();
    soundOnRef.current = stored;
    setSoundOn(stored);
  }, []);

  const wake = useCallback(() => {
    if (!soundOnRef.current) return;
    let made = madeRef.current;
    if (!made) {
      const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
      if (typeof Context !== "function") return;
      const context = new Context();
      made = madeRef.current = optionsRef.current.make(context);
      context.onstatechange = () => setAudio(context.state === "running" ? "running" : "suspended");
      setAudio(context.state === "running" ? "running" : "suspended");
    }
    if (made.context.state !== "running") void made.context.resume().catch(() => {});
  }, []);

  useEffect(() => {
    window.addEventListener("pointerdown", wake, true);
    window.addEventListener("keydown", wake, true);
    return () => {
      window.removeEventListener("pointerdown", wake, true);
      window.removeEventListener("keydown", wake, true);
    };
  }, [wake]);

  useEffect(
    () => () => {
      if (madeRef.current) optionsRef.current.close(madeRef.current);
      madeRef.current = null;
    },
    [],
  );

  const toggle = useCallback(() => {
    const next = !soundOnRef.current;
    soundOnRef.current = next;
    setSoundOn(next);
    optionsRef.current.remember(next);
    if (next) {
      wake();
      return;
    }
    const made = madeRef.current;
    if (made) {
      optionsRef.current.onMute?.(made);
      void made.context.suspend().catch(() => {});
    }
  }, [wake]);

  return { soundOn, audio, made: madeRef, toggle };
}
