import type { ReturneeMatch } from './events';
import type { Visit } from './visit';

/** Who is at the door, as far as the door knows it: any of these may match. */
export interface Person {
  idNumber?: string;
  phone?: string;
  bookingId?: string;
}

function turnedAway(v: Visit): ReturneeMatch['verdict'] | null {
  const o = v.decision?.outcome;
  if (!o) return null;
  if (o.kind === 'isolated') return 'isolated';
  if (o.kind === 'refused' && (o.reason === 'home-observation' || o.reason === 'fever-clinic')) {
    return o.reason;
  }
  return null;
}

/**
 * The returnee check (issue 12), offline: today's visits on this tablet (its own and those
 * synced from others) in which the same person was sent home, to the fever clinic or
 * isolated. The most recent such verdict, or null.
 */
export function findReturnee(
  visits: readonly Visit[],
  person: Person,
  self: string | null,
): ReturneeMatch | null {
  let found: ReturneeMatch | null = null;
  for (const v of visits) {
    if (v.id === self) continue;
    const verdict = turnedAway(v);
    if (!verdict || !v.decision) continue;
    const booking = v.appointment?.kind === 'booked' ? v.appointment.booking : null;
    const ids = [v.identity?.idNumber, booking?.idNumber].filter(Boolean);
    const phones = [v.identity?.phone, booking?.phone].filter(Boolean);
    const by: ReturneeMatch['by'] | null =
      person.idNumber && ids.includes(person.idNumber.toUpperCase())
        ? 'id-number'
        : person.phone && phones.includes(person.phone)
          ? 'phone'
          : person.bookingId && booking?.bookingId === person.bookingId
            ? 'booking'
            : null;
    if (by && (!found || v.decision.at > found.at)) {
      found = { visit: v.id, at: v.decision.at, verdict, by };
    }
  }
  return found;
}
