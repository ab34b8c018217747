import { CameraOff, Download, HardDrive, ShieldAlert, WifiOff } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateStore } from '../../pwa/update-store';
import { useHealthStore } from '../../services/health/health-store';
import './health.css';

const URGENCY = { danger: 0, warn: 1, info: 2 } as const;

/**
 * A small status area in the top bar: what is wrong with the device. The most urgent says
 * it in words, the others by their icon (their words read aloud and on a long press): the
 * bar keeps one row in English with the lead's Lock on show (issue 31); settings list all.
 */
export function HealthStatus() {
  const { t } = useTranslation();
  const problems = useHealthStore((s) => s.problems);
  const updateWaiting = useUpdateStore((s) => s.updateWaiting);

  const chips: { key: string; tone: 'warn' | 'danger' | 'info'; icon: ReactNode; text: string }[] =
    [];
  if (problems.offline) {
    chips.push({ key: 'offline', tone: 'warn', icon: <WifiOff />, text: t('health.offline') });
  }
  if (problems['storage-low']) {
    chips.push({
      key: 'storage-low',
      tone: 'danger',
      icon: <HardDrive />,
      text: t('health.storageLow'),
    });
  }
  if (problems['storage-full']) {
    chips.push({
      key: 'storage-full',
      tone: 'danger',
      icon: <HardDrive />,
      text: t('health.storageFull'),
    });
  }
  // A clock off the server's is said by the banner under the top bar, with what to do.
  if (problems['camera-failed']) {
    chips.push({
      key: 'camera-failed',
      tone: 'warn',
      icon: <CameraOff />,
      text: t('health.cameraFailed'),
    });
  }
  if (problems['persistence-refused']) {
    chips.push({
      key: 'persistence-refused',
      tone: 'warn',
      icon: <ShieldAlert />,
      text: t('health.persistenceRefused'),
    });
  }
  if (updateWaiting) {
    chips.push({
      key: 'update',
      tone: 'info',
      icon: <Download />,
      text: t('health.updateWaiting'),
    });
  }
  if (chips.length === 0) return null;
  const byUrgency = [...chips].sort((a, b) => URGENCY[a.tone] - URGENCY[b.tone]);

  return (
    <ul className="health" aria-label={t('health.label')} data-testid="health">
      {byUrgency.map((c, i) => (
        <li key={c.key} className={`chip chip-${c.tone}`} data-problem={c.key} title={c.text}>
          <span aria-hidden>{c.icon}</span>
          <span className={i > 0 ? 'sr-only' : undefined}>{c.text}</span>
        </li>
      ))}
    </ul>
  );
}
