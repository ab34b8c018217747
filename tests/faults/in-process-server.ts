/**
 * The real server app (routes, validation, store) in this process, reached through
 * Fastify's `inject` behind a `fetch`-shaped function, so the tablets use the app's own
 * HTTP transport without a socket. A restart closes the app and the store and opens both
 * again on the same database, as a process restart would.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/http/app';
import { hashSecret, newToken } from '../../server/src/http/auth';
import type { Store } from '../../server/src/store/store';
import type { CheckpointEvent } from '../../src/domain/events';
import type { FetchLike } from '../../src/sync/transport';
import type { BatchDatabase } from './stores';

export class InProcessServer {
  restarts = 0;
  private constructor(
    private readonly database: BatchDatabase,
    public store: Store,
    private app: FastifyInstance,
    private readonly now: () => number,
  ) {}

  static async start(database: BatchDatabase, now: () => number = Date.now) {
    const store = await database.open();
    return new InProcessServer(database, store, InProcessServer.app(store, now), now);
  }

  private static app(store: Store, now: () => number): FastifyInstance {
    return buildApp({ store, adminToken: newToken(), now });
  }

  async restart(): Promise<void> {
    this.restarts++;
    await this.app.close();
    await this.store.close();
    this.store = await this.database.open();
    this.app = InProcessServer.app(this.store, this.now);
  }

  /** A site with its devices enrolled (through the store: enrolment is not under test). */
  async siteWithDevices(site: string, devices: readonly string[]): Promise<string[]> {
    const now = this.now();
    await this.store.createSite({ id: site, name: site }, now);
    const tokens: string[] = [];
    for (const device of devices) {
      const code = newToken();
      const token = newToken();
      await this.store.addEnrolmentCode(site, hashSecret(code), now + 3_600_000, now);
      await this.store.enrol(
        hashSecret(code),
        { id: device, name: device, tokenHash: hashSecret(token) },
        now,
        null,
      );
      tokens.push(token);
    }
    return tokens;
  }

  /** One request to the app, answered as `fetch` would answer it. */
  readonly fetch: FetchLike = async (url, init = {}) => {
    const { pathname, search } = new URL(url);
    const reply = await this.app.inject({
      method: (init.method ?? 'GET') as 'GET' | 'POST',
      url: pathname + search,
      headers: init.headers as Record<string, string>,
      ...(typeof init.body === 'string' ? { payload: init.body } : {}),
    });
    return new Response(reply.statusCode === 304 ? null : reply.body, {
      status: reply.statusCode,
      headers: { 'content-type': String(reply.headers['content-type'] ?? 'application/json') },
    });
  };

  /** Everything the store holds for a site, in cursor order. */
  async eventsOf(site: string): Promise<CheckpointEvent[]> {
    const all: CheckpointEvent[] = [];
    let after = 0;
    for (;;) {
      const page = await this.store.eventsAfter(site, after, 1_000);
      all.push(...page.events);
      after = page.cursor;
      if (!page.more) return all;
    }
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.store.close();
  }
}
