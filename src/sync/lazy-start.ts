/**
 * Sync loads in its own chunk, after start-up: the engine, the transport and the wire
 * schemas (zod) are not needed to paint the door, and a tablet not enrolled never loads
 * them. The chunk is precached, so this works offline too.
 */
import type { SyncRuntimeOptions } from './runtime';

type Runtime = Pick<typeof import('./runtime'), 'startSync'>;

/** What start-up and the settings hold of a running sync. */
export interface SyncHandle {
  /** One round now; resolves false if it could not run (offline, another tab, …). */
  syncOnce(): Promise<boolean>;
  stop(): void;
}

export function startSyncLazily(
  options: SyncRuntimeOptions,
  load: () => Promise<Runtime> = () => import('./runtime'),
): SyncHandle {
  let stopped = false;
  const started = load().then(({ startSync }) => (stopped ? null : startSync(options)));
  return {
    syncOnce: async () => (await started)?.engine.syncOnce() ?? false,
    stop: () => {
      stopped = true;
      void started.then((running) => running?.stop());
    },
  };
}
