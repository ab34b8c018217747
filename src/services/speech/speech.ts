/**
 * Voice calling (语音叫号): a chime, then the call, said twice. In Mandarin the call is
 * played from recorded clips by default, as a 叫号机 does (the same on every tablet, with
 * or without a voice pack: domain/call-clips.ts, ./clip-player.ts); the tablet's own
 * voice is a choice in settings, and speaks English calls. Only a voice of the UI's
 * language is used (a Mandarin call read by an English voice is worse than none); local
 * voices first, since the tablet is often offline. With neither clips nor a voice the
 * chime still sounds, the screen says it cannot speak, and the board shows the call.
 * The guide's tablet, the board or both speak, as the policy says (policy.voice).
 *
 * Everything the browser provides is read from globalThis at call time, so tests replace
 * `speechSynthesis` and `SpeechSynthesisUtterance` with a double that records utterances.
 */
import type { CallVoice, ClipId } from '../../domain/call-clips';
import { type ClipContext, clipPlayer } from './clip-player';

export type SpeechLanguage = 'zh-CN' | 'en';
export type VoiceAvailability = 'available' | 'none' | 'unsupported';
export type { CallVoice };

/** One thing to say: its words, and the clips that say it (null when clips cannot). */
export interface Announcement {
  text: string;
  clips: readonly ClipId[] | null;
}

export interface SpeakOptions {
  lang: SpeechLanguage;
  voice: CallVoice;
  /** False to ask of the tablet's own voice only (settings shows whether it has one). */
  clipsAllowed?: boolean;
}

export interface Speaker {
  /** Whether calls in this language can be said here, by clips or a voice. */
  availability(options: SpeakOptions): Promise<VoiceAvailability>;
  /** Chime, then each announcement twice, after anything already announcing. */
  announce(items: readonly Announcement[], options: SpeakOptions): Promise<VoiceAvailability>;
}

const VOICES_WAIT_MS = 1500;
/** A spoken call never blocks the queue of announcements for longer than this. */
const UTTERANCE_TIMEOUT_MS = 15_000;
const REPEAT = 2;

/** The parts of the Web Speech and Web Audio APIs the speaker uses (and tests fake). */
interface UtteranceLike {
  voice: SpeechSynthesisVoice | null;
  lang: string;
  rate: number;
  onend: ((ev: SpeechSynthesisEvent) => void) | null;
  onerror: ((ev: SpeechSynthesisErrorEvent) => void) | null;
}
interface SynthLike {
  getVoices(): SpeechSynthesisVoice[];
  speak(utterance: UtteranceLike): void;
  addEventListener(type: 'voiceschanged', listener: () => void): void;
  removeEventListener(type: 'voiceschanged', listener: () => void): void;
}
interface ToneContext {
  currentTime: number;
  state?: string;
  resume?(): Promise<void>;
  destination: unknown;
  createOscillator(): {
    frequency: { value: number };
    connect(node: unknown): unknown;
    start(when: number): void;
    stop(when: number): void;
  };
  createGain(): {
    gain: {
      setValueAtTime(value: number, at: number): unknown;
      exponentialRampToValueAtTime(value: number, at: number): unknown;
    };
    connect(node: unknown): unknown;
  };
}
export interface Browser {
  speechSynthesis?: SynthLike | undefined;
  SpeechSynthesisUtterance?: (new (text: string) => UtteranceLike) | undefined;
  AudioContext?: (new () => ToneContext & Partial<ClipContext>) | undefined;
  fetch?:
    | ((url: string) => Promise<{ ok: boolean; arrayBuffer(): Promise<ArrayBuffer> }>)
    | undefined;
}

const voicesLoaded = new WeakMap<SynthLike, Promise<void>>();

/** Voices load asynchronously in Chromium: wait briefly for `voiceschanged`, once. */
async function voicesOf(synth: SynthLike): Promise<SpeechSynthesisVoice[]> {
  if (synth.getVoices().length === 0) {
    let loaded = voicesLoaded.get(synth);
    if (!loaded) {
      loaded = new Promise<void>((resolve) => {
        const done = () => {
          synth.removeEventListener('voiceschanged', done);
          resolve();
        };
        synth.addEventListener('voiceschanged', done);
        setTimeout(done, VOICES_WAIT_MS);
      });
      voicesLoaded.set(synth, loaded);
    }
    await loaded;
  }
  return synth.getVoices();
}

export function pickVoice(
  voices: readonly SpeechSynthesisVoice[],
  lang: SpeechLanguage,
): SpeechSynthesisVoice | null {
  const norm = (l: string) => l.toLowerCase().replace('_', '-');
  const family = lang === 'zh-CN' ? 'zh' : 'en';
  const exact = lang === 'zh-CN' ? 'zh-cn' : 'en';
  const score = (v: SpeechSynthesisVoice) =>
    (norm(v.lang).startsWith(exact) ? 2 : 0) + (v.localService ? 1 : 0);
  const matching = voices.filter((v) => norm(v.lang).startsWith(family));
  return [...matching].sort((a, b) => score(b) - score(a))[0] ?? null;
}

function say(browser: Browser, synth: SynthLike, text: string, voice: SpeechSynthesisVoice) {
  const Utterance = browser.SpeechSynthesisUtterance;
  if (!Utterance) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const utterance = new Utterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    const timer = setTimeout(resolve, UTTERANCE_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    utterance.onend = done;
    utterance.onerror = done;
    synth.speak(utterance);
  });
}

/** Two soft tones (ding-dong) so people look up before the call. */
function chime(ctx: ToneContext | null): Promise<void> {
  if (!ctx) return Promise.resolve();
  try {
    const start = ctx.currentTime + 0.05;
    [659.25, 523.25].forEach((frequency, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = frequency;
      const t0 = start + i * 0.4;
      gain.gain.setValueAtTime(0.0001, t0);
      gain.gain.exponentialRampToValueAtTime(0.4, t0 + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.38);
      osc.connect(gain);
      gain.connect(ctx.destination);
      osc.start(t0);
      osc.stop(t0 + 0.4);
    });
    return new Promise((resolve) => setTimeout(resolve, 900));
  } catch {
    return Promise.resolve(); // no sound device: the call is still spoken and shown
  }
}

export function browserSpeaker(browser: Browser = globalThis as Browser): Speaker {
  let queue: Promise<unknown> = Promise.resolve();
  let audio: (ToneContext & Partial<ClipContext>) | null = null;
  const tones = () => {
    const Context = browser.AudioContext;
    try {
      audio ??= Context ? new Context() : null;
      // A board that no one has touched starts suspended; resuming is allowed in a kiosk.
      if (audio?.state === 'suspended') void audio.resume?.().catch(() => {});
    } catch {
      audio = null; // no sound device: the call is still spoken and shown
    }
    return audio;
  };
  let clips: ReturnType<typeof clipPlayer> | null = null;
  const clipsHere = () => {
    const ctx = tones();
    const fetch = browser.fetch?.bind(globalThis);
    if (!ctx?.decodeAudioData || !ctx.createBufferSource || !fetch) return null;
    clips ??= clipPlayer(ctx as ClipContext, fetch);
    return clips;
  };
  const voiceFor = async (lang: SpeechLanguage) => {
    const synth = browser.speechSynthesis;
    if (!synth || !browser.SpeechSynthesisUtterance) return { synth: null, voice: null };
    return { synth, voice: pickVoice(await voicesOf(synth), lang) };
  };
  // Asked when a screen opens: whether clips could play, without making an AudioContext
  // before anyone has touched the screen (that is made when a call is said).
  const clipsSupported = () => {
    const Context = browser.AudioContext;
    return (
      !!browser.fetch &&
      !!Context &&
      typeof Context.prototype.decodeAudioData === 'function' &&
      typeof Context.prototype.createBufferSource === 'function'
    );
  };
  /** Clips say Mandarin calls, unless the tablet's own voice is chosen and present. */
  const byClipsFor = async (options: SpeakOptions) => {
    if (options.lang !== 'zh-CN' || options.clipsAllowed === false || !clipsSupported())
      return false;
    return options.voice === 'clips' || (await voiceFor(options.lang)).voice === null;
  };
  const speakAll = async (items: readonly Announcement[], lang: SpeechLanguage) => {
    const { synth, voice } = await voiceFor(lang);
    if (!synth) return 'unsupported';
    if (!voice) return 'none';
    for (const { text } of items) {
      for (let i = 0; i < REPEAT; i++) await say(browser, synth, text, voice);
    }
    return 'available';
  };
  return {
    async availability(options) {
      if (await byClipsFor(options)) return 'available';
      const { synth, voice } = await voiceFor(options.lang);
      return !synth ? 'unsupported' : voice ? 'available' : 'none';
    },
    announce(items, options) {
      const run = async (): Promise<VoiceAvailability> => {
        const byClips = await byClipsFor(options);
        // The chime needs no voice: with none installed people still look up at the board.
        await chime(tones());
        const player = byClips ? clipsHere() : null;
        if (player && items.every((i) => i.clips)) {
          try {
            for (const item of items) {
              for (let i = 0; i < REPEAT; i++) await player.play(item.clips ?? []);
            }
            return 'available';
          } catch {
            // A clip missing from the cache: the tablet's voice, if it has one, says it.
          }
        }
        return speakAll(items, options.lang);
      };
      const next = queue.then(run, run);
      queue = next;
      return next;
    },
  };
}

/** The tablet's speaker, shared by every screen that calls. */
export const speaker = browserSpeaker();
