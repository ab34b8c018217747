import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import type { DeviceSettings } from '../../db/settings';
import { BookingImport } from './BookingImport';
import { ServerPanel } from './ServerPanel';

/** Device settings, the bookings import, and what storage and policy are in force. */
export function SettingsScreen({
  onSave,
}: {
  onSave: (settings: DeviceSettings) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { settings, policy, persistence } = useServices();
  const [draft, setDraft] = useState(settings);
  const [saved, setSaved] = useState(false);

  const field = (key: 'hallName' | 'deviceName' | 'ticketPrefix', maxLength: number) => (
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
    <section className="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <BookingImport />
      <ServerPanel onSave={onSave} />
      <form
        className="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void onSave({ ...draft, ticketPrefix: draft.ticketPrefix || 'A' }).then(() =>
            setSaved(true),
          );
        }}
      >
        <h3>{t('settings.device')}</h3>
        {field('hallName', 40)}
        {field('deviceName', 40)}
        {field('ticketPrefix', 1)}
        <button type="submit" className="btn btn-primary btn-large">
          {t('settings.save')}
        </button>
        {saved && <p role="status">{t('settings.saved')}</p>}
      </form>
      <dl className="facts">
        <dt>{t('settings.policy')}</dt>
        <dd>{policy.version}</dd>
        <dt>{t('settings.persistence')}</dt>
        <dd>{t(`settings.persistenceValues.${persistence}`)}</dd>
      </dl>
    </section>
  );
}
