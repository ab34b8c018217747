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

/**
 * The highest ticket number issued per day and letter among `visits` (key
 * `${day}:${letter}`). A tablet that pulls these continues after them: a replacement
 * tablet enrolled mid-day with the door's letter never issues A001 a second time.
 */
export function highestTickets(visits: readonly Visit[]): Map<string, number> {
  const highest = new Map<string, number>();
  for (const v of visits) {
    const match = /^([A-Z]+)(\d+)$/.exec(admittedTicket(v) ?? '');
    if (!match) continue;
    const key = `${v.day}:${match[1]}`;
    highest.set(key, Math.max(highest.get(key) ?? 0, Number(match[2])));
  }
  return highest;
}
