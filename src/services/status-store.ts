import { create } from 'zustand';
import type { StorageErrorCode } from '../db/storage-error';
import { useHealthStore } from './health/health-store';

/**
 * App-wide UI state: the storage problem to show in the banner, if any. A full storage is
 * also a device-health problem, so the top bar and the lead's settings say what to do
 * until a write goes through again.
 */
interface StatusState {
  storageError: StorageErrorCode | null;
  setStorageError: (code: StorageErrorCode | null) => void;
}

export const useStatusStore = create<StatusState>((set) => ({
  storageError: null,
  setStorageError: (storageError) => {
    const health = useHealthStore.getState();
    if (storageError === 'quota') health.raise('storage-full', {}, Date.now());
    else if (storageError === null) health.clear('storage-full');
    set({ storageError });
  },
}));
