import type { FastifyPluginAsync } from 'fastify';
import { parseBookingsFile } from '../../../src/domain/bookings-csv';
import { policySchema } from '../../../src/protocol/policy-schema';
import { codeSchema, siteSchema } from '../http/admin-schemas';
import { enrolmentCodeHash, newEnrolmentCode } from '../http/auth';
import { HttpError } from '../http/errors';
import { parse } from '../http/validate';
import { setCountyPolicy, setHallPolicy } from '../ops/hall-policy';
import type { Metrics } from '../ops/metrics';
import { purgeSite } from '../ops/retention';
import type { Store } from '../store/store';
import { authoriseAdmin } from './device-auth';

export const ENCODINGS = 'save it as CSV in UTF-8, GBK/GB18030 or UTF-16';

/**
 * What the shift lead does on the server: sites, enrolment codes, revocation, policy,
 * bookings, and the retention purge on demand (it also runs hourly).
 */
export const adminRoutes: FastifyPluginAsync<{
  store: Store;
  adminToken: string;
  now: () => number;
  /** Admin requests per address and minute: plenty for scripts, too few to guess a token. */
  adminPerMinute: number;
  /** The purge asked here counts in /metrics like the hourly one. */
  metrics: Metrics | null;
}> = async (app, { store, adminToken, now, adminPerMinute, metrics }) => {
  // The limit comes first, so guessing the admin token is limited too.
  app.addHook('onRequest', app.rateLimit({ max: adminPerMinute, timeWindow: 60_000 }));
  app.addHook('onRequest', async (request) => authoriseAdmin(request, adminToken));

  const siteOrThrow = async (id: string) => {
    if (!(await store.site(id))) throw new HttpError(404, 'unknown-site', `no site ${id}`);
  };

  app.post('/sites', async (request, reply) => {
    const site = parse(siteSchema, request.body);
    if (await store.site(site.id))
      throw new HttpError(409, 'bad-request', `site ${site.id} exists`);
    await store.createSite(site, now());
    return reply.status(201).send(site);
  });

  app.post<{ Params: { site: string } }>('/sites/:site/enrolment-codes', async (request, reply) => {
    await siteOrThrow(request.params.site);
    const { ttlHours } = parse(codeSchema, request.body ?? {});
    const code = newEnrolmentCode();
    const expiresAt = now() + ttlHours * 3_600_000;
    await store.addEnrolmentCode(request.params.site, enrolmentCodeHash(code), expiresAt, now());
    return reply.status(201).send({ code, expiresAt });
  });

  app.post<{ Params: { device: string } }>('/devices/:device/revoke', async (request) => {
    if (!(await store.revokeDevice(request.params.device, now()))) {
      throw new HttpError(404, 'not-found', `no device ${request.params.device}`);
    }
    return { revoked: request.params.device };
  });

  app.put<{ Params: { site: string } }>('/sites/:site/policy', async (request) => {
    await siteOrThrow(request.params.site);
    const policy = parse(policySchema, request.body);
    const problems = await setHallPolicy(store, request.params.site, policy, now());
    if (problems.length > 0) throw new HttpError(400, 'bad-request', problems.join('; '));
    return policy;
  });

  // The county's policy, inherited by every hall of this server (issue 33).
  app.put('/county/policy', async (request) => {
    const policy = parse(policySchema, request.body);
    const problems = await setCountyPolicy(store, policy, now());
    if (problems.length > 0) throw new HttpError(400, 'bad-request', problems.join('; '));
    return policy;
  });

  app.put<{ Params: { site: string } }>('/sites/:site/bookings', async (request) => {
    await siteOrThrow(request.params.site);
    if (!Buffer.isBuffer(request.body))
      throw new HttpError(400, 'bad-request', 'send the bookings as text/csv');
    const file = parseBookingsFile(request.body, now());
    if (!file.ok)
      throw new HttpError(
        400,
        'bad-request',
        `bookings file encoding ${file.encoding}: ${ENCODINGS}`,
      );
    const version = await store.putBookings(request.params.site, file.bookings);
    return {
      imported: file.bookings.length,
      rejected: file.rejected,
      version,
      encoding: file.encoding,
    };
  });

  app.post<{ Params: { site: string } }>('/sites/:site/retention', async (request) => {
    await siteOrThrow(request.params.site);
    const result = await purgeSite(store, request.params.site, now()).catch((e: unknown) => {
      metrics?.retentionRun('failed', 0);
      throw e;
    });
    if (result.events > 0 || result.bookings > 0) await store.reclaimPurged();
    metrics?.retentionRun('ran', result.events);
    return result;
  });
};
