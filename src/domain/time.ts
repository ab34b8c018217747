/** Local calendar day of a timestamp, as YYYY-MM-DD: the ledger's unit. */
export function dayKey(at: number): string {
  const d = new Date(at);
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const dd = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${mm}-${dd}`;
}

/** Local wall-clock HH:MM of a timestamp. */
export function clockTime(at: number): string {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Local midnight at the start of a YYYY-MM-DD day, ms since epoch. */
export function dayStart(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).getTime();
}

/** A local wall-clock time HH:MM on a YYYY-MM-DD day, ms since epoch. */
export function timeOnDay(day: string, hhmm: string): number {
  const [h, min] = hhmm.split(':').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, h ?? 0, min ?? 0).getTime();
}

/** The YYYY-MM-DD day before `day`. */
export function previousDay(day: string): string {
  return dayKey(dayStart(day) - 12 * 3_600_000);
}

/** The YYYY-MM-DD day after `day`. */
export function nextDay(day: string): string {
  return dayKey(dayStart(day) + 36 * 3_600_000);
}
