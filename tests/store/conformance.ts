/**
 * One conformance suite for every Store: the SQLite runner (tests/store/sqlite.test.ts,
 * in `npm test`) and the PostgreSQL runner (tests/pg/store-postgres.test.ts, in
 * `npm run test:pg`) call it with their own factory. A behaviour the server relies on
 * belongs here, so the two stores cannot drift apart.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { verifySite } from '../../server/src/ops/verify';
import type { Store } from '../../server/src/store/store';
import type { Booking } from '../../src/domain/booking';
import { verifyChain } from '../../src/domain/chain';
import type { CheckpointEvent } from '../../src/domain/events';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { dayKey } from '../../src/domain/time';
import { aBooking, chained, ev, FIXED_NOW, validIdNumber, visitEvents } from '../fixtures/builders';

export interface StoreUnderTest {
  store: Store;
  /** Every live row of every table, as text: what a purge must leave no personal value in. */
  liveText(): Promise<string>;
  /** Edits an event's stored body behind the store's back (what `verify` must find). */
  rewriteBody(id: string, edit: (body: string) => string): Promise<void>;
}

const DAY = 24 * 3_600_000;
const NOW = FIXED_NOW;
const never = () => false;

/** A person who visited long ago: these values must be gone after retention. */
const OLD_PERSON = aBooking(
  {
    bookingId: 'B0900',
    name: '王旧名',
    idNumber: validIdNumber('11010119800101123'),
    phone: '13900000001',
  },
  NOW - 40 * DAY,
);

function visit(
  site: string,
  device: string,
  id: string,
  firstSeq: number,
  start: number,
  who: Booking = aBooking(),
) {
  return visitEvents([ev.opened(), ev.booked(who), ev.identity(who), ev.temperature(36.5)], {
    site,
    device,
    visit: id,
    firstSeq,
    start,
  });
}

async function pullAll(store: Store, site: string, limit = 1000, after = 0) {
  const events: CheckpointEvent[] = [];
  const cursors: number[] = [];
  let cursor = after;
  for (;;) {
    const page = await store.eventsAfter(site, cursor, limit);
    events.push(...page.events);
    if (page.events.length > 0) cursors.push(page.cursor);
    cursor = page.cursor;
    if (!page.more) return { events, cursor, cursors };
  }
}

export function storeConformance(name: string, open: () => Promise<StoreUnderTest>) {
  describe(`Store conformance: ${name}`, () => {
    let s: StoreUnderTest;
    let store: Store;

    async function siteWithDevice(
      site = 'hall-1',
      device = 'tablet-1',
      tokenHash = `token-${device}`,
    ) {
      if (!(await store.site(site)))
        await store.createSite({ id: site, name: `Hall ${site}` }, NOW);
      const code = `code-${site}-${device}-${Math.random()}`;
      await store.addEnrolmentCode(site, code, NOW + DAY, NOW);
      expect(
        await store.enrol(code, { id: device, name: device, tokenHash }, NOW, null),
      ).toMatchObject({ ok: true });
    }

    beforeEach(async () => {
      s = await open();
      store = s.store;
      return () => store.close();
    });

    describe('sites and devices', () => {
      it('creates sites, finds them, lists them in order; a second site with one id is refused', async () => {
        await store.createSite({ id: 'hall-b', name: '乙大厅' }, NOW);
        await store.createSite({ id: 'hall-a', name: '甲大厅' }, NOW);
        expect(await store.site('hall-b')).toEqual({ id: 'hall-b', name: '乙大厅' });
        expect(await store.site('nope')).toBeNull();
        expect(await store.siteIds()).toEqual(['hall-a', 'hall-b']);
        await expect(store.createSite({ id: 'hall-a', name: 'again' }, NOW)).rejects.toThrow();
      });

      it('an enrolment code is used once, expires, and registers the device with its token', async () => {
        await store.createSite({ id: 'hall-1', name: 'Hall' }, NOW);
        await store.addEnrolmentCode('hall-1', 'code-1', NOW + 1000, NOW);
        await store.addEnrolmentCode('hall-1', 'code-old', NOW - 1, NOW - DAY);
        const device = { id: 'tab-1', name: 'Door', tokenHash: 'hash-1' };
        const invalid = { ok: false, reason: 'code-invalid' };
        expect(await store.enrol('code-old', device, NOW, null)).toEqual(invalid);
        expect(await store.enrol('unknown', device, NOW, null)).toEqual(invalid);
        expect(await store.enrol('code-1', device, NOW, null)).toEqual({
          ok: true,
          site: { id: 'hall-1', name: 'Hall' },
        });
        expect(await store.enrol('code-1', { ...device, id: 'tab-2' }, NOW, null)).toEqual(invalid);
        expect(await store.deviceByToken('hash-1')).toEqual({
          id: 'tab-1',
          site: 'hall-1',
          name: 'Door',
          revoked: false,
        });
        expect(await store.deviceByToken('hash-2')).toBeNull();
      });

      it('a known device re-enrols only with its own token; a revoked one never; a refusal leaves the code unused', async () => {
        await siteWithDevice('hall-1', 'tab-1', 'hash-1');
        await store.addEnrolmentCode('hall-1', 'again', NOW + DAY, NOW);
        const again = { id: 'tab-1', name: 'Door 2', tokenHash: 'hash-new' };
        expect(await store.enrol('again', again, NOW, null)).toEqual({
          ok: false,
          reason: 'device-exists',
        });
        expect(await store.enrol('again', again, NOW, 'hash-other')).toEqual({
          ok: false,
          reason: 'device-exists',
        });
        expect(await store.enrol('again', again, NOW, 'hash-1')).toMatchObject({ ok: true });
        expect(await store.deviceByToken('hash-1')).toBeNull();
        expect(await store.deviceByToken('hash-new')).toMatchObject({
          name: 'Door 2',
          revoked: false,
        });
        // Its own token, but a code of another hall: refused.
        await store.createSite({ id: 'hall-2', name: 'Other' }, NOW);
        await store.addEnrolmentCode('hall-2', 'other', NOW + DAY, NOW);
        expect(await store.enrol('other', { ...again, tokenHash: 'h3' }, NOW, 'hash-new')).toEqual({
          ok: false,
          reason: 'device-exists',
        });
        // Revoked stays revoked.
        expect(await store.revokeDevice('tab-1', NOW)).toBe(true);
        expect(await store.revokeDevice('no-such', NOW)).toBe(false);
        expect((await store.deviceByToken('hash-new'))?.revoked).toBe(true);
        expect(await store.enrol('other', { ...again, tokenHash: 'h4' }, NOW, 'hash-new')).toEqual({
          ok: false,
          reason: 'device-revoked',
        });
        // None of the refusals used the code up.
        expect(
          await store.enrol('other', { id: 'tab-9', name: 'y', tokenHash: 'h9' }, NOW, null),
        ).toEqual({
          ok: true,
          site: { id: 'hall-2', name: 'Other' },
        });
      });

      it('failed attempts are kept per key until reset', async () => {
        expect(await store.attempts('enrol:address:10.0.0.7')).toEqual({
          failures: 0,
          lockouts: 0,
          lockedUntil: null,
        });
        const locked = { failures: 5, lockouts: 1, lockedUntil: NOW + 60_000 };
        await store.setAttempts('enrol:address:10.0.0.7', locked);
        await store.setAttempts('enrol:server', { failures: 1, lockouts: 0, lockedUntil: null });
        expect(await store.attempts('enrol:address:10.0.0.7')).toEqual(locked);
        await store.setAttempts('enrol:address:10.0.0.7', { ...locked, failures: 6 });
        expect((await store.attempts('enrol:address:10.0.0.7')).failures).toBe(6);
        await store.setAttempts('enrol:address:10.0.0.7', {
          failures: 0,
          lockouts: 0,
          lockedUntil: null,
        });
        expect((await store.attempts('enrol:address:10.0.0.7')).failures).toBe(0);
        expect((await store.attempts('enrol:server')).failures).toBe(1);
      });
    });

    describe('device activity', () => {
      const seen = (at: number, over: Partial<Parameters<Store['noteDeviceSeen']>[1]> = {}) => ({
        at,
        pushed: false,
        clockOffset: null,
        waiting: null,
        appVersion: null,
        ...over,
      });

      it("keeps each tablet's last sync, push, clock and what it reported, by site then id", async () => {
        await siteWithDevice('hall-b', 'tab-b1');
        await siteWithDevice('hall-a', 'tab-a2');
        await siteWithDevice('hall-a', 'tab-a1');
        const never = (id: string, site: string) => ({
          id,
          site,
          revoked: false,
          enrolledAt: NOW,
          lastSeenAt: null,
          lastPushAt: null,
          clockOffset: null,
          waiting: null,
          appVersion: null,
        });
        expect(await store.deviceActivity()).toEqual([
          never('tab-a1', 'hall-a'),
          never('tab-a2', 'hall-a'),
          never('tab-b1', 'hall-b'),
        ]);
        await store.noteDeviceSeen(
          'tab-a1',
          seen(NOW + 1_000, {
            pushed: true,
            clockOffset: -1_500,
            waiting: 40,
            appVersion: '0.4.0',
          }),
        );
        // A pull a minute later: what waits now; an old tablet's pull says nothing.
        await store.noteDeviceSeen(
          'tab-a1',
          seen(NOW + 61_000, { waiting: 0, appVersion: '0.4.0' }),
        );
        await store.noteDeviceSeen('tab-a2', seen(NOW + 2_000));
        await store.revokeDevice('tab-b1', NOW + 3_000);
        const [a1, a2, b1] = await store.deviceActivity();
        expect(a1).toEqual({
          id: 'tab-a1',
          site: 'hall-a',
          revoked: false,
          enrolledAt: NOW,
          lastSeenAt: NOW + 61_000,
          lastPushAt: NOW + 1_000,
          clockOffset: -1_500,
          waiting: 0,
          appVersion: '0.4.0',
        });
        expect(a2).toMatchObject({ lastSeenAt: NOW + 2_000, waiting: null, appVersion: null });
        expect(b1).toMatchObject({ revoked: true, lastSeenAt: null });
      });

      it('keeps the policy version a tablet last said it runs (issue 33)', async () => {
        await siteWithDevice('hall-1', 'tab-1');
        await store.noteDeviceSeen('tab-1', seen(NOW + 1_000, { policyVersion: 'c7+h1' }));
        await store.noteDeviceSeen('tab-1', seen(NOW + 2_000));
        const [tab] = await store.deviceActivity();
        expect(tab?.policyVersion).toBe('c7+h1');
        await store.noteDeviceSeen('tab-1', seen(NOW + 500, { policyVersion: 'older' }));
        expect((await store.deviceActivity())[0]?.policyVersion).toBe('c7+h1');
      });

      it('a report left out keeps the one held; an older note moves nothing back', async () => {
        await siteWithDevice('hall-1', 'tab-1');
        await store.noteDeviceSeen(
          'tab-1',
          seen(NOW + 10_000, { pushed: true, waiting: 7, appVersion: '1.2.0' }),
        );
        // Only the count said: the version stays; nothing said: both stay.
        await store.noteDeviceSeen('tab-1', seen(NOW + 20_000, { waiting: 5 }));
        await store.noteDeviceSeen('tab-1', seen(NOW + 30_000));
        expect((await store.deviceActivity())[0]).toMatchObject({
          lastSeenAt: NOW + 30_000,
          lastPushAt: NOW + 10_000,
          waiting: 5,
          appVersion: '1.2.0',
        });
        // A note of an earlier request written late (another instance): ignored.
        await store.noteDeviceSeen(
          'tab-1',
          seen(NOW + 15_000, { pushed: true, waiting: 900, appVersion: '1.1.0' }),
        );
        expect((await store.deviceActivity())[0]).toMatchObject({
          lastSeenAt: NOW + 30_000,
          lastPushAt: NOW + 15_000,
          waiting: 5,
          appVersion: '1.2.0',
        });
      });
    });

    describe('events: idempotent push', () => {
      it('stores a batch and answers how far the device is held', async () => {
        await siteWithDevice();
        const events = visit('hall-1', 'tablet-1', 'v1', 1, NOW);
        const result = await store.insertEvents('hall-1', 'tablet-1', events, NOW, never);
        expect(result).toEqual({
          heldSeq: 4,
          accepted: 4,
          duplicates: 0,
          refused: [],
          flagged: [],
        });
        expect((await pullAll(store, 'hall-1')).events).toEqual(events);
      });

      it('a re-sent batch is all duplicates; nothing is stored twice', async () => {
        await siteWithDevice();
        const events = visit('hall-1', 'tablet-1', 'v1', 1, NOW);
        await store.insertEvents('hall-1', 'tablet-1', events, NOW, never);
        const again = await store.insertEvents('hall-1', 'tablet-1', events, NOW + 5, never);
        expect(again).toEqual({
          heldSeq: 4,
          accepted: 0,
          duplicates: 4,
          refused: [],
          flagged: [],
        });
        // The same event twice in one batch counts once.
        const first = events[0] as CheckpointEvent;
        const twice = await store.insertEvents('hall-1', 'tablet-1', [first, first], NOW, never);
        expect(twice).toMatchObject({ accepted: 0, duplicates: 2 });
        expect((await pullAll(store, 'hall-1')).events).toHaveLength(4);
      });

      it('an id reused with other content, or a (device, seq) reused with another id, is a conflict', async () => {
        await siteWithDevice();
        const [a, b] = visit('hall-1', 'tablet-1', 'v1', 1, NOW) as [
          CheckpointEvent,
          CheckpointEvent,
        ];
        await store.insertEvents('hall-1', 'tablet-1', [a], NOW, never);
        const changed = { ...a, at: a.at + 1 };
        const sameSeq = { ...b, seq: a.seq };
        const result = await store.insertEvents(
          'hall-1',
          'tablet-1',
          [changed, sameSeq, b],
          NOW,
          never,
        );
        expect(result.refused).toEqual([
          {
            id: a.id,
            seq: a.seq,
            reason: 'id-reused',
            message: 'another event with this id is held',
          },
          {
            id: b.id,
            seq: a.seq,
            reason: 'seq-reused',
            message: `seq ${a.seq} of this device is held as event ${a.id}`,
          },
        ]);
        // b itself was refused as a seq reuse first, then accepted under its own seq.
        expect(result.accepted).toBe(1);
        expect((await pullAll(store, 'hall-1')).events.map((e) => e.id)).toEqual([a.id, b.id]);
      });

      it('held seq stops at a gap and moves past it once the gap is filled', async () => {
        await siteWithDevice();
        const [e1, e2, e3, e4] = visit('hall-1', 'tablet-1', 'v1', 1, NOW) as CheckpointEvent[];
        expect(
          (
            await store.insertEvents(
              'hall-1',
              'tablet-1',
              [e1, e3, e4] as CheckpointEvent[],
              NOW,
              never,
            )
          ).heldSeq,
        ).toBe(1);
        expect(
          (await store.insertEvents('hall-1', 'tablet-1', [e2] as CheckpointEvent[], NOW, never))
            .heldSeq,
        ).toBe(4);
      });

      it('flags events whose clock the caller finds far off, and stores them', async () => {
        await siteWithDevice();
        const events = visit('hall-1', 'tablet-1', 'v1', 1, NOW);
        const odd = events[2] as CheckpointEvent;
        const result = await store.insertEvents(
          'hall-1',
          'tablet-1',
          events,
          NOW,
          (e) => e.id === odd.id,
        );
        expect(result.flagged).toEqual([odd.id]);
        expect(result.accepted).toBe(4);
      });

      it('the same batch pushed concurrently (two server instances, a retry) is stored once', async () => {
        await siteWithDevice();
        const events = Array.from({ length: 5 }, (_, i) =>
          visit('hall-1', 'tablet-1', `v${i}`, i * 4 + 1, NOW + i * 10_000),
        ).flat();
        const results = await Promise.all(
          [0, 1, 2].map(() => store.insertEvents('hall-1', 'tablet-1', events, NOW, never)),
        );
        expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(events.length);
        expect(results.every((r) => r.refused.length === 0 && r.heldSeq === 20)).toBe(true);
        const held = (await pullAll(store, 'hall-1')).events.map((e) => e.id);
        expect(held).toEqual(events.map((e) => e.id));
      });
    });

    describe('events: the hash chain', () => {
      it('answers the links a push must agree with: the held event below it and those it overlaps', async () => {
        await siteWithDevice();
        const events = await chained(visit('hall-1', 'tablet-1', 'v', 1, NOW));
        const legacy = visit('hall-2', 'tablet-2', 'w', 1, NOW + DAY);
        await store.insertEvents(
          'hall-1',
          'tablet-1',
          [...events.slice(0, 2), ...events.slice(3)],
          NOW,
          never,
        );
        await store.insertEvents('hall-2', 'tablet-2', legacy.slice(0, 1), NOW, never);
        const link = (i: number) => ({ seq: i + 1, hash: events[i]?.chain?.hash ?? null });
        expect(await store.chainLinks('tablet-1', 1, 1)).toEqual({
          before: { seq: 0, hash: null },
          held: [link(0)],
        });
        expect(await store.chainLinks('tablet-1', 3, 4)).toEqual({
          before: link(1),
          held: [link(3)],
        });
        expect(await store.chainLinks('tablet-1', 4, 9)).toEqual({
          before: link(1),
          held: [link(3)],
        });
        expect(await store.chainLinks('tablet-1', 9, 12)).toEqual({ before: link(3), held: [] });
        expect(await store.chainLinks('tablet-2', 2, 3)).toEqual({
          before: { seq: 1, hash: null },
          held: [],
        });
      });

      it('keeps the chain fields; a purge drops the salt, keeps pc, and the chain still verifies', async () => {
        await siteWithDevice();
        const old = await chained(
          visit('hall-1', 'tablet-1', 'old', 1, NOW - 40 * DAY, OLD_PERSON),
        );
        await store.insertEvents('hall-1', 'tablet-1', old, NOW, never);
        expect((await pullAll(store, 'hall-1')).events).toEqual(old);
        await store.purgePersonalData(
          'hall-1',
          { at: NOW - 28 * DAY, day: dayKey(NOW - 28 * DAY) },
          NOW,
        );
        const purged = (await pullAll(store, 'hall-1')).events;
        expect(purged.filter((e) => e.chain?.salt).map((e) => e.type)).toEqual([]);
        expect(purged.map((e) => e.chain?.pc)).toEqual(old.map((e) => e.chain?.pc));
        expect((await verifyChain(purged)).ok).toBe(true);
        const again = await store.insertEvents('hall-1', 'tablet-1', old, NOW + 1, never);
        expect(again).toMatchObject({ accepted: 0, duplicates: 4, refused: [] });
      });
    });

    describe('events: verify', () => {
      it('finds the chains unbroken, then an event edited in the table at its seq', async () => {
        await siteWithDevice();
        const events = await chained(visit('hall-1', 'tablet-1', 'v', 1, NOW));
        await store.insertEvents('hall-1', 'tablet-1', events, NOW, never);
        const open = (e: CheckpointEvent) => e;
        const [ok] = await verifySite(store, open, 'hall-1', dayKey(NOW));
        expect(ok).toMatchObject({ device: 'tablet-1', result: { ok: true }, day: { events: 4 } });
        expect(ok?.day?.head).toBe(events[3]?.chain?.hash);
        const temperature = events[3] as CheckpointEvent;
        await s.rewriteBody(temperature.id, (body) =>
          body.replace('"celsius":36.5', '"celsius":36.4'),
        );
        const [edited] = await verifySite(store, open, 'hall-1');
        expect(edited?.result).toMatchObject({ ok: false, break: { seq: 4, reason: 'edited' } });
      });
    });

    describe('events: cursors and paging', () => {
      it('pages in commit order with growing cursors; `more` says when to ask again', async () => {
        await siteWithDevice('hall-1', 'tablet-1');
        await siteWithDevice('hall-1', 'tablet-2');
        const a = visit('hall-1', 'tablet-1', 'va', 1, NOW);
        const b = visit('hall-1', 'tablet-2', 'vb', 1, NOW - 60_000);
        await store.insertEvents('hall-1', 'tablet-1', a, NOW, never);
        await store.insertEvents('hall-1', 'tablet-2', b, NOW, never);
        const first = await store.eventsAfter('hall-1', 0, 3);
        expect(first.events).toEqual(a.slice(0, 3));
        expect(first.more).toBe(true);
        const rest = await pullAll(store, 'hall-1', 3, first.cursor);
        expect(rest.events).toEqual([...a.slice(3), ...b]);
        const cursors = [first.cursor, ...rest.cursors];
        expect(cursors).toEqual([...cursors].sort((x, y) => x - y));
        expect(new Set(cursors).size).toBe(cursors.length);
        // At the end: nothing, the cursor stays, no more.
        expect(await store.eventsAfter('hall-1', rest.cursor, 3)).toEqual({
          events: [],
          cursor: rest.cursor,
          more: false,
        });
        // Any cursor from a page resumes right after it.
        const after = await pullAll(store, 'hall-1', 100, first.cursor);
        expect(after.events).toEqual([...a.slice(3), ...b]);
        // As a pull reads it: the same page as texts, each its event, with the device's
        // held seq (0 for a device the store does not know).
        const texts = await store.pullPage('hall-1', 'tablet-1', 0, 3);
        expect({ ...texts, texts: texts.texts.map((t) => JSON.parse(t) as unknown) }).toEqual({
          texts: first.events,
          cursor: first.cursor,
          more: true,
          heldSeq: a.at(-1)?.seq,
        });
        expect(await store.pullPage('hall-1', 'nobody', rest.cursor, 3)).toEqual({
          texts: [],
          cursor: rest.cursor,
          more: false,
          heldSeq: 0,
        });
      });

      it('a site never reads another site’s events', async () => {
        await siteWithDevice('hall-1', 'tablet-1');
        await siteWithDevice('hall-2', 'tablet-2');
        const a = visit('hall-1', 'tablet-1', 'va', 1, NOW);
        const b = visit('hall-2', 'tablet-2', 'vb', 1, NOW + 60_000);
        await store.insertEvents('hall-1', 'tablet-1', a, NOW, never);
        await store.insertEvents('hall-2', 'tablet-2', b, NOW, never);
        expect((await pullAll(store, 'hall-1', 2)).events).toEqual(a);
        expect((await pullAll(store, 'hall-2', 2)).events).toEqual(b);
        expect((await store.eventsAfter('hall-3', 0, 10)).events).toEqual([]);
      });
    });

    describe('policy and bookings', () => {
      it('a site has no policy until one is set; a new one replaces it', async () => {
        await store.createSite({ id: 'hall-1', name: 'Hall' }, NOW);
        expect(await store.policy('hall-1')).toBeNull();
        await store.setPolicy('hall-1', DEFAULT_POLICY, NOW);
        expect(await store.policy('hall-1')).toEqual(DEFAULT_POLICY);
        const next = { ...DEFAULT_POLICY, version: 'hall-1/2' };
        await store.setPolicy('hall-1', next, NOW + 1);
        expect(await store.policy('hall-1')).toEqual(next);
      });

      it('the county has no policy until one is set; a new one replaces it', async () => {
        expect(await store.countyPolicy()).toBeNull();
        const county = { ...DEFAULT_POLICY, version: 'county-1' };
        await store.setCountyPolicy(county, NOW);
        expect(await store.countyPolicy()).toEqual(county);
        const next = { ...DEFAULT_POLICY, version: 'county-2' };
        await store.setCountyPolicy(next, NOW + 1);
        expect(await store.countyPolicy()).toEqual(next);
      });

      it('bookings are kept by day, each day with the version of its last change', async () => {
        await store.createSite({ id: 'hall-1', name: 'Hall' }, NOW);
        const [today, tomorrow, later] = [dayKey(NOW), dayKey(NOW + DAY), dayKey(NOW + 2 * DAY)];
        const all = () => store.bookingDays('hall-1', '2000-01-01', '2100-01-01');
        expect(await all()).toEqual([]);
        expect(await store.bookingsOfDay('hall-1', today)).toEqual({ bookings: [], version: 0 });
        const b1 = aBooking({ bookingId: 'B1' });
        const b2 = aBooking({ bookingId: 'B2', name: '李四' });
        const b3 = aBooking({ bookingId: 'B3' }, NOW + DAY);
        expect(await store.putBookings('hall-1', [b2, b1, b3])).toBe(1);
        expect(await all()).toEqual([
          { day: today, version: 1, count: 2 },
          { day: tomorrow, version: 1, count: 1 },
        ]);
        expect(await store.bookingsOfDay('hall-1', today)).toEqual({
          bookings: [b1, b2],
          version: 1,
        });

        // A new import for today only: today's list is replaced, tomorrow's keeps its version.
        const b4 = aBooking({ bookingId: 'B4', name: '赵五' });
        expect(await store.putBookings('hall-1', [b4])).toBe(2);
        expect(await all()).toEqual([
          { day: today, version: 2, count: 1 },
          { day: tomorrow, version: 1, count: 1 },
        ]);
        expect(await store.bookingsOfDay('hall-1', today)).toEqual({ bookings: [b4], version: 2 });
        expect(await store.bookingsOfDay('hall-1', tomorrow)).toEqual({
          bookings: [b3],
          version: 1,
        });

        // A booking moved to another day: the day it left changes too (a tablet must drop it).
        const moved = aBooking({ bookingId: 'B3' }, NOW + 2 * DAY);
        expect(await store.putBookings('hall-1', [moved])).toBe(3);
        expect(await all()).toEqual([
          { day: today, version: 2, count: 1 },
          { day: tomorrow, version: 3, count: 0 },
          { day: later, version: 3, count: 1 },
        ]);
        expect(await store.bookingsOfDay('hall-1', tomorrow)).toEqual({ bookings: [], version: 3 });

        // One id twice in one import: the last row wins.
        const again = { ...b4, name: '赵六' };
        expect(await store.putBookings('hall-1', [b4, again])).toBe(4);
        expect(await store.bookingsOfDay('hall-1', today)).toEqual({
          bookings: [again],
          version: 4,
        });
        // Only the days asked for; other sites see nothing.
        expect(await store.bookingDays('hall-1', tomorrow, later)).toEqual([
          { day: tomorrow, version: 3, count: 0 },
          { day: later, version: 3, count: 1 },
        ]);
        expect(await store.bookingDays('hall-2', '2000-01-01', '2100-01-01')).toEqual([]);
      });
    });

    describe('retention purge', () => {
      const cutoff = { at: NOW - 28 * DAY, day: dayKey(NOW - 28 * DAY) };

      it('removes personal data before the cutoff in place; cursors, counts and later visits stay', async () => {
        await siteWithDevice();
        const old = visit('hall-1', 'tablet-1', 'old', 1, NOW - 40 * DAY, OLD_PERSON);
        const recent = visit('hall-1', 'tablet-1', 'new', 5, NOW - DAY);
        await store.insertEvents('hall-1', 'tablet-1', [...old, ...recent], NOW, never);
        await store.putBookings('hall-1', [OLD_PERSON, aBooking({ bookingId: 'B2' })]);
        const before = await pullAll(store, 'hall-1', 3);
        expect(await s.liveText()).toContain(OLD_PERSON.idNumber);

        expect(await store.purgePersonalData('hall-1', cutoff, NOW)).toEqual({
          events: 2,
          bookings: 1,
        });
        await store.reclaimPurged();
        const after = await pullAll(store, 'hall-1', 3);
        expect(after.events.map((e) => e.id)).toEqual(before.events.map((e) => e.id));
        expect(after.cursors).toEqual(before.cursors);
        const purged = after.events.filter((e) => e.purgedAt !== undefined);
        expect(purged.map((e) => e.type)).toEqual(['appointment.matched', 'identity.confirmed']);
        expect(purged.every((e) => e.purgedAt === NOW && e.visit === 'old')).toBe(true);
        expect(after.events.slice(4)).toEqual(recent);
        const live = await s.liveText();
        for (const value of [OLD_PERSON.name, OLD_PERSON.idNumber, OLD_PERSON.phone])
          expect(live).not.toContain(value);
        expect(live).toContain(aBooking().idNumber);
        const days = await store.bookingDays('hall-1', '2000-01-01', '2100-01-01');
        expect(days.map((d) => [d.day, d.count])).toEqual([[dayKey(NOW), 1]]);
        expect((await store.bookingsOfDay('hall-1', OLD_PERSON.day)).bookings).toEqual([]);
        // Nothing left to do: a second pass changes nothing.
        expect(await store.purgePersonalData('hall-1', cutoff, NOW + 1)).toEqual({
          events: 0,
          bookings: 0,
        });
        expect((await pullAll(store, 'hall-1')).events).toEqual(after.events);
      });

      it('an old visit arriving after a pass (a tablet back from days offline) is purged by the next', async () => {
        await siteWithDevice('hall-1', 'tablet-1');
        await siteWithDevice('hall-1', 'tablet-2');
        await store.insertEvents(
          'hall-1',
          'tablet-1',
          visit('hall-1', 'tablet-1', 'a', 1, NOW - 40 * DAY, OLD_PERSON),
          NOW,
          never,
        );
        expect((await store.purgePersonalData('hall-1', cutoff, NOW)).events).toBe(2);
        const late = visit('hall-1', 'tablet-2', 'late', 1, NOW - 35 * DAY, OLD_PERSON);
        await store.insertEvents('hall-1', 'tablet-2', late, NOW + 1, never);
        expect((await store.purgePersonalData('hall-1', cutoff, NOW + 2)).events).toBe(2);
        expect(await s.liveText()).not.toContain(OLD_PERSON.idNumber);
        // The cutoff moving later reaches visits that were recent at the last pass.
        await store.insertEvents(
          'hall-1',
          'tablet-1',
          visit('hall-1', 'tablet-1', 'b', 5, NOW - 20 * DAY, OLD_PERSON),
          NOW,
          never,
        );
        expect((await store.purgePersonalData('hall-1', cutoff, NOW + 3)).events).toBe(0);
        const later = { at: NOW - 10 * DAY, day: dayKey(NOW - 10 * DAY) };
        expect((await store.purgePersonalData('hall-1', later, NOW + 4)).events).toBe(2);
        expect(await s.liveText()).not.toContain(OLD_PERSON.idNumber);
      });

      it('a tablet re-sending an original that the server purged meanwhile gets a duplicate, not a conflict', async () => {
        await siteWithDevice();
        const old = visit('hall-1', 'tablet-1', 'old', 1, NOW - 40 * DAY, OLD_PERSON);
        await store.insertEvents('hall-1', 'tablet-1', old, NOW, never);
        await store.purgePersonalData('hall-1', cutoff, NOW);
        const again = await store.insertEvents('hall-1', 'tablet-1', old, NOW + 1, never);
        expect(again).toMatchObject({ accepted: 0, duplicates: 4, refused: [] });
        expect(await s.liveText()).not.toContain(OLD_PERSON.idNumber);
      });

      it('counts age from the earlier of device and receive time (a clock set ahead keeps no name longer)', async () => {
        await siteWithDevice();
        // Recorded by a tablet whose clock ran 40 days ahead, received 40 days ago.
        const ahead = visit('hall-1', 'tablet-1', 'ahead', 1, NOW, OLD_PERSON);
        await store.insertEvents('hall-1', 'tablet-1', ahead, NOW - 40 * DAY, never);
        expect((await store.purgePersonalData('hall-1', cutoff, NOW)).events).toBe(2);
        expect(await s.liveText()).not.toContain(OLD_PERSON.idNumber);
      });

      it('purges one site only', async () => {
        await siteWithDevice('hall-1', 'tablet-1');
        await siteWithDevice('hall-2', 'tablet-2');
        await store.insertEvents(
          'hall-1',
          'tablet-1',
          visit('hall-1', 'tablet-1', 'a', 1, NOW - 40 * DAY, OLD_PERSON),
          NOW,
          never,
        );
        await store.insertEvents(
          'hall-2',
          'tablet-2',
          visit('hall-2', 'tablet-2', 'b', 1, NOW - 39 * DAY, OLD_PERSON),
          NOW,
          never,
        );
        expect((await store.purgePersonalData('hall-1', cutoff, NOW)).events).toBe(2);
        expect((await pullAll(store, 'hall-2')).events.some((e) => e.purgedAt !== undefined)).toBe(
          false,
        );
      });
    });

    describe('periodic jobs', () => {
      it('one claim per interval, whoever asks', async () => {
        const hour = 3_600_000;
        const claims = await Promise.all(
          [0, 1, 2, 3].map(() => store.claimPeriodicJob('retention', NOW, hour)),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await store.claimPeriodicJob('retention', NOW + hour - 1, hour)).toBe(false);
        expect(await store.claimPeriodicJob('other', NOW + 1, hour)).toBe(true);
        expect(await store.claimPeriodicJob('retention', NOW + hour, hour)).toBe(true);
      });
    });
  });
}
