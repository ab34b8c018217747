import { useLiveQuery } from 'dexie-react-hooks';
import { Eraser } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { retentionStatus } from '../../db/retention';
import { purgeRefusedByClock } from '../../domain/clock';
import { retentionCutoff } from '../../domain/retention';
import { useClockStore } from '../../services/clock/checked-clock';
import { useServices } from '../../services/services';
import { type PurgeOutcome, purgeNow } from '../../services/use-retention';
import { Button } from '../../ui/Button';

/** How long personal data is kept here, what is due, and a way to purge it now. */
export function RetentionPanel() {
  const { t } = useTranslation();
  const services = useServices();
  const { db, device, policy, clock, settings } = services;
  const [done, setDone] = useState<PurgeOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const days = policy.ledger.retentionDays;
  const before = retentionCutoff(clock.today(), days);
  const clockAhead = purgeRefusedByClock(
    useClockStore((s) => s.offsetMs),
    policy.clock,
  );
  // Live: a purge, a sync acknowledging more, or new visits update it by themselves.
  // Storage trouble is on screen already (banner, health): the panel then waits.
  const status = useLiveQuery(
    () => retentionStatus(db, device, before).catch(() => null),
    [db, device, before],
  );

  const purge = async () => {
    setBusy(true);
    setFailed(false);
    try {
      setDone(await purgeNow(services));
    } catch {
      setFailed(true); // nothing was purged: each transaction rolled back whole
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="retention" aria-labelledby="retention-title">
      <h3 id="retention-title">{t('settings.retention.title')}</h3>
      <p>{t('settings.retention.rule', { days, before })}</p>
      {status && (
        <p role="status">
          {status.due === 0
            ? t('settings.retention.nothing')
            : t('settings.retention.due', { due: status.due })}
          {status.waiting > 0 && ` ${t('settings.retention.waiting', { waiting: status.waiting })}`}
        </p>
      )}
      {clockAhead && (
        <p className="banner banner-warn" role="alert">
          {t('settings.retention.clockAhead')}
        </p>
      )}
      {!settings.token && status && status.due > 0 && (
        <p className="banner banner-warn" role="alert">
          {t('settings.retention.notEnrolled')}
        </p>
      )}
      <Button
        tone="neutral"
        onClick={() => purge()}
        disabled={busy || clockAhead || !status || status.due === status.waiting}
      >
        <Eraser aria-hidden /> {t('settings.retention.run')}
      </Button>
      {failed && (
        <p role="alert" className="field-error">
          {t('settings.retention.failed')}
        </p>
      )}
      {done && done !== 'clock-ahead' && (
        <p role="status">
          {t('settings.retention.done', { visits: done.visits, bookings: done.bookings })}
        </p>
      )}
    </section>
  );
}
