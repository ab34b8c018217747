import type { AudioSink, Tone } from './tones';

/**
 * Tones through Web Audio: oscillators, no files, no speech voice. The context is made on
 * first use (after a touch, so autoplay rules allow it) and reused.
 */
export function webAudioSink(): AudioSink {
  let context: AudioContext | null = null;
  return {
    play(tones: readonly Tone[], gain: number) {
      if (typeof AudioContext === 'undefined') return;
      context ??= new AudioContext();
      const ctx = context;
      if (ctx.state === 'suspended') void ctx.resume();
      const start = ctx.currentTime + 0.02;
      for (const tone of tones) {
        const osc = ctx.createOscillator();
        const amp = ctx.createGain();
        const from = start + tone.at / 1000;
        const to = from + tone.duration / 1000;
        osc.type = 'sine';
        osc.frequency.value = tone.frequency;
        // Short ramps: no click at the start or end of a tone.
        amp.gain.setValueAtTime(0, from);
        amp.gain.linearRampToValueAtTime(gain, from + 0.01);
        amp.gain.setValueAtTime(gain, to - 0.02);
        amp.gain.linearRampToValueAtTime(0, to);
        osc.connect(amp).connect(ctx.destination);
        osc.start(from);
        osc.stop(to);
      }
    },
  };
}
