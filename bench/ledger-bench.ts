/**
 * Shift-lead figures (Node, pure functions, no storage):
 * - CSV and XLSX export of 10,000 visits (rows built, file written in memory);
 * - contact tracing over 28 days of 100,000 visits (stays built once, then one query).
 */
import { LEDGER_COLUMNS, ledgerCsv, ledgerRow } from '../src/domain/ledger';
import { DEFAULT_POLICY } from '../src/domain/policy';
import { stayOf, traceContacts } from '../src/domain/tracing';
import type { Visit } from '../src/domain/visit';
import { ledgerXlsx } from '../src/features/lead/xlsx-export';
import { aBooking, aVisit, ev } from '../tests/fixtures/builders';
import { sized } from './size';
import { summarise } from './stats';

const DAY = 86_400_000;
const start = new Date(2026, 10, 1, 8, 30).getTime();

function visitAt(i: number, at: number): Visit {
  const booking = aBooking(
    { bookingId: `B${i}`, name: `访客${i}`, phone: `138${String(i).padStart(8, '0')}` },
    at,
  );
  return aVisit(
    [
      ev.opened(),
      ev.booked(booking),
      ev.mask(),
      ev.hands(),
      ev.temperature(36.5),
      ev.identity(booking),
      ev.healthCode(),
      ev.travelCode(),
      ev.decided({ kind: 'admitted', ticket: `A${i % 1000}` }),
    ],
    { visit: `v${i}`, start: at, stepMs: 5_000 },
  );
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const value = f();
  return [value, performance.now() - t0];
}

const DAY_VISITS = sized(10_000, 100);
const MONTH_VISITS = sized(100_000, 1_000);
const day = Array.from({ length: DAY_VISITS }, (_, i) => visitAt(i, start + i * 3_000));
const headers: string[] = [...LEDGER_COLUMNS];
const cells = (row: ReturnType<typeof ledgerRow>) => LEDGER_COLUMNS.map((c) => String(row[c]));
const csvTimes: number[] = [];
let csvBytes = 0;
for (let r = 0; r < 5; r++) {
  const [csv, ms] = time(() =>
    ledgerCsv(
      day.map((v) => cells(ledgerRow(v))),
      headers,
    ),
  );
  csvTimes.push(ms);
  csvBytes = csv.length;
}
const xlsxTimes: number[] = [];
let xlsxBytes = 0;
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  const buffer = await ledgerXlsx(
    day.map((v) => cells(ledgerRow(v))),
    headers,
    'ledger',
  );
  xlsxTimes.push(performance.now() - t0);
  xlsxBytes = buffer.byteLength;
}

const month = Array.from({ length: MONTH_VISITS }, (_, i) =>
  visitAt(i, start + Math.floor(i / 3_572) * DAY + (i % 3_572) * 9_000),
);
const rule = DEFAULT_POLICY.ledger;
const [stays, stayMs] = time(() => month.map((v) => stayOf(v, rule)));
const traceTimes: number[] = [];
let found = 0;
for (let r = 0; r < 10; r++) {
  const index = stays[(MONTH_VISITS / 2 + r * 997) % MONTH_VISITS];
  if (!index) continue;
  const [contacts, ms] = time(() => traceContacts(index, stays, 10));
  traceTimes.push(ms);
  found = contacts.length;
}

console.log('Shift lead (Node, ms):');
console.table({
  'CSV export, 10,000 visits': {
    ...summarise(csvTimes),
    size: `${Math.round(csvBytes / 1024)} KiB`,
  },
  'XLSX export, 10,000 visits': {
    ...summarise(xlsxTimes),
    size: `${Math.round(xlsxBytes / 1024)} KiB`,
  },
  'stays of 100,000 visits (28 days), once': { ...summarise([stayMs]) },
  'one contact trace over them': { ...summarise(traceTimes), size: `${found} contacts` },
});
