import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hoursSince, sampledAtFrom, wordingIn } from '../../domain/check-input';
import { type Check, type CheckAnswer, checkResult } from '../../domain/checks';
import { openCheck } from '../../domain/flow';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';
import { KeypadKeys } from './KeypadKeys';
import { StepTitle } from './StepTitle';
import { useRecord } from './use-record';

const DIGITS = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '0'] as const;
const DAYS = [0, 1, 2, 3] as const;

/**
 * One of the checks the county or hall added (issue 33): its own label and help, and the
 * answers its kind takes. The answer is recorded as it is; the rule (src/domain/checks.ts)
 * decides whether it refuses, with the policy's wording.
 */
export function CheckStep({ visit }: { visit: Visit }) {
  const { policyFor } = useServices();
  // By the policy the visit opened with; a new check's screen starts afresh (its key).
  const check = openCheck(visit, policyFor(visit.policyVersion));
  return check ? <OneCheck key={check.key} check={check} /> : null;
}

function OneCheck({ check }: { check: Check }) {
  const { t, i18n } = useTranslation();
  const { record } = useRecord();
  const answer = (a: CheckAnswer) =>
    record({ type: 'check.answered', data: { key: check.key, answer: a } });
  return (
    <section className="step" aria-labelledby="step-title">
      <StepTitle step="check" after={check.after} title={wordingIn(check.label, i18n.language)} />
      <p className="check-help">{wordingIn(check.help, i18n.language)}</p>
      {check.kind === 'yes-no' && (
        <div className="choices check-choices">
          <Button tone="ok" size="huge" onClick={() => answer({ kind: 'yes-no', yes: true })}>
            {t('door.check.yes')}
          </Button>
          <Button tone="danger" onClick={() => answer({ kind: 'yes-no', yes: false })}>
            {t('door.check.no')}
          </Button>
        </div>
      )}
      {check.kind === 'choice' && (
        <div className="choices check-choices">
          {check.options.map((o) => (
            <Button
              key={o.key}
              tone={check.refuses.includes(o.key) ? 'danger' : 'ok'}
              onClick={() => answer({ kind: 'choice', option: o.key })}
            >
              {wordingIn(o.label, i18n.language)}
            </Button>
          ))}
        </div>
      )}
      {check.kind === 'time-since' && <SampleTime check={check} onAnswer={answer} />}
    </section>
  );
}

/**
 * The sampling time, as staff read it off the visitor's phone or paper: the day with one
 * tap, the time on a keypad. The hours since are counted by the door's checked clock;
 * a time after now is a misreading, asked again rather than recorded.
 */
function SampleTime({
  check,
  onAnswer,
}: {
  check: Extract<Check, { kind: 'time-since' }>;
  onAnswer: (a: CheckAnswer) => unknown;
}) {
  const { t } = useTranslation();
  const { clock } = useServices();
  const [daysAgo, setDaysAgo] = useState<number>(0);
  const [digits, setDigits] = useState('');
  const [error, setError] = useState<string | null>(null);
  const now = clock.checkedNow();
  const sampledAt = sampledAtFrom(daysAgo, digits, now);

  const submit = () => {
    if (sampledAt === null) return setError(t('door.check.errorFormat'));
    const answer = { kind: 'time-since', sampledAt } as const;
    if (checkResult(check, { answer, at: clock.checkedNow() }) === 'implausible') {
      return setError(t('door.check.errorFuture'));
    }
    return onAnswer(answer);
  };
  const type = (key: string) => {
    setError(null);
    setDigits((d) => (d.length < 4 ? d + key : d));
  };

  return (
    <fieldset className="keypad">
      <legend className="sr-only">{t('door.check.time')}</legend>
      <div className="keypad-side">
        <div className="check-days" role="radiogroup">
          {DAYS.map((d) => (
            <Button
              key={d}
              role="radio"
              aria-checked={daysAgo === d}
              tone={daysAgo === d ? 'primary' : 'neutral'}
              guardRepeat
              onClick={() => setDaysAgo(d)}
            >
              {t(`door.check.day${d}`)}
            </Button>
          ))}
        </div>
        <output className="keypad-display" aria-live="polite" data-testid="sample-time">
          {digits.padEnd(4, '–').replace(/^(..)/, '$1:')}
        </output>
        {sampledAt !== null && sampledAt <= now && (
          <p className="check-hours">
            {t('door.check.hoursSince', { hours: hoursSince(sampledAt, now) })}
          </p>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <Button tone="primary" onClick={submit}>
          {t('door.check.enter')}
        </Button>
      </div>
      <KeypadKeys
        keys={DIGITS}
        onKey={type}
        onDelete={() => {
          setDigits((d) => d.slice(0, -1));
          setError(null);
        }}
      />
    </fieldset>
  );
}
