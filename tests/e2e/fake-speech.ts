/**
 * A speechSynthesis double for the browser (addInitScript): records every utterance in
 * window.__spoken; one local Mandarin voice, as on a tablet with a voice pack.
 */
export function fakeSpeech() {
  const spoken: { text: string; lang: string }[] = [];
  const voice = {
    name: 'Fake zh',
    lang: 'zh-CN',
    localService: true,
    default: true,
    voiceURI: 'f',
  };
  class FakeUtterance {
    text: string;
    lang = '';
    voice: unknown = null;
    rate = 1;
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  const synth = {
    getVoices: () => [voice],
    speak(u: FakeUtterance) {
      spoken.push({ text: u.text, lang: u.lang });
      setTimeout(() => u.onend?.(), 5);
    },
    cancel() {},
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {
    value: FakeUtterance,
    configurable: true,
  });
  Object.defineProperty(window, '__spoken', { value: spoken });
}
