/**
 * The day's ledger (台账): the rows the shift lead filters, exports and hands to the
 * leading group. Pure: the screens and the exporters both build on these functions.
 */
import Papa from 'papaparse';
import type { AbandonReason, RefusalReason } from './events';
import type { Policy } from './policy';
import { formatReadings, temperatureBand } from './temperature';
import { clockTime, dayKey } from './time';
import type { Visit, VisitStatus } from './visit';

export interface LedgerRow {
  date: string;
  arrived: string;
  exited: string;
  ticket: string;
  name: string;
  idNumber: string;
  phone: string;
  temperatures: string;
  mask: 'worn' | 'given' | 'refused' | '';
  status: VisitStatus;
  reason: RefusalReason | AbandonReason | '';
  policyVersion: string;
}

export const LEDGER_COLUMNS = [
  'date',
  'arrived',
  'exited',
  'ticket',
  'name',
  'idNumber',
  'phone',
  'temperatures',
  'mask',
  'status',
  'reason',
  'policyVersion',
] as const satisfies readonly (keyof LedgerRow)[];

/** Who the visit is about: the confirmed identity, else the booking's. */
export function personOf(v: Visit) {
  return v.identity ?? (v.appointment?.kind === 'booked' ? v.appointment.booking : null);
}

export function ledgerRow(v: Visit): LedgerRow {
  const person = personOf(v);
  const outcome = v.decision?.outcome;
  return {
    date: dayKey(v.openedAt),
    arrived: clockTime(v.openedAt),
    exited: v.exited ? clockTime(v.exited.at) : '',
    ticket: outcome?.kind === 'admitted' ? outcome.ticket : '',
    name: person?.name ?? '',
    idNumber: person?.idNumber ?? '',
    phone: person?.phone ?? '',
    temperatures: formatReadings(v.readings.map((r) => r.celsius)),
    mask: v.mask ?? '',
    status: v.status,
    reason: outcome?.kind === 'refused' ? outcome.reason : (v.abandoned?.reason ?? ''),
    policyVersion: v.decision?.policyVersion ?? v.policyVersion,
  };
}

export interface LedgerFilter {
  status?: VisitStatus | 'all';
  /** Local "HH:MM" bounds on the arrival time, inclusive. */
  from?: string;
  to?: string;
  abnormalTemperature?: boolean;
  maskGiven?: boolean;
  /** Ticket, name, phone, or the tail of an ID number. */
  search?: string;
}

export function matchesFilter(v: Visit, f: LedgerFilter, policy: Policy): boolean {
  if (f.status && f.status !== 'all' && v.status !== f.status) return false;
  const arrived = clockTime(v.openedAt);
  if (f.from && arrived < f.from) return false;
  if (f.to && arrived > f.to) return false;
  if (
    f.abnormalTemperature &&
    !v.readings.some((r) => temperatureBand(r.celsius, policy) !== 'normal')
  ) {
    return false;
  }
  if (f.maskGiven && v.mask !== 'given') return false;
  const q = f.search?.trim().toUpperCase();
  if (q) {
    const person = personOf(v);
    const ticket = v.decision?.outcome.kind === 'admitted' ? v.decision.outcome.ticket : '';
    const hit =
      ticket.toUpperCase() === q ||
      !!person?.name.toUpperCase().includes(q) ||
      !!person?.phone.includes(q) ||
      !!person?.idNumber.toUpperCase().endsWith(q);
    if (!hit) return false;
  }
  return true;
}

/**
 * CSV for Excel users: UTF-8 with a BOM (so Excel reads the Chinese), CRLF, every cell
 * that a spreadsheet would run as a formula (= + - @, tab, CR) prefixed with a quote.
 */
export function ledgerCsv(rows: readonly string[][], headers: readonly string[]): string {
  return `\uFEFF${Papa.unparse([headers as string[], ...(rows as string[][])], {
    newline: '\r\n',
    quotes: false,
    escapeFormulae: /^[=+\-@\t\r]/,
  })}\r\n`;
}
