import { Eraser } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { purgeNow } from '../../app/use-retention';
import { type PurgeResult, type RetentionStatus, retentionStatus } from '../../db/retention';
import { retentionCutoff } from '../../domain/retention';
import { dayKey } from '../../domain/time';
import { Button } from '../../ui/Button';

/** How long personal data is kept here, what is due, and a way to purge it now. */
export function RetentionPanel() {
  const { t } = useTranslation();
  const services = useServices();
  const { db, device, policy, now, settings } = services;
  const [status, setStatus] = useState<RetentionStatus | null>(null);
  const [done, setDone] = useState<PurgeResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [reads, setReads] = useState(0);
  const [failed, setFailed] = useState(false);
  const days = policy.ledger.retentionDays;
  // Reads and purges finish after the screen may have closed: then they say nothing.
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reads` asks for a fresh read after a purge
  useEffect(() => {
    retentionStatus(db, device, retentionCutoff(dayKey(now()), days)).then(
      (s) => {
        if (mounted.current) setStatus(s);
      },
      () => {}, // storage trouble is on screen already (banner, health); the panel waits
    );
  }, [db, device, now, days, reads]);

  const purge = async () => {
    setBusy(true);
    try {
      const result = await purgeNow(services);
      if (!mounted.current) return;
      setDone(result);
      setReads((n) => n + 1);
    } catch {
      if (mounted.current) setFailed(true); // nothing was purged: the transaction rolled back
    } finally {
      if (mounted.current) setBusy(false);
    }
  };

  return (
    <section className="retention" aria-labelledby="retention-title">
      <h3 id="retention-title">{t('settings.retention.title')}</h3>
      <p>{t('settings.retention.rule', { days, before: status?.before ?? '…' })}</p>
      {status && (
        <p role="status">
          {status.due === 0
            ? t('settings.retention.nothing')
            : t('settings.retention.due', { due: status.due })}
          {status.waiting > 0 && ` ${t('settings.retention.waiting', { waiting: status.waiting })}`}
        </p>
      )}
      {!settings.token && status && status.due > 0 && (
        <p className="banner banner-warn" role="alert">
          {t('settings.retention.notEnrolled')}
        </p>
      )}
      <Button
        tone="neutral"
        onClick={() => void purge()}
        disabled={busy || !status || status.due === status.waiting}
      >
        <Eraser aria-hidden /> {t('settings.retention.run')}
      </Button>
      {failed && (
        <p role="alert" className="field-error">
          {t('settings.retention.failed')}
        </p>
      )}
      {done && (
        <p role="status">
          {t('settings.retention.done', { visits: done.visits, bookings: done.bookings })}
        </p>
      )}
    </section>
  );
}
