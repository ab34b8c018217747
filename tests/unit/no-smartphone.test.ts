import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  guideTold,
  offeredAlternatives,
  refusalWording,
} from '../../src/domain/codes/alternatives';
import { summariseDay } from '../../src/domain/day-summary';
import type { EventBody, HealthCodeChecked } from '../../src/domain/events';
import { nextStep, outcome } from '../../src/domain/flow';
import { ledgerRow } from '../../src/domain/ledger';
import {
  DEFAULT_POLICY,
  NO_PHONE_METHODS,
  type NoPhoneMethod,
  type NoPhoneRule,
  type Policy,
  withDefaults,
} from '../../src/domain/policy';
import { policySchema } from '../../src/protocol/policy-schema';
import { aBooking, aVisit, ev } from '../fixtures/builders';

const RULES: readonly NoPhoneRule['leadsTo'][] = ['off', 'admit', 'admit-guide-told', 'refuse'];
const COLOURS = ['green', 'yellow', 'red'] as const;

function policy(rules: Partial<Record<NoPhoneMethod, NoPhoneRule['leadsTo']>>): Policy {
  const noSmartphone: Policy['noSmartphone'] = { ...DEFAULT_POLICY.noSmartphone };
  for (const m of NO_PHONE_METHODS) {
    const leadsTo = rules[m];
    if (leadsTo) noSmartphone[m] = { leadsTo, wording: leadsTo === 'refuse' ? `不收${m}` : '' };
  }
  return { ...DEFAULT_POLICY, version: 'nsp', noSmartphone };
}

const atDoor: EventBody[] = [ev.opened(), ev.booked(aBooking()), ev.mask(), ev.hands()];
const temperatureFine = ev.temperature(36.5);

function check(method: NoPhoneMethod, colour: (typeof COLOURS)[number]): HealthCodeChecked {
  switch (method) {
    case 'paper':
      return { method, colour };
    case 'staff-lookup':
      return { method, colour, by: '李四' };
    case 'id-registration':
      return { method };
  }
}

const visitOn = (data: HealthCodeChecked, withIdentity = true) =>
  aVisit([
    ...atDoor,
    temperatureFine,
    ev.symptoms(),
    ...(withIdentity ? [ev.identity()] : []),
    ev.codeChecked(data),
    ev.travelCode(false),
  ]);

describe('the no-smartphone alternatives under each policy', () => {
  it('the default policy offers all three, ID registration telling the guide', () => {
    expect(offeredAlternatives(DEFAULT_POLICY)).toEqual([
      'paper',
      'staff-lookup',
      'id-registration',
    ]);
    expect(guideTold('id-registration', DEFAULT_POLICY)).toBe(true);
    expect(guideTold('paper', DEFAULT_POLICY)).toBe(false);
    expect(guideTold('phone', DEFAULT_POLICY)).toBe(false);
  });

  it('each alternative leads where its rule says, for every rule and colour (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NO_PHONE_METHODS),
        fc.constantFrom(...RULES),
        fc.constantFrom(...COLOURS),
        (method, rule, colour) => {
          const p = policy({ [method]: rule });
          const verdict = outcome(visitOn(check(method, colour)), p);
          const offered = offeredAlternatives(p).includes(method);
          expect(offered).toBe(rule !== 'off');
          if (rule === 'off' || rule === 'refuse') {
            // A hall that does not accept it never admits on it, even recorded elsewhere.
            expect(verdict).toEqual({
              kind: 'refused',
              reason: 'no-smartphone',
              policyVersion: 'nsp',
            });
          } else if (method === 'id-registration' || colour === 'green') {
            expect(verdict).toEqual({ kind: 'admitted', policyVersion: 'nsp' });
          } else {
            // The colour printed on paper or looked up counts as a phone's would.
            expect(verdict).toEqual({
              kind: 'refused',
              reason: 'code-not-green',
              policyVersion: 'nsp',
            });
          }
          expect(guideTold(method, p)).toBe(rule === 'admit-guide-told');
        },
      ),
    );
  });

  it('a refusal carries the hall’s wording for that alternative', () => {
    const p = policy({ 'id-registration': 'refuse' });
    expect(refusalWording('id-registration', p)).toBe('不收id-registration');
    expect(refusalWording('paper', p)).toBe('');
    expect(refusalWording('phone', p)).toBe('');
  });

  it('identity is required before the verdict: no verdict on a paper proof without it', () => {
    const v = visitOn(check('paper', 'green'), false);
    expect(outcome(v, DEFAULT_POLICY)).toBeNull();
    expect(nextStep(v, DEFAULT_POLICY)).toBe('identity');
  });

  it('the method is folded, shown beside the colour in the ledger and counted', () => {
    const paper = visitOn({ method: 'paper', colour: 'green', payloadHash: 'cd'.repeat(32) });
    const lookup = visitOn(check('staff-lookup', 'green'));
    const id = visitOn(check('id-registration', 'green'));
    const phone = visitOn({ method: 'manual', colour: 'green' });
    expect(paper.codeScan?.hash).toBe('cd'.repeat(32));
    expect(
      [paper, lookup, id, phone].map((v) => [ledgerRow(v).codeMethod, ledgerRow(v).healthCode]),
    ).toEqual([
      ['paper', 'green'],
      ['staff-lookup', 'green'],
      ['id-registration', ''],
      ['phone', 'green'],
    ]);
    const s = summariseDay([paper, lookup, id, phone], DEFAULT_POLICY);
    expect(s.noPhone).toEqual({ paper: 1, 'staff-lookup': 1, 'id-registration': 1 });
  });

  it('a later check on a phone replaces the alternative', () => {
    const v = aVisit([
      ...atDoor,
      temperatureFine,
      ev.symptoms(),
      ev.identity(),
      ev.codeChecked({ method: 'id-registration' }),
      ev.healthCode('green'),
    ]);
    expect(v.codeMethod).toBe('phone');
    expect(v.healthCode).toBe('green');
  });

  it('a stored policy without the setting loads with the defaults; the schema checks it', () => {
    const { noSmartphone: _, ...older } = DEFAULT_POLICY;
    expect(withDefaults(older).noSmartphone).toEqual(DEFAULT_POLICY.noSmartphone);
    expect(policySchema.parse(older).noSmartphone).toEqual(DEFAULT_POLICY.noSmartphone);
    const bad = {
      ...DEFAULT_POLICY,
      noSmartphone: { ...DEFAULT_POLICY.noSmartphone, paper: { leadsTo: 'maybe', wording: '' } },
    };
    expect(policySchema.safeParse(bad).success).toBe(false);
  });
});
