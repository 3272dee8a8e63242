/**
 * The phone's few sounds, made for this project with the Web Audio API (a handful of oscillator
 * notes: no files, no library, so the phone's page stays light). Phones are silent unless the
 * student turns sound on (PhoneSoundToggle); the choice is remembered on the phone.
 */
export const PHONE_SOUND_KEY = "quiz:phone-sound";

export type PhoneCue = "go" | "correct" | "wrong";

const NOTES: Record<PhoneCue, Array<[midi: number, offset: number, duration: number]>> = {
  go: [
    [76, 0, 0.12],
    [83, 0.09, 0.2],
  ],
  correct: [
    [72, 0, 0.14],
    [76, 0.1, 0.14],
    [79, 0.2, 0.35],
  ],
  wrong: [
    [58, 0, 0.22],
    [53, 0.18, 0.4],
  ],
};

export function phoneSoundStored(): boolean {
  try {
    return window.localStorage.getItem(PHONE_SOUND_KEY) === "on";
  } catch {
    return false;
  }
}

export function rememberPhoneSound(on: boolean): void {
  try {
    window.localStorage.setItem(PHONE_SOUND_KEY, on ? "on" : "off");
  } catch {
    // No storage (private mode): the choice lasts while the page is open.
  }
}

export function playPhoneCue(context: AudioContext, cue: PhoneCue): void {
  const start = context.currentTime + 0.01;
  for (const [midi, offset, duration] of NOTES[cue]) {
    const oscillator = context.createOscillator();
    oscillator.type = cue === "wrong" ? "triangle" : "sine";
    oscillator.frequency.value = 440 * 2 ** ((midi - 69) / 12);
    const envelope = context.createGain();
    envelope.gain.setValueAtTime(0.0001, start + offset);
    envelope.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.01);
    envelope.gain.exponentialRampToValueAtTime(0.0001, start + offset + duration);
    oscillator.connect(envelope).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + duration + 0.05);
  }
}
