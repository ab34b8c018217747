import { create } from 'zustand';
import { type Persistence, requestPersistence } from '../db/persistence';

/**
 * Whether the browser keeps our data under storage pressure. Asked for at start-up but
 * not awaited there: the answer can take half a second on a cold start and the door
 * does not need it to open.
 */
interface PersistenceState {
  persistence: Persistence | 'asking';
}

export const usePersistenceStore = create<PersistenceState>(() => ({ persistence: 'asking' }));

export function askForPersistence(): void {
  requestPersistence().then(
    (persistence) => usePersistenceStore.setState({ persistence }),
    () => usePersistenceStore.setState({ persistence: 'unsupported' }),
  );
}

export function usePersistence(): Persistence | 'asking' {
  return usePersistenceStore((s) => s.persistence);
}
