import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { endTakeOver, takeOverSince } from '../../db/take-over';
import { clockTime } from '../../domain/time';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';

/**
 * While the tablet waits to take over its door's day from the server (src/db/take-over.ts):
 * says so, and lets the lead go on offline when the server cannot be reached, recorded as a
 * device event, since a door must never stay blocked.
 */
export function TakeOverWait() {
  const { t } = useTranslation();
  const { db, log, now } = useServices();
  const since = useLiveQuery(() => takeOverSince(db), [db]);
  if (since === null || since === undefined) return null;

  const skip = async () => {
    // A record that cannot be stored must not keep the door blocked.
    await log
      .recordDevice({ type: 'device.take-over-skipped', at: now(), data: { enrolledAt: since } })
      .catch(() => {});
    await endTakeOver(db);
  };

  return (
    <div className="notice notice-warn take-over-wait" data-testid="take-over-wait">
      <p>{t('sync.takeOver.waiting', { time: clockTime(since) })}</p>
      <p>{t('sync.takeOver.skipWarning')}</p>
      <Button tone="warn" onClick={() => skip()}>
        {t('sync.takeOver.skip')}
      </Button>
    </div>
  );
}
