import { CircleCheck, CircleX, Siren, UserMinus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { isolationArea } from '../../domain/isolation';
import { placeOf, queueState } from '../../domain/queue';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import { useToday } from '../../services/use-today';
import { Button } from '../../ui/Button';
import { EmergencyContacts } from './EmergencyContacts';

/** The verdict, in colour, words and icon, readable at 2 m. */
export function OutcomeCard({ visit, onNext }: { visit: Visit; onNext: () => void }) {
  const { t } = useTranslation();
  const { policyFor, policy: inForce } = useServices();
  const policy = policyFor(visit.policyVersion);
  const outcome = visit.decision?.outcome;
  const today = useToday();
  // Live: if a place frees while the card is up, the visitor is told to go in.
  const place = today ? placeOf(queueState(today.visits, inForce), visit.id) : null;
  const isolation = today ? isolationArea(today.visits, inForce) : null;

  const body = (() => {
    if (!outcome) {
      const reason = visit.abandoned?.reason ?? 'left';
      return {
        tone: 'neutral',
        icon: <UserMinus aria-hidden size={72} />,
        title: t('door.outcome.abandoned'),
        detail: (
          <>
            <p className="outcome-reason">{t(`door.outcome.abandonReasons.${reason}`)}</p>
            {reason === 'refused-measures' && (
              <p className="outcome-reason">{t('door.outcome.leadAlerted')}</p>
            )}
          </>
        ),
      };
    }
    switch (outcome.kind) {
      case 'admitted':
        return {
          tone: 'ok',
          icon: <CircleCheck aria-hidden size={72} />,
          title: t('door.outcome.admitted'),
          detail: (
            <>
              <p className="ticket">{outcome.ticket}</p>
              <p
                className={`outcome-reason ${place?.area === 'outside' ? 'outcome-outside' : ''}`}
                data-testid="outcome-place"
              >
                {place?.area === 'outside'
                  ? t('door.outcome.outsideMarker', { marker: place.marker })
                  : t('door.outcome.admittedHint')}
              </p>
            </>
          ),
        };
      case 'refused':
        return {
          tone: 'warn',
          icon: <CircleX aria-hidden size={72} />,
          title: t('door.outcome.refused'),
          detail: (
            <p className="outcome-reason">
              {t(`door.outcome.reasons.${outcome.reason}`, {
                minutes: policy.appointment.earlyToleranceMinutes,
              })}
            </p>
          ),
        };
      case 'isolated':
        return {
          tone: 'danger',
          icon: <Siren aria-hidden size={72} />,
          title: t('door.outcome.isolated'),
          detail: (
            <ol className="isolation-steps">
              <li>{t('door.outcome.isolationSteps.area')}</li>
              <li>{t('door.outcome.isolationSteps.call')}</li>
              <li>{t('door.outcome.isolationSteps.clean')}</li>
              {isolation?.full && (
                <li className="outcome-outside">
                  {t('door.outcome.isolationFull', {
                    inArea: isolation.inArea,
                    places: isolation.places,
                  })}
                </li>
              )}
            </ol>
          ),
        };
    }
  })();

  return (
    <section
      className={`outcome outcome-${body.tone}`}
      role="status"
      aria-live="assertive"
      data-testid="outcome"
    >
      {body.icon}
      <h2 className="outcome-title">{body.title}</h2>
      {body.detail}
      {outcome?.kind === 'isolated' && <EmergencyContacts visit={visit} />}
      <Button size="large" onClick={onNext}>
        {t('door.outcome.next')}
      </Button>
    </section>
  );
}
