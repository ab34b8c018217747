/**
 * A tablet's day at the door for the county bench, built with the same builders as the
 * tests (tests/fixtures/builders.ts): each visit is the door's green path (opened,
 * booking matched, mask, hands, temperature, identity, health and travel codes) and its
 * outcome, 9 events, with real ULIDs (the app's own id scheme), a gap-free seq and the
 * hash chain the app writes (src/domain/chain.ts), so the server checks each push's links
 * and personal commitments as it does for a real tablet.
 * Some visitors are refused for a fever, as on a real day. The day is yesterday
 * 08:00–17:00, so the server flags none of it as being from the future.
 */
import { monotonicFactory } from 'ulidx';
import { sha256Hex } from '../../server/src/sha256';
import { chainEvents, GENESIS } from '../../src/domain/chain';
import type { CheckpointEvent, EventBody } from '../../src/domain/events';
import { aBooking, ev, visitEvents } from '../../tests/fixtures/builders';

// Math.random as the ULID's random source: ulidx's default draws from crypto per
// character, and the load generator would spend its CPU there, not on the servers'.
const newId = monotonicFactory(Math.random);
/** A salt per personal event, as the app draws one (16 bytes in hex), from Math.random. */
const salt = () =>
  Array.from({ length: 4 }, () =>
    Math.floor(Math.random() * 2 ** 32)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
const OPEN_HOURS_MS = 9 * 3_600_000;

function visitBodies(n: number, device: string): EventBody[] {
  const booking = aBooking({ bookingId: `${device}-b${n}` });
  const fever = n % 97 === 13;
  return [
    ev.opened(),
    ev.booked(booking),
    ev.mask(),
    ev.hands(),
    ev.temperature(fever ? 38.3 : 36.2 + (n % 9) / 10),
    ev.identity(booking),
    ev.healthCode(),
    ev.travelCode(),
    ev.decided(
      fever ? { kind: 'isolated' } : { kind: 'admitted', ticket: `${device.slice(-1)}${n + 1}` },
    ),
  ];
}

export interface TabletDay {
  /**
   * The events of visit `n` (0-based), made on demand (a day is never held whole), in
   * order: each visit's chain continues the one before.
   */
  visit(n: number): Promise<CheckpointEvent[]>;
  visits: number;
}

export function tabletDay(
  site: string,
  device: string,
  visits: number,
  dayStart: number,
): TabletDay {
  const spacing = OPEN_HOURS_MS / visits;
  let seq = 0;
  let head = GENESIS;
  return {
    visits,
    async visit(n) {
      const events = visitEvents(visitBodies(n, device), {
        site,
        device,
        visit: `${device}-v${n}`,
        firstSeq: seq + 1,
        start: dayStart + 8 * 3_600_000 + Math.floor(n * spacing),
        stepMs: 2_000,
      });
      seq += events.length;
      // node:crypto's SHA-256: the load generator's CPU is for sending, not hashing.
      const chained = await chainEvents(
        events.map((e) => ({ ...e, id: newId(e.at) })),
        head,
        salt,
        sha256Hex,
      );
      head = chained.head;
      return chained.events;
    },
  };
}
