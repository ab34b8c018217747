/**
 * The app over the hall's own HTTPS (issue 22): a Chromium that trusts the hall CA (by
 * its key, as an installed CA would be trusted) loads it at https://hall.local, gets a
 * secure context and a service worker; one that does not is refused. The hall's server
 * here is a second one, started with `tls init`'s files, beside the config's webServer.
 */
import { spawnSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { type ServerProcess, startServer, tempDataDir } from '../integration/server-process';
import { chromiumArgs, chromiumPath } from './chromium';
import { openApp } from './helpers';

let server: ServerProcess;
let spki: string;

test.beforeAll(async () => {
  const dataDir = tempDataDir();
  const init = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/src/cli/admin-cli.ts',
      'tls',
      'init',
      '--name',
      '东门大厅',
      '--host',
      'hall.local',
    ],
    { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' },
  );
  expect(init.status, init.stderr).toBe(0);
  const ca = new X509Certificate(readFileSync(join(dataDir, 'tls', 'ca.crt')));
  spki = createHash('sha256')
    .update(ca.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
  server = await startServer(dataDir, 0, { STATIC_DIR: resolve('dist'), CA_PAGE_PORT: 'off' });
});
test.afterAll(() => server?.stop());

const hallUrl = () => `https://hall.local:${new URL(server.url).port}/`;
const resolveHall = '--host-resolver-rules=MAP hall.local 127.0.0.1';

test('loads over HTTPS with only the hall CA trusted, secure, with its service worker', async () => {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, resolveHall, `--ignore-certificate-errors-spki-list=${spki}`],
  });
  try {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    await openApp(page, hallUrl());
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(hallUrl());
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active?.state)))
      .toBe('activated');
  } finally {
    await browser.close();
  }
});

test('is refused by a Chromium that does not trust the hall CA', async () => {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, resolveHall],
  });
  try {
    const page = await browser.newPage();
    await expect(page.goto(hallUrl())).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);
  } finally {
    await browser.close();
  }
});
