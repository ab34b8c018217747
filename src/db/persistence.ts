/** Asks the browser not to evict our data under storage pressure, and how full it is. */
export type Persistence = 'granted' | 'denied' | 'unsupported';

export async function requestPersistence(): Promise<Persistence> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return 'unsupported';
  if (await navigator.storage.persisted()) return 'granted';
  return (await navigator.storage.persist()) ? 'granted' : 'denied';
}

export interface StorageUse {
  usage: number;
  quota: number;
}

/** Bytes used and allowed for this origin, or null where the browser cannot say. */
export async function storageUse(): Promise<StorageUse | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
  try {
    const { usage, quota } = await navigator.storage.estimate();
    return usage === undefined || quota === undefined ? null : { usage, quota };
  } catch {
    return null;
  }
}
