import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../server/src/sha256';
import {
  type ChainResult,
  chainEvents,
  eventHash,
  GENESIS,
  START,
  verifyChain,
} from '../../src/domain/chain';
import { dayHeads } from '../../src/domain/chain-heads';
import type { CheckpointEvent } from '../../src/domain/events';
import { PERSONAL_FIELDS, withoutPersonalData } from '../../src/domain/retention';
import { aBooking, chained, ev, FIXED_NOW, recordEvents, visitEvents } from '../fixtures/builders';

/** A device's day: a visit with an identity and a booking, then records of no visit. */
function aDeviceDay(): CheckpointEvent[] {
  const visit = visitEvents([
    ev.opened(),
    ev.booked(),
    ev.mask(),
    ev.temperature(36.6),
    ev.identity(aBooking()),
    ev.healthCode(),
    ev.decided({ kind: 'admitted', ticket: 'A001' }),
  ]);
  const records = recordEvents([
    { type: 'disinfection.done', at: FIXED_NOW + 60_000, data: { task: 't1', by: '李四' } },
    {
      type: 'incident.reported',
      at: FIXED_NOW + 120_000,
      data: {
        incident: 'i1',
        kind: 'refused-measures',
        visit: null,
        person: '王五',
        unit: null,
        temperatures: [37.9],
        note: '不戴口罩',
      },
    },
  ]).map((e, i) => ({ ...e, seq: visit.length + 1 + i }));
  return [...visit, ...records];
}

function broken(result: ChainResult) {
  return result.ok ? null : { seq: result.break.seq, reason: result.break.reason };
}

/** Every leaf of an event with its path, except what the hash leaves out on purpose. */
function leaves(value: unknown, path: string[] = []): string[][] {
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  const unhashed = ['chain.hash', 'chain.salt', 'purgedAt'];
  return unhashed.includes(path.join('.')) ? [] : [path];
}

function edited(e: CheckpointEvent, path: string[]): CheckpointEvent {
  const copy = structuredClone(e) as unknown as Record<string, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  const last = path.at(-1) ?? '';
  const old = at[last];
  at[last] =
    typeof old === 'number'
      ? old + 1
      : typeof old === 'boolean'
        ? !old
        : typeof old === 'string'
          ? `${old}x`
          : 'x';
  return copy as unknown as CheckpointEvent;
}

describe('the hash chain', () => {
  it('verifies a device day chained on write, whose head is its last hash', async () => {
    const events = await chained(aDeviceDay());
    const result = await verifyChain(events);
    expect(result.ok).toBe(true);
    expect(result.summary).toMatchObject({ events: 9, unchained: 0, lastSeq: 9 });
    expect(result.summary.head).toBe(events.at(-1)?.chain?.hash);
    expect(events[0]?.chain?.prev).toBe(GENESIS);
    expect(events[1]?.chain?.prev).toBe(events[0]?.chain?.hash);
  });

  it('hashes the same with the server’s node:crypto SHA-256 as with WebCrypto’s, both ways', async () => {
    const events = await chained(aDeviceDay());
    const salts = events.flatMap((e) => (e.chain?.salt ? [e.chain.salt] : []));
    let n = 0;
    const byNode = await chainEvents(aDeviceDay(), GENESIS, () => salts[n++] ?? '', sha256Hex);
    expect(byNode.events).toEqual(events);
    expect((await verifyChain(events, START, sha256Hex)).ok).toBe(true);
    const edited = events.map((e, i) => (i === 4 ? { ...e, at: e.at + 1 } : e));
    const broken = await verifyChain(edited, START, sha256Hex);
    expect(broken.ok ? null : broken.break).toMatchObject({ seq: 5, reason: 'edited' });
  });

  it('commits to the personal fields with a salt, only on event types that have them', async () => {
    const events = await chained(aDeviceDay());
    const withPc = events.filter((e) => e.chain?.pc).map((e) => e.type);
    expect(withPc).toEqual([
      'appointment.matched',
      'identity.confirmed',
      'disinfection.done',
      'incident.reported',
    ]);
    expect(events.every((e) => Boolean(e.chain?.salt) === Boolean(e.chain?.pc))).toBe(true);
  });

  it('breaks at the event edited, whatever hashed field of whichever event is changed', async () => {
    const events = await chained(aDeviceDay());
    const cases = events.flatMap((e, i) =>
      leaves(e)
        .filter((p) => p[0] !== 'seq')
        .map((path) => ({ i, path })),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases), async ({ i, path }) => {
        const target = events[i] as CheckpointEvent;
        const copy = events.map((e, j) => (j === i ? edited(target, path) : e));
        const fields: readonly string[] =
          (PERSONAL_FIELDS as Partial<Record<string, readonly string[]>>)[target.type] ?? [];
        const result = broken(await verifyChain(copy));
        expect(result?.seq).toBe(target.seq);
        // A personal field is not hashed: its commitment catches it.
        if (path[0] === 'data' && fields.includes(path[1] ?? ''))
          expect(result?.reason).toBe('personal');
      }),
      { numRuns: 200 },
    );
  });

  it('never breaks by a purge of any events, and keeps its head', async () => {
    const events = await chained(aDeviceDay());
    const head = (await verifyChain(events)).summary.head;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: events.length, maxLength: events.length }),
        async (mask) => {
          const purged = events.map((e, i) => (mask[i] ? withoutPersonalData(e, FIXED_NOW) : e));
          const result = await verifyChain(purged);
          expect(broken(result)).toBeNull();
          expect(result.summary.head).toBe(head);
        },
      ),
      { numRuns: 50 },
    );
    const identity = withoutPersonalData(events[4] as CheckpointEvent, FIXED_NOW);
    expect(identity.chain?.salt).toBeUndefined();
    expect(identity.chain?.pc).toBe(events[4]?.chain?.pc);
  });

  it('catches personal fields kept while the salt is gone (a purge faked)', async () => {
    const events = await chained(aDeviceDay());
    const e = events[4] as CheckpointEvent;
    const { salt: _salt, ...link } = e.chain ?? { prev: '', hash: '' };
    const copy = events.map((x) => (x === e ? { ...e, chain: link } : x));
    expect(broken(await verifyChain(copy))).toEqual({ seq: 5, reason: 'personal' });
  });

  it('names a gap, a second event at one seq and a fork', async () => {
    const events = await chained(aDeviceDay());
    expect(broken(await verifyChain(events.filter((e) => e.seq !== 3)))).toEqual({
      seq: 4,
      reason: 'gap',
    });
    expect(broken(await verifyChain(events.slice(1)))).toEqual({ seq: 2, reason: 'gap' });
    const other = await chained(aDeviceDay().map((e) => ({ ...e, at: e.at + 1 })));
    expect(broken(await verifyChain([...events.slice(0, 3), other[2] as CheckpointEvent]))).toEqual(
      {
        seq: 3,
        reason: 'fork',
      },
    );
    const [fork] = await chained([{ ...(events[3] as CheckpointEvent), at: 1 }], GENESIS);
    expect(broken(await verifyChain([...events.slice(0, 3), fork as CheckpointEvent]))).toEqual({
      seq: 4,
      reason: 'fork',
    });
  });

  it('an event edited and hashed again breaks the link after it (the last is caught by the printed head)', async () => {
    const events = await chained(aDeviceDay());
    const target = edited(events[2] as CheckpointEvent, ['data', 'status']);
    const rehashed = {
      ...target,
      chain: { ...(target.chain ?? { prev: '' }), hash: await eventHash(target) },
    };
    const copy = events.map((e, i) => (i === 2 ? rehashed : e));
    expect(broken(await verifyChain(copy))).toEqual({ seq: 4, reason: 'fork' });
  });

  it('verifies after an anchor: the event before, as the server holds it', async () => {
    const events = await chained(aDeviceDay());
    const before = events[3] as CheckpointEvent;
    const anchor = { seq: before.seq, hash: before.chain?.hash ?? null };
    expect(broken(await verifyChain(events.slice(4), anchor))).toBeNull();
    expect(broken(await verifyChain(events.slice(5), anchor))).toEqual({ seq: 6, reason: 'gap' });
    expect(broken(await verifyChain(events.slice(4), { ...anchor, hash: GENESIS }))).toEqual({
      seq: 5,
      reason: 'fork',
    });
  });

  it('starts at the first chained event after events of earlier versions, and never goes back', async () => {
    const legacy = aDeviceDay();
    const tail = await chained(legacy.slice(5), GENESIS);
    const mixed = [...legacy.slice(0, 5), ...tail];
    const result = await verifyChain(mixed);
    expect(result.ok).toBe(true);
    expect(result.summary).toMatchObject({ events: 9, unchained: 5 });
    const stripped = mixed.map((e, i) => (i === 6 ? legacy[6] : e)) as CheckpointEvent[];
    expect(broken(await verifyChain(stripped))).toEqual({ seq: 7, reason: 'edited' });
    // A chained event after an earlier version's links to GENESIS, not to anything else.
    const { events: wrong } = await chainEvents(legacy.slice(5), 'ab'.repeat(32));
    expect(broken(await verifyChain([...legacy.slice(0, 5), ...wrong]))).toEqual({
      seq: 6,
      reason: 'fork',
    });
  });

  it('lists each device’s events of a day with its last hash', async () => {
    const a = await chained(aDeviceDay());
    const b = await chained(aDeviceDay().map((e) => ({ ...e, device: 'tablet-2' })));
    const heads = dayHeads([...b.slice(2, 4), ...a]);
    expect(heads).toEqual([
      { device: 'tablet-1', events: 9, firstSeq: 1, lastSeq: 9, head: a.at(-1)?.chain?.hash },
      { device: 'tablet-2', events: 2, firstSeq: 3, lastSeq: 4, head: b[3]?.chain?.hash },
    ]);
  });
});
