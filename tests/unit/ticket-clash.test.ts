import { describe, expect, it } from 'vitest';
import { ticketClash } from '../../src/domain/ticket-clash';
import { aVisit, ev } from '../fixtures/builders';

const admitted = (device: string, ticket: string, visit = `${device}-${ticket}`) =>
  aVisit([ev.opened(), ev.decided({ kind: 'admitted', ticket })], { device, visit });

describe('ticketClash', () => {
  it('names the other tablets issuing numbers with this tablet’s letter', () => {
    const visits = [admitted('me', 'A001'), admitted('door-2', 'A001'), admitted('door-3', 'B001')];
    expect(ticketClash(visits, 'me', 'A')).toEqual(['door-2']);
    expect(ticketClash(visits, 'me', 'B')).toEqual([]);
  });

  it('is no clash for a tablet that issued no tickets itself (a guide’s tablet)', () => {
    expect(ticketClash([admitted('door-2', 'A001')], 'guide-1', 'A')).toEqual([]);
  });

  it('does not take another letter that starts the same way, or a refusal', () => {
    const refused = aVisit([ev.opened(), ev.decided({ kind: 'refused', reason: 'too-early' })], {
      device: 'door-2',
    });
    expect(
      ticketClash([admitted('me', 'A001'), admitted('x', 'AB01'), refused], 'me', 'A'),
    ).toEqual([]);
  });
});
