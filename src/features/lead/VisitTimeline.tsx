import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { eventsOfVisit } from '../../db/queries';
import { compareEvents } from '../../domain/events';
import { formatReadings } from '../../domain/temperature';
import { clockTime } from '../../domain/time';
import { useServices } from '../../services/services';

/** Every event of one visit, in order: the audit trail behind a ledger row. */
export function VisitTimeline({ visit }: { visit: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const events = useLiveQuery(() => eventsOfVisit(db, visit), [db, visit]);
  if (!events) return null;
  return (
    <ol className="timeline" aria-label={t('lead.timeline')}>
      {[...events].sort(compareEvents).map((e) => (
        <li key={e.id}>
          <time>{clockTime(e.at)}</time> <span>{t(`lead.events.${e.type}`)}</span>
          {e.type === 'temperature.measured' && (
            <strong> {formatReadings([e.data.celsius], true)}</strong>
          )}
          {e.type === 'visit.decided' && e.data.outcome.kind === 'admitted' && (
            <strong> {e.data.outcome.ticket}</strong>
          )}
        </li>
      ))}
    </ol>
  );
}
