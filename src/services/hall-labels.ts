import type { TFunction } from 'i18next';
import type { Stock } from '../domain/supplies';

/** Items and round tasks are policy data: known keys have words, others show as written. */
const ITEMS = ['masks', 'disinfectant', 'thermometers'] as const;
const TASKS = [
  'floor',
  'counters',
  'toilets',
  'entrance',
  'lift',
  'door-handles',
  'machines',
  'airing',
] as const;

const isOneOf = <T extends string>(list: readonly T[], key: string): key is T =>
  (list as readonly string[]).includes(key);

export function itemLabel(t: TFunction, item: string): string {
  return isOneOf(ITEMS, item) ? t(`hall.supplies.items.${item}`) : item;
}

export function itemUnit(t: TFunction, item: string): string {
  return isOneOf(ITEMS, item) ? t(`hall.supplies.units.${item}`) : '';
}

export function taskLabel(t: TFunction, task: string): string {
  return isOneOf(TASKS, task) ? t(`hall.rounds.tasks.${task}`) : task;
}

/** "口罩剩余 40 只", or the shortfall to count. */
export function lowStockText(t: TFunction, s: Stock): string {
  const vars = { item: itemLabel(t, s.item), unit: itemUnit(t, s.item) };
  return s.shortfall > 0
    ? t('hall.supplies.shortfall', { ...vars, shortfall: s.shortfall }).trim()
    : t('hall.supplies.lowLine', { ...vars, quantity: s.quantity }).trim();
}
