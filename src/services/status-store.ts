import { create } from 'zustand';
import type { StorageErrorCode } from '../db/storage-error';

/** App-wide UI state: the storage problem to show in the banner, if any. */
interface StatusState {
  storageError: StorageErrorCode | null;
  setStorageError: (code: StorageErrorCode | null) => void;
}

export const useStatusStore = create<StatusState>((set) => ({
  storageError: null,
  setStorageError: (storageError) => set({ storageError }),
}));
