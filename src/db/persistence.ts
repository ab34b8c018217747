/** Asks the browser not to evict our data under storage pressure. */
export type Persistence = 'granted' | 'denied' | 'unsupported';

export async function requestPersistence(): Promise<Persistence> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return 'unsupported';
  if (await navigator.storage.persisted()) return 'granted';
  return (await navigator.storage.persist()) ? 'granted' : 'denied';
}
