/**
 * What the hall's CA may sign for: a critical nameConstraints extension (RFC 5280
 * 4.2.1.10) permitting exactly the host names (and their subdomains) and addresses given
 * to `tls init`, so a leaked CA key cannot sign for any other site a tablet visits. A
 * kind of name with nothing permitted is excluded whole (all host names, all IPv4 and
 * IPv6 addresses): without that, names of that kind would be unconstrained.
 *
 * And which names a hall CA may be asked for at all: no name under a public suffix (the
 * Public Suffix List, bundled in `tldts`, read offline), no public address.
 */
import { BlockList, isIP } from 'node:net';
import { parse } from 'tldts';

/** The host names and addresses of a hall's server (a certificate's SAN). */
export interface ServerNames {
  dns: readonly string[];
  ips: readonly string[];
}

export const NAME_CONSTRAINTS_OID = '2.5.29.30';

function der(tag: number, body: Buffer): Buffer {
  const n = body.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, (n >> 8) & 0xff, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), body]);
}

function ipBytes(ip: string): Buffer {
  if (isIP(ip) === 4) return Buffer.from(ip.split('.').map(Number));
  const [left = '', right = ''] = ip.split('::');
  const groups = (s: string) => (s ? s.split(':') : []);
  const missing = 8 - groups(left).length - groups(right).length;
  const all = [
    ...groups(left),
    ...Array(ip.includes('::') ? missing : 0).fill('0'),
    ...groups(right),
  ];
  return Buffer.from(all.flatMap((g) => [(parseInt(g, 16) >> 8) & 0xff, parseInt(g, 16) & 0xff]));
}

const dnsName = (name: string) => der(0x82, Buffer.from(name, 'ascii'));
/** [7] address ‖ mask: one address (a full mask), or all of a family (a zero mask). */
const ipRange = (address: Buffer, single: boolean) =>
  der(0x87, Buffer.concat([address, Buffer.alloc(address.length, single ? 0xff : 0)]));
const subtrees = (tag: number, bases: Buffer[]) =>
  der(tag, Buffer.concat(bases.map((b) => der(0x30, b))));

/** The DER of NameConstraints permitting `names` only. */
export function nameConstraintsDer(names: ServerNames): Buffer {
  const permitted = [
    ...names.dns.map(dnsName),
    ...names.ips.map((ip) => ipRange(ipBytes(ip), true)),
  ];
  const excluded = [
    // An empty dNSName matches every host name.
    ...(names.dns.length === 0 ? [dnsName('')] : []),
    ...(names.ips.length === 0
      ? [ipRange(Buffer.alloc(4), false), ipRange(Buffer.alloc(16), false)]
      : []),
  ];
  return der(
    0x30,
    Buffer.concat([
      subtrees(0xa0, permitted),
      ...(excluded.length > 0 ? [subtrees(0xa1, excluded)] : []),
    ]),
  );
}

/** The tag, body and end of the DER element at `at`. */
function element(buf: Uint8Array, at: number): { tag: number; body: Uint8Array; end: number } {
  const tag = buf[at] ?? 0;
  let length = buf[at + 1] ?? 0;
  let start = at + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + (buf[start + i] ?? 0);
    start += bytes;
  }
  return { tag, body: buf.subarray(start, start + length), end: start + length };
}

function children(buf: Uint8Array): { tag: number; body: Uint8Array }[] {
  const out: { tag: number; body: Uint8Array }[] = [];
  for (let at = 0; at < buf.length; ) {
    const e = element(buf, at);
    out.push(e);
    at = e.end;
  }
  return out;
}

/** The host names and single addresses a CA's nameConstraints permit (from its DER). */
export function permittedNames(value: Uint8Array): { dns: string[]; ips: Buffer[] } {
  const permitted = children(element(value, 0).body).find((c) => c.tag === 0xa0);
  const bases = permitted ? children(permitted.body).map((s) => element(s.body, 0)) : [];
  return {
    dns: bases.filter((b) => b.tag === 0x82).map((b) => Buffer.from(b.body).toString('ascii')),
    ips: bases
      .filter((b) => b.tag === 0x87)
      .map((b) => Buffer.from(b.body.subarray(0, b.body.length / 2))),
  };
}

/** Names outside what the CA permits, in words; empty when all are within. */
export function outsideConstraints(value: Uint8Array, names: ServerNames): string[] {
  const allowed = permittedNames(value);
  const dnsOk = (host: string) =>
    allowed.dns.some((p) => host === p.toLowerCase() || host.endsWith(`.${p.toLowerCase()}`));
  const ipOk = (ip: string) => allowed.ips.some((p) => p.equals(ipBytes(ip)));
  return [
    ...names.dns.filter((h) => !dnsOk(h)).map((h) => `--host ${h}`),
    ...names.ips.filter((ip) => !ipOk(ip)).map((ip) => `--ip ${ip}`),
  ];
}

/** Names under RFC 8375's home.arpa are for homes' and halls' own networks, though listed. */
const SPECIAL_USE = ['home.arpa'];

/** Why a host name may not be in a hall certificate, or null when it may. */
export function publicNameProblem(host: string): string | null {
  const name = host.toLowerCase();
  if (SPECIAL_USE.some((s) => name === s || name.endsWith(`.${s}`))) return null;
  const parsed = parse(name, { allowPrivateDomains: true });
  if (!parsed.isIcann && !parsed.isPrivate) return null;
  return `--host ${host}: a public name (under "${parsed.publicSuffix}" on the Public Suffix List): a hall CA may only name hosts of the hall's own network (e.g. hall.local, checkpoint.lan, server.home.arpa, or one word), or it could sign for real sites every tablet trusts`;
}

const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['100.64.0.0', 10],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['fc00::', 7],
  ['fe80::', 10],
  ['::1', 128],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6');

/** Why an address may not be in a hall certificate (a public one), or null when it may. */
export function publicAddressProblem(ip: string): string | null {
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  return PRIVATE.check(ip, family)
    ? null
    : `--ip ${ip}: a public address: a hall CA may only name addresses of the hall's own network (10.x, 172.16–31.x, 192.168.x, 127.x, 169.254.x, 100.64–127.x, fc00::/7, fe80::/10, ::1)`;
}
