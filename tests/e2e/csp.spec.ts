import { expect, test } from '@playwright/test';
import { formatBookingCode } from '../../src/domain/codes/booking-code';
import { dayKey } from '../../src/domain/time';
import { cameraPage, launchWithCamera, qrVideo, videoDir } from './camera';
import { importBookings, unlockLead } from './helpers';

// The app under the server's Content-Security-Policy (src/protocol/csp.ts): the door
// with the camera and the WebAssembly decoder, the guide, the lead's ledger and settings,
// and not one `securitypolicyviolation` on the way.

test('door, guide, lead and settings run under the CSP with zero violations', async () => {
  const now = Date.now();
  const video = qrVideo(videoDir(), 'csp-booking', [formatBookingCode('B0001', dayKey(now))]);
  const browser = await launchWithCamera({ video });
  try {
    const page = await cameraPage(browser, { video });
    // Reported to the test as they happen, on every page the app goes through.
    const seen: string[] = [];
    await page.exposeBinding('reportCspViolation', (_source, text: string) => seen.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = Reflect.get(window, 'reportCspViolation') as (t: string) => void;
        report(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    const console: string[] = [];
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) console.push(m.text());
    });

    const response = await page.goto('/');
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response?.headers()['permissions-policy']).toContain('camera=(self)');

    await importBookings(page, now);
    await page.getByRole('link', { name: '门岗检查' }).click();
    // The camera reads the booking code with the WebAssembly decoder.
    await expect(page.getByRole('heading', { name: /口罩与手消毒/ })).toBeVisible();
    await page.getByRole('button', { name: '已戴口罩 · 已手消毒' }).click();
    await page.getByRole('button', { name: '36.5', exact: true }).click();
    await page.getByRole('button', { name: '身份证与预约一致' }).click();
    const panel = page.getByTestId('scan-panel');
    // The door's frame path read it with the WebAssembly detector (the .wasm ran under the CSP).
    await expect(panel).toHaveAttribute('data-engine', 'polyfill');
    await expect(panel).toHaveAttribute('data-decoder', /^frame:/);
    await page.getByRole('button', { name: '绿码 · 行程无中高风险' }).click();
    await expect(page.getByTestId('outcome')).toContainText('A001');

    await page.goto('/guide');
    await expect(page.getByRole('heading').first()).toBeVisible();
    await page.goto('/lead');
    await unlockLead(page, undefined, '台账');
    await page.goto('/settings');
    await unlockLead(page);
    await page.goto('/board');
    await page.waitForTimeout(500);

    expect(seen).toEqual([]);
    expect(console).toEqual([]);
  } finally {
    await browser.close();
  }
});
