import type { TFunction } from 'i18next';
import type { Policy } from '../../../domain/policy';

/** The first check is before work, the last after work, the others during work. */
export function slotLabel(t: TFunction, policy: Policy, slot: string): string {
  const checks = policy.staff.checks;
  if (slot === checks[0]) return t('hall.staff.slotBefore');
  if (slot === checks[checks.length - 1]) return t('hall.staff.slotAfter');
  return t('hall.staff.slotDuring');
}
