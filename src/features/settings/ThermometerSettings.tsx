import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  forgetThermometer,
  pairThermometer,
  reconnectThermometer,
} from '../../services/thermometer/thermometer';
import { useThermometerStore } from '../../services/thermometer/thermometer-store';
import { Button } from '../../ui/Button';

/** Pairing the door's Bluetooth thermometer (settings sit behind the lead PIN). */
export function ThermometerSettings() {
  const { t } = useTranslation();
  const status = useThermometerStore((s) => s.status);
  const device = useThermometerStore((s) => s.device);
  const [failed, setFailed] = useState<string | null>(null);
  const run = (action: () => Promise<unknown>) => {
    setFailed(null);
    action().catch((error: unknown) =>
      setFailed(error instanceof Error ? error.message : String(error)),
    );
  };

  return (
    <section className="thermometer-settings" aria-labelledby="thermometer-title">
      <h3 id="thermometer-title">{t('thermometer.settings.title')}</h3>
      {status === 'unsupported' ? (
        <p role="status">{t('thermometer.settings.unsupported')}</p>
      ) : (
        <>
          <p>{t('thermometer.settings.intro')}</p>
          <p role="status" data-testid="thermometer-state">
            {device
              ? `${t('thermometer.settings.paired', { name: device.name })} · ${t(
                  `thermometer.chip.${status === 'unpaired' ? 'off' : status}`,
                )}`
              : t('thermometer.settings.none')}
          </p>
          <div className="row">
            <Button tone="primary" onClick={() => run(pairThermometer)}>
              {t('thermometer.settings.pair')}
            </Button>
            {device && status === 'off' && (
              <Button onClick={() => run(reconnectThermometer)}>
                {t('thermometer.settings.reconnect')}
              </Button>
            )}
            {device && (
              <Button onClick={() => run(forgetThermometer)}>
                {t('thermometer.settings.forget')}
              </Button>
            )}
          </div>
          {failed && <p role="alert">{t('thermometer.settings.failed', { error: failed })}</p>}
        </>
      )}
    </section>
  );
}
