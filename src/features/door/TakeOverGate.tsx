import { CloudDownload } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useSyncStatus } from '../../sync/status-store';

/**
 * The door of a tablet enrolled during the day, until its first full pull has brought the
 * day (src/db/take-over.ts): no visit starts here. Part of the first paint, so its
 * messages are in zh-CN.ts.
 */
export function TakeOverGate() {
  const { t } = useTranslation();
  // The first round is under way, or it failed and backs off: then the lead's way out.
  const unreachable = useSyncStatus((s) => !s.running && s.lastError !== null);
  return (
    <section className="take-over" aria-labelledby="take-over-title" data-testid="take-over">
      <h2 id="take-over-title">
        <CloudDownload aria-hidden size={36} /> {t('door.takeOver.title')}
      </h2>
      <p>{t('door.takeOver.detail')}</p>
      {unreachable && (
        <p className="notice notice-warn" role="alert">
          {t('door.takeOver.unreachable')}
        </p>
      )}
    </section>
  );
}
