import { describe, expect, it } from 'vitest';
import { eventContentRefusal, textProblem } from '../../src/domain/event-content';
import { aBooking, ev, FIXED_NOW, visitEvents } from '../fixtures/builders';

const one = (body: Parameters<typeof visitEvents>[0][number]) => {
  const [e] = visitEvents([body]);
  if (!e) throw new Error('no event');
  return e;
};

describe('eventContentRefusal', () => {
  it('passes what the door records', () => {
    for (const body of [ev.opened(), ev.identity(), ev.temperature(37.4), ev.mask()])
      expect(eventContentRefusal(one(body), FIXED_NOW)).toBeNull();
  });

  it.each([
    ['id-number', ev.identity(aBooking({ idNumber: '110101199003078671' }))],
    ['phone', ev.identity(aBooking({ phone: '12345' }))],
    ['temperature', ev.temperature(Number.POSITIVE_INFINITY)],
    ['temperature', ev.temperature(29.9)],
    ['control-character', ev.identity(aBooking({ name: 'a\u0007b' }))],
    ['bidi-override', ev.identity(aBooking({ name: 'a\u2066b' }))],
    ['lone-surrogate', ev.identity(aBooking({ name: '\uDC00' }))],
  ])('refuses %s', (problem, body) => {
    expect(eventContentRefusal(one(body), FIXED_NOW)?.problem).toBe(problem);
  });

  it('allows line breaks in free text, and whole surrogate pairs', () => {
    expect(textProblem('line one\nline two\t𠀀')).toBeNull();
  });
});
