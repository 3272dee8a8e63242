"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useSecondsLeft, type LocalDeadline } from "@/client/countdown";
import { effectsBetween, musicFor, type ShowMoment } from "@/client/sound/show-cues";
import { ShowSynth } from "@/client/sound/synth";
import { useGestureAudio } from "@/client/sound/use-gesture-audio";
import type { HostView } from "@/protocol";

/** Remembered per browser: the big screen's sound is on unless the teacher muted it here. */
export const BIG_SCREEN_SOUND_KEY = "quiz:big-screen-sound";

function storedSoundOn(): boolean {
  try {
    return window.localStorage.getItem(BIG_SCREEN_SOUND_KEY) !== "off";
  } catch {
    return true;
  }
}

function rememberSoundOn(on: boolean): void {
  try {
    window.localStorage.setItem(BIG_SCREEN_SOUND_KEY, on ? "on" : "off");
  } catch {
    // Private mode without storage: the choice lasts until the page closes.
  }
}

/**
 * The big screen's music and sounds, and the one-click mute button that turns them off (remembered
 * in this browser). Browsers start audio only after a click or a key press on the page: the host's
 * first one (Start, Next, anything) wakes it. `data-sound` (on/off) and `data-audio` (none,
 * suspended, running) on the button say where things stand.
 */
export function SoundController({ view, deadline, answered }: { view: HostView; deadline: LocalDeadline | null; answered: number }) {
  const t = useTranslations("host.show");
  const { soundOn, audio, made, toggle } = useGestureAudio<ShowSynth>({
    initiallyOn: true,
    stored: storedSoundOn,
    remember: rememberSoundOn,
    make: (context) => new ShowSynth(context),
    close: (synth) => synth.close(),
    onMute: (synth) => synth.setMusic(null),
  });
  const previousRef = useRef<ShowMoment | null>(null);
  const secondsLeft = useSecondsLeft(deadline);

  const phase = view.phase;
  const paused = view.paused;
  const questionIndex = view.question?.index ?? null;
  const allAnswered = view.reveal !== null && view.reveal.answered >= view.reveal.eligible;
  useEffect(() => {
    const moment: ShowMoment = { phase, paused, questionIndex, secondsLeft, answered, allAnswered };
    const previous = previousRef.current;
    previousRef.current = moment;
    const synth = made.current;
    if (!synth || !soundOn || audio !== "running") return;
    synth.setMusic(musicFor(moment));
    for (const effect of effectsBetween(previous, moment)) synth.play(effect);
  }, [phase, paused, questionIndex, secondsLeft, answered, allAnswered, soundOn, audio, made]);

  return (
    <button
      type="button"
      data-testid="sound-toggle"
      data-sound={soundOn ? "on" : "off"}
      data-audio={audio}
      aria-pressed={soundOn}
      title={soundOn ? t("soundOnTitle") : t("soundOffTitle")}
      onClick={toggle}
      className="flex items-center gap-[0.8vh] rounded-[1vh] border-[0.3vh] border-indigo-300 px-[2vh] py-[0.8vh] text-[2.4vh] font-bold text-indigo-100 hover:bg-white/10"
    >
      <SpeakerIcon on={soundOn} />
      {t("sound")}
    </button>
  );
}

function SpeakerIcon({ on }: { on: boolean }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="size-[2.6vh]" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round">
      <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
      {on ? (
        <>
          <path d="M16.5 8.5a5 5 0 0 1 0 7" />
          <path d="M19 6a8.5 8.5 0 0 1 0 12" />
        </>
      ) : (
        <path d="M16 9l6 6M22 9l-6 6" />
      )}
    </svg>
  );
}
