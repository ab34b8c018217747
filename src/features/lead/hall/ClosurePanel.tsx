import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monotonicFactory } from 'ulidx';
import type { DayState } from '../../../db/queries';
import { type ClosureAnswer, foldClosure, planReopen, planSuspend } from '../../../domain/closure';
import type { ClosureReason, ServiceChannel } from '../../../domain/events';
import { clockTime } from '../../../domain/time';
import { useCommand } from '../../../services/use-command';
import { Button } from '../../../ui/Button';

const newId = monotonicFactory();
const REASONS: readonly ClosureReason[] = ['staff-isolating', 'area-contaminated', 'other'];
const CHANNELS: readonly ServiceChannel[] = ['online', 'phone', 'appointment'];

/** Suspend on-site service (reason, the channels to use instead) or reopen it: one action. */
export function ClosurePanel({ today }: { today: DayState }) {
  const { t } = useTranslation();
  const run = useCommand();
  const [reason, setReason] = useState<ClosureReason>('staff-isolating');
  const [channels, setChannels] = useState<ServiceChannel[]>([...CHANNELS]);
  const [note, setNote] = useState('');
  const [answer, setAnswer] = useState<string | null>(null);
  const current = foldClosure(today.records).current;

  const say = (a: ClosureAnswer) =>
    setAnswer(
      a.ok
        ? t('hall.closure.answers.ok')
        : t(`hall.closure.answers.${a.reason}`, {
            time: 'since' in a ? clockTime(a.since) : '',
          }),
    );
  const suspend = async () => {
    const c = await run((state, at) => {
      const p = planSuspend(state.records, { reason, channels, note }, at, () => newId(at));
      return { drafts: p.drafts, result: p.answer };
    });
    if (c) say(c.result);
  };
  const reopen = async () => {
    const c = await run((state, at) => {
      const p = planReopen(state.records, at);
      return { drafts: p.drafts, result: p.answer };
    });
    if (c) say(c.result);
  };

  return (
    <section className="hall-panel" aria-labelledby="closure-panel-title">
      <h3 id="closure-panel-title">{t('hall.closure.title')}</h3>
      {current ? (
        <>
          <p className="notice notice-danger" data-testid="lead-suspended">
            {t('hall.closure.suspended')} ·{' '}
            {t('hall.closure.since', { time: clockTime(current.since) })} ·{' '}
            {t(`hall.closure.reasons.${current.reason}`)} ·{' '}
            {t('hall.closure.turnedAway', { count: current.turnedAway })}
          </p>
          <Button tone="ok" onClick={() => reopen()}>
            {t('hall.closure.reopen')}
          </Button>
        </>
      ) : (
        <>
          <p className="hint">{t('hall.closure.open')}</p>
          <fieldset className="hall-choices">
            <legend>{t('hall.closure.reason')}</legend>
            {REASONS.map((r) => (
              <Button
                key={r}
                bare
                className="toggle"
                aria-pressed={reason === r}
                onClick={() => setReason(r)}
              >
                {t(`hall.closure.reasons.${r}`)}
              </Button>
            ))}
          </fieldset>
          <fieldset className="hall-choices">
            <legend>{t('hall.closure.channels')}</legend>
            {CHANNELS.map((c) => (
              <Button
                key={c}
                bare
                className="toggle"
                aria-pressed={channels.includes(c)}
                onClick={() =>
                  setChannels((list) =>
                    list.includes(c) ? list.filter((x) => x !== c) : [...list, c],
                  )
                }
              >
                {t(`hall.closure.channel.${c}`)}
              </Button>
            ))}
          </fieldset>
          <label className="field">
            <span>{t('hall.closure.note')}</span>
            <input
              name="closure-note"
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          <Button tone="danger" onClick={() => suspend()}>
            {t('hall.closure.suspend')}
          </Button>
        </>
      )}
      {answer && (
        <p role="status" className="hint">
          {answer}
        </p>
      )}
    </section>
  );
}
