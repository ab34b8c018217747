import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckpointDb } from '../../src/db/database';
import { cspText } from '../../src/protocol/csp';
import { LEAD_PIN, renderApp } from './render-app';

let db: CheckpointDb | undefined;
afterEach(async () => {
  vi.unstubAllGlobals();
  document.head.querySelector('meta[http-equiv="Content-Security-Policy"]')?.remove();
  await db?.delete();
});

describe('enrolment against a server on another origin (issue 31)', () => {
  it('says the page’s own CSP blocked it, not "offline"', async () => {
    // The built page carries the app's CSP as a meta tag (vite.config.ts): connect-src 'self'.
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = cspText(true);
    document.head.append(meta);
    // What Chromium does to a request its CSP blocks: "Failed to fetch", nothing sent.
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', fetch);

    const app = await renderApp([], '/settings');
    db = app.db;
    await screen.findByRole('heading', { name: '需要值班组长密码' });
    for (const d of LEAD_PIN) await app.user.click(screen.getByRole('button', { name: d }));
    await app.user.click(screen.getByRole('button', { name: '确认' }));
    await app.user.type(
      await screen.findByLabelText('服务器地址（留空 = 本应用所在地址）'),
      'http://192.168.1.20:8080',
    );
    await app.user.type(screen.getByLabelText('登记码（值班组长在服务器上生成）'), 'ABCD2345');
    await app.user.click(screen.getByRole('button', { name: '登记本机' }));
    const alert = await screen.findByText(/安全策略（CSP）/);
    expect(alert).toHaveTextContent('不是离线');
    expect(alert).not.toHaveTextContent('连不上服务器');
  });
});
