import { LockKeyhole } from 'lucide-react';
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { type DeviceSettings, saveRole } from '../db/settings';
import { isLeadArea, roleHome, roleOfPath } from '../domain/roles';
import { DoorScreen } from '../features/door/DoorScreen';
import { preloadDoor } from '../features/door/door-later';
import { ActivityClock } from '../features/kiosk/activity';
import { useKioskStore } from '../features/kiosk/kiosk-store';
import { useIdleReset } from '../features/kiosk/use-idle-reset';
import { useKioskMode } from '../features/kiosk/use-kiosk-mode';
import { withScreenMessages } from '../i18n';
import { useClockWatch } from '../services/clock/use-clock-watch';
import { markFirstScreenShown, useFirstScreen } from '../services/first-screen';
import { useServices } from '../services/services';
import { useRetention } from '../services/use-retention';
import { TodayProvider } from '../services/use-today';
import { APP_VERSION } from '../services/version';
import { doorNeedsReset, putDoorAside } from './idle-door';
import { useUpdateWhenIdle } from './pwa/use-update-when-idle';
import { StatusBanner } from './StatusBanner';
import {
  DeviceHealthWatch,
  HealthStatus,
  IdleWarning,
  IncidentAlert,
  LeadGate,
  preloadShell,
  ShellWork,
  SyncChip,
  ThermometerChip,
  TicketClashBanner,
} from './shell-later';
import './shell.css';
import { Button } from '../ui/Button';

// The door is the first screen and loads with the app; the rest load when opened
// (and are precached, so they open offline too), with their messages.
const LogScreen = lazy(() =>
  withScreenMessages(import('../features/log/LogScreen')).then((m) => ({ default: m.LogScreen })),
);
const LeadScreen = lazy(() =>
  withScreenMessages(import('../features/lead/LeadScreen')).then((m) => ({
    default: m.LeadScreen,
  })),
);
const DailyReport = lazy(() =>
  withScreenMessages(import('../features/lead/DailyReport')).then((m) => ({
    default: m.DailyReport,
  })),
);
const HallPlanScreen = lazy(() =>
  withScreenMessages(import('../features/lead/hall/HallPlanScreen')).then((m) => ({
    default: m.HallPlanScreen,
  })),
);
const GuideScreen = lazy(() =>
  withScreenMessages(import('../features/guide/GuideScreen')).then((m) => ({
    default: m.GuideScreen,
  })),
);
const BoardScreen = lazy(() =>
  withScreenMessages(import('../features/board/BoardScreen')).then((m) => ({
    default: m.BoardScreen,
  })),
);
const SettingsScreen = lazy(() =>
  withScreenMessages(import('../features/settings/SettingsScreen')).then((m) => ({
    default: m.SettingsScreen,
  })),
);

type OnSettings = (settings: DeviceSettings) => Promise<void>;

export function App({
  onSettings,
  initialPath,
}: {
  onSettings: OnSettings;
  initialPath?: string | undefined;
}) {
  const [memory] = useState(() => (initialPath ? memoryLocation({ path: initialPath }) : null));
  return (
    <Router {...(memory ? { hook: memory.hook } : {})}>
      <TodayProvider>
        <Switch>
          {/* The wall screen: the whole display, no tablet controls. */}
          <Route path="/board">
            <BoardShown />
            <Suspense fallback={null}>
              <BoardScreen />
            </Suspense>
          </Route>
          <Route>
            <Shell onSettings={onSettings} />
          </Route>
        </Switch>
      </TodayProvider>
    </Router>
  );
}

/** The wall screen has no shell: it is a first screen of its own (the day's fold waits for one). */
function BoardShown() {
  useEffect(() => markFirstScreenShown(), []);
  return null;
}

function Shell({ onSettings }: { onSettings: OnSettings }) {
  const { t } = useTranslation();
  const { settings, log, now, timing, clock: checkedClock } = useServices();
  const [clock] = useState(() => new ActivityClock(now));
  const [location, navigate] = useLocation();
  const nextLanguage = settings.language === 'zh-CN' ? 'en' : 'zh-CN';
  const kiosk = settings.kioskMode;

  useKioskMode(kiosk);
  useRetention();
  useRoleFromLocation(location, navigate);
  // The lead's PIN holds past the lead's screens (an alert acknowledged without asking it
  // again) until Lock or the idle reset: Lock shows as long as it holds.
  const leadHeld = useKioskStore((s) => s.leadUnlocked || s.leadPresent);
  useClockWatch(checkedClock, log);
  useUpdateWhenIdle(clock, timing);
  const needsReset = useCallback(() => doorNeedsReset(location), [location]);
  const resetToStart = useCallback(() => {
    const draft = putDoorAside();
    if (draft) {
      // Storage trouble is already on screen (banner, health); the reset goes ahead.
      log.recordDevice({ type: 'device.idle-reset', at: now(), data: { draft } }).catch(() => {});
    }
    navigate(roleHome(useKioskStore.getState().role), { replace: true });
  }, [log, now, navigate]);
  useIdleReset(clock, timing, needsReset, resetToStart);
  // The door's first screen says when it has its bookings; any other screen is one at once.
  useEffect(() => {
    if (location !== '/') markFirstScreenShown();
  }, [location]);
  // The shell's later parts mount, and the door's later steps load, once it has painted.
  const later = useFirstScreen((s) => s.shown);
  useEffect(() => {
    if (!later) return;
    void preloadShell();
    void preloadDoor();
  }, [later]);

  const tab = (active: boolean) => (active ? 'tab tab-active' : 'tab');
  return (
    <div className={kiosk ? 'shell kiosk' : 'shell'} data-app-version={APP_VERSION}>
      <header className="topbar">
        <h1>{settings.hallName || t('app.title')}</h1>
        {later && (
          <Suspense fallback={null}>
            <HealthStatus />
            <DeviceHealthWatch />
          </Suspense>
        )}
        <nav aria-label="main">
          {/* In kiosk mode links replace the history entry: back has nowhere to go. */}
          <Link href="/" className={tab} replace={kiosk}>
            {t('app.nav.door')}
          </Link>
          <SectionLink href="/guide" replace={kiosk}>
            {t('app.nav.guide')}
          </SectionLink>
          <Link href="/board" className="tab">
            {t('app.nav.board')}
          </Link>
          <Link href="/log" className={tab} replace={kiosk}>
            {t('app.nav.log')}
          </Link>
          <Link href="/lead" className={tab} replace={kiosk}>
            {t('app.nav.lead')}
          </Link>
          <Link href="/settings" className={tab} replace={kiosk}>
            {t('app.nav.settings')}
          </Link>
          {leadHeld && (
            <Button
              bare
              className="tab lead-lock"
              onClick={() => {
                useKioskStore.getState().leave();
                navigate(roleHome(useKioskStore.getState().role), { replace: kiosk });
              }}
            >
              <LockKeyhole aria-hidden size={20} /> {t('app.role.lock')}
            </Button>
          )}
        </nav>
        {later && (
          <>
            {/* Each on its own: a later part outside a Suspense of its own holds back
                the whole app until its code loads (tests/component/first-screen-waits-for-nothing). */}
            <Suspense fallback={null}>
              <ThermometerChip />
            </Suspense>
            <Suspense fallback={null}>
              <SyncChip />
            </Suspense>
          </>
        )}
        {/* The top bar is full: "EN" shows, the whole name is read (each part in its language). */}
        <Button
          bare
          className="tab lang"
          onClick={() => onSettings({ ...settings, language: nextLanguage })}
        >
          <span className="sr-only">{t('app.languageLabel')}</span>{' '}
          <span lang={nextLanguage}>{t('app.language')}</span>
        </Button>
      </header>
      <StatusBanner />
      {later && (
        <>
          {/* Each on its own: one loading must not hide (and remount) another. */}
          <Suspense fallback={null}>
            <ShellWork />
          </Suspense>
          <Suspense fallback={null}>
            <TicketClashBanner />
          </Suspense>
          <Suspense fallback={null}>
            <IncidentAlert />
          </Suspense>
        </>
      )}
      <main className="content">
        <Suspense fallback={null}>
          <Switch>
            <Route path="/guide" nest>
              <GuideScreen />
            </Route>
            <Route path="/log" component={LogScreen} />
            {/* One gate for the lead's screens: the report opens without a second PIN. */}
            <Route path="/lead" nest>
              <LeadGate>
                <Switch>
                  <Route path="/report/:day">{(params) => <DailyReport day={params.day} />}</Route>
                  <Route path="/hall" component={HallPlanScreen} />
                  <Route component={LeadScreen} />
                </Switch>
              </LeadGate>
            </Route>
            <Route path="/settings">
              <LeadGate>
                <SettingsScreen onSave={onSettings} />
              </LeadGate>
            </Route>
            <Route component={DoorScreen} />
          </Switch>
        </Suspense>
      </main>
      {later && (
        <Suspense fallback={null}>
          <IdleWarning />
        </Suspense>
      )}
    </div>
  );
}

/**
 * The role follows the screens: opening the door's or the guide's screen makes that the
 * tablet's role (one tap to switch), saved so a restart and the idle reset return there.
 * Leaving the lead's screens locks them. A guide's tablet starting on the door goes to
 * the guide's screen.
 */
function useRoleFromLocation(
  location: string,
  navigate: (to: string, o?: { replace?: boolean }) => void,
) {
  const started = useRef(false);
  const redirecting = useRef(false);
  useEffect(() => {
    const kiosk = useKioskStore.getState();
    if (!started.current) {
      started.current = true;
      if (location === '/' && kiosk.role === 'guide') {
        redirecting.current = true;
        navigate('/guide', { replace: true });
        return;
      }
    }
    // Still on '/' while the redirect is on its way (StrictMode runs effects twice): not a switch.
    if (redirecting.current && location === '/') return;
    redirecting.current = false;
    const role = roleOfPath(location);
    if (role && role !== kiosk.role) {
      kiosk.setRole(role);
      void saveRole(role).catch(() => {}); // a lost role only means the door is home after a restart
    }
    if (!isLeadArea(location) && kiosk.leadUnlocked) kiosk.lock();
  }, [location, navigate]);
}

/** A tab that stays active on the pages under it (the guide's /guide/isolation, …). */
function SectionLink({
  href,
  replace,
  children,
}: {
  href: string;
  replace: boolean;
  children: ReactNode;
}) {
  const [location] = useLocation();
  const active = location === href || location.startsWith(`${href}/`);
  return (
    <Link href={href} replace={replace} className={active ? 'tab tab-active' : 'tab'}>
      {children}
    </Link>
  );
}
