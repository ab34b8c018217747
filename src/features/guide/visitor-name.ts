import { maskName } from '../../domain/privacy';
import type { Visit } from '../../domain/visit';

/** The visitor's name, masked (privacy rule: every screen but entry), if known. */
export function maskedVisitorName(v: Visit): string | null {
  const name =
    v.identity?.name ?? (v.appointment?.kind === 'booked' ? v.appointment.booking.name : null);
  return name ? maskName(name) : null;
}
