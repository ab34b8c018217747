import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { eventsOfVisit } from '../../db/queries';
import { inLogOrder } from '../../domain/events';
import { clockTime } from '../../domain/time';
import { useServices } from '../../services/services';
import { eventValue } from './event-value';

/** Every event of one visit, in order: the audit trail behind a ledger row. */
export function VisitTimeline({ visit, revealed }: { visit: string; revealed: boolean }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const events = useLiveQuery(() => eventsOfVisit(db, visit), [db, visit]);
  if (!events) return null;
  return (
    <ol className="timeline" aria-label={t('lead.timeline')}>
      {inLogOrder(events).map((e) => (
        <li key={e.id}>
          <time>{clockTime(e.at)}</time> <span>{t(`lead.events.${e.type}`)}</span>
          {eventValue(t, e, revealed) && <strong> {eventValue(t, e, revealed)}</strong>}
        </li>
      ))}
    </ol>
  );
}
