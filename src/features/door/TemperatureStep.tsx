import { Thermometer } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventBody, RestSkipReason, Symptoms, TemperatureMeasured } from '../../domain/events';
import { decidingReadings } from '../../domain/flow';
import { recheckRestUntil, symptomsOnly } from '../../domain/flow-queries';
import { commonReadings, commonReadingsLabel, formatCelsius } from '../../domain/temperature';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';
import { useNow } from '../../ui/use-now';
import { useDoorStore } from './door-store';
import { Keypad } from './Keypad';
import { StepTitle } from './StepTitle';
import { ThermometerOffer } from './thermometer/ThermometerOffer';
import { useRecord } from './use-record';

const NO_SYMPTOMS: Symptoms = { cough: false, breathing: false, other: false };
const SKIP_REASONS: readonly RestSkipReason[] = ['visitor-cannot-wait', 'staff-decision'];

/**
 * Must 4: the reading, and the re-check flow for a raised first reading. A raised first
 * reading sets the visitor aside to rest (the resting list on the start screen) so the
 * door serves the next visitor; a re-check before the rest is over needs a reason.
 */
export function TemperatureStep({ visit, recheck }: { visit: Visit; recheck: boolean }) {
  const { t } = useTranslation();
  const { policyFor, now } = useServices();
  const policy = policyFor(visit.policyVersion);
  const { record } = useRecord();
  const setAside = useDoorStore((s) => s.next);
  const current = useNow(now, 1000);
  const until = recheck ? recheckRestUntil(visit, policy) : null;
  const resting = until !== null && current < until;
  const [skip, setSkip] = useState<RestSkipReason | null>(null);
  const [askSkip, setAskSkip] = useState(false);
  const [keypad, setKeypad] = useState(recheck);
  const [symptoms, setSymptoms] = useState<Symptoms>(NO_SYMPTOMS);
  const anySymptom = symptoms.cough || symptoms.breathing || symptoms.other;

  const measured = async (
    celsius: number,
    source: TemperatureMeasured['source'],
    device?: TemperatureMeasured['device'],
  ) => {
    const events: EventBody[] = [];
    if (recheck && resting && skip) {
      events.push({ type: 'temperature.rest-skipped', data: { reason: skip } });
    }
    if (anySymptom || recheck) events.push({ type: 'symptoms.reported', data: symptoms });
    events.push({
      type: 'temperature.measured',
      data: { celsius, source, ...(device ? { device } : {}) },
    });
    if (!(await record(...events))) return;
    // A raised first reading: the visitor rests and the door serves the next one.
    const after = useDoorStore.getState().visit;
    const restUntil = after ? recheckRestUntil(after, policy) : null;
    if (!recheck && restUntil !== null && now() < restUntil) setAside();
  };
  const toggle = (key: keyof Symptoms) => setSymptoms((s) => ({ ...s, [key]: !s[key] }));
  const onlySymptoms = symptomsOnly(visit, policy);
  const blocked = !onlySymptoms && recheck && resting && !skip;
  const symptomToggles = (
    <fieldset className="symptoms">
      <legend className="sr-only">{t('door.temperature.symptoms')}</legend>
      {(['cough', 'breathing', 'other'] as const).map((key) => (
        <Button
          key={key}
          bare
          guardRepeat
          className="toggle"
          aria-pressed={symptoms[key]}
          onClick={() => toggle(key)}
        >
          {t(key === 'other' ? 'door.temperature.otherSymptom' : `door.temperature.${key}`)}
        </Button>
      ))}
    </fieldset>
  );

  return (
    <section className="step" aria-labelledby="step-title">
      <StepTitle
        step={recheck ? 'recheck' : 'temperature'}
        icon={<Thermometer aria-hidden />}
        title={t(recheck ? 'door.temperature.recheckTitle' : 'door.temperature.title')}
      />
      {onlySymptoms ? (
        <>
          <DecidingReadingNotice visit={visit} />
          {symptomToggles}
          <div className="choices">
            <Button
              tone="primary"
              size="huge"
              onClick={() => record({ type: 'symptoms.reported', data: symptoms })}
            >
              {t('door.temperature.confirmSymptoms')}
            </Button>
          </div>
        </>
      ) : (
        recheck && <RecheckNotice visit={visit} current={current} />
      )}
      {onlySymptoms ? null : blocked ? (
        <div className="choices rest-actions">
          <Button tone="primary" size="huge" onClick={setAside}>
            {t('door.temperature.setAside')}
          </Button>
          {askSkip ? (
            <fieldset className="choice-row">
              <legend>{t('door.temperature.recheckNowWhy')}</legend>
              {SKIP_REASONS.map((r) => (
                <Button key={r} onClick={() => setSkip(r)}>
                  {t(`door.temperature.skipReasons.${r}`)}
                </Button>
              ))}
            </fieldset>
          ) : (
            <Button onClick={() => setAskSkip(true)}>{t('door.temperature.recheckNow')}</Button>
          )}
        </div>
      ) : (
        <>
          {symptomToggles}
          {keypad ? (
            <Keypad policy={policy} onReading={(c) => void measured(c, 'keypad')}>
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
          {/* Below what staff tap: an offer that appears moves nothing from under a finger. */}
          <ThermometerOffer
            policy={policy}
            now={now}
            onConfirm={(o) => measured(o.celsius, o.source, o.device)}
          />
        </>
      )}
    </section>
  );
}

/** After an undo: the readings that decided stand; only the symptoms are asked again. */
function DecidingReadingNotice({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const { policyFor } = useServices();
  const { first, recheck } = decidingReadings(visit, policyFor(visit.policyVersion));
  const value = formatCelsius(recheck ?? first ?? 0);
  return (
    <div className="notice notice-warn" role="status">
      <p>{t('door.temperature.readingStands', { value })}</p>
    </div>
  );
}

function RecheckNotice({ visit, current }: { visit: Visit; current: number }) {
  const { t } = useTranslation();
  const { policyFor } = useServices();
  const policy = policyFor(visit.policyVersion);
  const until = recheckRestUntil(visit, policy);
  const first = visit.readings[0]?.celsius;
  const left = until === null ? 0 : Math.max(0, Math.ceil((until - current) / 1000));
  return (
    <div className="notice notice-warn" role="status">
      <p>
        {t('door.temperature.first', { value: first === undefined ? '' : formatCelsius(first) })}
      </p>
      <p className="timer">
        {left > 0
          ? t('door.temperature.rest', { time: restClock(left) })
          : t('door.temperature.restDone')}
      </p>
    </div>
  );
}

/** Seconds as m:ss, e.g. "1:58". */
export function restClock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
