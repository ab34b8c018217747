import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clipText, TEXT_LIMITS } from '../../domain/events';
import { timeOnDay } from '../../domain/time';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';
import type { TraceSubject } from './TracePanel';

/** A staff member later found to be a suspected case: their name and when they were in the hall. */
export function StaffTraceForm({
  day,
  onTrace,
  onCancel,
}: {
  day: string;
  onTrace: (subject: TraceSubject) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { policy } = useServices();
  const [name, setName] = useState('');
  const [from, setFrom] = useState('08:30');
  const [to, setTo] = useState(policy.ledger.closing);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const who = clipText(name, TEXT_LIMITS.person);
    if (!who) return setError(t('lead.staffTrace.nameMissing'));
    const start = timeOnDay(day, from);
    const end = timeOnDay(day, to);
    if (!from || !to || end <= start) return setError(t('lead.staffTrace.order'));
    onTrace({ kind: 'staff', name: who, start, end });
  };

  return (
    <form className="staff-trace" onSubmit={submit} aria-labelledby="staff-trace-title" noValidate>
      <h3 id="staff-trace-title">{t('lead.staffTrace.title')}</h3>
      <label className="field">
        <span>{t('lead.staffTrace.name')}</span>
        <input
          value={name}
          maxLength={TEXT_LIMITS.person}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
        />
      </label>
      <div className="staff-trace-times">
        <label className="field">
          <span>{t('lead.staffTrace.from')}</span>
          <input type="time" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('lead.staffTrace.to')}</span>
          <input type="time" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="staff-trace-actions">
        <Button type="submit" tone="danger">
          {t('lead.staffTrace.start')}
        </Button>
        <Button tone="neutral" onClick={onCancel}>
          {t('lead.staffTrace.cancel')}
        </Button>
      </div>
    </form>
  );
}
