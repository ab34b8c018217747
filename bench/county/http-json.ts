/**
 * The county's tablets' HTTP client: node:http on keep-alive connections. Node 20's
 * `fetch` (WHATWG streams over undici) cost the load generator about half a core at 100
 * halls, on the same two cores the servers and the database are measured on.
 */
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

export interface JsonReply<T> {
  status: number;
  ok: boolean;
  body: T;
}

export function requestJson<T>(
  url: string,
  init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {},
): Promise<JsonReply<T>> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        agent,
        method: init.method ?? 'GET',
        headers: {
          ...init.headers,
          ...(init.body === undefined ? {} : { 'content-length': Buffer.byteLength(init.body) }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('error', reject);
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          try {
            const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
            resolve({ status, ok: status >= 200 && status < 300, body });
          } catch (err) {
            reject(new Error(`${status}: not JSON (${String(err)})`));
          }
        });
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });
}
