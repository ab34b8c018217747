/**
 * Makes a hall's CA and its server certificates. The one module that imports
 * @peculiar/x509: Node signs and verifies, but cannot build an X.509 certificate.
 * ECDSA P-256 with SHA-256: what every Android tablet's Chrome accepts, and keys made
 * in milliseconds on a hall's small PC.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { NAME_CONSTRAINTS_OID, nameConstraintsDer, type ServerNames } from './name-constraints';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY = 86_400_000;
/** Ten years: the CA is installed once on every tablet, by hand. */
export const CA_DAYS = 3650;
/**
 * 397 days, the longest browsers accept from a public CA (CA/Browser Forum): a tablet's
 * Chrome does not ask it of a CA installed by hand, but nothing is lost by keeping to it.
 */
export const SERVER_DAYS = 397;

export type { ServerNames };

export interface Issued {
  certPem: string;
  keyPem: string;
}

async function keyPair(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(ALGORITHM, true, [
    'sign',
    'verify',
  ]) as Promise<CryptoKeyPair>;
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

async function importPrivateKey(pem: string): Promise<CryptoKey> {
  const base64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return webcrypto.subtle.importKey('pkcs8', Buffer.from(base64, 'base64'), ALGORITHM, false, [
    'sign',
  ]);
}

/**
 * A CA for one hall, named after it: its certificate goes on every tablet. It may sign
 * for `names` only (their subdomains too): a critical nameConstraints extension.
 */
export async function issueHallCa(
  hallName: string,
  names: ServerNames,
  now: number,
): Promise<Issued> {
  const keys = await keyPair();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: [{ CN: [`${hallName} CA`] }, { O: [hallName] }],
    keys,
    signingAlgorithm: ALGORITHM,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + CA_DAYS * DAY),
    extensions: [
      // pathLength 0: the hall CA signs servers only, never another CA.
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      new x509.Extension(NAME_CONSTRAINTS_OID, true, new Uint8Array(nameConstraintsDer(names))),
    ],
  });
  return { certPem: `${cert.toString('pem')}\n`, keyPem: await privateKeyPem(keys.privateKey) };
}

/** The CA's nameConstraints (DER), or null for a CA made before they were. */
export function caNameConstraints(caPem: string): Uint8Array | null {
  const found = new x509.X509Certificate(caPem).getExtension(NAME_CONSTRAINTS_OID);
  return found ? new Uint8Array(found.value) : null;
}

/** A server certificate with these names (SAN), signed by the hall's CA, with a new key. */
export async function issueServerCertificate(
  ca: { certPem: string; keyPem: string },
  names: ServerNames,
  now: number,
): Promise<Issued> {
  const caCert = new x509.X509Certificate(ca.certPem);
  const keys = await keyPair();
  const cert = await x509.X509CertificateGenerator.create({
    subject: [{ CN: [names.dns[0] ?? names.ips[0] ?? 'hall'] }],
    issuer: caCert.subject,
    publicKey: keys.publicKey,
    signingKey: await importPrivateKey(ca.keyPem),
    signingAlgorithm: ALGORITHM,
    // A day back: a tablet whose clock is a little behind must not see "not yet valid".
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + SERVER_DAYS * DAY),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...names.dns.map((value) => ({ type: 'dns' as const, value })),
        ...names.ips.map((value) => ({ type: 'ip' as const, value })),
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: `${cert.toString('pem')}\n`, keyPem: await privateKeyPem(keys.privateKey) };
}

/** The names a server certificate was issued for, to issue the next one alike. */
export function serverNames(certPem: string): ServerNames {
  const san = new x509.X509Certificate(certPem).getExtension(x509.SubjectAlternativeNameExtension);
  const names = san?.names.toJSON() ?? [];
  return {
    dns: names.filter((n) => n.type === 'dns').map((n) => n.value),
    ips: names.filter((n) => n.type === 'ip').map((n) => n.value),
  };
}
