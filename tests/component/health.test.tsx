import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { reportCameraFailure } from '../../src/services/health/health-store';
import { FIXED_NOW } from '../fixtures/builders';
import { renderApp } from './render-app';

let db: CheckpointDb | undefined;
afterEach(async () => {
  Reflect.deleteProperty(navigator, 'onLine');
  Reflect.deleteProperty(navigator, 'storage');
  await db?.delete();
});

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}

async function deviceEvents(database: CheckpointDb) {
  return (await database.events.toArray())
    .filter((e) => e.type.startsWith('device.'))
    .map((e) => [e.type, e.data]);
}

describe('device health', () => {
  it('shows going offline and back, and records both with the time offline', async () => {
    let now = FIXED_NOW;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null)),
    );
    // The door's scan step opens on /; jsdom has no camera, so stay off the door.
    const app = await renderApp([], '/log', { now: () => now });
    db = app.db;
    expect(screen.queryByTestId('health')).not.toBeInTheDocument();
    setOnline(false);
    expect(await screen.findByTestId('health')).toHaveTextContent('离线');
    now += 90_000;
    setOnline(true);
    await waitFor(() => expect(screen.queryByTestId('health')).not.toBeInTheDocument());
    await waitFor(async () =>
      expect(await deviceEvents(app.db)).toEqual([
        ['device.offline', {}],
        ['device.online', { offlineForMs: 90_000 }],
      ]),
    );
    vi.unstubAllGlobals();
  });

  it('compares the clock with the server and records a skew', async () => {
    const fiveMinutesFast = FIXED_NOW + 5 * 60_000;
    const fetch = vi.fn(
      async () => new Response(null, { headers: { date: new Date(FIXED_NOW).toUTCString() } }),
    );
    vi.stubGlobal('fetch', fetch);
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => true });
    const app = await renderApp([], '/', { now: () => fiveMinutesFast });
    db = app.db;
    // Said once, by the banner, with what to do (the top bar's chips do not repeat it).
    expect(await screen.findByText(/平板时钟比服务器快 5 分钟，请校准时间/)).toBeVisible();
    expect(screen.queryByText(/时钟偏差/)).not.toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith(
      expect.stringContaining('clock-probe'),
      expect.objectContaining({ method: 'HEAD', cache: 'no-store' }),
    );
    await waitFor(async () => {
      const [skew] = (await app.db.events.toArray()).filter((e) => e.type === 'device.clock-skew');
      expect(skew?.data).toEqual({ skewMs: 5 * 60_000 - 500 });
    });
    vi.unstubAllGlobals();
  });

  it('warns when storage is nearly full, recorded with the figures', async () => {
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: {
        persisted: async () => true,
        persist: async () => true,
        estimate: async () => ({ usage: 95, quota: 100 }),
      },
    });
    const app = await renderApp([], '/');
    db = app.db;
    expect(await screen.findByTestId('health')).toHaveTextContent('存储将满');
    await waitFor(async () =>
      expect(await deviceEvents(app.db)).toContainEqual([
        'device.storage-low',
        { usage: 95, quota: 100 },
      ]),
    );
  });

  it('shows and records a camera failure reported by a scanner', async () => {
    const app = await renderApp([], '/');
    db = app.db;
    act(() => reportCameraFailure('busy', FIXED_NOW));
    expect(await screen.findByTestId('health')).toHaveTextContent('摄像头故障');
    act(() => reportCameraFailure('busy', FIXED_NOW + 1));
    await waitFor(async () =>
      expect(await deviceEvents(app.db)).toEqual([['device.camera-failed', { reason: 'busy' }]]),
    );
  });
});
