import { create } from 'zustand';

/** What the service worker bridge knows, for the screens to show (never to decide). */
interface UpdateState {
  /** The app shell is cached: the next start works offline. */
  offlineReady: boolean;
  /** A new version is installed and waiting to be applied. */
  updateWaiting: boolean;
  lastCheckAt: number | null;
  applying: boolean;
  set: (patch: Partial<Omit<UpdateState, 'set'>>) => void;
}

export const useUpdateStore = create<UpdateState>((set) => ({
  offlineReady: false,
  updateWaiting: false,
  lastCheckAt: null,
  applying: false,
  set: (patch) => set(patch),
}));
