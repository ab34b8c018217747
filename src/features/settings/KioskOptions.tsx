import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSettings } from '../../db/settings';
import { pinProblem } from '../../domain/pin';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';
import { Toggle } from '../../ui/Toggle';

/** Kiosk mode, outdoor readability and the lead PIN. Toggles save at once. */
export function KioskOptions({ onSave }: { onSave: (settings: DeviceSettings) => Promise<void> }) {
  const { t } = useTranslation();
  const { settings, log, now } = useServices();

  const toggle = (key: 'highContrast' | 'largeType') =>
    void onSave({ ...settings, [key]: !settings[key] });
  const setKiosk = async (kiosk: boolean) => {
    // A record that cannot be stored must not keep the lead from changing the mode.
    await log
      .recordDevice({ type: 'device.kiosk-changed', at: now(), data: { kiosk } })
      .catch(() => {});
    await onSave({ ...settings, kioskMode: kiosk });
  };

  return (
    <section className="kiosk-options" aria-labelledby="kiosk-options-title">
      <h3 id="kiosk-options-title">{t('settings.display')}</h3>
      <div className="row">
        <Toggle large pressed={settings.highContrast} onChange={() => toggle('highContrast')}>
          {t('settings.highContrast')}
        </Toggle>
        <Toggle large pressed={settings.largeType} onChange={() => toggle('largeType')}>
          {t('settings.largeType')}
        </Toggle>
      </div>
      <h3>{t('settings.kiosk')}</h3>
      <p className="hint">{t(settings.kioskMode ? 'settings.kioskOn' : 'settings.kioskOff')}</p>
      <div className="row">
        {settings.kioskMode ? (
          <Button tone="warn" onClick={() => setKiosk(false)}>
            {t('settings.leaveKiosk')}
          </Button>
        ) : (
          <Button tone="primary" onClick={() => setKiosk(true)}>
            {t('settings.enterKiosk')}
          </Button>
        )}
      </div>
      <ChangePin />
    </section>
  );
}

function ChangePin() {
  const { t } = useTranslation();
  const { leadPin } = useServices();
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [message, setMessage] = useState<'changed' | 'mismatch' | ReturnType<typeof pinProblem>>(
    null,
  );

  const save = async () => {
    const problem = pinProblem(pin);
    if (problem) return setMessage(problem);
    if (pin !== confirm) return setMessage('mismatch');
    await leadPin.set(pin);
    setPin('');
    setConfirm('');
    setMessage('changed');
  };

  return (
    <form
      className="change-pin"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('settings.changePin')}</h3>
      <div className="row">
        <NewPinField label={t('setup.fields.pin')} value={pin} onChange={setPin} />
        <NewPinField label={t('setup.fields.pinConfirm')} value={confirm} onChange={setConfirm} />
        <Button type="submit" tone="neutral">
          {t('settings.savePin')}
        </Button>
      </div>
      {message === 'changed' && <p role="status">{t('settings.pinChanged')}</p>}
      {message && message !== 'changed' && (
        <p className="field-error" role="alert">
          {t(`setup.problems.${message}`)}
        </p>
      )}
    </form>
  );
}

/** A new PIN typed on the number pad, hidden. */
function NewPinField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        maxLength={8}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
