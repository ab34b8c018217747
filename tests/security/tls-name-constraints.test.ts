// @vitest-environment node
/**
 * Issue 35, finding 4: the hall CA could sign for any domain. `tls init --host google.com`
 * and `tls renew --host www.google.com` were accepted, and a leaf for www.google.com
 * signed with the CA key verified against the CA every tablet trusts. Now the CA carries
 * a critical nameConstraints extension for the names given to `tls init` only, and public
 * names and addresses are refused, said why. `openssl verify` is the judge.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueServerCertificate } from '../../server/src/tls/issue';
import { hallTlsPaths } from '../../server/src/tls/tls-files';
import { tempDataDir } from '../integration/server-process';
import { adminCli, runCommand } from './attack';

const init = (dataDir: string, ...names: string[]) =>
  adminCli(dataDir, 'tls', 'init', '--name', '东门大厅', ...names);

/** A leaf for `names`, signed with the hall CA's key behind the CLI's back; openssl's verdict. */
async function forgedLeaf(dataDir: string, dns: string[], ips: string[] = []) {
  const paths = hallTlsPaths(dataDir);
  const ca = {
    certPem: readFileSync(paths.caCert, 'utf8'),
    keyPem: readFileSync(paths.caKey, 'utf8'),
  };
  const leaf = await issueServerCertificate(ca, { dns, ips }, Date.now());
  const file = join(dataDir, `leaf-${dns[0] ?? ips[0]}.crt`);
  writeFileSync(file, leaf.certPem);
  return runCommand('openssl', ['verify', '-CAfile', paths.caCert, file]);
}

describe('the hall CA', () => {
  it('refuses public names and addresses in tls init and renew, and says why', async () => {
    for (const names of [
      ['--host', 'google.com'],
      ['--host', 'www.google.com'],
      ['--host', 'hall.local', '--host', 'mail.qq.com'],
      ['--host', 'someone.github.io'],
      ['--ip', '8.8.8.8'],
    ]) {
      const r = await init(tempDataDir(), ...names);
      expect(r.code, names.join(' ')).toBe(2);
      expect(r.err, names.join(' ')).toMatch(/public (name|address)/);
    }
    const dataDir = tempDataDir();
    expect((await init(dataDir, '--host', 'hall.local', '--ip', '192.168.1.20')).code).toBe(0);
    const renew = await adminCli(dataDir, 'tls', 'renew', '--host', 'www.google.com');
    expect(renew.code).toBe(2);
    expect(renew.err).toMatch(/--host www.google.com: a public name \(under "com"/);
    // A hall name the CA was not made for: refused too (its constraints would fail it).
    const other = await adminCli(dataDir, 'tls', 'renew', '--host', 'other.lan');
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/not among the names this hall CA may sign for/);
  }, 90_000);

  it('is name-constrained: a leaf for www.google.com signed with its key fails openssl verify', async () => {
    const dataDir = tempDataDir();
    expect((await init(dataDir, '--host', 'hall.local', '--ip', '192.168.1.20')).code).toBe(0);
    const text = await runCommand('openssl', [
      'x509',
      '-noout',
      '-text',
      '-in',
      hallTlsPaths(dataDir).caCert,
    ]);
    expect(text.out).toMatch(
      /X509v3 Name Constraints: critical\s+Permitted:\s+DNS:hall\.local\s+IP:192\.168\.1\.20\/255\.255\.255\.255/,
    );

    const own = await forgedLeaf(dataDir, ['hall.local'], ['192.168.1.20']);
    expect(own.code, own.err).toBe(0);
    const sub = await forgedLeaf(dataDir, ['printer.hall.local']);
    expect(sub.code, sub.err).toBe(0);
    for (const [dns, ips] of [
      [['www.google.com'], []],
      [['hall.local', 'www.google.com'], []],
      [[], ['8.8.8.8']],
    ] as const) {
      const forged = await forgedLeaf(dataDir, [...dns], [...ips]);
      expect(forged.code, dns.join()).not.toBe(0);
      expect(forged.out + forged.err).toMatch(/permitted subtree violation/);
    }
  }, 60_000);

  it('made for addresses only, signs for no host name at all; for names only, no address', async () => {
    const ipOnly = tempDataDir();
    expect((await init(ipOnly, '--ip', '10.0.0.5')).code).toBe(0);
    const name = await forgedLeaf(ipOnly, ['www.google.com']);
    expect(name.code).not.toBe(0);
    expect(name.out + name.err).toMatch(/excluded subtree violation/);
    const v6 = await forgedLeaf(ipOnly, [], ['2001:db8::1']);
    expect(v6.code).not.toBe(0);

    const namesOnly = tempDataDir();
    expect((await init(namesOnly, '--host', 'hall.lan')).code).toBe(0);
    for (const ip of ['8.8.8.8', '2001:4860:4860::8888']) {
      const address = await forgedLeaf(namesOnly, [], [ip]);
      expect(address.code, ip).not.toBe(0);
      expect(address.out + address.err).toMatch(/excluded subtree violation/);
    }
  }, 60_000);
});
