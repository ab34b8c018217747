/**
 * A small static server for the built app, used by the end-to-end update test and the
 * PWA benchmark: it can switch the folder it serves while running, which is how a
 * "new version is published" during a test. Unknown paths without an extension get
 * index.html (as the hall's server will); /api/ answers 404 in JSON.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface StaticServer {
  url: string;
  /** Serves another folder from the next request on. */
  setRoot: (dir: string) => void;
  close: () => Promise<void>;
}

export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  let base = resolve(root);
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (path.startsWith('/api/')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'not-found' }));
        return;
      }
      let file = join(base, normalize(path).replace(/^(\.\.[/\\])+/, ''));
      const found = await stat(file).catch(() => null);
      if (!found?.isFile()) {
        if (extname(path) !== '') {
          res.writeHead(404).end();
          return;
        }
        file = join(base, 'index.html');
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    setRoot: (dir) => {
      base = resolve(dir);
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}
