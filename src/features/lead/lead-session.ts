import { create } from 'zustand';

/**
 * Whether the shift lead has unlocked full personal data on this screen, and until when.
 * Everyone else sees names, ID numbers and phones masked.
 */
interface LeadSession {
  unlockedUntil: number;
  unlock: (until: number) => void;
  lock: () => void;
}

export const useLeadSession = create<LeadSession>((set) => ({
  unlockedUntil: 0,
  unlock: (unlockedUntil) => set({ unlockedUntil }),
  lock: () => set({ unlockedUntil: 0 }),
}));
