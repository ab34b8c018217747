import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSettings } from '../../db/settings';
import { beginTakeOver } from '../../db/take-over';
import { isDeviceId } from '../../domain/device-id';
import { clockTime } from '../../domain/time';
import { useServices } from '../../services/services';
import { useSyncStatus } from '../../sync/status-store';
import { enrol, SyncError } from '../../sync/transport';
import { Button } from '../../ui/Button';
import { TakeOverWait } from './TakeOverWait';

/** Enrols this tablet with the hall's server (the shift lead's enrolment code), and shows sync. */
export function ServerPanel({ onSave }: { onSave: (settings: DeviceSettings) => Promise<void> }) {
  const { t } = useTranslation();
  const { settings, device, sync, db, now } = useServices();
  const status = useSyncStatus();
  const [server, setServer] = useState(settings.server);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    // The server's rule (src/protocol/api.ts): said here, before a code is spent on it.
    if (!isDeviceId(device)) {
      setError(t('sync.errors.deviceId'));
      return;
    }
    setBusy(true);
    try {
      const reply = await enrol(
        (url, init) => fetch(url, init),
        server,
        { code: code.trim(), deviceId: device, deviceName: settings.deviceName },
        settings.token ?? null,
      );
      // The door waits for the day from the server before it records anything (issue 23).
      await beginTakeOver(db, now());
      await onSave({
        ...settings,
        server: server.trim(),
        token: reply.token,
        site: reply.site,
        siteName: reply.siteName,
      });
    } catch (err) {
      setError(t(`sync.errors.${err instanceof SyncError ? err.code : 'offline'}`));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="server-panel" aria-labelledby="server-title">
      <h3 id="server-title">{t('sync.title')}</h3>
      {settings.token && (
        <dl className="facts">
          <dt>{t('sync.site')}</dt>
          <dd>
            {settings.siteName} ({settings.site})
          </dd>
          <dt>{t('sync.pendingLabel')}</dt>
          <dd data-testid="sync-pending">
            {status.pending > 0 && status.pendingSince !== null
              ? t('sync.pendingSince', {
                  count: status.pending,
                  time: clockTime(status.pendingSince),
                })
              : status.pending}
          </dd>
          <dt>{t('sync.lastLabel')}</dt>
          <dd>{status.lastSuccessAt ? clockTime(status.lastSuccessAt) : '—'}</dd>
          <dt>{t('sync.errorLabel')}</dt>
          <dd>{status.lastError ? t(`sync.errors.${status.lastError}`) : '—'}</dd>
        </dl>
      )}
      {settings.token && <TakeOverWait />}
      {status.serverWentBack && status.serverWentBack.to < status.serverWentBack.from && (
        <div className="sync-refused" role="status" data-testid="sync-server-went-back">
          <p>
            {t('sync.serverWentBack', {
              time: clockTime(status.serverWentBack.at),
              from: status.serverWentBack.to + 1,
              to: status.serverWentBack.from,
            })}
          </p>
          {status.serverWentBack.purged > 0 && (
            <p>{t('sync.serverWentBackPurged', { count: status.serverWentBack.purged })}</p>
          )}
        </div>
      )}
      {status.refused.length > 0 && (
        <div className="sync-refused" role="alert" data-testid="sync-refused">
          <p>{t('sync.refused', { count: status.refused.length })}</p>
          <ul>
            {status.refused.map((r) => (
              <li key={r.id}>
                #{r.seq} · {t(`sync.refusal.${r.reason}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {settings.token && (
        <Button tone="primary" onClick={() => sync?.syncOnce()}>
          {t('sync.now')}
        </Button>
      )}
      <form className="settings-form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="server-address">{t('sync.server')}</label>
          <input
            id="server-address"
            value={server}
            inputMode="url"
            placeholder={t('sync.serverPlaceholder')}
            onChange={(e) => setServer(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="enrolment-code">{t('sync.code')}</label>
          <input
            id="enrolment-code"
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <Button type="submit" tone="primary" disabled={busy || code.trim().length < 4}>
          {settings.token ? t('sync.reenrol') : t('sync.enrol')}
        </Button>
      </form>
    </section>
  );
}
