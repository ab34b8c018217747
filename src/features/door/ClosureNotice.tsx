import { Ban, Globe, Phone } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StorageError } from '../../db/storage-error';
import { type Closure, planTurnAway } from '../../domain/closure';
import { clockTime } from '../../domain/time';
import { useServices } from '../../services/services';
import { useStatusStore } from '../../services/status-store';
import { Button } from '../../ui/Button';
import './hall-plan.css';

/**
 * On-site service is suspended (the lead's decision): the door's first screen tells each
 * person which channels to use instead, and records each one turned away.
 */
export function ClosureNotice({ closure }: { closure: Closure }) {
  const { t } = useTranslation();
  const { log, now, policy, clock } = useServices();
  const setStorageError = useStatusStore((s) => s.setStorageError);
  const [done, setDone] = useState<string | null>(null);
  const { phone, online } = policy.hall;

  const turnAway = async () => {
    const at = now();
    try {
      await log.command(clock.today(), (state) => {
        const { drafts, answer } = planTurnAway(state.records, at);
        return { drafts, result: answer };
      });
      setStorageError(null);
      setDone(clockTime(at));
    } catch (e) {
      setStorageError(e instanceof StorageError ? e.code : 'unknown');
    }
  };

  return (
    <section
      className="closure-notice"
      aria-labelledby="closure-title"
      data-testid="closure-notice"
    >
      <h2 id="closure-title">
        <Ban aria-hidden /> {t('hall.closure.noticeTitle')}
      </h2>
      <p className="closure-reason">
        {t(`hall.closure.reasons.${closure.reason}`)} ·{' '}
        {t('hall.closure.since', { time: clockTime(closure.since) })}
      </p>
      <p>{t('hall.closure.noticeBody')}</p>
      <ul className="closure-channels">
        {closure.channels.map((c) => (
          <li key={c}>{t(`hall.closure.channel.${c}`)}</li>
        ))}
      </ul>
      {phone && (
        <p className="closure-contact">
          <Phone aria-hidden /> {t('hall.closure.phone', { phone })}
        </p>
      )}
      {online && (
        <p className="closure-contact">
          <Globe aria-hidden /> {t('hall.closure.online', { online })}
        </p>
      )}
      {closure.note && <p className="hint">{closure.note}</p>}
      <Button tone="warn" size="huge" onClick={() => turnAway()}>
        {t('hall.closure.turnAway')}
      </Button>
      <p role="status" className="hint">
        {done && `✓ ${done} · `}
        {t('hall.closure.turnedAway', { count: closure.turnedAway })}
      </p>
    </section>
  );
}
