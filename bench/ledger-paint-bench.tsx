/**
 * The lead's ledger, first paint, in Chromium against real IndexedDB (bench/run.mjs):
 * VISITS visits of one day are stored, then LeadScreen is mounted RUNS times as the app
 * mounts it (services from boot, the app's i18n, styles and frame; React in development
 * mode, as Vite serves it). Timed from render() to the first ledger rows in the DOM, and
 * to the frame after them (painted): cold (the day read from IndexedDB) and warm (from
 * Dexie's query cache).
 *
 * ?view=lead or ?view=report mounts the screen once and stays, for screenshots.
 */
import '../src/ui/theme.css';
import '../src/ui/queue.css';
import '../src/ui/contrast.css';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { boot } from '../src/app/boot';
import { CheckpointDb } from '../src/db/database';
import { applyPulled } from '../src/db/sync-store';
import type { CheckpointEvent } from '../src/domain/events';
import { dayKey } from '../src/domain/time';
import { DailyReport } from '../src/features/lead/DailyReport';
import { LeadScreen } from '../src/features/lead/LeadScreen';
import { setupI18n } from '../src/i18n';
import { type Services, ServicesProvider } from '../src/services/services';
import { busyDay } from './busy-day';
import { publishResult } from './page-result';
import { sized } from './size';
import { summarise } from './stats';

const VISITS = sized(5_000, 50);
const RUNS = sized(15, 2);
const i18n = setupI18n();

function mount(services: Services, view: 'lead' | 'report') {
  const container = document.createElement('div');
  container.style.height = '100%';
  document.getElementById('root')?.append(container);
  const root = createRoot(container);
  // The app's frame (App.tsx): a top bar, and the screen in a bounded, scrolling main.
  // Unbounded, the virtual list would take the whole day's height and render every row.
  root.render(
    <I18nextProvider i18n={i18n}>
      <ServicesProvider services={services}>
        <div className="shell">
          <header className="topbar">
            <h1>{services.settings.hallName || i18n.t('app.title')}</h1>
          </header>
          <main className="content">
            {view === 'lead' ? <LeadScreen /> : <DailyReport day={dayKey(services.now())} />}
          </main>
        </div>
      </ServicesProvider>
    </I18nextProvider>,
  );
  const unmount = () => {
    root.unmount();
    container.remove();
  };
  return { container, unmount };
}

/** Resolves once `selector` matches inside `container`. */
function appeared(container: Element, selector: string): Promise<void> {
  return new Promise((resolve) => {
    if (container.querySelector(selector)) return resolve();
    const observer = new MutationObserver(() => {
      if (!container.querySelector(selector)) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(container, { childList: true, subtree: true });
  });
}

/** After the next frame has been painted: a task queued from requestAnimationFrame. */
const painted = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );

async function run() {
  const dbName = `ledger-paint-${Date.now()}`;
  const services = await boot({ dbName });
  const events = busyDay(dayKey(services.now()), VISITS);
  await applyPulled(services.db, events, events.length);
  services.db.close();

  const view = new URLSearchParams(location.search).get('view');
  if (view === 'lead' || view === 'report') {
    mount({ ...services, db: new CheckpointDb(dbName) }, view);
    await appeared(document.body, view === 'lead' ? '.ledger-item' : '.report-table');
    await painted();
    return { ready: true };
  }

  const cold = { rows: [] as number[], paint: [] as number[] };
  const warm = { rows: [] as number[], paint: [] as number[] };
  const time = async (db: CheckpointDb, into: typeof cold) => {
    const t0 = performance.now();
    const screen = mount({ ...services, db }, 'lead');
    await appeared(screen.container, '.ledger-item');
    into.rows.push(performance.now() - t0);
    await painted();
    into.paint.push(performance.now() - t0);
    screen.unmount();
  };
  for (let i = 0; i < RUNS; i++) {
    const db = new CheckpointDb(dbName);
    await db.open();
    // Dexie keeps the day's query in a cache shared by connections to the same database:
    // one more arrival (as the door writes all day) makes the next mount read IndexedDB.
    await applyPulled(db, arrival(services.now(), i), events.length + i + 1);
    await time(db, cold);
    await time(db, warm); // straight after: from Dexie's cache, as when the lead comes back
    db.close();
  }
  await new CheckpointDb(dbName).delete();
  return {
    coldRowsInDom: { ...summarise(cold.rows), visits: VISITS },
    coldFirstPaint: summarise(cold.paint),
    warmFirstPaint: summarise(warm.paint),
  };
}

/** The opening event of one more visitor, `n`. */
function arrival(at: number, n: number): CheckpointEvent[] {
  return [
    {
      type: 'visit.opened',
      data: { policyVersion: '2026.1' },
      id: `02${String(n).padStart(24, '0')}`,
      site: 'bench',
      device: 'door-bench-2',
      seq: n + 1,
      at,
      visit: `late-${n}`,
      v: 1,
    },
  ];
}

publishResult(run);
