import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { DEFAULT_IDLE_TIMING } from '../../src/domain/idle';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { queueState } from '../../src/domain/queue';
import { retentionCutoff } from '../../src/domain/retention';
import { dayKey } from '../../src/domain/time';
import { doorBookings, FIXED_NOW, visitEvents } from '../fixtures/builders';
import { greenVisitSteps } from '../fixtures/tablet';
import { renderApp, tap, type User } from './render-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const { zhang, li } = doorBookings();

let db: CheckpointDb | undefined;
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.delete();
});

/**
 * A tablet whose wall clock can be set by hand, beside a server clock and a monotonic
 * clock that only real time moves. The server answers the clock probe with its time.
 */
function tabletClocks() {
  const c = { device: FIXED_NOW, elapsed: 0 };
  const server = () => FIXED_NOW + c.elapsed;
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(null, { headers: { date: new Date(server()).toUTCString() } })),
  );
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => true });
  return {
    now: () => c.device,
    monotonic: () => c.elapsed,
    /** Time passes for everyone. */
    pass(ms: number) {
      c.device += ms;
      c.elapsed += ms;
    },
    /** Someone sets the tablet's clock. */
    set(byMs: number) {
      c.device += byMs;
    },
  };
}

async function admitGreen(user: User, who: RegExp) {
  await tap(user, who);
  await tap(user, '已戴口罩 · 已手消毒');
  await tap(user, '36.5');
  await tap(user, '身份证与预约一致');
  await tap(user, '绿码 · 行程无中高风险');
  return screen.findByTestId('outcome');
}

describe('the tablet clock set by hand mid-shift (issue 23)', () => {
  it('set back an hour: visits stay in order, ticket numbers go on, the door warns', async () => {
    const clocks = tabletClocks();
    const app = await renderApp([zhang, li], '/', clocks);
    db = app.db;
    expect(await admitGreen(app.user, /张\*明/)).toHaveTextContent('A001');
    expect(screen.queryByTestId('clock-warning')).toBeNull();
    await tap(app.user, '下一位');

    clocks.pass(2 * MINUTE);
    await tap(app.user, /李\*/);
    await tap(app.user, '已戴口罩 · 已手消毒');
    clocks.set(-HOUR); // mid-visit
    clocks.pass(MINUTE);
    await tap(app.user, '36.5');
    await tap(app.user, '身份证与预约一致');
    await tap(app.user, '绿码 · 行程无中高风险');
    const outcome = await screen.findByTestId('outcome');
    expect(outcome).toHaveTextContent('准许入厅');
    expect(outcome).toHaveTextContent('A002');

    const warning = await screen.findByTestId('clock-warning');
    expect(warning).toHaveTextContent('平板时钟比服务器慢 1 小时，请校准时间');

    // The second visit's events: written in seq order while `at` went back an hour.
    const second = (await app.db.visits.toArray()).find(
      (v) => v.appointment?.kind === 'booked' && v.appointment.booking.bookingId === 'B0002',
    );
    const events = (
      await app.db.events
        .where('visit')
        .equals(second?.id ?? '')
        .toArray()
    ).sort((a, b) => a.seq - b.seq);
    const reading = events.find((e) => e.type === 'temperature.measured');
    expect(reading?.at).toBeLessThan(events[0]?.at ?? 0);
    expect(second).toMatchObject({ status: 'admitted', mask: 'worn', day: dayKey(FIXED_NOW) });
    expect(second?.readings.map((r) => r.celsius)).toEqual([36.5]);
    // Each event says what the tablet knew of its clock: after the change, an hour behind.
    expect(reading?.clockOffset).toBeLessThan(-HOUR + MINUTE);
    expect(events[0]?.clockOffset).toBeGreaterThan(-MINUTE);
    // The queue: first admitted, first in line, though A002's verdict reads an hour earlier.
    const queue = queueState(await app.db.visits.toArray(), DEFAULT_POLICY);
    expect(queue.waiting.map((w) => w.ticket)).toEqual(['A001', 'A002']);
  });

  it('set forward a day: the same day, no ticket number reused, nothing purged early', async () => {
    const clocks = tabletClocks();
    // A visit 28 days old, held by the server: kept today, purged tomorrow.
    const old = visitEvents(greenVisitSteps().flat(), {
      visit: 'old',
      device: 'door-2',
      start: FIXED_NOW - 28 * DAY,
    });
    const app = await renderApp([zhang, li], '/', {
      ...clocks,
      events: old,
      timing: { ...DEFAULT_IDLE_TIMING, retentionFirstAfterMs: 10, retentionEveryMs: 50 },
    });
    db = app.db;
    expect(await admitGreen(app.user, /张\*明/)).toHaveTextContent('A001');
    await tap(app.user, '下一位');

    clocks.set(DAY);
    clocks.pass(MINUTE);
    // By the tablet's own clock the old visit is now past retention: the purge must not run.
    expect(retentionCutoff(dayKey(clocks.now()), 28) > dayKey(FIXED_NOW - 28 * DAY)).toBe(true);
    expect(await admitGreen(app.user, /李\*/)).toHaveTextContent('A002');
    expect(await screen.findByTestId('clock-warning')).toHaveTextContent(
      '平板时钟比服务器快 1 天，请校准时间',
    );
    // The visit belongs to today, and shows in today's log.
    const visits = await app.db.visits.toArray();
    expect(visits.filter((v) => v.id !== 'old').map((v) => v.day)).toEqual([
      dayKey(FIXED_NOW),
      dayKey(FIXED_NOW),
    ]);
    await new Promise((r) => setTimeout(r, 300)); // several retention rounds
    expect((await app.db.visits.get('old'))?.identity?.name).toBe('张三明');
    const purges = (await app.db.events.toArray()).filter((e) => e.type === 'device.data-purged');
    expect(purges).toEqual([]);
    await waitFor(async () => {
      const skews = (await app.db.events.toArray()).filter((e) => e.type === 'device.clock-skew');
      expect(skews).toHaveLength(1);
    });
  });
});
