import { TriangleAlert } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type StorageUse, storageUse } from '../../db/persistence';
import { clockTime } from '../../domain/time';
import { applyUpdate, checkForUpdate } from '../../pwa/service-worker';
import { useUpdateStore } from '../../pwa/update-store';
import { useHealthStore } from '../../services/health/health-store';
import { usePersistence } from '../../services/persistence-store';
import { useServices } from '../../services/services';
import { APP_VERSION } from '../../services/version';
import { Button } from '../../ui/Button';
import { formatBytes } from './format-bytes';

/** What the lead needs to know about this tablet: storage, versions, updates. */
export function DeviceFacts() {
  const { t } = useTranslation();
  const { policy } = useServices();
  const persistence = usePersistence();
  const storageFull = useHealthStore((s) => s.problems['storage-full']);
  const [use, setUse] = useState<StorageUse | null | 'loading'>('loading');
  const { updateWaiting, offlineReady, lastCheckAt, applying } = useUpdateStore();

  useEffect(() => {
    let live = true;
    void storageUse().then((u) => live && setUse(u));
    return () => {
      live = false;
    };
  }, []);

  const percent = use && use !== 'loading' && use.quota > 0 ? (use.usage / use.quota) * 100 : 0;
  return (
    <section className="device-facts" aria-labelledby="facts-title">
      <h3 id="facts-title">{t('settings.facts')}</h3>
      {storageFull && (
        <div className="banner banner-danger" role="alert" data-testid="storage-full-lead">
          <TriangleAlert aria-hidden />
          <span>{t('storage.fullLead', { time: clockTime(storageFull.since) })}</span>
        </div>
      )}
      {(persistence === 'denied' || persistence === 'unsupported') && (
        <div className="banner banner-danger" role="alert">
          <TriangleAlert aria-hidden />
          <span>{t('storage.persistenceDenied')}</span>
        </div>
      )}
      <dl className="facts">
        <dt>{t('settings.storageUsed')}</dt>
        <dd data-testid="storage-used">
          {use === 'loading'
            ? '…'
            : use === null
              ? t('settings.unknown')
              : t('settings.storageOf', {
                  used: formatBytes(use.usage),
                  quota: formatBytes(use.quota),
                  percent: percent < 1 ? percent.toFixed(2) : percent.toFixed(0),
                })}
        </dd>
        <dt>{t('settings.persistence')}</dt>
        <dd>{t(`settings.persistenceValues.${persistence}`)}</dd>
        <dt>{t('settings.appVersion')}</dt>
        <dd data-testid="app-version">{APP_VERSION}</dd>
        <dt>{t('settings.policy')}</dt>
        <dd>{policy.version}</dd>
        <dt>{t('settings.offline')}</dt>
        <dd>{t(offlineReady ? 'settings.offlineReady' : 'settings.offlineNotYet')}</dd>
        <dt>{t('settings.update')}</dt>
        <dd>
          {updateWaiting ? t('settings.updateWaiting') : t('settings.upToDate')}
          {lastCheckAt !== null &&
            ` · ${t('settings.lastCheck', { time: clockTime(lastCheckAt) })}`}
        </dd>
      </dl>
      <div className="row">
        {updateWaiting ? (
          <Button tone="primary" disabled={applying} onClick={() => applyUpdate()}>
            {t('settings.updateNow')}
          </Button>
        ) : (
          <Button onClick={() => checkForUpdate()}>{t('settings.checkUpdate')}</Button>
        )}
      </div>
    </section>
  );
}
