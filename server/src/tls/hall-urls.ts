/**
 * The addresses the CA page shows, taken from the server certificate's own names (never
 * from a request's Host header). The CA page is for a tablet that does not trust the hall
 * yet and may not resolve `hall.local` (mDNS): its QR code points at the IP when there is
 * one. The app's link uses the host name the shift lead gave first.
 */
import { X509Certificate } from 'node:crypto';

export interface CertificateNames {
  dns: string[];
  ips: string[];
}

export function certificateNames(certPem: string | Buffer): CertificateNames {
  const entries = (new X509Certificate(certPem).subjectAltName ?? '').split(', ');
  return {
    dns: entries.filter((e) => e.startsWith('DNS:')).map((e) => e.slice(4)),
    ips: entries.filter((e) => e.startsWith('IP Address:')).map((e) => e.slice(11)),
  };
}

function hostPart(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export function hallUrls(
  serverCertPem: string | Buffer,
  ports: { https: number; caPage: number },
): { caPageOrigin: string; appUrl: string } {
  const { dns, ips } = certificateNames(serverCertPem);
  const forPage = ips[0] ?? dns[0] ?? 'localhost';
  const forApp = dns[0] ?? ips[0] ?? 'localhost';
  return {
    caPageOrigin: `http://${hostPart(forPage)}${ports.caPage === 80 ? '' : `:${ports.caPage}`}`,
    appUrl: `https://${hostPart(forApp)}${ports.https === 443 ? '' : `:${ports.https}`}/`,
  };
}
