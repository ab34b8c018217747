import { Thermometer } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventBody, Symptoms } from '../../domain/events';
import { recheckRestUntil } from '../../domain/flow';
import { commonReadings, commonReadingsLabel, formatCelsius } from '../../domain/temperature';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';
import { useNow } from '../../ui/use-now';
import { Keypad } from './Keypad';
import { useRecord } from './use-record';

const NO_SYMPTOMS: Symptoms = { cough: false, breathing: false, other: false };

/** Must 4: the reading, and the re-check flow for a raised first reading. */
export function TemperatureStep({ visit, recheck }: { visit: Visit; recheck: boolean }) {
  const { t } = useTranslation();
  const { policyFor } = useServices();
  const policy = policyFor(visit.policyVersion);
  const { record } = useRecord();
  const [keypad, setKeypad] = useState(recheck);
  const [symptoms, setSymptoms] = useState<Symptoms>(NO_SYMPTOMS);
  const anySymptom = symptoms.cough || symptoms.breathing || symptoms.other;

  const measured = (celsius: number, source: 'preset' | 'keypad') => {
    const events: EventBody[] = [];
    if (anySymptom || recheck) events.push({ type: 'symptoms.reported', data: symptoms });
    events.push({ type: 'temperature.measured', data: { celsius, source } });
    void record(...events);
  };
  const toggle = (key: keyof Symptoms) => setSymptoms((s) => ({ ...s, [key]: !s[key] }));

  return (
    <section className="step" aria-labelledby="step-title">
      <h2 id="step-title">
        <Thermometer aria-hidden />{' '}
        {t(recheck ? 'door.temperature.recheckTitle' : 'door.temperature.title')}
      </h2>
      {recheck && <RecheckNotice visit={visit} />}
      <fieldset className="symptoms">
        <legend className="sr-only">{t('door.temperature.symptoms')}</legend>
        {(['cough', 'breathing', 'other'] as const).map((key) => (
          <Button
            key={key}
            bare
            className="toggle"
            aria-pressed={symptoms[key]}
            onClick={() => toggle(key)}
          >
            {t(key === 'other' ? 'door.temperature.otherSymptom' : `door.temperature.${key}`)}
          </Button>
        ))}
      </fieldset>
      {keypad ? (
        <Keypad policy={policy} onReading={(c) => measured(c, 'keypad')}>
          <Button onClick={() => setKeypad(false)}>{commonReadingsLabel(policy)}</Button>
        </Keypad>
      ) : (
        <div className="readings">
          {commonReadings(policy).map((c) => (
            <Button key={c} bare className="reading" onClick={() => measured(c, 'preset')}>
              {formatCelsius(c)}
            </Button>
          ))}
          <Button bare className="reading reading-other" onClick={() => setKeypad(true)}>
            {t('door.temperature.other')}
          </Button>
        </div>
      )}
    </section>
  );
}

function RecheckNotice({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const { policyFor, now } = useServices();
  const policy = policyFor(visit.policyVersion);
  const current = useNow(now, 1000);
  const until = recheckRestUntil(visit, policy);
  const first = visit.readings[0]?.celsius;
  const left = until === null ? 0 : Math.max(0, Math.ceil((until - current) / 1000));
  const time = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return (
    <div className="notice notice-warn" role="status">
      <p>
        {t('door.temperature.first', { value: first === undefined ? '' : formatCelsius(first) })}
      </p>
      <p className="timer">
        {left > 0 ? t('door.temperature.rest', { time }) : t('door.temperature.restDone')}
      </p>
    </div>
  );
}
