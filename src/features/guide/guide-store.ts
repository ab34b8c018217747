import { create } from 'zustand';
import type { VoiceAvailability } from '../../services/speech/speech';

/** The last answer the guide got, in words the screen puts together. */
export type GuideMessage = { tone: 'ok' | 'warn'; text: string };

/**
 * UI state of the guide: the ticket chosen for the priority lane, the last answer, the
 * voice on this tablet, the cleaner's name (typed once per shift), and the call
 * conflicts already seen. Data itself lives in IndexedDB.
 */
interface GuideState {
  selected: string | null;
  /** The latest answers, newest first: a double tap's answer does not hide the first one's. */
  messages: GuideMessage[];
  voice: VoiceAvailability | null;
  cleaner: string;
  dismissed: string[];
  select: (visit: string | null) => void;
  say: (message: GuideMessage) => void;
  clearMessages: () => void;
  setVoice: (voice: VoiceAvailability) => void;
  setCleaner: (cleaner: string) => void;
  dismiss: (key: string) => void;
  reset: () => void;
}

const SHOWN = 2;

const initial = {
  selected: null,
  messages: [],
  voice: null,
  cleaner: '',
  dismissed: [],
};

export const useGuideStore = create<GuideState>((set) => ({
  ...initial,
  select: (selected) => set({ selected }),
  say: (message) => set((s) => ({ messages: [message, ...s.messages].slice(0, SHOWN) })),
  clearMessages: () => set({ messages: [] }),
  setVoice: (voice) => set({ voice }),
  setCleaner: (cleaner) => set({ cleaner }),
  dismiss: (key) => set((s) => ({ dismissed: [...s.dismissed, key] })),
  reset: () => set(initial),
}));
