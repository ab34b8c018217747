/**
 * What each verdict sounds like (issue 12): staff hear the result without looking, and
 * the tones need no speech voice installed. Severity, from mild to urgent:
 * admitted: a short chime; come back later: one soft tone; refused: two falling tones;
 * alarm (isolation, red code): a repeated two-tone alarm until someone acknowledges it.
 */
export type Severity = 'admitted' | 'come-back' | 'refused' | 'alarm';

export interface Tone {
  /** Hz. */
  frequency: number;
  /** When it starts, ms after the pattern starts. */
  at: number;
  /** ms. */
  duration: number;
}

export const TONES: Record<Severity, readonly Tone[]> = {
  admitted: [
    { frequency: 880, at: 0, duration: 120 },
    { frequency: 1320, at: 130, duration: 180 },
  ],
  'come-back': [{ frequency: 660, at: 0, duration: 250 }],
  refused: [
    { frequency: 620, at: 0, duration: 220 },
    { frequency: 440, at: 280, duration: 320 },
  ],
  alarm: [
    { frequency: 960, at: 0, duration: 300 },
    { frequency: 720, at: 350, duration: 300 },
    { frequency: 960, at: 700, duration: 300 },
    { frequency: 720, at: 1050, duration: 300 },
  ],
};

/** The alarm plays again this often until acknowledged. */
export const ALARM_REPEAT_MS = 2_500;

export interface SoundSettings {
  /** 0–100. */
  volume: number;
  muted: boolean;
}

/** Where tones go: Web Audio on the tablet, a recording double in tests. */
export interface AudioSink {
  play(tones: readonly Tone[], gain: number): void;
}
