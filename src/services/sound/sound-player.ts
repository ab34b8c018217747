import { ALARM_REPEAT_MS, type AudioSink, type Severity, type SoundSettings, TONES } from './tones';

/**
 * Plays a verdict's tones at the device's volume, or nothing when muted. The alarm repeats
 * until `acknowledge()` (the staff member tapped the card), and a new verdict replaces it.
 */
export class SoundPlayer {
  private alarm: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly sink: AudioSink,
    private readonly settings: SoundSettings,
  ) {}

  get state(): SoundSettings {
    return this.settings;
  }

  private get gain(): number {
    return this.settings.muted ? 0 : Math.max(0, Math.min(100, this.settings.volume)) / 100;
  }

  play(severity: Severity): void {
    this.acknowledge();
    if (this.gain === 0) return;
    const tones = TONES[severity];
    this.sink.play(tones, this.gain);
    if (severity === 'alarm') {
      this.alarm = setInterval(() => this.sink.play(tones, this.gain), ALARM_REPEAT_MS);
    }
  }

  /** Stops a repeating alarm. */
  acknowledge(): void {
    if (this.alarm !== null) clearInterval(this.alarm);
    this.alarm = null;
  }

  get alarming(): boolean {
    return this.alarm !== null;
  }
}
