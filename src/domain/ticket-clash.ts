/**
 * Ticket numbers are counted per tablet (a letter and a number, A001). Two door tablets
 * with the same letter issue the same numbers, and a guide calling "A003" calls two
 * people. Once sync brings the other tablet's visits, this finds the clash.
 */
import { admittedTicket } from './queue';
import type { Visit } from './visit';

/**
 * The other devices that issued tickets with this tablet's letter among `visits`, if this
 * tablet issued some too (a guide's tablet keeps the default letter and issues none).
 */
export function ticketClash(visits: readonly Visit[], device: string, prefix: string): string[] {
  const issuers = new Set<string>();
  for (const v of visits) {
    const ticket = admittedTicket(v);
    if (ticket?.startsWith(prefix) && /^\d+$/.test(ticket.slice(prefix.length)))
      issuers.add(v.device);
  }
  if (!issuers.delete(device)) return [];
  return [...issuers].sort();
}
