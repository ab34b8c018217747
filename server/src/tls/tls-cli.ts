/**
 * `npm run admin -- tls init --name 东门大厅 --host hall.local --ip 192.168.1.20 [--ca-key path]`
 * makes the hall's CA (once: a CA already there is kept, the tablets trust it) and a
 * server certificate for those names; `tls renew [--ca-key path]` issues the next server
 * certificate, same names unless given, same CA. The server uses them at its next start.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import {
  caNameConstraints,
  issueHallCa,
  issueServerCertificate,
  type ServerNames,
  serverNames,
} from './issue';
import { outsideConstraints, publicAddressProblem, publicNameProblem } from './name-constraints';
import { hallTlsPaths, writePrivateFile } from './tls-files';

export class TlsUsageError extends Error {}

const HOSTNAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** The names asked for, each a host name or address of the hall's own network. */
function namesFrom(hosts: readonly string[], ips: readonly string[]): ServerNames {
  for (const host of hosts) {
    if (!HOSTNAME.test(host)) throw new TlsUsageError(`--host ${host}: not a host name`);
    const problem = publicNameProblem(host);
    if (problem) throw new TlsUsageError(problem);
  }
  for (const ip of ips) {
    if (isIP(ip) === 0) throw new TlsUsageError(`--ip ${ip}: not an address`);
    const problem = publicAddressProblem(ip);
    if (problem) throw new TlsUsageError(problem);
  }
  return { dns: hosts.map((h) => h.toLowerCase()), ips };
}

/**
 * Refuses names the hall CA may not sign for; warns of a CA made before name constraints
 * (it could sign for any site: make a new one, docs/operations.md).
 */
function checkAgainstCa(caPem: string, names: ServerNames): string[] {
  const constraints = caNameConstraints(caPem);
  if (!constraints)
    return [
      'WARNING: this hall CA has no name constraints (made before them): its key could sign for any site the tablets visit. Make a new CA (docs/operations.md, "A hall CA without name constraints").',
    ];
  const outside = outsideConstraints(constraints, names);
  if (outside.length > 0)
    throw new TlsUsageError(
      `${outside.join(', ')}: not among the names this hall CA may sign for (given to \`tls init\`); a new name needs a new CA`,
    );
  return [];
}

function options(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        name: { type: 'string' },
        host: { type: 'string', multiple: true, default: [] },
        ip: { type: 'string', multiple: true, default: [] },
        'ca-key': { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (e) {
    throw new TlsUsageError((e as Error).message);
  }
}

function summary(certPem: string, caPem: string, paths: ReturnType<typeof hallTlsPaths>): string {
  const cert = new X509Certificate(certPem);
  const ca = new X509Certificate(caPem);
  return [
    `server certificate ${paths.serverCert} for ${cert.subjectAltName}, valid until ${cert.validTo}`,
    `hall CA ${paths.caCert}, SHA-256 ${ca.fingerprint256}`,
    `CA key ${paths.caKey} (0600): the server never reads it. Move it off this machine (a USB stick kept locked away, and a second copy) and give it back with --ca-key when renewing`,
    'restart the server: HTTPS on PORT (default 8443), the CA page on CA_PAGE_PORT (default 8080)',
  ].join('\n');
}

export async function tlsCommand(dataDir: string, args: string[], now: number): Promise<string> {
  const [sub, ...rest] = args;
  const values = options(rest);
  const paths = hallTlsPaths(dataDir, values['ca-key']);
  switch (sub) {
    case 'init': {
      const name = values.name?.trim();
      if (!name) throw new TlsUsageError('missing --name (the hall, as tablets will see it)');
      const names = namesFrom(values.host, values.ip);
      if (names.dns.length + names.ips.length === 0)
        throw new TlsUsageError('give at least one --host or --ip the tablets use');
      const haveCa = existsSync(paths.caCert) && existsSync(paths.caKey);
      const ca = haveCa
        ? { certPem: readFileSync(paths.caCert, 'utf8'), keyPem: readFileSync(paths.caKey, 'utf8') }
        : await issueHallCa(name, names, now);
      if (!haveCa) {
        writePrivateFile(paths.caKey, ca.keyPem);
        writePrivateFile(paths.caCert, ca.certPem);
      }
      const warnings = checkAgainstCa(ca.certPem, names);
      const issued = await issue(ca, names, now);
      writePrivateFile(paths.serverKey, issued.keyPem);
      writePrivateFile(paths.serverCert, issued.certPem);
      return [
        haveCa
          ? 'kept the hall CA already there (tablets trust it)'
          : 'made a new hall CA, for these names only',
        ...warnings,
        summary(issued.certPem, ca.certPem, paths),
      ].join('\n');
    }
    case 'renew': {
      if (!existsSync(paths.caCert) || !existsSync(paths.serverCert))
        throw new TlsUsageError('no hall certificate yet: run `tls init` first');
      if (!existsSync(paths.caKey))
        throw new TlsUsageError(`no CA key at ${paths.caKey}: give its path with --ca-key`);
      const ca = {
        certPem: readFileSync(paths.caCert, 'utf8'),
        keyPem: readFileSync(paths.caKey, 'utf8'),
      };
      const given = values.host.length + values.ip.length > 0;
      const names = given
        ? namesFrom(values.host, values.ip)
        : serverNames(readFileSync(paths.serverCert, 'utf8'));
      const warnings = checkAgainstCa(ca.certPem, names);
      const issued = await issue(ca, names, now);
      writePrivateFile(paths.serverKey, issued.keyPem);
      writePrivateFile(paths.serverCert, issued.certPem);
      return [...warnings, summary(issued.certPem, ca.certPem, paths)].join('\n');
    }
    default:
      throw new TlsUsageError('tls commands: init, renew');
  }
}

/** Issues, then checks that the hall CA verifies it: a CA key from another hall is refused. */
async function issue(ca: { certPem: string; keyPem: string }, names: ServerNames, now: number) {
  const issued = await issueServerCertificate(ca, names, now);
  if (!new X509Certificate(issued.certPem).verify(new X509Certificate(ca.certPem).publicKey))
    throw new TlsUsageError('the CA key does not belong to this hall’s ca.crt');
  return issued;
}
