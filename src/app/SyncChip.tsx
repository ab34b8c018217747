import { CloudOff, RefreshCw, TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { clockTime } from '../domain/time';
import { useSyncStatus } from '../sync/status-store';

const SKEW_WARN_MS = 2 * 60_000;

/** Sync at a glance in the top bar: pending records, last sync, the last problem. */
export function SyncChip() {
  const { t } = useTranslation();
  const s = useSyncStatus();
  if (!s.enrolled) return null;
  const problem = s.lastError === 'unauthorised' || s.lastError === 'forbidden';
  const skewed = s.skewMs !== null && Math.abs(s.skewMs) > SKEW_WARN_MS;
  return (
    <output
      className={`sync-chip ${problem ? 'sync-bad' : s.online ? '' : 'sync-offline'}`}
      data-testid="sync-chip"
    >
      {problem ? (
        <TriangleAlert aria-hidden />
      ) : s.online ? (
        <RefreshCw aria-hidden />
      ) : (
        <CloudOff aria-hidden />
      )}
      <span>
        {problem
          ? t('sync.unauthorised')
          : s.online
            ? t('sync.pending', { count: s.pending })
            : t('sync.offline', { count: s.pending })}
      </span>
      {s.lastSuccessAt !== null && (
        <span className="sync-last">{t('sync.last', { time: clockTime(s.lastSuccessAt) })}</span>
      )}
      {skewed && (
        <span className="sync-skew">
          {t('sync.skew', { minutes: Math.round((s.skewMs ?? 0) / 60_000) })}
        </span>
      )}
    </output>
  );
}
