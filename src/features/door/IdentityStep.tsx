import { IdCard } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventBody, Identity, ReturneeMatch } from '../../domain/events';
import { identityForHealth } from '../../domain/flow-queries';
import { validateIdNumber } from '../../domain/id-number';
import { validatePhone } from '../../domain/phone';
import type { Policy } from '../../domain/policy';
import { maskPhone } from '../../domain/privacy';
import { findReturnee } from '../../domain/returnee';
import { clockTime } from '../../domain/time';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import { useToday } from '../../services/use-today';
import { Button } from '../../ui/Button';
import { StepTitle } from './StepTitle';
import { useRecord } from './use-record';

/** The last digits of an ID number shown for comparison with the card in hand. */
const ID_TAIL = 6;

/**
 * Must 5a: the ID card, confirmed against the booking with one touch, or typed. For a
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

  const confirm = (identity: Identity, source: 'booking' | 'typed') => {
    const match =
      findReturnee(visits, { ...identity, bookingId: booking?.bookingId }, visit.id) ??
      bookingMatch;
    const events: EventBody[] = [{ type: 'identity.confirmed', data: { ...identity, source } }];
    if (match) events.push({ type: 'returnee.flagged', data: match });
    return record(...events);
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
      {booking && !typing ? (
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
          <div className="choices">
            <Button
              tone="ok"
              size="huge"
              onClick={() =>
                void confirm(
                  { name: booking.name, idNumber: booking.idNumber, phone: booking.phone },
                  'booking',
                )
              }
            >
              {t('door.identity.matches')}
            </Button>
            <Button tone="warn" onClick={() => setTyping(true)}>
              {t('door.identity.differs')}
            </Button>
          </div>
        </>
      ) : (
        <IdentityForm onValid={(identity) => void confirm(identity, 'typed')} />
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

type Field = 'name' | 'idNumber' | 'phone';

function IdentityForm({ onValid }: { onValid: (identity: Identity) => void }) {
  const { t } = useTranslation();
  const { now } = useServices();
  const [values, setValues] = useState<Identity>({ name: '', idNumber: '', phone: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const check = (field: Field, value: string): string | undefined => {
    if (field === 'name') return value.trim() ? undefined : t('door.identity.errors.nameEmpty');
    if (field === 'idNumber') {
      const r = validateIdNumber(value, now());
      return r.ok ? undefined : t(`door.identity.errors.${r.reason}`);
    }
    const r = validatePhone(value);
    if (r.ok) return undefined;
    return t(
      r.reason === 'empty' ? 'door.identity.errors.phoneEmpty' : 'door.identity.errors.phoneFormat',
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = {
      name: check('name', values.name),
      idNumber: check('idNumber', values.idNumber),
      phone: check('phone', values.phone),
    };
    setErrors(found);
    const id = validateIdNumber(values.idNumber, now());
    const phone = validatePhone(values.phone);
    if (found.name || !id.ok || !phone.ok) return;
    onValid({ name: values.name.trim(), idNumber: id.value, phone: phone.value });
  };

  const input = (field: Field, inputMode: 'text' | 'numeric' | 'tel') => (
    <div className="field">
      <label htmlFor={`identity-${field}`}>{t(`door.identity.${field}`)}</label>
      <input
        id={`identity-${field}`}
        name={field}
        inputMode={inputMode}
        autoComplete="off"
        value={values[field]}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `${field}-error` : undefined}
        onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
        onBlur={(e) =>
          setErrors((er) => ({
            ...er,
            [field]: e.target.value ? check(field, e.target.value) : undefined,
          }))
        }
      />
      {errors[field] && (
        <span id={`${field}-error`} className="field-error" role="alert">
          {errors[field]}
        </span>
      )}
    </div>
  );

  return (
    <form
      className="identity-form"
      onSubmit={submit}
      noValidate
      aria-label={t('door.identity.typeTitle')}
    >
      {input('name', 'text')}
      {input('idNumber', 'text')}
      {input('phone', 'tel')}
      <Button type="submit" tone="primary">
        {t('door.identity.save')}
      </Button>
    </form>
  );
}
