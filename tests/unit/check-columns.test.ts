import { describe, expect, it } from 'vitest';
import {
  answerOf,
  checkAnswerText,
  checksOfDay,
  checkTallies,
} from '../../src/domain/check-columns';
import { DEFAULT_POLICY, type Policy } from '../../src/domain/policy';
import { aVisit, ev, FIXED_NOW, MINUTE } from '../fixtures/builders';
import { PCR_48H, policyWithChecks, VACCINATION, VENUE_CODE } from '../fixtures/checks';

const HOUR = 60 * MINUTE;
const v1 = policyWithChecks([VENUE_CODE], 'v1');
const v2 = policyWithChecks([PCR_48H, VENUE_CODE, VACCINATION], 'v2');
const byVersion = new Map<string, Policy>([
  [v1.version, v1],
  [v2.version, v2],
]);
const policyFor = (v: string) => byVersion.get(v) ?? DEFAULT_POLICY;

const morning = aVisit(
  [ev.opened('v1'), ev.checkAnswered('venue-code', { kind: 'yes-no', yes: true })],
  {
    visit: 'a',
  },
);
const afternoon = aVisit(
  [
    ev.opened('v2'),
    ev.checkAnswered('pcr-48h', { kind: 'time-since', sampledAt: FIXED_NOW - 50 * HOUR }),
    ev.checkAnswered('vaccination', { kind: 'choice', option: 'partial' }),
  ],
  { visit: 'b' },
);

describe('a column per check in force that day', () => {
  it('takes each check once, in the order the day’s versions bring them', () => {
    expect(checksOfDay([morning, afternoon], policyFor).map((c) => c.key)).toEqual([
      'venue-code',
      'pcr-48h',
      'vaccination',
    ]);
    expect(checksOfDay([aVisit([ev.opened()])], policyFor)).toEqual([]);
  });

  it('writes each answer as staff gave it, and nothing for a check not asked', () => {
    const words = { yes: '是', no: '否', language: 'zh-CN' };
    expect(checkAnswerText(VENUE_CODE, answerOf(morning, VENUE_CODE), words)).toBe('是');
    expect(checkAnswerText(PCR_48H, answerOf(afternoon, PCR_48H), words)).toBe(
      '2026-11-26 08:00 · 50:00',
    );
    expect(
      checkAnswerText(VACCINATION, answerOf(afternoon, VACCINATION), { ...words, language: 'en' }),
    ).toBe('Partial');
    expect(checkAnswerText(PCR_48H, answerOf(morning, PCR_48H), words)).toBe('');
  });

  it('counts per check who answered and who it refused (the daily report)', () => {
    const tallies = checkTallies([morning, afternoon], [VENUE_CODE, PCR_48H]);
    expect(tallies.map((t) => [t.check.key, t.answered, t.refused])).toEqual([
      ['venue-code', 1, 0],
      ['pcr-48h', 1, 1],
    ]);
  });
});
