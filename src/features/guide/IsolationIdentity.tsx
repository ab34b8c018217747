import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validateIdNumber } from '../../domain/id-number';
import { validatePhone } from '../../domain/phone';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import { useCommand } from '../../services/use-command';
import { Button } from '../../ui/Button';

/**
 * Who the suspected case is (issue 12): the guide adds the identity the door could not
 * take, or corrects it, from the isolation checklist. A correction is a new event; the
 * ledger shows the latest.
 */
export function IsolationIdentity({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const { now } = useServices();
  const run = useCommand();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ name: '', idNumber: '', phone: '' });
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const name = values.name.trim();
    const id = validateIdNumber(values.idNumber, now());
    const phone = validatePhone(values.phone);
    if (!name) return setError(t('door.identity.errors.nameEmpty'));
    if (!id.ok) return setError(t(`door.identity.errors.${id.reason}`));
    if (!phone.ok) {
      return setError(
        t(
          phone.reason === 'empty'
            ? 'door.identity.errors.phoneEmpty'
            : 'door.identity.errors.phoneFormat',
        ),
      );
    }
    setError(null);
    const committed = await run((_state, at) => ({
      drafts: [
        {
          type: 'identity.confirmed',
          at,
          visit: visit.id,
          data: { name, idNumber: id.value, phone: phone.value, source: 'typed' },
        },
      ],
      result: true,
    }));
    if (committed) {
      setSaved(true);
      setOpen(false);
    }
  };

  const field = (key: keyof typeof values, inputMode: 'text' | 'tel') => (
    <label className="field">
      <span>{t(`door.identity.${key}`)}</span>
      <input
        name={key}
        inputMode={inputMode}
        autoComplete="off"
        value={values[key]}
        onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
      />
    </label>
  );

  return (
    <div className="isolation-identity" data-testid="isolation-identity">
      {visit.identityRefused && !visit.identity && <p>{t('guide.isolation.identity.refused')}</p>}
      {!visit.identity && !visit.identityRefused && (
        <p className="field-error">{t('guide.isolation.identity.missing')}</p>
      )}
      {saved && <p role="status">{t('guide.isolation.identity.saved')}</p>}
      {open ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          {field('name', 'text')}
          {field('idNumber', 'text')}
          {field('phone', 'tel')}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <Button type="submit" tone="primary">
            {t('guide.isolation.identity.save')}
          </Button>
        </form>
      ) : (
        <Button onClick={() => setOpen(true)}>
          {t(visit.identity ? 'guide.isolation.identity.edit' : 'guide.isolation.identity.add')}
        </Button>
      )}
    </div>
  );
}
