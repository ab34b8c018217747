import { TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useDoorStore } from '../features/door/door-store';
import { useRecord } from '../features/door/use-record';
import { useStatusStore } from '../services/status-store';
import { Button } from '../ui/Button';
import { ClockBanner } from './ClockBanner';

/**
 * A failed write, in words, with a way to retry what was not saved; a clock off the
 * server's. (Persistence refused is a device-health chip and a red banner in settings: health/.)
 */
export function StatusBanner() {
  const { t } = useTranslation();
  const storageError = useStatusStore((s) => s.storageError);
  const failed = useDoorStore((s) => s.failed);
  const { retry } = useRecord();

  return (
    <>
      <ClockBanner />
      {storageError && (
        <div className="banner banner-danger" role="alert">
          <TriangleAlert aria-hidden />
          <span>{t(`storage.${storageError}`)}</span>
          {failed && (
            <Button tone="primary" onClick={() => retry()}>
              {t('storage.retry')}
            </Button>
          )}
        </div>
      )}
    </>
  );
}
