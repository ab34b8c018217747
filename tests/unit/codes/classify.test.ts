import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBookingCode } from '../../../src/domain/codes/booking-code';
import { classifyPayload, MAX_PAYLOAD_LENGTH } from '../../../src/domain/codes/classify';

describe('classifyPayload', () => {
  it('recognises a booking code', () => {
    expect(classifyPayload(formatBookingCode('B0001', '2026-11-28'))).toEqual({
      kind: 'booking',
      code: { bookingId: 'B0001', day: '2026-11-28' },
    });
  });

  it('calls a damaged booking code malformed, with the reason', () => {
    expect(classifyPayload('CKB1:B0001:20261128:Q')).toMatchObject({ kind: 'malformed' });
    expect(classifyPayload('CKB1:B0001')).toEqual({
      kind: 'malformed',
      problem: 'booking-format',
    });
    expect(classifyPayload('ckb1:B0001:20261399:0')).toEqual({
      kind: 'malformed',
      problem: 'booking-format',
    });
  });

  it.each([
    ['https://jkm.example.gov.cn/v2/show?id=110101199003078670', 'health'],
    ['HTTPS://YKM.EXAMPLE.CN/q', 'health'],
    ['https://h5.suishenma.example/c/abc', 'health'],
    ['JKM:3f2a9c', 'health'],
    ['HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH', 'health'],
    ['https://xcm.example.cn/itinerary?p=13812345678', 'travel'],
    ['XCK:ab12', 'travel'],
  ])('recognises %s as a %s code', (payload, kind) => {
    expect(classifyPayload(payload).kind).toBe(kind);
  });

  it.each([
    'https://www.example.com/jkm',
    'https://notjkm.example.com/',
    'hello world',
    '6901234567892',
    'javascript:alert(1)',
    '<img src=x onerror=alert(1)>',
    'jkm:lower-case-token',
  ])('does not guess at %s', (payload) => {
    expect(classifyPayload(payload)).toEqual({ kind: 'unknown' });
  });

  it('rejects empty and oversized payloads', () => {
    expect(classifyPayload('')).toEqual({ kind: 'malformed', problem: 'empty' });
    expect(classifyPayload(' \r\n\t')).toEqual({ kind: 'malformed', problem: 'empty' });
    expect(classifyPayload(`JKM:${'a'.repeat(MAX_PAYLOAD_LENGTH)}`)).toEqual({
      kind: 'malformed',
      problem: 'oversized',
    });
    expect(classifyPayload(`JKM:${'a'.repeat(MAX_PAYLOAD_LENGTH - 4)}`).kind).toBe('health');
  });

  it('never throws, whatever the text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.string().map((s) => `CKB1:${s}`),
      fc.string().map((s) => `https://jkm.${s}`),
    );
    fc.assert(
      fc.property(text, (payload) => {
        const found = classifyPayload(payload);
        expect(['booking', 'health', 'travel', 'unknown', 'malformed']).toContain(found.kind);
      }),
      { numRuns: 2000 },
    );
  });

  it('stays fast on hostile input (no regular-expression blow-up)', () => {
    const hostile = `https://${'a.'.repeat(2000)}!`;
    const t0 = performance.now();
    classifyPayload(hostile);
    classifyPayload(`CKB1:${'A'.repeat(4000)}`);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
