import { CloudOff, HardDrive, RefreshCw, TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { clockTime } from '../domain/time';
import type { SyncStatus } from '../sync/engine';
import { useSyncStatus } from '../sync/status-store';

/** Sync at a glance in the top bar: pending records, last sync, the last problem. */
export function SyncChip() {
  const { t } = useTranslation();
  const s = useSyncStatus();
  // Not enrolled: nothing leaves this tablet, and the staff must know it (issue 13).
  if (!s.enrolled)
    return (
      <output className="sync-chip sync-offline" data-testid="sync-chip">
        <HardDrive aria-hidden />
        <span>{t('sync.localOnly')}</span>
      </output>
    );
  const problem = s.lastError === 'unauthorised' || s.lastError === 'forbidden';
  // The server is there but this tablet cannot talk to it: named, not "offline".
  const blocked = s.lastError === 'cors' || s.lastError === 'tls' || s.lastError === 'csp';
  // All synced: one short phrase, the top bar is crowded.
  const allSynced = !problem && !blocked && s.online && s.pending === 0 && s.lastSuccessAt !== null;
  // What a wiped tablet would lose goes back to the oldest record the server lacks (issue
  // 23); with it shown, the last sync is in settings (the bar is crowded).
  const since = s.pending > 0 ? s.pendingSince : null;
  // Staff think in visitors ("3 人"); records only when no visitor's are waiting (tasks).
  const what =
    s.pendingVisitors > 0
      ? t('sync.visitors', { count: s.pendingVisitors })
      : t('sync.records', { count: s.pending });
  return (
    <output
      className={`sync-chip ${problem || blocked ? 'sync-bad' : s.online ? '' : 'sync-offline'}`}
      data-testid="sync-chip"
    >
      {problem || blocked ? (
        <TriangleAlert aria-hidden />
      ) : s.online ? (
        <RefreshCw aria-hidden />
      ) : (
        <CloudOff aria-hidden />
      )}
      <span>
        {allSynced
          ? t('sync.synced', { time: clockTime(s.lastSuccessAt ?? 0) })
          : problem
            ? t('sync.unauthorised')
            : blocked
              ? t(`sync.blocked.${blockedBy(s.lastError)}`, { what })
              : s.pending === 0
                ? t('sync.nothing')
                : // Offline is said once, by the health chip beside this one (and this icon).
                  t('sync.pending', { what })}
      </span>
      {since && (
        <span className="sync-last" data-testid="sync-since">
          {t('sync.since', { time: clockTime(since) })}
        </span>
      )}
      {s.lastSuccessAt !== null && !allSynced && !since && (
        <span className="sync-last">{t('sync.last', { time: clockTime(s.lastSuccessAt) })}</span>
      )}
    </output>
  );
}

function blockedBy(error: SyncStatus['lastError']): 'cors' | 'csp' | 'tls' {
  return error === 'cors' || error === 'csp' ? error : 'tls';
}
