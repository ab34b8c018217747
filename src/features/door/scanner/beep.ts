/**
 * A short confirmation sound made with WebAudio (no audio file to ship or cache):
 * one high tone for a good scan, two low ones for a scan that could not be used.
 * Browsers allow sound only after a user gesture; the door has had plenty by then.
 * Where there is no WebAudio (tests, old browsers) it stays silent.
 */
let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  context ??= new AudioContext();
  if (context.state === 'suspended') void context.resume().catch(() => undefined);
  return context;
}

function tone(ctx: AudioContext, frequency: number, startAt: number, seconds: number) {
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, startAt);
  gain.gain.exponentialRampToValueAtTime(0.3, startAt + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, startAt + seconds);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(startAt);
  oscillator.stop(startAt + seconds + 0.02);
}

export function beep(kind: 'good' | 'bad'): void {
  try {
    const ctx = audio();
    if (!ctx) return;
    const now = ctx.currentTime;
    if (kind === 'good') {
      tone(ctx, 1760, now, 0.12);
    } else {
      tone(ctx, 330, now, 0.15);
      tone(ctx, 330, now + 0.22, 0.15);
    }
  } catch {
    // Sound is a courtesy; the screen shows the same thing.
  }
}
