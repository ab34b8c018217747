import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheckpointDb } from '../../src/db/database';
import { applyPulled } from '../../src/db/sync-store';
import { beginTakeOver, takeOverSince } from '../../src/db/take-over';
import { doorBookings, FIXED_NOW } from '../fixtures/builders';
import { openFreshLog } from '../fixtures/storage';
import { recordGreenVisit } from '../fixtures/tablet';
import { LEAD_PIN, renderApp, tap } from './render-app';

const { zhang, li } = doorBookings();
let db: CheckpointDb | undefined;
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.delete();
});

/** A tablet just enrolled, before its first full pull (src/db/take-over.ts). */
async function enrolledJustNow(): Promise<string> {
  const dbName = `take-over-${Math.random()}`;
  const fresh = new CheckpointDb(dbName);
  await fresh.open();
  await beginTakeOver(fresh, FIXED_NOW - 60_000);
  fresh.close();
  return dbName;
}

describe('the take-over gate (a tablet enrolled during the day)', () => {
  it('starts no visit until the full pull has brought the day, then goes on after its tickets', async () => {
    const app = await renderApp([zhang, li], '/', { dbName: await enrolledJustNow() });
    db = app.db;
    expect(await screen.findByText('正在从服务器取回今天的记录…')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /张\*明/ })).not.toBeInTheDocument();

    // The tablet it replaces admitted one visitor (A001); the pull reaches the server's end.
    const old = await openFreshLog('old-tablet');
    await recordGreenVisit(old.log, 'v-old', FIXED_NOW - 30 * 60_000);
    const issued = await old.db.events.toArray();
    await applyPulled(app.db, issued, issued.length, false);
    expect(await takeOverSince(app.db)).not.toBeNull(); // more to come: still waiting
    await applyPulled(app.db, [], issued.length, true);
    await old.db.delete();

    // 张三明 went in on the old tablet: only 李四 is still to come.
    await tap(app.user, /李\*/);
    expect(screen.queryByRole('button', { name: /张\*明/ })).not.toBeInTheDocument();
    await tap(app.user, '已戴口罩 · 已手消毒');
    await tap(app.user, '36.5');
    await tap(app.user, '身份证与预约一致');
    await tap(app.user, '绿码 · 行程无中高风险');
    expect(await screen.findByTestId('outcome')).toHaveTextContent('A002');
  });

  it('the server unreachable: the door says so, and the lead goes on offline, recorded', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const dbName = await enrolledJustNow();
    const app = await renderApp([zhang, li], '/', {
      dbName,
      settings: { token: 'device-token', site: 'hall', siteName: 'Hall', server: 'http://hall' },
    });
    db = app.db;
    expect(await screen.findByRole('alert')).toHaveTextContent('服务器暂时连不上');
    await app.user.click(screen.getByRole('link', { name: '设置' }));
    for (const digit of LEAD_PIN) await tap(app.user, digit);
    await tap(app.user, '确认');
    expect(await screen.findByTestId('take-over-wait')).toHaveTextContent('排队号可能重复');
    await tap(app.user, '不等服务器，先离线检查');
    await waitFor(async () => expect(await takeOverSince(app.db)).toBeNull());
    const skipped = (await app.db.events.toArray()).filter(
      (e) => e.type === 'device.take-over-skipped',
    );
    expect(skipped.map((e) => e.data)).toEqual([{ enrolledAt: FIXED_NOW - 60_000 }]);
    await app.user.click(screen.getByRole('link', { name: '门岗检查' }));
    expect(await screen.findByRole('button', { name: /张\*明/ })).toBeInTheDocument();
  });
});
