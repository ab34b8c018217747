/**
 * `npm run test:crash`: the tablet's browser killed mid-visit (issue 23). Chromium runs
 * the built app from the real hall server with a persistent profile; each round drives
 * the door's green path and SIGKILLs the browser's process group at a seeded moment
 * (before, during or after a step's IndexedDB transaction), restarts it on the same
 * profile and checks what the disk kept: every step the screen confirmed is stored, no
 * event doubled, the seq gap-free, an unfinished check resumable. After the last round the
 * tablet syncs and the server must hold exactly the tablet's events.
 *
 *   ROUNDS  kill rounds (default 100)      SEED   first seed (default: from the clock)
 *   PLANT   confirm-before-write: a planted bug the run must catch (exit 0 only if caught)
 *   CRASH_PORT  the hall server's port (default 4199)
 *
 * Needs `npm run build` first (the server serves dist/).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { lateMorningTimeZone } from '../e2e/chromium';
import { storedEvents } from '../e2e/stored-events';
import { seededRandom } from '../faults/schedule';
import { bookingsCsv } from '../fixtures/bookings-csv';
import { aBooking, slotStartAround, validIdNumber } from '../fixtures/builders';
import { ADMIN, startServer, TEST_LIMITS } from '../integration/server-process';
import { launchTablet } from './browser';
import { type Confirmation, type KeptEvent, problemsAfterKill } from './checks';
import { DoorDriver } from './door-driver';
import { CONFIRM_BEFORE_WRITE, PLANTS, type Plant } from './plant';

process.env.TZ ??= lateMorningTimeZone();
const env = process.env;
const ROUNDS = Number(env.ROUNDS ?? 100);
const SEED = Number(env.SEED ?? Date.now() % 1_000_000);
const PLANT = (env.PLANT ?? 'none') as Plant;
if (!PLANTS.includes(PLANT)) throw new Error(`PLANT: one of ${PLANTS.join(', ')}`);
const PORT = Number(env.CRASH_PORT ?? 4199);
const SITE = 'crash-hall';
const LEAD_PIN = '2580';

const random = seededRandom(SEED);
const admin = { authorization: `Bearer ${ADMIN}` };

const bookings = Array.from({ length: ROUNDS + 20 }, (_, i) => {
  const now = Date.now();
  const slotStart = slotStartAround(now, -15);
  return aBooking(
    {
      bookingId: `K${String(i).padStart(4, '0')}`,
      name: `测试${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'一二三四五六七八九十'[Math.floor(i / 10) % 10]}`,
      idNumber: validIdNumber(`11010119900307${String(i).padStart(3, '0')}`),
      slotStart,
    },
    now,
  );
});

async function api(base: string, method: string, path: string, body?: unknown, csv = false) {
  const reply = await fetch(`${base}/api/v1/admin${path}`, {
    method,
    headers: { ...admin, 'content-type': csv ? 'text/csv' : 'application/json' },
    body: body === undefined ? undefined : csv ? String(body) : JSON.stringify(body),
  });
  if (!reply.ok) throw new Error(`${method} ${path}: ${reply.status} ${await reply.text()}`);
  return reply.json() as Promise<Record<string, unknown>>;
}

const keptEvents = (page: Page) => storedEvents<KeptEvent>(page);

/** Visits opened and neither decided nor abandoned: the door must offer to resume them. */
function unfinished(events: readonly KeptEvent[]): string[] {
  const ended = new Set(
    events
      .filter((e) => e.type === 'visit.decided' || e.type === 'visit.abandoned')
      .map((e) => e.visit),
  );
  return [
    ...new Set(events.filter((e) => e.type === 'visit.opened').map((e) => e.visit ?? '')),
  ].filter((v) => !ended.has(v));
}

async function firstRun(page: Page, base: string) {
  await page.goto(base);
  await page.getByRole('heading', { name: '首次设置' }).waitFor();
  await page.getByLabel('大厅名称').fill('崩溃测试大厅');
  await page.getByLabel(/^入口/).fill('东门');
  await page.getByLabel('组长密码', { exact: true }).fill(LEAD_PIN);
  await page.getByLabel('再次输入密码').fill(LEAD_PIN);
  await page.getByRole('button', { name: '完成设置' }).click();
  await page.getByRole('link', { name: '门岗检查' }).waitFor();
  const { code } = await api(base, 'POST', `/sites/${SITE}/enrolment-codes`, {});
  await page.goto(`${base}/settings`);
  await page.getByRole('heading', { name: '需要值班组长密码' }).waitFor();
  for (const digit of LEAD_PIN)
    await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await page.getByLabel('登记码（值班组长在服务器上生成）').fill(String(code));
  await page.getByRole('button', { name: '登记本机' }).click();
  await page.getByText(`崩溃测试 (${SITE})`).waitFor({ timeout: 30_000 });
}

interface RoundResult {
  killedAfterAction: number;
  delayMs: number;
  problems: string[];
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'crash-server-'));
  const profile = mkdtempSync(join(tmpdir(), 'crash-profile-'));
  const server = await startServer(dataDir, PORT, { ...TEST_LIMITS, STATIC_DIR: 'dist' });
  try {
    await run(server.url, dataDir, profile);
  } finally {
    await server.stop();
    spawnSync('pkill', ['-KILL', '-f', `user-data-dir=${profile}`]);
    rmSync(profile, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function run(base: string, dataDir: string, profile: string) {
  await api(base, 'POST', '/sites', { id: SITE, name: '崩溃测试' });
  await api(base, 'PUT', `/sites/${SITE}/policy`, DEFAULT_POLICY);
  await api(base, 'PUT', `/sites/${SITE}/bookings`, bookingsCsv(bookings), true);
  console.log(
    `test:crash: ${ROUNDS} kill rounds, seed ${SEED}${PLANT === 'none' ? '' : `, planted bug: ${PLANT}`}`,
  );

  const confirmed: Confirmation[] = [];
  let current = '';
  let nextBooking = 0;
  const results: RoundResult[] = [];
  let allProblems: string[] = [];
  let admitted = 0;

  for (let round = 0; round <= ROUNDS; round++) {
    const last = round === ROUNDS;
    const tablet = await launchTablet(profile);
    if (PLANT === 'confirm-before-write' && round > 0)
      await tablet.context.addInitScript(CONFIRM_BEFORE_WRITE);
    const driver = await DoorDriver.attach(tablet.context, (screen) => {
      if (screen !== 'appointment' && current) confirmed.push({ bookingId: current, screen });
      if (screen === 'outcome') admitted++;
    });
    const { page } = driver;
    if (round === 0) {
      await firstRun(page, base);
      await page.goto(base);
      await page.getByRole('searchbox').fill(bookings[0]?.bookingId ?? '');
      await page.getByRole('button', { name: /K0000/ }).waitFor({ timeout: 30_000 });
    } else {
      await page.goto(base);
    }
    await driver.current();

    // What the disk kept after the last kill.
    const kept = await keptEvents(page);
    const problems = problemsAfterKill(kept, confirmed);
    const open = unfinished(kept);
    if (open.length > 1) problems.push(`${open.length} unfinished checks (one at most)`);
    if (open.length === 1) {
      const resume = page.getByRole('button', { name: /^继续检查/ }).first();
      const shown = await resume
        .waitFor({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (!shown) problems.push(`unfinished check ${open[0]} not offered for resuming`);
    }
    if (problems.length > 0) {
      allProblems = [...allProblems, ...problems.map((p) => `round ${round}: ${p}`)];
      console.log(`round ${round}: ${problems.join('; ')}`);
      if (PLANT !== 'none') {
        await tablet.kill();
        break;
      }
    }
    if (last) {
      await tablet.close();
      break;
    }

    // Drive the door; the kill lands `delayMs` after the k-th action is dispatched.
    const killAfter = 1 + Math.floor(random() * 7);
    const delayMs = random() < 0.7 ? Math.floor(random() * 60) : 60 + Math.floor(random() * 600);
    let actions = 0;
    let killed = false;
    const killing: Promise<void>[] = [];
    const scheduleKill = () => {
      if (++actions !== killAfter) return;
      killing.push(
        new Promise<void>((resolve) => setTimeout(resolve, delayMs)).then(async () => {
          killed = true;
          await tablet.kill();
        }),
      );
    };
    try {
      while (!killed) {
        const screen = await driver.current();
        if (screen === 'appointment' || screen === 'outcome') {
          scheduleKill();
          if (!(await driver.resumeDraft())) {
            current = bookings[nextBooking++]?.bookingId ?? '';
            await driver.chooseBooking(current);
          }
        } else {
          scheduleKill();
          await driver.tapStep(screen);
        }
        if (!killed) await driver.leave(screen, 20_000);
      }
    } catch (e) {
      if (!killed) {
        const shot = join(tmpdir(), `crash-stuck-${SEED}-${round}.png`);
        await page.screenshot({ path: shot }).catch(() => undefined);
        throw new Error(`round ${round}: ${(e as Error).message} (screen: ${shot})`);
      }
    }
    await Promise.all(killing);
    results.push({ killedAfterAction: killAfter, delayMs, problems });
  }

  // Sync: the server must end with exactly the tablet's events.
  if (allProblems.length === 0 || PLANT === 'none') {
    const tablet = await launchTablet(profile);
    const driver = await DoorDriver.attach(tablet.context, () => undefined);
    await driver.page.goto(base);
    await driver.current();
    // The tablet goes on recording device events (online, storage) while it syncs.
    let kept = await keptEvents(driver.page);
    const device = kept[0]?.device;
    const db = new Database(join(dataDir, 'checkpoint.sqlite'), { readonly: true });
    const held = () =>
      db.prepare('SELECT id, seq FROM events WHERE device = ?').all(device) as {
        id: string;
        seq: number;
      }[];
    const deadline = Date.now() + 90_000;
    while (held().length !== kept.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      kept = await keptEvents(driver.page);
    }
    const onServer = held();
    const local = new Set(kept.map((e) => e.id));
    const ids = new Set(onServer.map((e) => e.id));
    for (const e of onServer.filter((h) => !local.has(h.id)))
      allProblems.push(`sync: the server holds seq ${e.seq} (${e.id}), the tablet has lost it`);
    const missing = kept.filter((e) => !ids.has(e.id)).length;
    if (missing > 0)
      allProblems.push(`sync: ${missing} of the tablet's events never reached the server`);
    console.log(`sync: server holds ${onServer.length} events of ${kept.length} on the tablet`);
    db.close();
    await tablet.close();
  }

  const byAction = new Map<number, number>();
  for (const r of results)
    byAction.set(r.killedAfterAction, (byAction.get(r.killedAfterAction) ?? 0) + 1);
  console.log(
    `${results.length} kills (after action ${[...byAction]
      .sort((a, b) => a[0] - b[0])
      .map(([a, n]) => `${a}:${n}`)
      .join(' ')}), ` +
      `${admitted} verdicts shown, ${confirmed.length} confirmed screens checked, ${allProblems.length} problems`,
  );
  const replay = `replay: SEED=${SEED} ROUNDS=${ROUNDS}${PLANT === 'none' ? '' : ` PLANT=${PLANT}`} npm run test:crash`;
  if (PLANT !== 'none') {
    console.log(
      allProblems.length > 0
        ? `planted bug caught (${replay})`
        : `planted bug NOT caught (${replay})`,
    );
    process.exitCode = allProblems.length > 0 ? 0 : 1;
    return;
  }
  if (allProblems.length > 0) {
    console.log(allProblems.join('\n'));
    console.log(replay);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
