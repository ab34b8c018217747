// @vitest-environment node
/**
 * `tls init` and `tls renew` (issue 22): a hall CA and a server certificate with the
 * hall's names, checked with Node's own X509Certificate as a tablet's TLS stack would.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkExpiry } from '../../server/src/tls/expiry';
import { hallUrls } from '../../server/src/tls/hall-urls';
import { SERVER_DAYS } from '../../server/src/tls/issue';
import { tlsCommand } from '../../server/src/tls/tls-cli';
import { hallTlsPaths } from '../../server/src/tls/tls-files';
import { initHallTls } from '../fixtures/hall-tls';
import { tempDataDir } from './server-process';

const DAY = 86_400_000;
const cert = (path: string) => new X509Certificate(readFileSync(path));

describe('tls init', () => {
  it('makes a hall CA and a server certificate for the names, signed by the CA', async () => {
    const dataDir = tempDataDir();
    const now = Date.now();
    const out = await initHallTls(dataDir, now);
    const paths = hallTlsPaths(dataDir);
    const ca = cert(paths.caCert);
    const server = cert(paths.serverCert);

    expect(ca.ca).toBe(true);
    expect(ca.subject).toContain('东门大厅');
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.subjectAltName).toBe(
      'DNS:hall.local, IP Address:127.0.0.1, IP Address:192.168.1.20',
    );
    expect(server.checkHost('hall.local')).toBe('hall.local');
    expect(server.checkIP('192.168.1.20')).toBe('192.168.1.20');
    expect(server.checkHost('evil.example')).toBeUndefined();
    expect(server.checkIP('192.168.1.21')).toBeUndefined();
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']); // serverAuth only
    const notAfter = new Date(server.validTo).getTime();
    expect(Math.abs(notAfter - (now + SERVER_DAYS * DAY))).toBeLessThan(2000);
    expect(new Date(server.validFrom).getTime()).toBeLessThan(now);
    expect(new Date(ca.validTo).getTime()).toBeGreaterThan(notAfter);
    expect(out).toContain(ca.fingerprint256);

    // The server's key pairs with its certificate; the CA's key is another one.
    const serverKey = readFileSync(paths.serverKey, 'utf8');
    expect(server.checkPrivateKey(createPrivateKey(serverKey))).toBe(true);
    expect(readFileSync(paths.caKey, 'utf8')).not.toBe(serverKey);
    for (const path of [paths.caKey, paths.serverKey])
      expect(statSync(path).mode & 0o777, path).toBe(0o600);
  });

  it('keeps a CA already there: the tablets trust it', async () => {
    const dataDir = tempDataDir();
    await initHallTls(dataDir);
    const paths = hallTlsPaths(dataDir);
    const before = readFileSync(paths.caCert, 'utf8');
    const out = await tlsCommand(
      dataDir,
      ['init', '--name', '东门大厅', '--ip', '192.168.1.20'],
      Date.now(),
    );
    expect(out).toMatch(/kept the hall CA/);
    expect(readFileSync(paths.caCert, 'utf8')).toBe(before);
    expect(cert(paths.serverCert).subjectAltName).toBe('IP Address:192.168.1.20');
    // A name the CA was not made for: its name constraints would fail it on every tablet.
    await expect(
      tlsCommand(dataDir, ['init', '--name', '东门大厅', '--ip', '10.0.0.5'], Date.now()),
    ).rejects.toThrow(/--ip 10.0.0.5: not among the names this hall CA may sign for/);
  });

  it('keeps the CA key at a path given, apart from the data folder', async () => {
    const dataDir = tempDataDir();
    const caKey = `${tempDataDir()}/usb/hall-ca.key`;
    await initHallTls(dataDir, Date.now(), ['--ca-key', caKey]);
    expect(statSync(caKey).mode & 0o777).toBe(0o600);
    await expect(tlsCommand(dataDir, ['renew'], Date.now())).rejects.toThrow(/--ca-key/);
    await tlsCommand(dataDir, ['renew', '--ca-key', caKey], Date.now());
  });

  it('refuses what it cannot make a certificate of', async () => {
    const dataDir = tempDataDir();
    const init = (...args: string[]) => tlsCommand(dataDir, ['init', ...args], Date.now());
    await expect(init('--host', 'hall.local')).rejects.toThrow(/--name/);
    await expect(init('--name', 'x')).rejects.toThrow(/--host or --ip/);
    await expect(init('--name', 'x', '--ip', '999.1.1.1')).rejects.toThrow(/not an address/);
    await expect(init('--name', 'x', '--host', 'a b/../c')).rejects.toThrow(/not a host name/);
    await expect(init('--name', 'x', '--hots', 'a')).rejects.toThrow(/hots/);
    await expect(tlsCommand(dataDir, ['renew'], Date.now())).rejects.toThrow(/tls init/);
  });
});

describe('tls renew', () => {
  it('issues the next certificate with a new key, the same names and the same CA', async () => {
    const dataDir = tempDataDir();
    const paths = hallTlsPaths(dataDir);
    const then = Date.now() - 380 * DAY;
    await initHallTls(dataDir, then);
    const ca = readFileSync(paths.caCert, 'utf8');
    const old = cert(paths.serverCert);
    const oldKey = readFileSync(paths.serverKey, 'utf8');
    expect(checkExpiry(old.toString(), Date.now()).state).toBe('soon');

    await tlsCommand(dataDir, ['renew'], Date.now());
    const renewed = cert(paths.serverCert);
    expect(readFileSync(paths.caCert, 'utf8')).toBe(ca);
    expect(renewed.verify(new X509Certificate(ca).publicKey)).toBe(true);
    expect(renewed.subjectAltName).toBe(old.subjectAltName);
    expect(renewed.serialNumber).not.toBe(old.serialNumber);
    expect(readFileSync(paths.serverKey, 'utf8')).not.toBe(oldKey);
    expect(statSync(paths.serverKey).mode & 0o777).toBe(0o600);
    expect(checkExpiry(renewed.toString(), Date.now()).state).toBe('ok');
  });

  it('refuses another hall’s CA key', async () => {
    const [a, b] = [tempDataDir(), tempDataDir()];
    await initHallTls(a);
    await initHallTls(b);
    const otherKey = hallTlsPaths(b).caKey;
    await expect(tlsCommand(a, ['renew', '--ca-key', otherKey], Date.now())).rejects.toThrow(
      /does not belong/,
    );
  });
});

describe('expiry and the page’s addresses', () => {
  it('warns from 30 days before expiry, and after it', async () => {
    const dataDir = tempDataDir();
    const now = Date.now();
    await initHallTls(dataDir, now);
    const pem = readFileSync(hallTlsPaths(dataDir).serverCert);
    expect(checkExpiry(pem, now)).toMatchObject({ state: 'ok' });
    expect(checkExpiry(pem, now + (SERVER_DAYS - 31) * DAY)).toMatchObject({ state: 'ok' });
    expect(checkExpiry(pem, now + (SERVER_DAYS - 29) * DAY)).toMatchObject({
      state: 'soon',
      daysLeft: 28,
    });
    expect(checkExpiry(pem, now + (SERVER_DAYS + 1) * DAY)).toMatchObject({ state: 'expired' });
  });

  it('takes the CA page’s address (the IP) and the app’s (the name) from the certificate', async () => {
    const dataDir = tempDataDir();
    await initHallTls(dataDir);
    const pem = readFileSync(hallTlsPaths(dataDir).serverCert);
    expect(hallUrls(pem, { https: 8443, caPage: 8080 })).toEqual({
      caPageOrigin: 'http://127.0.0.1:8080',
      appUrl: 'https://hall.local:8443/',
    });
  });
});
