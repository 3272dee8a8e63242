"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { phoneSoundStored, playPhoneCue, rememberPhoneSound, type PhoneCue } from "@/client/sound/phone-sound";
import { useGestureAudio } from "@/client/sound/use-gesture-audio";
import type { PersonalView, PlayerRoomView } from "@/protocol";

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
  const t = useTranslations("player.show");
  // Sound turned on earlier on this phone: the student's next tap (joining, answering) wakes it.
  const { soundOn, audio, made, toggle } = useGestureAudio<{ context: AudioContext }>({
    initiallyOn: false,
    stored: phoneSoundStored,
    remember: rememberPhoneSound,
    make: (context) => ({ context }),
    close: ({ context }) => void context.close(),
  });
  const playedRef = useRef<string | null>(null);

  const cue = cueFor(room, you);
  const moment = `${room.phase}:${room.question?.index ?? ""}`;
  useEffect(() => {
    // Each phase plays at most once; the first one seen (a refresh) plays nothing.
    const first = playedRef.current === null;
    if (playedRef.current === moment) return;
    playedRef.current = moment;
    const context = made.current?.context;
    if (first || !cue || !soundOn || !context || context.state !== "running") return;
    playPhoneCue(context, cue);
  }, [moment, cue, soundOn, made]);

  return (
    <button
      type="button"
      data-testid="phone-sound-toggle"
      data-sound={soundOn ? "on" : "off"}
      data-audio={audio}
      aria-pressed={soundOn}
      aria-label={t("sound")}
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
