/**
 * A small HTTP proxy in front of the real server that misbehaves on purpose: it can
 * lose a reply after the server committed, answer 500 every other request, or cut a
 * response in the middle. Only loopback.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'none' | 'drop-reply' | 'fail-every-other' | 'cut-pull';

export interface FaultProxy {
  url: string;
  fault: Fault;
  /** How many requests reached the proxy. */
  requests: number;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const state: FaultProxy = { url: '', fault: 'none', requests: 0, close: async () => {} };
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    state.requests++;
    if (state.fault === 'fail-every-other' && state.requests % 2 === 1) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"internal","message":"injected"}');
      return;
    }
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (up) => {
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => {
          const body = Buffer.concat(chunks);
          const isPush = req.method === 'POST' && req.url?.includes('/events');
          const isPull = req.method === 'GET' && req.url?.includes('/events');
          if (state.fault === 'drop-reply' && isPush) {
            state.fault = 'none'; // the server committed; the tablet never hears of it
            res.socket?.destroy();
            return;
          }
          if (state.fault === 'cut-pull' && isPull) {
            state.fault = 'none';
            res.writeHead(up.statusCode ?? 200, {
              'content-type': 'application/json',
              'content-length': body.length,
            });
            res.write(body.subarray(0, Math.floor(body.length / 2)));
            res.socket?.destroy();
            return;
          }
          res.writeHead(up.statusCode ?? 502, { ...up.headers, 'content-length': body.length });
          res.end(body);
        });
      },
    );
    forward.on('error', () => {
      res.socket?.destroy();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
