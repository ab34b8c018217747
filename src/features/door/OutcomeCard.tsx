import {
  BellOff,
  CircleCheck,
  CircleX,
  Clock,
  OctagonAlert,
  Siren,
  Undo2,
  UserMinus,
} from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { wordingIn } from '../../domain/check-input';
import { guideTold, refusalWording } from '../../domain/codes/alternatives';
import { refusingCheck, refusingMust } from '../../domain/flow-queries';
import { isolationArea } from '../../domain/isolation';
import { placeOf, queueState } from '../../domain/queue';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import { useToday } from '../../services/use-today';
import { afterPaint } from '../../ui/after-paint';
import { Button } from '../../ui/Button';
import { SettleRegion } from '../../ui/settle';
import { useNow } from '../../ui/use-now';
import { EmergencyContacts } from './EmergencyContacts';
import { ReturneeBanner } from './IdentityStep';
import { severityOf } from './severity';
import { useRecord } from './use-record';

/** How long a refusal can be undone from the card (a mis-tap costs one tap, not a visitor). */
export const UNDO_SECONDS = 10;

const TONE = { admitted: 'ok', 'come-back': 'warn', refused: 'refuse', alarm: 'danger' } as const;

/**
 * A refusal's icon and heading follow its colour, so that amber, orange and red never
 * differ by colour alone (one man in twelve does not tell red from green; issue 24).
 */
const REFUSAL = {
  'come-back': { Icon: Clock, title: 'door.outcome.comeBack' },
  refused: { Icon: CircleX, title: 'door.outcome.refused' },
  alarm: { Icon: OctagonAlert, title: 'door.outcome.redCode' },
} as const;

/** The verdict, in colour, words, icon and sound, readable at 2 m. */
export function OutcomeCard({ visit, onNext }: { visit: Visit; onNext: () => void }) {
  const { t, i18n } = useTranslation();
  const { policyFor, policy: inForce, sound, now } = useServices();
  const { reopen } = useRecord();
  const policy = policyFor(visit.policyVersion);
  const outcome = visit.decision?.outcome;
  const today = useToday();
  const severity = severityOf(visit);
  const [alarming, setAlarming] = useState(severity === 'alarm');
  const current = useNow(now, 1000);
  // Live: if a place frees while the card is up, the visitor is told to go in.
  const place = today ? placeOf(queueState(today.visits, inForce), visit.id) : null;
  const isolation = today ? isolationArea(today.visits, inForce) : null;
  const must = refusingMust(visit, policy);
  const undoLeft = visit.decision
    ? Math.ceil((visit.decision.at + UNDO_SECONDS * 1000 - current) / 1000)
    : 0;

  // Heard once the verdict is painted: the tones' set-up is not in the way of the paint.
  // biome-ignore lint/correctness/useExhaustiveDependencies: one sound per verdict shown
  useEffect(() => {
    const cancel = afterPaint(() => sound.play(severity));
    return () => {
      cancel();
      sound.acknowledge();
    };
  }, [sound, visit.id, visit.decision?.at]);

  const acknowledge = () => {
    sound.acknowledge();
    setAlarming(false);
  };

  const body = (() => {
    if (!outcome) {
      const reason = visit.abandoned?.reason ?? 'left';
      return {
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
              {guideTold(visit.codeMethod, policy) && (
                <p className="outcome-reason" data-testid="guide-told">
                  {t('door.outcome.guideTold')}
                </p>
              )}
            </>
          ),
        };
      case 'refused': {
        const { Icon, title } = REFUSAL[severity === 'admitted' ? 'refused' : severity];
        // A yellow code is told what to do next, not the red code's plain "不能入厅".
        const yellow = outcome.reason === 'code-not-green' && visit.healthCode === 'yellow';
        const hallWording =
          outcome.reason === 'no-smartphone' ? refusalWording(visit.codeMethod, policy) : '';
        // A check the policy added refuses in the policy's own words.
        const check = outcome.reason === 'check-refused' ? refusingCheck(visit, policy) : null;
        return {
          icon: <Icon aria-hidden size={72} />,
          title: t(title),
          detail: (
            <>
              <p className="outcome-reason">
                {yellow
                  ? policy.advice.yellowCode || t('door.outcome.yellowCode')
                  : check
                    ? wordingIn(check.refusal, i18n.language)
                    : hallWording ||
                      t(`door.outcome.reasons.${outcome.reason}`, {
                        minutes: policy.appointment.earlyToleranceMinutes,
                      })}
              </p>
              {!visit.returnee && <p className="outcome-hint">{t('door.outcome.stillAtDoor')}</p>}
            </>
          ),
        };
      }
      case 'isolated':
        return {
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
      className={`outcome outcome-${TONE[severity]}`}
      role="status"
      aria-live="assertive"
      data-testid="outcome"
      data-severity={severity}
    >
      <div className={`outcome-head ${outcome?.kind === 'isolated' ? 'outcome-head-beside' : ''}`}>
        {body.icon}
        <h2 className="outcome-title">{body.title}</h2>
      </div>
      {body.detail}
      {visit.returnee && <ReturneeBanner match={visit.returnee} rule={policy.returnee.rule} />}
      {outcome?.kind === 'isolated' && <EmergencyContacts visit={visit} />}
      <div className="outcome-actions">
        {/* A button that goes (the alarm's stop, the undo) moves the others under the
            finger: the row is new content, and a ghost of that tap lands on nothing. */}
        <SettleRegion step={`${visit.id}-${alarming}-${must !== null && undoLeft > 0}`}>
          {must && undoLeft > 0 && (
            <Button tone="neutral" onClick={() => reopen(visit, must)} data-testid="undo">
              <Undo2 aria-hidden /> {t('door.outcome.undo', { seconds: undoLeft })}
            </Button>
          )}
          {alarming && (
            <Button tone="neutral" onClick={acknowledge} data-testid="silence">
              <BellOff aria-hidden /> {t('door.outcome.silence')}
            </Button>
          )}
          <Button size="large" onClick={onNext}>
            {t('door.outcome.next')}
          </Button>
        </SettleRegion>
      </div>
    </section>
  );
}
