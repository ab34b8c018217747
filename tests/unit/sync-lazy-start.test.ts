import { describe, expect, it, vi } from 'vitest';
import type { SyncEngine } from '../../src/sync/engine';
import { startSyncLazily } from '../../src/sync/lazy-start';
import type { SyncRuntimeOptions } from '../../src/sync/runtime';

const options = { site: 'hall-1', device: 'tablet-1' } as SyncRuntimeOptions;

/** The sync chunk, arriving when the test says so. */
function slowChunk() {
  const running = {
    engine: { syncOnce: vi.fn(async () => true) } as unknown as SyncEngine,
    stop: vi.fn(),
  };
  const startSync = vi.fn((_: SyncRuntimeOptions) => running);
  let arrive: () => void = () => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const load = () => arrived.then(() => ({ startSync }));
  return { load, arrive, startSync, running };
}

describe('sync starting from its own chunk', () => {
  it('starts once the chunk arrives, and a round asked for before waits for it', async () => {
    const chunk = slowChunk();
    const sync = startSyncLazily(options, chunk.load);
    const round = sync.syncOnce();
    expect(chunk.startSync).not.toHaveBeenCalled();
    chunk.arrive();
    await expect(round).resolves.toBe(true);
    expect(chunk.startSync).toHaveBeenCalledExactlyOnceWith(options);
    expect(chunk.running.engine.syncOnce).toHaveBeenCalledOnce();
  });

  it('never starts when stopped before the chunk arrives (a settings change booted again)', async () => {
    const chunk = slowChunk();
    const sync = startSyncLazily(options, chunk.load);
    sync.stop();
    chunk.arrive();
    await expect(sync.syncOnce()).resolves.toBe(false);
    expect(chunk.startSync).not.toHaveBeenCalled();
  });

  it('stops the running engine when stopped after it started', async () => {
    const chunk = slowChunk();
    const sync = startSyncLazily(options, chunk.load);
    chunk.arrive();
    await sync.syncOnce();
    sync.stop();
    await vi.waitFor(() => expect(chunk.running.stop).toHaveBeenCalledOnce());
  });
});
