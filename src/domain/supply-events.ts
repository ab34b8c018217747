/**
 * Which events are about supplies: its own module, read by the day's queries on the
 * door's first paint; the stock's rules (supplies.ts) load with what shows the stock.
 */
import type { CheckpointEvent } from './events';

export const SUPPLY_TYPES = [
  'supplies.received',
  'supplies.issued',
  'supplies.counted',
] as const satisfies readonly CheckpointEvent['type'][];
export type SupplyEvent = Extract<CheckpointEvent, { type: (typeof SUPPLY_TYPES)[number] }>;

export function isSupplyEvent(e: CheckpointEvent): e is SupplyEvent {
  return (SUPPLY_TYPES as readonly string[]).includes(e.type);
}
