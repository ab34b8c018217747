import { Bluetooth, BluetoothOff } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../../domain/policy';
import { formatCelsius, temperatureBand } from '../../../domain/temperature';
import { reconnectThermometer } from '../../../services/thermometer/thermometer';
import { useThermometerStore } from '../../../services/thermometer/thermometer-store';
import { Button } from '../../../ui/Button';
import { type Offer, useThermometerOffer } from './use-thermometer-offer';

const TONE = { normal: 'ok', raised: 'warn', fever: 'danger', implausible: 'neutral' } as const;

/**
 * At the temperature step: a thermometer's reading, shown in its band's colour, waiting
 * for one confirming tap. Typing and the presets below stay as they are.
 */
export function ThermometerOffer({
  policy,
  now,
  onConfirm,
}: {
  policy: Policy;
  now: () => number;
  onConfirm: (offer: Offer) => void;
}) {
  const { t } = useTranslation();
  const status = useThermometerStore((s) => s.status);
  const { offer, notUsed, dismiss } = useThermometerOffer(policy, now);
  const paired = status !== 'unsupported' && status !== 'unpaired';

  if (offer) {
    const value = formatCelsius(offer.celsius);
    const band = temperatureBand(offer.celsius, policy);
    return (
      <div className={`thermometer-offer band-${band}`} data-testid="thermometer-offer">
        <p role="status">
          {t(
            offer.source === 'ble' ? 'thermometer.step.offered' : 'thermometer.step.offeredWedge',
            {
              value,
            },
          )}
        </p>
        <div className="row">
          <Button tone={TONE[band]} size="huge" data-band={band} onClick={() => onConfirm(offer)}>
            {t('thermometer.step.confirm', { value })}
          </Button>
          <Button onClick={dismiss}>{t('thermometer.step.dismiss')}</Button>
        </div>
      </div>
    );
  }
  const refused =
    notUsed === null
      ? null
      : t(`thermometer.step.notUsed.${notUsed.why}`, {
          value: notUsed.celsius === null ? '' : formatCelsius(notUsed.celsius),
        });
  if (!paired && !refused) return null;
  const lost = status === 'off' || status === 'reconnecting';
  return (
    <div className={`notice ${lost || refused ? 'notice-warn' : ''} thermometer-wait`}>
      {refused && <p role="alert">{refused}</p>}
      {paired && (
        <p role="status" data-testid="thermometer-step-status">
          {lost ? <BluetoothOff aria-hidden /> : <Bluetooth aria-hidden />}{' '}
          {lost ? t('thermometer.step.disconnected') : t('thermometer.step.waiting')}
        </p>
      )}
      {status === 'off' && (
        <Button onClick={() => reconnectThermometer().catch(() => {})}>
          {t('thermometer.step.reconnect')}
        </Button>
      )}
    </div>
  );
}
