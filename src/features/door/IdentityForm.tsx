import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardOffer } from '../../domain/card-read';
import type { Identity } from '../../domain/events';
import { validateIdNumber } from '../../domain/id-number';
import { validatePhone } from '../../domain/phone';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';

type Field = 'name' | 'idNumber' | 'phone';

/**
 * The identity typed, or filled from a card read (number, and name when read) with the
 * phone still typed. `fromCard` says whether the number saved is still the card's.
 */
export function IdentityForm({
  card,
  onValid,
}: {
  card: CardOffer | null;
  onValid: (identity: Identity, fromCard: boolean) => void;
}) {
  const { t } = useTranslation();
  const { now } = useServices();
  const [values, setValues] = useState<Identity>({
    name: card?.name ?? '',
    idNumber: card?.idNumber ?? '',
    phone: '',
  });
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
    onValid(
      { name: values.name.trim(), idNumber: id.value, phone: phone.value },
      id.value === card?.idNumber,
    );
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
      {card && <CardFacts card={card} />}
      {input('name', 'text')}
      {input('idNumber', 'text')}
      {input('phone', 'tel')}
      <Button type="submit" tone="primary">
        {t('door.identity.save')}
      </Button>
    </form>
  );
}

/** What the card's number says, shown beside the fields it filled. */
function CardFacts({ card }: { card: CardOffer }) {
  const { t } = useTranslation();
  return (
    <p className="card-facts" data-testid="card-facts">
      {t('door.identity.card.facts', {
        sex: t(`door.identity.card.${card.sex}`),
        birthDate: card.birthDate,
      })}
    </p>
  );
}
