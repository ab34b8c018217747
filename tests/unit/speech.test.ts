import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Browser, browserSpeaker, pickVoice } from '../../src/services/speech/speech';
import { ENGLISH, type FakeVoice, MANDARIN } from '../fixtures/speech-double';

/** A browser with a recording speechSynthesis and an AudioContext that logs its tones. */
function fakeBrowser(voices: FakeVoice[]) {
  const log: string[] = [];
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
  }
  const browser: Browser = { speechSynthesis, SpeechSynthesisUtterance: Utterance, AudioContext };
  return { log, browser };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('voice calling', () => {
  it('chimes first, then says each call twice, in Mandarin', async () => {
    vi.useFakeTimers();
    const { log, browser } = fakeBrowser([ENGLISH, MANDARIN]);
    const speaker = browserSpeaker(browser);
    const done = speaker.announce(['请 A012 号到 3 号窗口办理'], 'zh-CN');
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
    const first = speaker.announce(['一'], 'zh-CN');
    const second = speaker.announce(['二'], 'zh-CN');
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

  it('reports "none" without a voice of the language: still chimes, speaks nothing', async () => {
    vi.useFakeTimers();
    const { log, browser } = fakeBrowser([ENGLISH]);
    const speaker = browserSpeaker(browser);
    const answer = speaker.announce(['请 A001 号到 1 号窗口办理'], 'zh-CN');
    await vi.runAllTimersAsync();
    expect(await answer).toBe('none');
    expect(log).toEqual(['chime', 'chime']);
  });

  it('reports "unsupported" without the Web Speech API', async () => {
    expect(await browserSpeaker({}).availability('zh-CN')).toBe('unsupported');
  });

  it('prefers a local voice of the exact language', () => {
    const online = { ...MANDARIN, name: 'online', localService: false };
    const taiwan = { ...MANDARIN, name: 'tw', lang: 'zh-TW' };
    expect(pickVoice([online, taiwan, MANDARIN], 'zh-CN')?.name).toBe('Tingting');
    expect(pickVoice([taiwan], 'zh-CN')?.name).toBe('tw');
    expect(pickVoice([MANDARIN], 'en')).toBeNull();
  });
});
