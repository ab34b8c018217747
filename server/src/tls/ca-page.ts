/**
 * The plain-HTTP port of a hall that serves HTTPS: one page handing out the hall CA's
 * certificate, and the certificate itself. Nothing else: no API, no app, no redirect
 * (a redirect would take its name from the Host header, which whoever sends the request
 * chooses). Every URL on the page comes from the server certificate's own names.
 */
import { createHash, X509Certificate } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import QRCode from 'qrcode';

export const CA_DOWNLOAD_PATH = '/hall-ca.crt';

export interface CaPageOptions {
  caCertPem: string | Buffer;
  /** The address tablets reach the CA page at, e.g. http://192.168.1.20:8080 (no path). */
  pageOrigin: () => string;
  /** The app over HTTPS, e.g. https://hall.local:8443/. */
  appUrl: () => string;
}

const STYLE =
  'body{font:18px/1.6 system-ui,sans-serif;max-width:40em;margin:1em auto;padding:0 1em}' +
  'code{word-break:break-all;font-size:15px}svg{width:14em;height:14em}' +
  'a.get{display:inline-block;padding:.6em 1.2em;background:#0b5;color:#fff;text-decoration:none;border-radius:.3em}';
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

const CSP = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** The hall's name as the CA says it (issue.ts: "O=<hall>"). */
function hallName(ca: X509Certificate): string {
  return /(?:^|\n)O=([^\n]+)/.exec(ca.subject)?.[1] ?? '';
}

export async function caPageHtml(
  ca: X509Certificate,
  downloadUrl: string,
  appUrl: string,
): Promise<string> {
  const qr = await QRCode.toString(downloadUrl, { type: 'svg', margin: 2 });
  const hall = escapeHtml(hallName(ca));
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>安装${hall}证书</title><style>${STYLE}</style></head><body>
<h1>安装${hall}的证书</h1>
<p>平板先安装一次大厅证书，才能用摄像头和离线功能。</p>
<p><a class="get" href="${escapeHtml(downloadUrl)}" download="hall-ca.crt">下载证书</a></p>
<p>或用另一台设备扫码下载：</p>
${qr}
<h2>安卓平板</h2>
<ol>
<li>点上面的“下载证书”。</li>
<li>打开 设置 → 安全 → 加密与凭据 → 安装证书 → CA 证书。</li>
<li>选“仍然安装”，再选下载的 hall-ca.crt。</li>
<li>核对指纹（SHA-256）与服务器上显示的相同：<br><code>${ca.fingerprint256}</code></li>
<li>打开 <a href="${escapeHtml(appUrl)}">${escapeHtml(appUrl)}</a></li>
</ol>
<p>设置菜单的名称因品牌而异，可在设置中搜索“证书”。</p>
</body></html>`;
}

export function buildCaPage(options: CaPageOptions): FastifyInstance {
  const ca = new X509Certificate(options.caCertPem);
  const app = Fastify({ logger: false, bodyLimit: 1024 });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('content-security-policy', CSP);
    return payload;
  });
  app.get('/', async (_request, reply) => {
    const html = await caPageHtml(
      ca,
      `${options.pageOrigin()}${CA_DOWNLOAD_PATH}`,
      options.appUrl(),
    );
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });
  // DER with the CA type: what Android's certificate installer reads.
  app.get(CA_DOWNLOAD_PATH, async (_request, reply) =>
    reply
      .type('application/x-x509-ca-cert')
      .header('content-disposition', 'attachment; filename="hall-ca.crt"')
      .send(ca.raw),
  );
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).type('text/plain; charset=utf-8').send('not found'),
  );
  return app;
}
