"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { phoneSoundStored, playPhoneCue, rememberPhoneSound, type PhoneCue } from "@/client/sound/phone-sound";
import type { PersonalView, PlayerRoomView } from "@/protocol";
import { PLAYER_SHOW_TEXT } from "./show-text";

/** What the phone plays as the game moves on: a blip when answers open, right or wrong at the reveal. */
function cueFor(room: PlayerRoomView, you: PersonalView): PhoneCue | null {
  if (room.paused) return null;
  if (room.phase === "answering") return "go";
  const last = you.lastRound;
  if (room.phase === "reveal" && last && last.questionIndex === room.question?.index && last.answered) return last.correct ? "correct" : "wrong";
  return null;
}

/**
 * The phone's sound button: off until the student turns it on (remembered on this phone). The tap
 * that turns it on is the gesture the browser needs to allow audio. `data-sound` and `data-audio`
 * say where things stand.
 */
export function PhoneSoundToggle({ room, you }: { room: PlayerRoomView; you: PersonalView }) {
  const [soundOn, setSoundOn] = useState(false);
  const [audio, setAudio] = useState<"none" | "suspended" | "running">("none");
  const contextRef = useRef<AudioContext | null>(null);
  const playedRef = useRef<string | null>(null);

  const soundOnRef = useRef(false);

  useEffect(() => {
    const stored = phoneSoundStored();
    soundOnRef.current = stored;
    setSoundOn(stored);
  }, []);
  useEffect(
    () => () => {
      void contextRef.current?.close();
      contextRef.current = null;
    },
    [],
  );

  const cue = cueFor(room, you);
  const moment = `${room.phase}:${room.question?.index ?? ""}`;
  useEffect(() => {
    // Each phase plays at most once; the first one seen (a refresh) plays nothing.
    const first = playedRef.current === null;
    if (playedRef.current === moment) return;
    playedRef.current = moment;
    const context = contextRef.current;
    if (first || !cue || !soundOn || !context || context.state !== "running") return;
    playPhoneCue(context, cue);
  }, [moment, cue, soundOn]);

  /** Within a tap or key press (the only time browsers allow it): make the audio context, or resume it. */
  const wake = useCallback(() => {
    if (!soundOnRef.current) return;
    let context = contextRef.current;
    if (!context) {
      if (typeof window.AudioContext !== "function") return;
      const made = (context = contextRef.current = new AudioContext());
      made.onstatechange = () => setAudio(made.state === "running" ? "running" : "suspended");
      setAudio(made.state === "running" ? "running" : "suspended");
    }
    if (context.state !== "running") void context.resume().catch(() => {});
  }, []);

  // Sound turned on earlier on this phone: the student's next tap (joining, answering) wakes it.
  useEffect(() => {
    window.addEventListener("pointerdown", wake, true);
    window.addEventListener("keydown", wake, true);
    return () => {
      window.removeEventListener("pointerdown", wake, true);
      window.removeEventListener("keydown", wake, true);
    };
  }, [wake]);

  const toggle = () => {
    const next = !soundOn;
    soundOnRef.current = next;
    setSoundOn(next);
    rememberPhoneSound(next);
    if (next) wake();
    else void contextRef.current?.suspend().catch(() => {});
  };

  return (
    <button
      type="button"
      data-testid="phone-sound-toggle"
      data-sound={soundOn ? "on" : "off"}
      data-audio={audio}
      aria-pressed={soundOn}
      aria-label={PLAYER_SHOW_TEXT.sound}
      onClick={toggle}
      className="flex size-9 shrink-0 items-center justify-center rounded-full bg-white/15 hover:bg-white/25"
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" className="size-5" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round">
        <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
        {soundOn ? <path d="M16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12" /> : <path d="M16 9l6 6M22 9l-6 6" />}
      </svg>
    </button>
  );
}
