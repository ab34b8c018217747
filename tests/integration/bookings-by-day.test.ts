// @vitest-environment node
/**
 * Bookings travel by day (finding 12 of the security review: 100,000 bookings made one
 * 16.7 MB config reply). The real server app in-process on a clock the test moves, and a
 * tablet syncing through the real HTTP transport and its own IndexedDB.
 */
import 'fake-indexeddb/auto';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/http/app';
import { openSqliteStore } from '../../server/src/store/sqlite';
import type { Booking } from '../../src/domain/booking';
import { dayKey } from '../../src/domain/time';
import { bookingWindow, type ConfigReply, type LegacyConfigReply } from '../../src/protocol/api';
import { httpTransport } from '../../src/sync/transport';
import { bookingsCsv } from '../fixtures/bookings-csv';
import { aBooking, FIXED_NOW, manyBookings } from '../fixtures/builders';
import { makeTablet, type Tablet } from '../fixtures/tablet';

const SITE = 'hall-days';
const ADMIN = 'admin';
const DAY = 24 * 3_600_000;
const SERVER = 'http://hall.test';

let clock: { now: number };
let app: ReturnType<typeof buildApp>;
let token: string;
let tablet: Tablet;
/** The path of every request the tablet made, in order. */
let requests: string[];

async function adminCall(method: 'POST' | 'PUT', url: string, payload: object | string) {
  const reply = await app.inject({
    method,
    url: `/api/v1/admin${url}`,
    headers: {
      authorization: `Bearer ${ADMIN}`,
      ...(typeof payload === 'string' ? { 'content-type': 'text/csv' } : {}),
    },
    payload,
  });
  if (reply.statusCode >= 300) throw new Error(reply.body);
  return reply.json();
}

const importBookings = (bookings: readonly Booking[]) =>
  adminCall('PUT', `/sites/${SITE}/bookings`, bookingsCsv(bookings));

/** What the tablet holds, by day: booking ids in order. */
async function heldByDay(): Promise<Record<string, string[]>> {
  const byDay: Record<string, string[]> = {};
  const all = await tablet.db.bookings.toArray();
  all.sort((a, b) => a.day.localeCompare(b.day) || a.bookingId.localeCompare(b.bookingId));
  for (const b of all) byDay[b.day] = [...(byDay[b.day] ?? []), b.bookingId];
  return byDay;
}

const dayFetches = () => requests.filter((r) => r.includes('/bookings/'));

function deviceGet(url: string, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'GET',
    url: `/api/v1/sites/${SITE}${url}`,
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
}

beforeEach(async () => {
  clock = { now: FIXED_NOW };
  app = buildApp({
    store: openSqliteStore(':memory:'),
    adminToken: ADMIN,
    now: () => clock.now,
    limits: { enrolPerMinute: 1000, adminPerMinute: 100_000 },
  });
  await adminCall('POST', '/sites', { id: SITE, name: 'Hall of days' });
  const { code } = await adminCall('POST', `/sites/${SITE}/enrolment-codes`, {});
  const enrolled = await app.inject({
    method: 'POST',
    url: '/api/v1/enrol',
    payload: { code, deviceId: 'tab-1', deviceName: 'tab-1' },
  });
  token = enrolled.json().token;
  requests = [];
  // The browser's fetch, answered by the app in-process.
  const fetcher = async (url: string, init?: RequestInit) => {
    const path = url.slice(SERVER.length);
    requests.push(path);
    const reply = await app.inject({
      method: (init?.method ?? 'GET') as 'GET',
      url: path,
      headers: init?.headers as Record<string, string>,
      ...(typeof init?.body === 'string' ? { payload: init.body } : {}),
    });
    return new Response(reply.statusCode === 304 ? null : reply.body, {
      status: reply.statusCode,
      headers: { 'content-type': String(reply.headers['content-type'] ?? 'application/json') },
    });
  };
  tablet = await makeTablet('tab-1', SITE, httpTransport(fetcher, SERVER, SITE, token), 'A', 7, {
    now: () => clock.now,
  });
});

afterEach(async () => {
  await tablet.close();
  await app.close();
});

describe('bookings by day', () => {
  it('a tablet gets yesterday to a week ahead, then only the days that change', async () => {
    // Two bookings a day from 3 days ago to 9 days ahead.
    await importBookings(manyBookings(26, FIXED_NOW - 3 * DAY, 13));
    const window = bookingWindow(FIXED_NOW);
    expect(window).toHaveLength(9);
    expect(window[0]).toBe(dayKey(FIXED_NOW - DAY));
    expect(window.at(-1)).toBe(dayKey(FIXED_NOW + 7 * DAY));

    expect(await tablet.engine.syncOnce()).toBe(true);
    expect(Object.keys(await heldByDay())).toEqual(window);
    expect(dayFetches()).toHaveLength(9);

    // Nothing changed: the config reply alone, no day fetched.
    requests = [];
    expect(await tablet.engine.syncOnce()).toBe(true);
    expect(dayFetches()).toEqual([]);

    // Today re-imported: only today is fetched again, and replaced.
    const today = dayKey(FIXED_NOW);
    await importBookings([aBooking({ bookingId: 'T1' }), aBooking({ bookingId: 'T2' })]);
    requests = [];
    await tablet.engine.syncOnce();
    expect(dayFetches()).toEqual([`/api/v1/sites/${SITE}/bookings/${today}`]);
    expect((await heldByDay())[today]).toEqual(['T1', 'T2']);
  });

  it('a booking moved to another day leaves the day it was on, on the tablet too', async () => {
    const tomorrow = aBooking({ bookingId: 'MOVE' }, FIXED_NOW + DAY);
    await importBookings([tomorrow, aBooking({ bookingId: 'STAY' }, FIXED_NOW + DAY)]);
    await tablet.engine.syncOnce();
    expect((await heldByDay())[tomorrow.day]).toEqual(['MOVE', 'STAY']);

    const later = aBooking({ bookingId: 'MOVE' }, FIXED_NOW + 3 * DAY);
    await importBookings([later]);
    requests = [];
    await tablet.engine.syncOnce();
    expect(dayFetches()).toHaveLength(2);
    const held = await heldByDay();
    expect(held[tomorrow.day]).toEqual(['STAY']);
    expect(held[later.day]).toEqual(['MOVE']);
  });

  it('days entering the window at midnight are fetched, though nothing was imported', async () => {
    // A site-wide version would miss this day: it was imported long ago and never changed.
    const eighth = aBooking({ bookingId: 'EIGHT' }, FIXED_NOW + 8 * DAY);
    await importBookings([aBooking({ bookingId: 'TODAY' }), eighth]);
    await tablet.engine.syncOnce();
    expect(Object.keys(await heldByDay())).toEqual([dayKey(FIXED_NOW)]);

    // Two midnights later (the tablet was off over the weekend).
    clock.now = FIXED_NOW + 2 * DAY;
    requests = [];
    await tablet.engine.syncOnce();
    expect(dayFetches()).toEqual([`/api/v1/sites/${SITE}/bookings/${eighth.day}`]);
    expect((await heldByDay())[eighth.day]).toEqual(['EIGHT']);
    // The versions of days no longer served are forgotten; their bookings stay for retention.
    const versions = await tablet.db.meta.where('key').startsWith('sync:booking-day:').keys();
    expect(versions).toEqual([`sync:booking-day:${eighth.day}`]);
  });

  it('answers 304 to the version held, gzip when asked, and nothing outside the window', async () => {
    const today = dayKey(FIXED_NOW);
    await importBookings(manyBookings(500, FIXED_NOW, 1));
    const first = await deviceGet(`/bookings/${today}`);
    expect(first.statusCode).toBe(200);
    expect(first.json().bookings).toHaveLength(500);
    const tag = String(first.headers.etag);
    expect(tag).toBe(`"v${first.json().version}"`);

    expect((await deviceGet(`/bookings/${today}`, { 'if-none-match': tag })).statusCode).toBe(304);
    expect((await deviceGet(`/bookings/${today}`, { 'if-none-match': '"v0"' })).statusCode).toBe(
      200,
    );

    const zipped = await deviceGet(`/bookings/${today}`, { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.rawPayload.length).toBeLessThan(first.rawPayload.length / 4);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(first.json());

    const outside = await deviceGet(`/bookings/${dayKey(FIXED_NOW + 30 * DAY)}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().message).toMatch(/served for/);
    expect((await deviceGet('/bookings/tomorrow')).statusCode).toBe(400);
  });

  it('a tablet still on the app before bookings by day gets the window in one list', async () => {
    await importBookings(manyBookings(26, FIXED_NOW - 3 * DAY, 13));
    const legacy = (await deviceGet('/config?bookingsSince=0')).json() as LegacyConfigReply;
    expect(legacy.bookings).toHaveLength(18);
    expect(new Set(legacy.bookings.map((b) => b.day))).toEqual(new Set(bookingWindow(FIXED_NOW)));
    const again = (await deviceGet(`/config?bookingsSince=${legacy.bookingsVersion}`)).json();
    expect(again.bookings).toEqual([]);
    // The current app's reply lists days, no bookings.
    const current = (await deviceGet('/config')).json() as ConfigReply;
    expect(current).not.toHaveProperty('bookings');
    expect(current.bookingDays.map((d) => d.count)).toEqual(Array(9).fill(2));
  });
});
