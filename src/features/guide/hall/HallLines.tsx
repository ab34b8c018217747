import { useTranslation } from 'react-i18next';
import type { DayState } from '../../../db/queries';
import { foldClosure } from '../../../domain/closure';
import { foldRounds, overdueRounds } from '../../../domain/rounds';
import { foldStaff, overdueChecks } from '../../../domain/staff-health';
import { useServices } from '../../../services/services';
import { useNow } from '../../../ui/use-now';
import { OverdueChecks } from './OverdueChecks';
import './hall.css';

/** What the rest of the hall's plan asks of the guide now: suspended, overdue, off duty. */
export function HallLines({ today }: { today: DayState }) {
  const { t } = useTranslation();
  const { policy, now } = useServices();
  const time = useNow(now, 30_000);
  const staff = foldStaff(today.records);
  const suspended = foldClosure(today.records).current;
  const late = overdueRounds(foldRounds(today.records, policy, today.day, time));
  const off = staff.filter((m) => m.offDuty);
  return (
    <>
      {suspended && (
        <p
          className="notice notice-danger hall-suspended"
          role="status"
          data-testid="guide-suspended"
        >
          {t('hall.closure.guideStopped')}
        </p>
      )}
      <OverdueChecks overdue={overdueChecks(staff, today.records, policy, time)} />
      {(late.length > 0 || off.length > 0) && (
        <ul className="hall-lines">
          {late.map((r) => (
            <li key={r.time} className="notice notice-warn" data-testid="overdue-round">
              {t('hall.rounds.overdue', {
                time: r.time,
                left: r.tasks.filter((x) => !x.done).length,
              })}
            </li>
          ))}
          {off.map((m) => (
            <li key={m.staff} className="notice notice-warn">
              {t('hall.staff.offDuty', { name: m.name })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
