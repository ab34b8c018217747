/**
 * Supplies (shared/domain.md: masks, thermometers and disinfectant are stocked; free
 * masks come from that stock). The stock is a fold of events from every tablet, so it
 * converges: deliveries (the lead), issues (each free mask at the door, recorded with
 * the mask), and counts, the correction that sets an item to what is on the shelf.
 * The stock never goes below zero: what was issued beyond it is a shortfall, shown
 * until a count corrects it.
 */
import { type EventDraft, inLogOrder } from './events';
import type { Policy } from './policy';
import type { SupplyEvent } from './supply-events';
import { dayStart, nextDay } from './time';

export { isSupplyEvent, SUPPLY_TYPES, type SupplyEvent } from './supply-events';

export interface Stock {
  item: string;
  quantity: number;
  /** Issued beyond the stock since the last count: the count is wrong somewhere. */
  shortfall: number;
  low: number;
  /** Whether any delivery, issue or count was recorded: an item never stocked warns of nothing. */
  tracked: boolean;
  isLow: boolean;
}

interface Level {
  quantity: number;
  shortfall: number;
}

function apply(level: Level, e: SupplyEvent): Level {
  const n = e.data.quantity;
  switch (e.type) {
    case 'supplies.received':
      return { ...level, quantity: level.quantity + n };
    case 'supplies.issued':
      return n <= level.quantity
        ? { ...level, quantity: level.quantity - n }
        : { quantity: 0, shortfall: level.shortfall + n - level.quantity };
    case 'supplies.counted':
      return { quantity: n, shortfall: 0 };
  }
}

function levels(events: readonly SupplyEvent[], until: number): Map<string, Level> {
  const out = new Map<string, Level>();
  for (const e of inLogOrder(events)) {
    if (e.at >= until) break;
    out.set(e.data.item, apply(out.get(e.data.item) ?? { quantity: 0, shortfall: 0 }, e));
  }
  return out;
}

/** Each item the policy lists, then any other item events mention: stock before `until`. */
export function foldStock(
  events: readonly SupplyEvent[],
  policy: Policy,
  until = Number.POSITIVE_INFINITY,
): Stock[] {
  const at = levels(events, until);
  const items = [
    ...policy.supplies.items,
    ...[...at.keys()]
      .filter((item) => !policy.supplies.items.some((i) => i.item === item))
      .map((item) => ({ item, low: 0 })),
  ];
  return items.map(({ item, low }) => {
    const level = at.get(item);
    const { quantity, shortfall } = level ?? { quantity: 0, shortfall: 0 };
    // A tablet that never recorded an item (no delivery yet) does not cry "0 left" all day.
    const isLow = level !== undefined && low > 0 && quantity <= low;
    return { item, quantity, shortfall, low, tracked: level !== undefined, isLow };
  });
}

/** Items at or under their low line: the warning on the door and lead screens. */
export function lowStock(stock: readonly Stock[]): Stock[] {
  return stock.filter((s) => s.isLow || s.shortfall > 0);
}

export interface StockDay {
  item: string;
  opening: number;
  received: number;
  issued: number;
  /** Net change made by counts during the day (a correction, + or −). */
  corrected: number;
  closing: number;
}

/** The report's table: opening, received, issued, corrections and closing stock of a day. */
export function stockOfDay(
  events: readonly SupplyEvent[],
  policy: Policy,
  day: string,
): StockDay[] {
  const from = dayStart(day);
  const to = dayStart(nextDay(day));
  const opening = foldStock(events, policy, from);
  const closing = foldStock(events, policy, to);
  return closing.map((c) => {
    const open = opening.find((o) => o.item === c.item)?.quantity ?? 0;
    const of = (type: SupplyEvent['type']) =>
      events
        .filter((e) => e.type === type && e.data.item === c.item && e.at >= from && e.at < to)
        .reduce((sum, e) => sum + e.data.quantity, 0);
    const received = of('supplies.received');
    const issued = of('supplies.issued');
    return {
      item: c.item,
      opening: open,
      received,
      issued,
      corrected: c.quantity - (open + received - issued),
      closing: c.quantity,
    };
  });
}

export type SupplyAnswer = { ok: true } | { ok: false; reason: 'unknown-item' | 'quantity' };

/** A whole number typed by the lead: a delivery (more than 0) or a count (0 or more). */
export function planSupply(
  type: 'supplies.received' | 'supplies.counted' | 'supplies.issued',
  input: { item: string; quantity: string },
  policy: Policy,
  at: number,
): { drafts: EventDraft[]; answer: SupplyAnswer } {
  if (!policy.supplies.items.some((i) => i.item === input.item)) {
    return { drafts: [], answer: { ok: false, reason: 'unknown-item' } };
  }
  const text = input.quantity.trim();
  const quantity = /^\d{1,7}$/.test(text) ? Number(text) : Number.NaN;
  const least = type === 'supplies.counted' ? 0 : 1;
  if (!(quantity >= least && quantity <= 1_000_000)) {
    return { drafts: [], answer: { ok: false, reason: 'quantity' } };
  }
  const data = { item: input.item, quantity };
  const draft: EventDraft =
    type === 'supplies.received'
      ? { type, at, data }
      : type === 'supplies.issued'
        ? { type, at, data }
        : { type, at, data };
  return { drafts: [draft], answer: { ok: true } };
}
