import { afterEach, describe, expect, it, vi } from 'vitest';
import { announcementClips, clipUrl } from '../../src/domain/call-clips';
import { CLIP_GAP_S, clipSchedule } from '../../src/services/speech/clip-player';
import {
  type Announcement,
  type Browser,
  browserSpeaker,
  pickVoice,
  type SpeakOptions,
} from '../../src/services/speech/speech';
import { ENGLISH, type FakeVoice, MANDARIN } from '../fixtures/speech-double';

/**
 * A browser with a recording speechSynthesis and an AudioContext that logs its tones and
 * the clips it was asked to play (with when), fetching clips from a fake precache.
 */
function fakeBrowser(voices: FakeVoice[], { clips = true, missing = [] as string[] } = {}) {
  const log: string[] = [];
  const played: { url: string; at: number; duration: number }[] = [];
  class Utterance {
    lang = '';
    voice: FakeVoice | null = null;
    rate = 1;
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(readonly text: string) {}
  }
  const speechSynthesis = {
    getVoices: () => voices,
    speak: (u: Utterance) => {
      log.push(`say ${u.lang} ${u.text}`);
      setTimeout(() => u.onend?.(), 100);
    },
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  const param = { setValueAtTime: () => {}, exponentialRampToValueAtTime: () => {} };
  // A clip's bytes are its URL; it lasts 0.3 s, "A" 0.2 s (as the recorded ones do).
  const decoded = new Map<ArrayBuffer, { url: string; duration: number }>();
  class AudioContext {
    currentTime = 0;
    destination = {};
    createOscillator() {
      return {
        frequency: { value: 0 },
        connect: (x: unknown) => x,
        start: () => log.push('chime'),
        stop: () => {},
      };
    }
    createGain() {
      return { gain: param, connect: (x: unknown) => x };
    }
    async decodeAudioData(data: ArrayBuffer) {
      const buffer = decoded.get(data);
      if (!buffer) throw new Error('not audio');
      return buffer;
    }
    createBufferSource() {
      const source = {
        buffer: null as { url: string; duration: number } | null,
        connect: (x: unknown) => x,
        start: (at: number) => {
          if (!source.buffer) return;
          played.push({ url: source.buffer.url, at, duration: source.buffer.duration });
          log.push(`clip ${source.buffer.url.split('/').at(-1)}`);
        },
      };
      return source;
    }
  }
  const fetch = async (url: string) => ({
    ok: !missing.includes(url),
    arrayBuffer: async () => {
      const bytes = new ArrayBuffer(8);
      decoded.set(bytes, { url, duration: url.endsWith('/A.ogg') ? 0.2 : 0.3 });
      return bytes;
    },
  });
  const browser: Browser = {
    speechSynthesis,
    SpeechSynthesisUtterance: Utterance,
    AudioContext,
    ...(clips ? { fetch } : {}),
  };
  return { log, played, browser };
}

const DEVICE: SpeakOptions = { lang: 'zh-CN', voice: 'device' };
const CLIPS: SpeakOptions = { lang: 'zh-CN', voice: 'clips' };
const say = (text: string): Announcement => ({ text, clips: null });
const A012_TO_3: Announcement = {
  text: '请 A012 号到 3 号窗口办理',
  clips: announcementClips({ kind: 'call', ticket: 'A012', window: 3 }),
};

afterEach(() => {
  vi.useRealTimers();
});

describe('voice calling with the tablet’s voice', () => {
  it('chimes first, then says each call twice, in Mandarin', async () => {
    vi.useFakeTimers();
    const { log, browser } = fakeBrowser([ENGLISH, MANDARIN]);
    const speaker = browserSpeaker(browser);
    const done = speaker.announce([A012_TO_3], DEVICE);
    await vi.runAllTimersAsync();
    expect(await done).toBe('available');
    expect(log).toEqual([
      'chime',
      'chime',
      'say zh-CN 请 A012 号到 3 号窗口办理',
      'say zh-CN 请 A012 号到 3 号窗口办理',
    ]);
  });

  it('announces one call after the other, never over each other', async () => {
    vi.useFakeTimers();
    const { log, browser } = fakeBrowser([MANDARIN]);
    const speaker = browserSpeaker(browser);
    const first = speaker.announce([say('一')], DEVICE);
    const second = speaker.announce([say('二')], DEVICE);
    await vi.runAllTimersAsync();
    await Promise.all([first, second]);
    expect(log).toEqual([
      'chime',
      'chime',
      'say zh-CN 一',
      'say zh-CN 一',
      'chime',
      'chime',
      'say zh-CN 二',
      'say zh-CN 二',
    ]);
  });

  it('reports "none" without a voice of the language (English, no clips): still chimes, speaks nothing', async () => {
    vi.useFakeTimers();
    const { log, browser } = fakeBrowser([MANDARIN]);
    const speaker = browserSpeaker(browser);
    const answer = speaker.announce([say('请 A001 号到 1 号窗口办理')], { ...DEVICE, lang: 'en' });
    await vi.runAllTimersAsync();
    expect(await answer).toBe('none');
    expect(log).toEqual(['chime', 'chime']);
  });

  it('reports "unsupported" without the Web Speech API', async () => {
    expect(await browserSpeaker({}).availability(CLIPS)).toBe('unsupported');
  });

  it('prefers a local voice of the exact language', () => {
    const online = { ...MANDARIN, name: 'online', localService: false };
    const taiwan = { ...MANDARIN, name: 'tw', lang: 'zh-TW' };
    expect(pickVoice([online, taiwan, MANDARIN], 'zh-CN')?.name).toBe('Tingting');
    expect(pickVoice([taiwan], 'zh-CN')?.name).toBe('tw');
    expect(pickVoice([MANDARIN], 'en')).toBeNull();
  });
});

const clipsOf = (log: string[]) => log.filter((l) => l.startsWith('clip ')).map((l) => l.slice(5));

describe('voice calling with the recorded clips (as a 叫号机)', () => {
  it('plays the call from clips by default, twice, after the chime: no voice needed', async () => {
    vi.useFakeTimers();
    const { log, played, browser } = fakeBrowser([]);
    const speaker = browserSpeaker(browser);
    expect(await speaker.availability(CLIPS)).toBe('available');
    const done = speaker.announce([A012_TO_3], CLIPS);
    await vi.runAllTimersAsync();
    expect(await done).toBe('available');
    const once = ['please', 'A', 'd0', 'd1', 'd2', 'number', 'to', 'd3', 'window', 'handle'];
    expect(log.slice(0, 2)).toEqual(['chime', 'chime']);
    expect(clipsOf(log)).toEqual([...once, ...once].map((id) => `${id}.ogg`));
    expect(log.some((l) => l.startsWith('say'))).toBe(false);
    // Back to back on the audio clock: each clip starts where the last ended, plus the gap.
    const first = played.slice(0, once.length);
    for (let i = 1; i < first.length; i++) {
      const [before, clip] = [first[i - 1], first[i]];
      if (!before || !clip) throw new Error('missing clip');
      const gap = clip.at - (before.at + before.duration);
      expect(gap).toBeCloseTo(CLIP_GAP_S, 6);
      expect(gap).toBeLessThanOrEqual(0.08);
    }
  });

  it('the tablet’s own voice when chosen and present; clips when chosen but absent', async () => {
    vi.useFakeTimers();
    const withVoice = fakeBrowser([MANDARIN]);
    const a = browserSpeaker(withVoice.browser).announce([A012_TO_3], DEVICE);
    await vi.runAllTimersAsync();
    await a;
    expect(clipsOf(withVoice.log)).toEqual([]);
    expect(withVoice.log.filter((l) => l.startsWith('say'))).toHaveLength(2);

    const noVoice = fakeBrowser([ENGLISH]);
    const b = browserSpeaker(noVoice.browser).announce([A012_TO_3], DEVICE);
    await vi.runAllTimersAsync();
    expect(await b).toBe('available');
    expect(clipsOf(noVoice.log)).toHaveLength(20);
  });

  it('English calls use an English voice (the clips are Mandarin)', async () => {
    vi.useFakeTimers();
    const { log, browser } = fakeBrowser([ENGLISH]);
    const done = browserSpeaker(browser).announce([A012_TO_3], { lang: 'en', voice: 'clips' });
    await vi.runAllTimersAsync();
    await done;
    expect(clipsOf(log)).toEqual([]);
    expect(log.filter((l) => l.startsWith('say en'))).toHaveLength(2);
  });

  it('a clip missing from the cache: the voice says the call instead, if there is one', async () => {
    vi.useFakeTimers();
    const { log, browser } = fakeBrowser([MANDARIN], { missing: [clipUrl('d3')] });
    const done = browserSpeaker(browser).announce([A012_TO_3], CLIPS);
    await vi.runAllTimersAsync();
    expect(await done).toBe('available');
    expect(clipsOf(log)).toEqual([]);
    expect(log.filter((l) => l.startsWith('say zh-CN'))).toHaveLength(2);
  });

  it('schedules clips end to start with the gap', () => {
    expect(clipSchedule([0.5, 0.2, 0.3], 1)).toEqual({ starts: [1, 1.54, 1.78], end: 2.08 });
    expect(clipSchedule([], 1)).toEqual({ starts: [], end: 1 });
  });
});
