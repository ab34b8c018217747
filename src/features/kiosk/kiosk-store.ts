import { create } from 'zustand';

import type { Role } from '../../domain/roles';

/**
 * Kiosk UI state: the role the tablet works in, whether the lead has unlocked the
 * protected screens (until they leave them, lock, or the tablet idles out), and the
 * idle warning's countdown, if showing.
 */
interface KioskState {
  role: Role;
  setRole: (role: Role) => void;
  leadUnlocked: boolean;
  idleWarningMs: number | null;
  unlock: () => void;
  lock: () => void;
  setIdleWarning: (ms: number | null) => void;
}

export const useKioskStore = create<KioskState>((set) => ({
  role: 'door',
  setRole: (role) => set({ role }),
  leadUnlocked: false,
  idleWarningMs: null,
  unlock: () => set({ leadUnlocked: true }),
  lock: () => set({ leadUnlocked: false }),
  setIdleWarning: (idleWarningMs) => set({ idleWarningMs }),
}));
