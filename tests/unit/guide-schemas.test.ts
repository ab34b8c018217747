import { describe, expect, it } from 'vitest';
import type { CheckpointEvent } from '../../src/domain/events';
import { DEFAULT_POLICY, withDefaults } from '../../src/domain/policy';
import { withoutPersonalData } from '../../src/domain/retention';
import { eventSchema, pulledEventSchema } from '../../src/protocol/event-schema';
import { policySchema } from '../../src/protocol/policy-schema';
import { aBooking, aScanCheck, ev, FIXED_NOW, fakeUlid, visitEvents } from '../fixtures/builders';

const record = (
  body: Pick<CheckpointEvent, 'type' | 'data'> | { type: string; data: unknown },
): unknown => ({
  ...body,
  id: fakeUlid(FIXED_NOW, 1),
  site: 'hall-1',
  device: 'tablet-1',
  seq: 1,
  at: FIXED_NOW,
  v: 1,
});

describe('the wire schema of the door’s events', () => {
  // A scanned code that the server refused would stop this tablet's sync for good.
  it('accepts health and travel codes checked by scan as well as by hand', async () => {
    const scan = { ...aScanCheck(), payloadHash: await sha256Hex('https://jkm.example/x') };
    const events = visitEvents([
      ev.healthCode('green', scan),
      ev.travelCode(false, { ...scan, issuer: 'travel-code', verified: true, verifier: 'sm2' }),
      ev.healthCode('yellow'),
      ev.travelCode(true),
    ]);
    for (const e of events) expect(eventSchema.safeParse(e).error).toBeUndefined();
  });

  it("accepts the colour the camera read beside staff's, and nothing but the four colours", () => {
    const scan = { ...aScanCheck(), payloadHash: 'b'.repeat(64) };
    const body = (colourSeen: string) => ({
      type: 'health-code.checked',
      data: { colour: 'green', colourSeen, ...scan },
    });
    for (const seen of ['green', 'yellow', 'red', 'black'])
      expect(eventSchema.safeParse(record(body(seen))).error).toBeUndefined();
    expect(eventSchema.safeParse(record(body('orange'))).success).toBe(false);
  });

  it('refuses a scan without its fingerprint, or with a payload in it', () => {
    const [fingerless] = visitEvents([
      ev.healthCode('green', { ...aScanCheck(), payloadHash: '' }),
    ]);
    expect(eventSchema.safeParse(fingerless).success).toBe(false);
    const [withPayload] = visitEvents([
      ev.healthCode('green', { ...aScanCheck(), excerpt: 'x'.repeat(200) }),
    ]);
    expect(eventSchema.safeParse(withPayload).success).toBe(false);
  });
});

describe('the wire schema of events purged by retention', () => {
  const events = visitEvents([ev.booked(), ev.identity(), ev.opened()]);
  const purged = events.map((e) => withoutPersonalData(e, 1_800_000_000_000));

  it('takes them in a pull, never in a push', () => {
    for (const e of purged.slice(0, 2)) {
      expect(pulledEventSchema(e).safeParse(e).success).toBe(true);
      expect(eventSchema.safeParse(e).success).toBe(false);
    }
  });

  it('still refuses an empty name on an event that was not purged', () => {
    const [booked] = visitEvents([ev.booked({ ...aBooking(), name: '' })]);
    expect(pulledEventSchema(booked).safeParse(booked).success).toBe(false);
  });
});

async function sha256Hex(text: string): Promise<string> {
  const { payloadSha256 } = await import('../../src/domain/codes/digest');
  return payloadSha256(text);
}

describe('the wire schema of the guide’s events', () => {
  it('accepts every queue and isolation event of a visit', () => {
    const events = visitEvents([
      ev.called(3, true),
      ev.recalled(3),
      ev.noShow(3),
      ev.served(3),
      ev.isolationEntered(),
      ev.ambulanceCalled(),
      ev.handedOver(),
      ev.exited(true),
    ]);
    for (const e of events) expect(eventSchema.safeParse(e).success).toBe(true);
  });

  it('accepts tasks and incidents without a visit', () => {
    expect(
      eventSchema.safeParse(
        record({
          type: 'incident.reported',
          data: {
            incident: 'i1',
            kind: 'refused-measures',
            visit: 'v1',
            person: null,
            unit: null,
            temperatures: [],
            note: null,
          },
        }),
      ).success,
    ).toBe(true);
    expect(
      eventSchema.safeParse(
        record({ type: 'disinfection.done', data: { task: 't1', by: '王师傅' } }),
      ).success,
    ).toBe(true);
  });

  it.each([
    ['window 0', ev.called(0)],
    ['a fractional window', ev.recalled(2.5)],
    ['an empty hospital', ev.handedOver('')],
    ['no calls before a no-show', ev.noShow(0)],
  ])('refuses %s', (_name, body) => {
    const [event] = visitEvents([body]);
    expect(eventSchema.safeParse(event).success).toBe(false);
  });

  it('refuses an unknown incident step and an over-long cleaner name', () => {
    expect(
      eventSchema.safeParse(record({ type: 'incident.step', data: { incident: 'i', step: 'x' } }))
        .success,
    ).toBe(false);
    expect(
      eventSchema.safeParse(
        record({ type: 'disinfection.done', data: { task: 't', by: '名'.repeat(61) } }),
      ).success,
    ).toBe(false);
  });
});

describe('the policy’s queue and isolation settings', () => {
  const { queue: _q, isolation: _i, ...older } = DEFAULT_POLICY;

  it('a policy written before they existed loads with the defaults', () => {
    const parsed = policySchema.parse({ ...older, version: 'old' });
    expect(parsed.queue).toEqual(DEFAULT_POLICY.queue);
    expect(parsed.isolation).toEqual(DEFAULT_POLICY.isolation);
    expect(withDefaults({ ...older, version: 'old' }).queue).toEqual(DEFAULT_POLICY.queue);
  });

  it('keeps the hall’s own values', () => {
    const queue = { ...DEFAULT_POLICY.queue, waitingPlaces: 40, windows: [2, 4, 9] };
    expect(policySchema.parse({ ...DEFAULT_POLICY, queue }).queue).toEqual(queue);
  });

  it.each([
    ['duplicate windows', { windows: [1, 1] }],
    ['no windows', { windows: [] }],
    ['no places', { waitingPlaces: 0 }],
    ['no-show after 0 calls', { noShowAfterCalls: 0 }],
  ])('refuses %s', (_name, patch) => {
    const queue = { ...DEFAULT_POLICY.queue, ...patch };
    expect(policySchema.safeParse({ ...DEFAULT_POLICY, queue }).success).toBe(false);
  });
});
