import { useLiveQuery } from 'dexie-react-hooks';
import { ClipboardList } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openVisitsOfDay } from '../../db/queries';
import { draftsOf } from '../../domain/drafts';
import { nextStep } from '../../domain/flow';
import { maskName } from '../../domain/privacy';
import { clockTime } from '../../domain/time';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';
import { useDoorStore } from './door-store';
import { useRecord } from './use-record';
import './drafts.css';

/**
 * Unfinished checks left at this door (put aside by the idle reset, or a reload):
 * the next staff member resumes one where it stopped, or discards it (recorded).
 */
export function DraftList() {
  const { t } = useTranslation();
  const { db, device, policyFor, clock } = useServices();
  const onScreen = useDoorStore((s) => s.visit?.id ?? null);
  const day = clock.today();
  const open = useLiveQuery(() => openVisitsOfDay(db, day), [db, day]);
  // Visitors resting before their re-check have their own list (RestingList).
  const drafts = draftsOf(open ?? [], device, onScreen).filter(
    (v) => nextStep(v, policyFor(v.policyVersion)) !== 'recheck',
  );
  if (drafts.length === 0) return null;

  return (
    <section className="drafts" aria-labelledby="drafts-title">
      <h3 id="drafts-title">
        <ClipboardList aria-hidden /> {t('door.inProgress')}
      </h3>
      <ul>
        {drafts.map((v) => (
          <DraftRow key={v.id} visit={v} />
        ))}
      </ul>
    </section>
  );
}

function DraftRow({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const { discard } = useRecord();
  const [confirming, setConfirming] = useState(false);
  const person =
    visit.identity ?? (visit.appointment?.kind === 'booked' ? visit.appointment.booking : null);
  const who = person ? maskName(person.name) : t('door.walkInVisitor');

  return (
    <li className="draft">
      <span className="draft-who">
        <strong>{who}</strong> {t('door.draftSince', { time: clockTime(visit.openedAt) })}
      </span>
      {confirming ? (
        <>
          <Button tone="danger" onClick={() => discard(visit)}>
            {t('door.discardConfirm')}
          </Button>
          <Button onClick={() => setConfirming(false)}>{t('door.no')}</Button>
        </>
      ) : (
        <>
          <Button
            tone="primary"
            aria-label={t('door.resumeWho', { who })}
            onClick={() => useDoorStore.getState().show(visit)}
          >
            {t('door.resume')}
          </Button>
          <Button aria-label={t('door.discardWho', { who })} onClick={() => setConfirming(true)}>
            {t('door.discard')}
          </Button>
        </>
      )}
    </li>
  );
}
