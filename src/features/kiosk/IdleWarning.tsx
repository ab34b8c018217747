import { Hourglass } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { useKioskStore } from './kiosk-store';
import './kiosk.css';

/** The warning before the idle reset; any touch (the button is the obvious one) keeps the screen. */
export function IdleWarning() {
  const { t } = useTranslation();
  const ms = useKioskStore((s) => s.idleWarningMs);
  if (ms === null) return null;
  return (
    <div className="overlay">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-detail"
      >
        <Hourglass aria-hidden size={56} />
        <h2 id="idle-title">{t('kiosk.idle.title', { seconds: Math.ceil(ms / 1000) })}</h2>
        <p id="idle-detail">{t('kiosk.idle.detail')}</p>
        <Button tone="primary" size="huge">
          {t('kiosk.idle.stay')}
        </Button>
      </div>
    </div>
  );
}
