import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSettings } from '../../db/settings';
import { useServices } from '../../services/services';
import { BookingImport } from './BookingImport';
import { CallVoiceSettings } from './CallVoiceSettings';
import { CameraSettings } from './CameraSettings';
import { CardReaderSettings } from './CardReaderSettings';
import { DeviceFacts } from './DeviceFacts';
import { KioskOptions } from './KioskOptions';
import { RetentionPanel } from './RetentionPanel';
import { ServerPanel } from './ServerPanel';
import { SoundSettings } from './SoundSettings';
import { ThermometerSettings } from './ThermometerSettings';
import './settings.css';
import { Button } from '../../ui/Button';

type FormKey = 'hallName' | 'entrance' | 'deviceName' | 'ticketPrefix';

/** Device settings, the bookings import, kiosk options, and what is in force on this tablet. */
export function SettingsScreen({
  onSave,
}: {
  onSave: (settings: DeviceSettings) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { settings } = useServices();
  const [draft, setDraft] = useState<Pick<DeviceSettings, FormKey>>(settings);
  const [saved, setSaved] = useState(false);

  const field = (key: FormKey, maxLength: number) => (
    <label className="field">
      <span>{t(`settings.${key}`)}</span>
      <input
        name={key}
        value={draft[key]}
        maxLength={maxLength}
        onChange={(e) => {
          setSaved(false);
          const value =
            key === 'ticketPrefix'
              ? e.target.value.toUpperCase().replace(/[^A-Z]/g, '')
              : e.target.value;
          setDraft((d) => ({ ...d, [key]: value }));
        }}
      />
    </label>
  );

  return (
    <section className="settings settings-columns" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <div className="settings-column">
        <BookingImport />
        <form
          className="settings-form"
          onSubmit={(e) => {
            e.preventDefault();
            // Only this form's fields: the toggles below save themselves.
            void onSave({
              ...settings,
              hallName: draft.hallName,
              entrance: draft.entrance,
              deviceName: draft.deviceName,
              ticketPrefix: draft.ticketPrefix || 'A',
            }).then(() => setSaved(true));
          }}
        >
          <h3>{t('settings.device')}</h3>
          <div className="settings-grid">
            {field('hallName', 40)}
            {field('entrance', 20)}
            {field('deviceName', 40)}
            {field('ticketPrefix', 1)}
          </div>
          <Button type="submit" tone="primary">
            {t('settings.save')}
          </Button>
          {saved && <p role="status">{t('settings.saved')}</p>}
        </form>
        <RetentionPanel />
      </div>
      <div className="settings-column">
        <ServerPanel onSave={onSave} />
        <DeviceFacts />
        <KioskOptions onSave={onSave} />
        <SoundSettings onSave={onSave} />
        <CallVoiceSettings onSave={onSave} />
        <CameraSettings onSave={onSave} />
        <CardReaderSettings onSave={onSave} />
        <ThermometerSettings />
      </div>
    </section>
  );
}
