import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { type StaticServer, startStaticServer } from '../../scripts/static-server';
import { admitGreenVisitor, eventsOfType, importBookings } from './helpers';

// A second build of the same code with another version number plays "the version
// published during a visit"; a server of our own switches to it mid-test.
const NEXT_DIR = '.e2e-artifacts/dist-next';
const CURRENT = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const NEXT = `${CURRENT}-next`;
const UPDATE_IDLE_MS = 60_000;

let server: StaticServer;

test.beforeAll(() => {
  execFileSync(
    'npx',
    ['vite', 'build', '--outDir', NEXT_DIR, '--emptyOutDir', '--logLevel', 'warn'],
    {
      env: { ...process.env, APP_VERSION: NEXT },
      stdio: 'inherit',
    },
  );
});

test.beforeEach(async () => {
  server = await startStaticServer('dist');
});

test.afterEach(async () => {
  await server.close();
});

const version = (page: Page) => page.locator('.shell').getAttribute('data-app-version');

test('an update published mid-visit waits, and is applied once the visit ends and the door is idle', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.clock.install();
  await importBookings(page, Date.now());
  await page.evaluate(() => navigator.serviceWorker.ready);
  expect(await version(page)).toBe(CURRENT);

  await page.getByRole('link', { name: '门岗检查' }).click();
  await page.getByRole('button', { name: /张\*明/ }).click();
  await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
  await page.evaluate(() => {
    (window as { sameDocument?: boolean }).sameDocument = true;
  });

  // Publish the next version; the network coming back makes the kiosk look for it.
  server.setRoot(NEXT_DIR);
  await context.setOffline(true);
  await context.setOffline(false);
  await expect(page.getByTestId('health')).toContainText('新版本待安装', { timeout: 30_000 });

  // Idle far past the update delay, but a visitor is mid-check: nothing happens.
  await page.clock.fastForward(UPDATE_IDLE_MS * 2);
  await page.waitForTimeout(1_000);
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect(await version(page)).toBe(CURRENT);
  await expect(page.getByRole('heading', { name: /测量体温/ })).toBeVisible();

  // The visit ends; after the idle delay the new version takes over.
  await page.getByRole('button', { name: '36.5', exact: true }).click();
  await page.getByRole('button', { name: '身份证与预约一致' }).click();
  await page.getByRole('button', { name: '绿码 · 行程无中高风险' }).click();
  await expect(page.getByTestId('outcome')).toContainText('A001');
  expect(await version(page)).toBe(CURRENT);
  await page.clock.fastForward(UPDATE_IDLE_MS + 6_000);
  await expect(page.locator('.shell')).toHaveAttribute('data-app-version', NEXT, {
    timeout: 30_000,
  });
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(
    undefined,
  );

  // Nothing was lost, and the update is in the ledger.
  await page.getByRole('link', { name: '今日台账' }).click();
  await expect(page.getByTestId('count-admitted')).toHaveText('1');
  const updated = await eventsOfType(page, 'device.app-updated');
  expect(updated.map((e) => e.data)).toEqual([{ from: CURRENT, to: NEXT }]);
  await context.close();
});

test('the lead can apply a waiting update at once', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await importBookings(page, Date.now());
  await page.evaluate(() => navigator.serviceWorker.ready);
  server.setRoot(NEXT_DIR);
  await page.getByRole('button', { name: '检查更新' }).click();
  await page.getByRole('button', { name: '立即更新' }).click({ timeout: 30_000 });
  await expect(page.locator('.shell')).toHaveAttribute('data-app-version', NEXT, {
    timeout: 30_000,
  });
  // Reloaded into the new version: settings are locked again, the door works.
  await expect(page.getByRole('heading', { name: '需要值班组长密码' })).toBeVisible();
  await page.getByRole('link', { name: '门岗检查' }).click();
  await admitGreenVisitor(page, /张\*明/);
  await context.close();
});
