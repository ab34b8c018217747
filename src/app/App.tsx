import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Router, Switch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { DeviceSettings } from '../db/settings';
import { DoorScreen } from '../features/door/DoorScreen';
import { DailyReport } from '../features/lead/DailyReport';
import { LeadScreen } from '../features/lead/LeadScreen';
import { LogScreen } from '../features/log/LogScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { StatusBanner } from './StatusBanner';
import { SyncChip } from './SyncChip';
import { useServices } from './services';

export function App({
  onSettings,
  initialPath,
}: {
  onSettings: (settings: DeviceSettings) => Promise<void>;
  initialPath?: string | undefined;
}) {
  const { t } = useTranslation();
  const { settings } = useServices();
  const [memory] = useState(() => (initialPath ? memoryLocation({ path: initialPath }) : null));
  const nextLanguage = settings.language === 'zh-CN' ? 'en' : 'zh-CN';

  return (
    <Router {...(memory ? { hook: memory.hook } : {})}>
      <div className="shell">
        <header className="topbar">
          <h1>{settings.hallName || t('app.title')}</h1>
          <nav aria-label="main">
            <Link href="/" className={(active) => (active ? 'tab tab-active' : 'tab')}>
              {t('app.nav.door')}
            </Link>
            <Link href="/log" className={(active) => (active ? 'tab tab-active' : 'tab')}>
              {t('app.nav.log')}
            </Link>
            <Link href="/lead" className={(active) => (active ? 'tab tab-active' : 'tab')}>
              {t('app.nav.lead')}
            </Link>
            <Link href="/settings" className={(active) => (active ? 'tab tab-active' : 'tab')}>
              {t('app.nav.settings')}
            </Link>
          </nav>
          <SyncChip />
          <button
            type="button"
            className="tab lang"
            aria-label={t('app.languageLabel')}
            lang={nextLanguage}
            onClick={() => void onSettings({ ...settings, language: nextLanguage })}
          >
            {t('app.language')}
          </button>
        </header>
        <StatusBanner />
        <main className="content">
          <Switch>
            <Route path="/log" component={LogScreen} />
            <Route path="/lead" component={LeadScreen} />
            <Route path="/lead/report/:day">{(params) => <DailyReport day={params.day} />}</Route>
            <Route path="/settings">
              <SettingsScreen onSave={onSettings} />
            </Route>
            <Route component={DoorScreen} />
          </Switch>
        </main>
      </div>
    </Router>
  );
}
