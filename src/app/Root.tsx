import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { DEFAULT_SETTINGS, type DeviceSettings, saveSettings } from '../db/settings';
import { setupI18n, switchLanguage, withScreenMessages } from '../i18n';
import { type Services, ServicesProvider } from '../services/services';
import { DEFAULT_TAP_SETTLE_MS, SettleTime } from '../ui/settle';
import { App } from './App';
import { type BootOptions, boot, type EarlyBoot } from './boot';
import { useTheme } from './use-theme';

// What the door needs to paint (storage, the shell, the booking list) is one script: split
// into chunks shared with the lazy parts it cost 8 KB of gzip more (docs/benchmarks.md).
// Whatever else the door shows loads as it paints (src/ui/later.tsx).

const SetupScreen = lazy(() =>
  withScreenMessages(import('../features/setup/SetupScreen')).then((m) => ({
    default: m.SetupScreen,
  })),
);

/**
 * Boots storage (or takes over a boot already started), then renders first-run setup or the
 * app; settings changes boot it again.
 */
export function Root({
  options,
  initialPath,
  early,
}: {
  options?: BootOptions;
  initialPath?: string;
  early?: EarlyBoot;
}) {
  const [services, setServices] = useState<Services | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [i18n] = useState(setupI18n);
  // Taken once: a boot again (new settings, new policy) opens storage afresh.
  const earlyBoot = useRef(early);

  const start = useCallback(() => {
    // A new policy from the server takes effect by booting again (new visits use it).
    const restart = () => setGeneration((g) => g + 1);
    let current: Services | null = null;
    let cancelled = false;
    // The screens appear in their language: any but the default loads first (should that
    // fail, they stay in Simplified Chinese).
    const started = earlyBoot.current;
    earlyBoot.current = undefined;
    started?.onPolicyChanged(restart);
    const booted = (started?.services ?? boot(options, restart)).then((s) =>
      switchLanguage(i18n, s.settings.language).then(
        () => s,
        () => s,
      ),
    );
    booted.then(
      (s) => {
        current = s;
        if (cancelled) s.sync?.stop();
        else setServices(s);
      },
      (e: unknown) => setFailure(String(e)),
    );
    return () => {
      cancelled = true;
      current?.sync?.stop();
    };
  }, [options, i18n]);
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation boots again on purpose
  useEffect(() => start(), [start, generation]);

  useTheme(services?.settings ?? DEFAULT_SETTINGS);
  const onSettings = useCallback(async (next: DeviceSettings) => {
    await saveSettings(next);
    setGeneration((g) => g + 1);
  }, []);
  const onSetupDone = useCallback(
    async (next: DeviceSettings, pin: string) => {
      await services?.leadPin.set(pin);
      await onSettings({ ...next, setupDone: true });
    },
    [services, onSettings],
  );

  if (failure) {
    return (
      <p role="alert" className="boot-failure">
        无法打开平板存储 / Cannot open the tablet's storage: {failure}
      </p>
    );
  }
  if (!services) return null;
  return (
    <I18nextProvider i18n={i18n}>
      <ServicesProvider services={services}>
        <SettleTime ms={options?.tapSettleMs ?? DEFAULT_TAP_SETTLE_MS}>
          <Suspense fallback={null}>
            {services.settings.setupDone ? (
              <App onSettings={onSettings} initialPath={initialPath} />
            ) : (
              <SetupScreen onDone={onSetupDone} />
            )}
          </Suspense>
        </SettleTime>
      </ServicesProvider>
    </I18nextProvider>
  );
}
