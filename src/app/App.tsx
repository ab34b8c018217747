import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { DeviceSettings } from '../db/settings';
import { BoardScreen } from '../features/board/BoardScreen';
import { DoorScreen } from '../features/door/DoorScreen';
import { GuideScreen } from '../features/guide/GuideScreen';
import { LogScreen } from '../features/log/LogScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { IncidentAlert } from './IncidentAlert';
import { StatusBanner } from './StatusBanner';
import { SyncChip } from './SyncChip';
import { useServices } from './services';
import { useClosingCheckout } from './use-closing-checkout';
import { TodayProvider } from './use-today';

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
  useClosingCheckout();

  return (
    <Router {...(memory ? { hook: memory.hook } : {})}>
      <TodayProvider>
        <Switch>
          {/* The wall screen: the whole display, no tablet controls. */}
          <Route path="/board" component={BoardScreen} />
          <Route>
            <div className="shell">
              <header className="topbar">
                <h1>{settings.hallName || t('app.title')}</h1>
                <nav aria-label="main">
                  <Link href="/" className={(active) => (active ? 'tab tab-active' : 'tab')}>
                    {t('app.nav.door')}
                  </Link>
                  <SectionLink href="/guide">{t('app.nav.guide')}</SectionLink>
                  <Link href="/board" className="tab">
                    {t('app.nav.board')}
                  </Link>
                  <Link href="/log" className={(active) => (active ? 'tab tab-active' : 'tab')}>
                    {t('app.nav.log')}
                  </Link>
                  <Link
                    href="/settings"
                    className={(active) => (active ? 'tab tab-active' : 'tab')}
                  >
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
              <IncidentAlert />
              <main className="content">
                <Switch>
                  <Route path="/guide" nest>
                    <GuideScreen />
                  </Route>
                  <Route path="/log" component={LogScreen} />
                  <Route path="/settings">
                    <SettingsScreen onSave={onSettings} />
                  </Route>
                  <Route component={DoorScreen} />
                </Switch>
              </main>
            </div>
          </Route>
        </Switch>
      </TodayProvider>
    </Router>
  );
}

/** A tab that stays active on the pages under it (the guide's /guide/isolation, …). */
function SectionLink({ href, children }: { href: string; children: ReactNode }) {
  const [location] = useLocation();
  const active = location === href || location.startsWith(`${href}/`);
  return (
    <Link href={href} className={active ? 'tab tab-active' : 'tab'}>
      {children}
    </Link>
  );
}
