/**
 * The big screen's music and sound effects, made for this project and synthesised in the browser
 * with the Web Audio API: no audio files, no library, nothing downloaded. Oscillators and a little
 * noise, scheduled a fraction of a second ahead so the beat stays steady whatever React is doing.
 */
import type { Effect, Music } from "./show-cues";

const LOOKAHEAD_S = 0.25;
const SCHEDULE_EVERY_MS = 60;
/** Answers arriving together make one pop, not a buzz. */
const ANSWER_IN_GAP_S = 0.09;

const hz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);

interface Note {
  midi: number;
  start: number;
  duration: number;
  type?: OscillatorType;
  gain?: number;
  glideTo?: number;
}

/** One bar of a loop: a bass note and the chord tones the arpeggio walks through. */
interface Bar {
  bass: number;
  tones: number[];
}

interface Loop {
  /** Seconds per step (an eighth note). */
  step: number;
  bars: Bar[];
  play(synth: ShowSynth, bar: Bar, stepInBar: number, at: number): void;
}

const LOOPS: Record<Music, Loop> = {
  // 112 bpm, C – Am – F – G, a soft arpeggio over a bass on the beat.
  lobby: {
    step: 60 / 112 / 2,
    bars: [
      { bass: 36, tones: [60, 64, 67, 72] },
      { bass: 33, tones: [57, 60, 64, 69] },
      { bass: 29, tones: [53, 57, 60, 65] },
      { bass: 31, tones: [55, 59, 62, 67] },
    ],
    play(synth, bar, step, at) {
      const length = this.step;
      if (step % 4 === 0) synth.note({ midi: bar.bass + 12, start: at, duration: length * 3, type: "triangle", gain: 0.22 });
      const walk = [0, 1, 2, 3, 2, 1, 2, 1];
      synth.note({ midi: bar.tones[walk[step]!]! + 12, start: at, duration: length * 0.9, type: "sine", gain: 0.09 });
      if (step % 2 === 1) synth.hat(at, 0.04, 0.025);
    },
  },
  // 140 bpm, A minor pulsing towards E: eighth-note bass, a hat on every step, a clock tick on the beat.
  answering: {
    step: 60 / 140 / 2,
    bars: [
      { bass: 33, tones: [69, 72, 76] },
      { bass: 33, tones: [69, 72, 76] },
      { bass: 29, tones: [65, 69, 72] },
      { bass: 28, tones: [68, 71, 76] },
    ],
    play(synth, bar, step, at) {
      const length = this.step;
      synth.note({ midi: bar.bass + 12, start: at, duration: length * 0.6, type: "triangle", gain: 0.2 });
      synth.hat(at, 0.03, step % 2 === 0 ? 0.03 : 0.015);
      if (step % 2 === 0) synth.note({ midi: 96, start: at, duration: 0.03, type: "square", gain: 0.025 });
      if (step === 0 || step === 3 || step === 6) synth.note({ midi: bar.tones[step % 3]!, start: at, duration: length * 1.5, type: "sawtooth", gain: 0.03 });
    },
  },
};

export class ShowSynth {
  private readonly master: GainNode;
  private readonly musicBus: GainNode;
  private noiseBuffer: AudioBuffer | null = null;
  private music: Music | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private nextStepAt = 0;
  private stepIndex = 0;
  private lastAnswerIn = -1;

  constructor(readonly context: AudioContext) {
    this.master = context.createGain();
    this.master.gain.value = 0.8;
    this.master.connect(context.destination);
    this.musicBus = context.createGain();
    this.musicBus.gain.value = 1;
    this.musicBus.connect(this.master);
  }

  /** Starts, changes or stops the loop (null: silence). The same loop again carries on. */
  setMusic(music: Music | null): void {
    if (music === this.music) return;
    this.music = music;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!music) return;
    this.stepIndex = 0;
    this.nextStepAt = this.context.currentTime + 0.05;
    this.schedule();
    this.timer = setInterval(() => this.schedule(), SCHEDULE_EVERY_MS);
  }

  private schedule(): void {
    const loop = this.music ? LOOPS[this.music] : null;
    if (!loop) return;
    // After the tab slept, start again from now rather than catching up on every missed step.
    if (this.nextStepAt < this.context.currentTime - 0.5) this.nextStepAt = this.context.currentTime + 0.05;
    while (this.nextStepAt < this.context.currentTime + LOOKAHEAD_S) {
      const bar = loop.bars[Math.floor(this.stepIndex / 8) % loop.bars.length]!;
      loop.play(this, bar, this.stepIndex % 8, this.nextStepAt);
      this.nextStepAt += loop.step;
      this.stepIndex += 1;
    }
  }

  play(effect: Effect): void {
    const now = this.context.currentTime + 0.01;
    switch (effect) {
      case "tick":
        this.note({ midi: 84, start: now, duration: 0.07, type: "square", gain: 0.12, bus: "fx" });
        this.note({ midi: 72, start: now, duration: 0.1, type: "sine", gain: 0.2, bus: "fx" });
        break;
      case "go":
        [72, 76, 79, 84].forEach((midi, i) => this.note({ midi, start: now + i * 0.06, duration: 0.25, type: "triangle", gain: 0.2, bus: "fx" }));
        break;
      case "answer-in":
        if (now - this.lastAnswerIn < ANSWER_IN_GAP_S) return;
        this.lastAnswerIn = now;
        this.note({ midi: 81, glideTo: 88, start: now, duration: 0.09, type: "sine", gain: 0.16, bus: "fx" });
        break;
      case "time-up":
        this.note({ midi: 45, glideTo: 38, start: now, duration: 0.7, type: "sawtooth", gain: 0.12, bus: "fx" });
        this.note({ midi: 57, glideTo: 50, start: now, duration: 0.7, type: "square", gain: 0.06, bus: "fx" });
        break;
      case "reveal": {
        const at = now + 0.15;
        for (const midi of [72, 76, 79]) this.note({ midi, start: at, duration: 1.1, type: "sine", gain: 0.14, bus: "fx" });
        [84, 88, 91, 96].forEach((midi, i) => this.note({ midi, start: at + 0.05 + i * 0.05, duration: 0.3, type: "triangle", gain: 0.06, bus: "fx" }));
        break;
      }
      case "leaderboard":
        this.whoosh(now, 0.45);
        this.note({ midi: 67, start: now + 0.3, duration: 0.2, type: "triangle", gain: 0.15, bus: "fx" });
        this.note({ midi: 72, start: now + 0.45, duration: 0.4, type: "triangle", gain: 0.15, bus: "fx" });
        break;
      case "podium": {
        // A drum roll that swells, then a fanfare.
        for (let t = 0; t < 1.4; t += 0.045) this.hat(now + t, 0.05, 0.02 + (t / 1.4) * 0.08, 900);
        const fanfare = now + 1.5;
        const line: Array<[number, number, number]> = [
          [67, 0, 0.15],
          [72, 0.16, 0.15],
          [76, 0.32, 0.15],
          [79, 0.48, 0.5],
          [76, 1.0, 0.16],
          [79, 1.18, 1.2],
        ];
        for (const [midi, offset, duration] of line) {
          this.note({ midi, start: fanfare + offset, duration, type: "square", gain: 0.07, bus: "fx" });
          this.note({ midi: midi - 12, start: fanfare + offset, duration, type: "triangle", gain: 0.12, bus: "fx" });
        }
        for (const midi of [48, 60, 64, 67]) this.note({ midi, start: fanfare + 1.18, duration: 1.6, type: "sine", gain: 0.1, bus: "fx" });
        break;
      }
    }
  }

  /** One note: a quick attack and an exponential fade (no clicks). */
  note({ midi, start, duration, type = "sine", gain = 0.1, glideTo, bus = "music" }: Note & { bus?: "music" | "fx" }): void {
    const { context } = this;
    const oscillator = context.createOscillator();
    oscillator.type = type;
    oscillator.frequency.setValueAtTime(hz(midi), start);
    if (glideTo !== undefined) oscillator.frequency.exponentialRampToValueAtTime(hz(glideTo), start + duration);
    const envelope = context.createGain();
    envelope.gain.setValueAtTime(0.0001, start);
    envelope.gain.exponentialRampToValueAtTime(gain, start + 0.008);
    envelope.gain.exponentialRampToValueAtTime(0.0001, start + duration);
    oscillator.connect(envelope).connect(bus === "music" ? this.musicBus : this.master);
    oscillator.start(start);
    oscillator.stop(start + duration + 0.05);
  }

  /** A short burst of filtered noise: a hi-hat, or (low) a snare-drum roll. */
  hat(start: number, duration: number, gain: number, cutoff = 7000): void {
    const { context } = this;
    const source = context.createBufferSource();
    source.buffer = this.noise();
    const filter = context.createBiquadFilter();
    filter.type = cutoff > 2000 ? "highpass" : "bandpass";
    filter.frequency.value = cutoff;
    const envelope = context.createGain();
    envelope.gain.setValueAtTime(gain, start);
    envelope.gain.exponentialRampToValueAtTime(0.0001, start + duration);
    source.connect(filter).connect(envelope).connect(this.music ? this.musicBus : this.master);
    source.start(start);
    source.stop(start + duration + 0.02);
  }

  private whoosh(start: number, duration: number): void {
    const { context } = this;
    const source = context.createBufferSource();
    source.buffer = this.noise();
    const filter = context.createBiquadFilter();
    filter.type = "bandpass";
    filter.Q.value = 2;
    filter.frequency.setValueAtTime(300, start);
    filter.frequency.exponentialRampToValueAtTime(5000, start + duration);
    const envelope = context.createGain();
    envelope.gain.setValueAtTime(0.0001, start);
    envelope.gain.exponentialRampToValueAtTime(0.25, start + duration * 0.7);
    envelope.gain.exponentialRampToValueAtTime(0.0001, start + duration);
    source.connect(filter).connect(envelope).connect(this.master);
    source.start(start);
    source.stop(start + duration + 0.02);
  }

  private noise(): AudioBuffer {
    if (this.noiseBuffer) return this.noiseBuffer;
    const buffer = this.context.createBuffer(1, Math.floor(this.context.sampleRate * 1.5), this.context.sampleRate);
    const data = buffer.getChannelData(0);
    for (let i = 0; i < data.length; i++) data[i] = Math.random() * 2 - 1;
    this.noiseBuffer = buffer;
    return buffer;
  }

  close(): void {
    this.setMusic(null);
    void this.context.close();
  }
}
