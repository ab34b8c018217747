import { Check } from 'lucide-react';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DoorStep, openCheck } from '../../domain/flow';
import { maskName, maskPhone } from '../../domain/privacy';
import { clockTime } from '../../domain/time';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';
import { DoorOccupancy } from './door-later';
import { ScanNoticeBar } from './ScanNoticeBar';
import { MUSTS, mustOf } from './step-number';
import { useRecord } from './use-record';

/** Who is at the door, and which of the six musts are done. */
export function VisitPanel({ visit, step }: { visit: Visit; step: DoorStep }) {
  const { t } = useTranslation();
  const { record } = useRecord();
  const [confirming, setConfirming] = useState(false);
  const { policyFor } = useServices();
  const current = mustOf(step, openCheck(visit, policyFor(visit.policyVersion))?.after);
  const currentIndex = current === 'done' ? MUSTS.length : MUSTS.indexOf(current);
  const booking = visit.appointment?.kind === 'booked' ? visit.appointment.booking : null;

  return (
    <aside className="visit-panel" aria-label={t('door.visitor')}>
      <div className="visitor">
        {booking ? (
          <>
            <p className="visitor-name">{maskName(booking.name)}</p>
            <p>{maskPhone(booking.phone)}</p>
            <p>
              {t('door.slot', {
                start: clockTime(booking.slotStart),
                end: clockTime(booking.slotEnd),
              })}
            </p>
          </>
        ) : (
          <p className="visitor-name">
            {visit.identity ? maskName(visit.identity.name) : t('door.walkInVisitor')}
          </p>
        )}
      </div>
      {/* Beside the step, never over its heading; the codes step has its own by the camera. */}
      {step !== 'health-code' && step !== 'travel-code' && <ScanNoticeBar />}
      <ol className="musts">
        {MUSTS.map((m, i) => (
          <li
            key={m}
            className={i < currentIndex ? 'must-done' : i === currentIndex ? 'must-current' : ''}
          >
            {i < currentIndex ? <Check aria-hidden /> : <span className="must-n">{i + 1}</span>}
            {t(`musts.${m}`)}
          </li>
        ))}
      </ol>
      <Suspense fallback={null}>
        <DoorOccupancy compact />
      </Suspense>
      {confirming ? (
        <div className="question">
          <p>{t('door.abandonConfirm')}</p>
          <Button
            tone="danger"
            onClick={() => record({ type: 'visit.abandoned', data: { reason: 'left' } })}
          >
            {t('door.yes')}
          </Button>
          <Button onClick={() => setConfirming(false)}>{t('door.no')}</Button>
        </div>
      ) : (
        <Button onClick={() => setConfirming(true)}>{t('door.abandon')}</Button>
      )}
    </aside>
  );
}
