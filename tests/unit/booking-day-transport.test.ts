import { describe, expect, it } from 'vitest';
import { bookingDayTag } from '../../src/protocol/api';
import { httpTransport, SyncError } from '../../src/sync/transport';
import { aBooking } from '../fixtures/builders';

/** A transport whose server answers every request with `status` and `body`; records the headers sent. */
function answering(status: number, body: unknown) {
  const sent: Record<string, string>[] = [];
  const transport = httpTransport(
    async (_url, init) => {
      sent.push({ ...(init?.headers as Record<string, string>) });
      return new Response(status === 304 ? null : JSON.stringify(body), { status });
    },
    'http://hall.test',
    'hall-1',
    'token',
  );
  return { transport, sent };
}

describe('a day of bookings over HTTP', () => {
  const booking = aBooking();

  it('asks with the version held and takes a 304 as "unchanged"', async () => {
    const { transport, sent } = answering(304, null);
    expect(await transport.bookingDay(booking.day, 7)).toBeNull();
    expect(sent[0]?.['if-none-match']).toBe(bookingDayTag(7));
  });

  it('asks without a version for a day it never held', async () => {
    const { transport, sent } = answering(200, { day: booking.day, version: 1, bookings: [] });
    expect(await transport.bookingDay(booking.day, undefined)).toEqual({
      day: booking.day,
      version: 1,
      bookings: [],
    });
    expect(sent[0]).not.toHaveProperty('if-none-match');
  });

  it('drops fields a newer server adds, and refuses a booking it cannot use', async () => {
    const newer = { ...booking, windowNo: 3 };
    const ok = answering(200, { day: booking.day, version: 2, bookings: [newer], note: 'x' });
    expect(await ok.transport.bookingDay(booking.day, 1)).toEqual({
      day: booking.day,
      version: 2,
      bookings: [booking],
    });
    for (const broken of [
      { ...booking, name: '' },
      { ...booking, slotStart: '09:00' },
      { ...booking, idNumber: 'x'.repeat(40) },
    ]) {
      const bad = answering(200, { day: booking.day, version: 2, bookings: [broken] });
      const error = await bad.transport.bookingDay(booking.day, 1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SyncError);
      expect((error as SyncError).code).toBe('bad-reply');
    }
  });

  it('refuses a config whose list of days is malformed', async () => {
    const { transport } = answering(200, {
      policy: null,
      bookingDays: [{ day: 'tomorrow', version: 1, count: 2 }],
      serverTime: 0,
    });
    await expect(transport.config()).rejects.toMatchObject({ code: 'bad-reply' });
  });
});
