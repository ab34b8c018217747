// @vitest-environment node
/**
 * The real server process once `tls init` has run (issue 22): HTTPS with the hall's
 * certificate, trusted by a client that has the hall CA and by no other, and the
 * plain-HTTP port handing out the CA certificate.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallTlsPaths } from '../../server/src/tls/tls-files';
import { httpsGet, initHallTls } from '../fixtures/hall-tls';
import { type ServerProcess, startServer, tempDataDir } from './server-process';

const DAY = 86_400_000;
let server: ServerProcess;
let caPem: string;

beforeAll(async () => {
  const dataDir = tempDataDir();
  // Issued 380 days ago: 17 days left, inside the 30-day warning.
  await initHallTls(dataDir, Date.now() - 380 * DAY);
  caPem = readFileSync(hallTlsPaths(dataDir).caCert, 'utf8');
  server = await startServer(dataDir, 0, { CA_PAGE_PORT: '0' });
}, 40_000);
afterAll(() => server.stop());

describe('HTTPS with the hall certificate', () => {
  it('is trusted by a client that has the hall CA, by IP and by name', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const byIp = await httpsGet(`${server.url}/healthz`, caPem);
    expect(byIp.status).toBe(200);
    expect(JSON.parse(byIp.body)).toMatchObject({ ok: true });
    const port = new URL(server.url).port;
    const byName = await httpsGet(`https://hall.local:${port}/healthz`, caPem);
    expect(byName.status).toBe(200);
    expect(byName.headers['strict-transport-security']).toMatch(/max-age=/);
  });

  it('is refused by a client without the hall CA, and for a name not in the certificate', async () => {
    // The chain the server sends ends with the hall CA (config.ts): trusted by no one else.
    await expect(httpsGet(`${server.url}/healthz`)).rejects.toMatchObject({
      code: 'SELF_SIGNED_CERT_IN_CHAIN',
    });
    const otherHall = tempDataDir();
    await initHallTls(otherHall);
    const otherCa = readFileSync(hallTlsPaths(otherHall).caCert);
    await expect(httpsGet(`${server.url}/healthz`, otherCa)).rejects.toMatchObject({
      code: 'SELF_SIGNED_CERT_IN_CHAIN',
    });
    const port = new URL(server.url).port;
    await expect(httpsGet(`https://evil.example:${port}/healthz`, caPem)).rejects.toMatchObject({
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    });
  });

  it('warns at start that the certificate expires within 30 days', () => {
    expect(server.log()).toMatch(
      /the TLS certificate expires in 1[67] days: run `npm run admin -- tls renew`/,
    );
  });
});

describe('the plain-HTTP port', () => {
  it('serves the page with the CA download, its QR code, the Android steps and the fingerprint', async () => {
    const reply = await fetch(`${server.caPageUrl}/`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await reply.text();
    const ca = new X509Certificate(caPem);
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('东门大厅');
    expect(html).toContain(ca.fingerprint256);
    expect(html).toContain('设置 → 安全 → 加密与凭据 → 安装证书 → CA 证书');
    expect(html).toMatch(/<svg[^>]*viewBox/);
    expect(html).toContain('href="http://127.0.0.1:');
    expect(html).toContain(`https://hall.local:${new URL(server.url).port}/`);
    expect(reply.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('hands out the CA certificate as DER with the CA content type', async () => {
    const reply = await fetch(`${server.caPageUrl}/hall-ca.crt`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/x-x509-ca-cert');
    const der = Buffer.from(await reply.arrayBuffer());
    expect(der.equals(new X509Certificate(caPem).raw)).toBe(true);
  });
});
