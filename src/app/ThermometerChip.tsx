import { BatteryLow, Thermometer } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import {
  LOW_BATTERY_PERCENT,
  useThermometerStore,
} from '../services/thermometer/thermometer-store';

/** The Bluetooth thermometer at a glance in the top bar; nothing when none is paired. */
export function ThermometerChip() {
  const { t } = useTranslation();
  const status = useThermometerStore((s) => s.status);
  const battery = useThermometerStore((s) => s.battery);
  if (status === 'unsupported' || status === 'unpaired') return null;
  const low = status === 'connected' && battery !== null && battery < LOW_BATTERY_PERCENT;
  return (
    <output
      className={`sync-chip ${status === 'connected' ? (low ? 'sync-bad' : '') : 'sync-offline'}`}
      data-testid="thermometer-chip"
    >
      {low ? <BatteryLow aria-hidden /> : <Thermometer aria-hidden />}
      <span>{t(`thermometer.chip.${status}`)}</span>
      {status === 'connected' && battery !== null && (
        <span className="sync-last">
          {low ? `${t('thermometer.chip.low')} ` : ''}
          {t('thermometer.chip.battery', { percent: battery })}
        </span>
      )}
    </output>
  );
}
