import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { policyDiff } from '../../src/domain/policy-diff';
import { PCR_48H, policyWithChecks, VACCINATION, VENUE_CODE } from '../fixtures/checks';

describe('what changed from one policy version to the next', () => {
  it('names each changed setting with its values, and checks by key', () => {
    const before = policyWithChecks([VENUE_CODE, VACCINATION], 'c6');
    const after = {
      ...policyWithChecks(
        [{ ...VENUE_CODE, refusal: { 'zh-CN': '请扫码', en: 'Scan' } }, PCR_48H],
        'c7',
      ),
      temperature: { ...DEFAULT_POLICY.temperature, recheckAtC: 37.2 },
      codes: { ...DEFAULT_POLICY.codes, acceptedHealthColours: ['green', 'yellow'] as const },
    };
    expect(policyDiff(before, after)).toEqual([
      { kind: 'setting', path: 'temperature.recheckAtC', before: '37.3', after: '37.2' },
      {
        kind: 'setting',
        path: 'codes.acceptedHealthColours',
        before: '"green"',
        after: '"green", "yellow"',
      },
      { kind: 'check-changed', key: 'venue-code' },
      { kind: 'check-added', key: 'pcr-48h' },
      { kind: 'check-removed', key: 'vaccination' },
    ]);
  });

  it('a new version with the same rules changes nothing', () => {
    expect(policyDiff(DEFAULT_POLICY, { ...DEFAULT_POLICY, version: 'again' })).toEqual([]);
  });
});
