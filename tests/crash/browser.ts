/**
 * Chromium as the tablet runs it, started by hand so it can be killed like Android kills a
 * backgrounded browser: SIGKILL to its whole process group (browser, renderer, storage
 * service), no shutdown, no flush. The profile folder persists across kills, so what
 * IndexedDB holds afterwards is what the disk kept. Playwright attaches over CDP.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { type Browser, type BrowserContext, chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/chromium';

export interface Tablet {
  browser: Browser;
  context: BrowserContext;
  /** SIGKILL to the process group; resolves once the browser process has gone. */
  kill(): Promise<void>;
  /** A clean close (the last round, before the sync check). */
  close(): Promise<void>;
}

export async function launchTablet(profileDir: string): Promise<Tablet> {
  const child: ChildProcess = spawn(
    chromiumPath,
    [
      ...chromiumArgs,
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${profileDir}`,
      '--window-size=1280,800',
      '--lang=zh-CN',
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${err}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${err}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const pid = child.pid;
  if (pid === undefined) throw new Error('Chromium has no pid');
  return {
    browser,
    context,
    kill: async () => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
      await browser.close().catch(() => undefined);
    },
    close: async () => {
      await browser.close().catch(() => undefined);
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await exited;
    },
  };
}
