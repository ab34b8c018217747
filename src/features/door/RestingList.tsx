import { useLiveQuery } from 'dexie-react-hooks';
import { Timer } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { openVisitsOfDay } from '../../db/queries';
import { draftsOf } from '../../domain/drafts';
import { nextStep } from '../../domain/flow';
import { recheckRestUntil } from '../../domain/flow-queries';
import { maskName } from '../../domain/privacy';
import { formatReadings } from '../../domain/temperature';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';
import { useNow } from '../../ui/use-now';
import { useDoorStore } from './door-store';
import { restClock } from './TemperatureStep';

/**
 * Visitors resting before their temperature re-check (issue 12): the door serves others
 * meanwhile; each shows its countdown, and a tap resumes the visitor at the re-check.
 */
export function RestingList() {
  const { t } = useTranslation();
  const { db, now, policyFor, clock } = useServices();
  const current = useNow(now, 1000);
  const day = clock.today();
  const open = useLiveQuery(() => openVisitsOfDay(db, day), [db, day]);
  // Any tablet's: a replacement tablet takes over the visitors resting at its door (issue 23).
  const resting = draftsOf(open ?? [], null, null)
    .filter((v) => nextStep(v, policyFor(v.policyVersion)) === 'recheck')
    .reverse();
  if (resting.length === 0) return null;

  return (
    <section className="resting" aria-labelledby="resting-title" data-testid="resting-list">
      <h3 id="resting-title">
        <Timer aria-hidden /> {t('door.resting.title')}
      </h3>
      <ul>
        {resting.map((v) => (
          <RestingRow
            key={v.id}
            visit={v}
            until={recheckRestUntil(v, policyFor(v.policyVersion))}
            current={current}
          />
        ))}
      </ul>
    </section>
  );
}

function RestingRow({
  visit,
  until,
  current,
}: {
  visit: Visit;
  until: number | null;
  current: number;
}) {
  const { t } = useTranslation();
  const person =
    visit.identity ?? (visit.appointment?.kind === 'booked' ? visit.appointment.booking : null);
  const who = person ? maskName(person.name) : t('door.walkInVisitor');
  const left = until === null ? 0 : Math.max(0, Math.ceil((until - current) / 1000));
  return (
    <li>
      <Button
        bare
        className={`resting-card ${left === 0 ? 'resting-ready' : ''}`}
        onClick={() => useDoorStore.getState().show(visit)}
      >
        {/* Named by what it shows (who, the readings, the time left), after the action; the
            spaces are not laid out in the grid but keep the words apart when read. */}
        <span className="sr-only">{t('door.resting.resume')}</span> <strong>{who}</strong>{' '}
        <span>
          {formatReadings(
            visit.readings.map((r) => r.celsius),
            true,
          )}
        </span>{' '}
        <span className="resting-left">
          {left > 0 ? t('door.resting.left', { time: restClock(left) }) : t('door.resting.ready')}
        </span>
      </Button>
    </li>
  );
}
