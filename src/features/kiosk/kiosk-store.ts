import { create } from 'zustand';

/**
 * Kiosk UI state: whether the lead has unlocked the protected screens (until they
 * leave them or the door idles out), and the idle warning's countdown, if showing.
 */
interface KioskState {
  leadUnlocked: boolean;
  idleWarningMs: number | null;
  unlock: () => void;
  lock: () => void;
  setIdleWarning: (ms: number | null) => void;
}

export const useKioskStore = create<KioskState>((set) => ({
  leadUnlocked: false,
  idleWarningMs: null,
  unlock: () => set({ leadUnlocked: true }),
  lock: () => set({ leadUnlocked: false }),
  setIdleWarning: (idleWarningMs) => set({ idleWarningMs }),
}));
