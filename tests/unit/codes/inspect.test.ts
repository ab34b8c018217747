import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBookingCode } from '../../../src/domain/codes/booking-code';
import { readScan, scanCheck } from '../../../src/domain/codes/inspect';
import type { CodeVerifier, Verification } from '../../../src/domain/codes/verifier';
import { FIXED_NOW } from '../../fixtures/builders';

const HEALTH = 'https://jkm.example.gov.cn/show?name=张三&id=110101199003078670';

function verifierAnswering(answer: Verification): CodeVerifier {
  return { id: 'test-signed', accepts: (kind) => kind === 'health', verify: async () => answer };
}

describe('readScan', () => {
  it('reads a health code as seen and not verified: a fingerprint, not the payload', async () => {
    const reading = await readScan(HEALTH, FIXED_NOW);
    expect(reading).toEqual({
      kind: 'seen',
      code: {
        kind: 'health',
        issuer: 'health-code',
        payloadHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        excerpt: 'https://jkm.example.gov.cn…',
        verified: false,
      },
    });
    expect(JSON.stringify(reading)).not.toContain('110101');
    expect(JSON.stringify(reading)).not.toContain('张三');
  });

  it('hands a booking code over to be looked up', async () => {
    expect(await readScan(formatBookingCode('B0001', '2026-11-28'), FIXED_NOW)).toEqual({
      kind: 'booking',
      code: { bookingId: 'B0001', day: '2026-11-28' },
    });
  });

  it('rejects malformed codes with the reason', async () => {
    expect(await readScan('CKB1:B0001:20261128:#', FIXED_NOW)).toEqual({
      kind: 'rejected',
      problem: 'booking-format',
    });
    expect(await readScan('', FIXED_NOW)).toEqual({ kind: 'rejected', problem: 'empty' });
  });

  it('lets an offline verifier vouch for a code, or reject an expired or forged one', async () => {
    const verified = await readScan(HEALTH, FIXED_NOW, [verifierAnswering({ status: 'verified' })]);
    expect(verified).toMatchObject({
      kind: 'seen',
      code: { verified: true, verifier: 'test-signed' },
    });
    expect(await readScan(HEALTH, FIXED_NOW, [verifierAnswering({ status: 'expired' })])).toEqual({
      kind: 'rejected',
      problem: 'expired',
    });
    expect(await readScan(HEALTH, FIXED_NOW, [verifierAnswering({ status: 'invalid' })])).toEqual({
      kind: 'rejected',
      problem: 'invalid',
    });
    const broken: CodeVerifier = {
      id: 'broken',
      accepts: () => true,
      verify: () => Promise.reject(new Error('bad key')),
    };
    expect(await readScan(HEALTH, FIXED_NOW, [broken])).toMatchObject({
      kind: 'seen',
      code: { verified: false },
    });
  });

  it('makes the event data of a scan without the payload', async () => {
    const reading = await readScan(HEALTH, FIXED_NOW);
    if (reading.kind !== 'seen') throw new Error('expected a seen code');
    expect(scanCheck(reading.code)).toEqual({
      method: 'scan',
      issuer: 'health-code',
      payloadHash: reading.code.payloadHash,
      excerpt: 'https://jkm.example.gov.cn…',
      verified: false,
    });
  });

  it('never throws and never yields a verdict by itself, whatever the text', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.webUrl({ withQueryParameters: true }).map((u) => u.replace('://', '://jkm.')),
      fc.string().map((s) => `CKB1:${s}`),
      fc.string().map((s) => `XCK:${s}`),
      fc.string({ minLength: 4090, maxLength: 4200 }),
    );
    await fc.assert(
      fc.asyncProperty(text, async (payload) => {
        const reading = await readScan(payload, FIXED_NOW);
        const json = JSON.stringify(reading);
        for (const verdict of ['colour', 'riskArea', 'admitted', 'refused', 'outcome']) {
          expect(json).not.toContain(verdict);
        }
        if (reading.kind === 'seen') expect(reading.code.verified).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
