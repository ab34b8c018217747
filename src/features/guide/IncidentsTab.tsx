import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulidx';
import type { DayState } from '../../db/queries';
import type { IncidentKind, IncidentStep } from '../../domain/events';
import {
  foldIncidents,
  type IncidentInput,
  type IncidentRefusal,
  planIncidentReport,
  planIncidentStep,
} from '../../domain/incidents';
import { clockTime } from '../../domain/time';
import { useServices } from '../../services/services';
import { useCommand } from '../../services/use-command';
import { Button } from '../../ui/Button';
import { AnswerNote } from './AnswerNote';
import type { GuideMessage } from './guide-store';
import { IncidentCard } from './IncidentCard';

const KINDS: readonly IncidentKind[] = ['refused-measures', 'staff-abnormal'];

/** Incidents: record one (the lead is alerted on every screen), follow it, report it. */
export function IncidentsTab({ today }: { today: DayState }) {
  const { t } = useTranslation();
  const { policy } = useServices();
  const run = useCommand();
  const [kind, setKind] = useState<IncidentKind | null>(null);
  const [message, setMessage] = useState<GuideMessage | null>(null);
  const incidents = foldIncidents(today.records).reverse();

  const refusal = (r: IncidentRefusal): GuideMessage => ({
    tone: 'warn',
    text: t(`guide.incidents.answers.${r.reason}`, { time: 'at' in r ? clockTime(r.at) : '' }),
  });

  const report = async (input: IncidentInput) => {
    const committed = await run((_state, at) => {
      const { drafts, answer } = planIncidentReport(input, policy, () => ulid(at), at);
      return { drafts, result: answer };
    });
    if (!committed) return;
    const a = committed.result;
    if (!a.ok) {
      setMessage(refusal(a));
      return;
    }
    setMessage({
      tone: 'ok',
      text: t('guide.incidents.recorded', { kind: t(`guide.incidents.kinds.${input.kind}`) }),
    });
    setKind(null);
  };

  const step = async (incident: string, s: IncidentStep) => {
    const committed = await run((state, at) => {
      const { drafts, answer } = planIncidentStep(foldIncidents(state.records), incident, s, at);
      return { drafts, result: answer };
    });
    if (committed && !committed.result.ok) setMessage(refusal(committed.result));
  };

  return (
    <section className="incidents" aria-labelledby="incidents-title">
      <h2 id="incidents-title">{t('guide.incidents.title')}</h2>
      <fieldset className="choice-row">
        <legend>{t('guide.incidents.new')}</legend>
        {KINDS.map((k) => (
          <Button key={k} tone="danger" aria-pressed={kind === k} onClick={() => setKind(k)}>
            {t(`guide.incidents.kinds.${k}`)}
          </Button>
        ))}
      </fieldset>
      {kind && (
        <IncidentForm key={kind} kind={kind} onSave={report} onCancel={() => setKind(null)} />
      )}
      <AnswerNote message={message} />
      {incidents.length === 0 && <p className="hint">{t('guide.incidents.empty')}</p>}
      <div className="incident-list">
        {incidents.map((i) => (
          <IncidentCard
            key={i.incident}
            incident={i}
            visit={today.visits.find((v) => v.id === i.visit)}
            onStep={(id, s) => void step(id, s)}
          />
        ))}
      </div>
    </section>
  );
}

function IncidentForm({
  kind,
  onSave,
  onCancel,
}: {
  kind: IncidentKind;
  onSave: (input: IncidentInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ person: '', unit: '', temperature: '', note: '' });
  const field = (key: keyof typeof values, max: number, inputMode: 'text' | 'decimal' = 'text') => (
    <label className="field">
      <span>{t(`guide.incidents.${key}`)}</span>
      <input
        name={key}
        value={values[key]}
        maxLength={max}
        inputMode={inputMode}
        autoComplete="off"
        onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
      />
    </label>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSave({ kind, visit: null, ...values });
  };
  return (
    <form
      className="incident-form"
      onSubmit={submit}
      aria-label={t(`guide.incidents.kinds.${kind}`)}
    >
      {field('person', 60)}
      {field('unit', 100)}
      {field('temperature', 5, 'decimal')}
      {field('note', 500)}
      <div className="form-actions">
        <Button type="submit" tone="danger">
          {t('guide.incidents.save')}
        </Button>
        <Button onClick={onCancel}>{t('guide.incidents.cancel')}</Button>
      </div>
    </form>
  );
}
