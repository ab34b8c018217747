/**
 * The day's ledger (台账): the rows the shift lead filters, exports and hands to the
 * leading group. Pure: the screens and the exporters both build on these functions.
 */
import type { CodeMethod } from './codes/no-smartphone';
import type { AbandonReason, RefusalReason } from './events';
import type { HealthCodeColour, Policy } from './policy';
import { formatReadings, temperatureBand } from './temperature';
import { clockTime, dayKey } from './time';
import type { Visit, VisitStatus } from './visit';

/**
 * One line of the paper ledger (台账), in its columns: time in and out, who (name, ID
 * number, phone), temperatures, health and travel codes, the booked matter, the verdict
 * and why, the ticket, and who recorded it (device and role).
 */
export interface LedgerRow {
  date: string;
  arrived: string;
  exited: string;
  name: string;
  idNumber: string;
  phone: string;
  temperatures: string;
  healthCode: HealthCodeColour | '';
  /** How the health code was checked: on a phone, or an alternative (issue 33). */
  codeMethod: CodeMethod | '';
  /** The travel code: a medium- or high-risk area in the history, or none. */
  travelCode: 'risk' | 'clear' | '';
  matter: string;
  mask: 'worn' | 'given' | 'refused' | '';
  status: VisitStatus;
  reason: LedgerReason;
  ticket: string;
  /** The device that opened the visit; the screen that names it adds the role. */
  recordedBy: string;
  policyVersion: string;
}

/** The export's columns, in the paper ledger's order. */
export const LEDGER_COLUMNS = [
  'date',
  'arrived',
  'exited',
  'name',
  'idNumber',
  'phone',
  'temperatures',
  'healthCode',
  'codeMethod',
  'travelCode',
  'matter',
  'mask',
  'status',
  'reason',
  'ticket',
  'recordedBy',
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
    name: person?.name ?? '',
    idNumber: person?.idNumber ?? '',
    phone: person?.phone ?? '',
    temperatures: formatReadings(v.readings.map((r) => r.celsius)),
    healthCode: v.healthCode ?? '',
    codeMethod: v.codeMethod ?? (v.healthCode ? 'phone' : ''),
    travelCode: v.travelRisk === null ? '' : v.travelRisk ? 'risk' : 'clear',
    matter: v.appointment?.kind === 'booked' ? (v.appointment.booking.matter ?? '') : '',
    mask: v.mask ?? '',
    status: v.status,
    reason: ledgerReason(v),
    ticket: outcome?.kind === 'admitted' ? outcome.ticket : '',
    recordedBy: v.device,
    policyVersion: v.decision?.policyVersion ?? v.policyVersion,
  };
}

/** Why a visit did not end as an ordinary admission: refused, abandoned, or a void ticket. */
export type LedgerReason = RefusalReason | AbandonReason | 'no-show' | '';

export function ledgerReason(v: Visit): LedgerReason {
  const outcome = v.decision?.outcome;
  if (outcome?.kind === 'refused') return outcome.reason;
  if (v.queueEnd?.kind === 'no-show') return 'no-show';
  return v.abandoned?.reason ?? '';
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
 * A long run of digits (an ID number, possibly ending in X; a phone; a booking number):
 * a spreadsheet opening a CSV turns it into a number, so an 18-digit ID loses its last
 * digits (3.30102E+17) and a leading 0 or + disappears. Seven digits and more.
 */
const LONG_DIGITS = /^\+?\d{7,}[Xx]?$/;
/** What a spreadsheet would run as a formula (= + - @), or after a tab or CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as a spreadsheet must read it. A long digit string is written as the text
 * formula ="…", the one form that Excel, WPS and LibreOffice all open as that exact text
 * on a double-click (a quote, a tab or a leading apostrophe each fail in one of them).
 * We write that formula ourselves; any other cell that would start one (a name typed as
 * =HYPERLINK(…)) is prefixed with an apostrophe and stays text (OWASP CSV injection).
 */
export function spreadsheetCell(cell: string): string {
  if (LONG_DIGITS.test(cell)) return `="${cell}"`;
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** A field quoted as RFC 4180 asks: when it holds a separator, a quote or a line break. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
function csvField(cell: string): string {
  const safe = spreadsheetCell(cell);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * CSV for spreadsheet users: UTF-8 with a BOM (so Excel reads the Chinese), CRLF, long
 * digit strings kept as text and formulas neutralised (spreadsheetCell), fields quoted
 * as RFC 4180 asks. Written by hand: a general CSV writer took 3-4× as long for a busy
 * day (bench:ledger). Proved against LibreOffice itself in
 * tests/integration/csv-spreadsheet.test.ts. One table only: anything after the rows
 * (the chain heads once were) breaks sorting, filters and pivot tables; the heads are a
 * sheet of the workbook and a section of the printed report.
 */
export function ledgerCsv(rows: readonly string[][], headers: readonly string[]): string {
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
