import { IdCard } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventBody, Identity, IdentitySource, ReturneeMatch } from '../../domain/events';
import { identityForHealth } from '../../domain/flow-queries';
import type { Policy } from '../../domain/policy';
import { maskPhone } from '../../domain/privacy';
import { findReturnee } from '../../domain/returnee';
import { clockTime } from '../../domain/time';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import { useToday } from '../../services/use-today';
import { Button } from '../../ui/Button';
import { CardCheck } from './CardCheck';
import { IdentityForm } from './IdentityForm';
import { StepTitle } from './StepTitle';
import { useCardRead } from './use-card-read';
import { useRecord } from './use-record';

/** The last digits of an ID number shown for comparison with the card in hand. */
const ID_TAIL = 6;

/**
 * Must 5a: the ID card, confirmed against the booking with one touch, or typed. A card
 * read (camera or keyboard-mode reader, src/features/door/card-reads.ts) is compared
 * with the booking's number, or fills the form for a walk-in or a suspected case. For a
 * health verdict (fever, fever clinic, home observation) the identity is required before
 * the visit closes; a visitor who refuses is recorded as refusing (an incident). The
 * returnee check runs here, offline, on today's visits.
 */
export function IdentityStep({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const { record } = useRecord();
  const { policyFor } = useServices();
  const policy = policyFor(visit.policyVersion);
  const today = useToday();
  const booking = visit.appointment?.kind === 'booked' ? visit.appointment.booking : null;
  const [typing, setTyping] = useState(booking === null);
  const [refusing, setRefusing] = useState(false);
  const health = identityForHealth(visit, policy);
  const visits = today?.visits ?? [];
  const bookingMatch = booking
    ? findReturnee(
        visits,
        { idNumber: booking.idNumber, phone: booking.phone, bookingId: booking.bookingId },
        visit.id,
      )
    : null;

  const { offer, refusal, dismiss } = useCardRead();

  const confirm = (identity: Identity, source: IdentitySource) => {
    const match =
      findReturnee(visits, { ...identity, bookingId: booking?.bookingId }, visit.id) ??
      bookingMatch;
    const events: EventBody[] = [{ type: 'identity.confirmed', data: { ...identity, source } }];
    if (match) events.push({ type: 'returnee.flagged', data: match });
    // The offer stays until the step closes: a failed write keeps it for the retry.
    return record(...events);
  };
  const booked = booking && {
    name: booking.name,
    idNumber: booking.idNumber,
    phone: booking.phone,
  };

  return (
    <section className="step" aria-labelledby="step-title">
      <StepTitle
        step="identity"
        icon={<IdCard aria-hidden />}
        title={t(health ? 'door.identity.healthTitle' : 'door.identity.title')}
      />
      {health && <p className="hint">{t(`door.identity.healthHint.${health}`)}</p>}
      {bookingMatch && <ReturneeBanner match={bookingMatch} rule={policy.returnee.rule} />}
      {refusal && (
        <p className="field-error card-refused" role="alert" data-testid="card-refused">
          {t(refusal === 'not-card' ? 'door.identity.card.notCard' : 'door.identity.card.refused', {
            reason: refusal === 'not-card' ? '' : t(`door.identity.errors.${refusal}`),
          })}
        </p>
      )}
      {booking && booked && !typing ? (
        <>
          <p className="hint">{t('door.identity.fromBooking')}</p>
          <dl className="identity-card identity-compare">
            <dt>{t('door.identity.fullName')}</dt>
            <dd data-testid="compare-name">{booking.name}</dd>
            <dt>{t('door.identity.idTail')}</dt>
            <dd data-testid="compare-id">{booking.idNumber.slice(-ID_TAIL)}</dd>
            <dt>{t('door.identity.phone')}</dt>
            <dd>{maskPhone(booking.phone)}</dd>
          </dl>
          {offer ? (
            <CardCheck
              card={offer}
              bookedId={booking.idNumber}
              tail={ID_TAIL}
              onConfirm={() => void confirm(booked, 'card')}
              onRegister={() => setTyping(true)}
              onReadAgain={dismiss}
            />
          ) : (
            <div className="choices">
              <Button tone="ok" size="huge" onClick={() => void confirm(booked, 'booking')}>
                {t('door.identity.matches')}
              </Button>
              <Button tone="warn" onClick={() => setTyping(true)}>
                {t('door.identity.differs')}
              </Button>
            </div>
          )}
        </>
      ) : (
        <IdentityForm
          key={offer?.idNumber ?? 'typed'}
          card={offer}
          onValid={(identity, fromCard) => void confirm(identity, fromCard ? 'card' : 'typed')}
        />
      )}
      {health &&
        (refusing ? (
          <div className="question">
            <p>{t('door.identity.refusesConfirm')}</p>
            <Button tone="danger" onClick={() => record({ type: 'identity.refused', data: {} })}>
              {t('door.yes')}
            </Button>
            <Button onClick={() => setRefusing(false)}>{t('door.no')}</Button>
          </div>
        ) : (
          <Button tone="danger" onClick={() => setRefusing(true)}>
            {t('door.identity.refuses')}
          </Button>
        ))}
    </section>
  );
}

/** An earlier verdict of today for the same person: red, with what the policy says. */
export function ReturneeBanner({
  match,
  rule,
}: {
  match: ReturneeMatch;
  rule: Policy['returnee']['rule'];
}) {
  const { t } = useTranslation();
  return (
    <div className="returnee-banner" role="alert" data-testid="returnee-banner">
      <p>
        {t('door.returnee.banner', {
          time: clockTime(match.at),
          verdict: t(`door.returnee.verdicts.${match.verdict}`),
        })}
      </p>
      <p>{t(rule === 'refuse' ? 'door.returnee.refuse' : 'door.returnee.alert')}</p>
    </div>
  );
}
