import { IdCard } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validateIdNumber } from '../../domain/id-number';
import { validatePhone } from '../../domain/phone';
import { maskIdNumber, maskName, maskPhone } from '../../domain/privacy';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';
import { useRecord } from './use-record';

/** Must 5a: the ID card, confirmed against the booking with one touch, or typed. */
export function IdentityStep({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const { record } = useRecord();
  const booking = visit.appointment?.kind === 'booked' ? visit.appointment.booking : null;
  const [typing, setTyping] = useState(booking === null);

  return (
    <section className="step" aria-labelledby="step-title">
      <h2 id="step-title">
        <IdCard aria-hidden /> {t('door.identity.title')}
      </h2>
      {booking && !typing ? (
        <>
          <p className="hint">{t('door.identity.fromBooking')}</p>
          <dl className="identity-card">
            <dt>{t('door.identity.name')}</dt>
            <dd>{maskName(booking.name)}</dd>
            <dt>{t('door.identity.idNumber')}</dt>
            <dd>{maskIdNumber(booking.idNumber)}</dd>
            <dt>{t('door.identity.phone')}</dt>
            <dd>{maskPhone(booking.phone)}</dd>
          </dl>
          <div className="choices">
            <Button
              tone="ok"
              size="huge"
              onClick={() =>
                record({
                  type: 'identity.confirmed',
                  data: {
                    name: booking.name,
                    idNumber: booking.idNumber,
                    phone: booking.phone,
                    source: 'booking',
                  },
                })
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
        <IdentityForm
          onValid={(identity) =>
            record({ type: 'identity.confirmed', data: { ...identity, source: 'typed' } })
          }
        />
      )}
    </section>
  );
}

type Field = 'name' | 'idNumber' | 'phone';
type Identity = Record<Field, string>;

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
