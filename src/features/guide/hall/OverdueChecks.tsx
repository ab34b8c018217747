import { useTranslation } from 'react-i18next';
import type { OverdueCheck } from '../../../domain/staff-health';

/** "3 人未测 12:00", with the names where there is room. */
export function OverdueChecks({ overdue, names }: { overdue: OverdueCheck[]; names?: boolean }) {
  const { t } = useTranslation();
  if (overdue.length === 0) return null;
  return (
    <ul className="hall-lines" data-testid="overdue-checks">
      {overdue.map((o) => (
        <li key={o.slot} className="notice notice-warn">
          {t(names ? 'hall.staff.overdueNames' : 'hall.staff.overdue', {
            count: o.missing.length,
            slot: o.slot,
            names: o.missing.map((m) => m.name).join('、'),
          })}
        </li>
      ))}
    </ul>
  );
}
