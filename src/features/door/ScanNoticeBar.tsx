import { CircleAlert, CircleCheck } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDoorStore } from './door-store';

const SHOWN_MS = { good: 4000, bad: 6000 } as const;

/**
 * The visible half of a scan's confirmation (the audible half is beep.ts). It never
 * moves a button under a gloved finger nor covers a step's heading: beside the camera it
 * sits below everything, elsewhere in the visitor's panel on the left.
 */
export function ScanNoticeBar() {
  const { t } = useTranslation();
  const notice = useDoorStore((s) => s.notice);
  const clear = useDoorStore((s) => s.clearNotice);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(clear, SHOWN_MS[notice.tone]);
    return () => clearTimeout(timer);
  }, [notice, clear]);

  if (!notice) return null;
  return (
    <p
      className={`scan-notice scan-notice-${notice.tone}`}
      role={notice.tone === 'good' ? 'status' : 'alert'}
      data-testid="scan-notice"
    >
      {notice.tone === 'good' ? <CircleCheck aria-hidden /> : <CircleAlert aria-hidden />}
      {t(`door.scan.${notice.key}` as const, notice.params ?? {})}
    </p>
  );
}
