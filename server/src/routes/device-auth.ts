import type { FastifyRequest } from 'fastify';
import { hashSecret, sameSecret } from '../http/auth';
import { HttpError } from '../http/errors';
import type { Device, Store } from '../store/store';

export function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer (\S+)$/.exec(header);
  return match?.[1] ?? null;
}

/** The enrolled device behind the request's token, allowed on this site only. */
export async function authoriseDevice(
  store: Store,
  request: FastifyRequest,
  site: string,
): Promise<Device> {
  const token = bearer(request);
  const device = token ? await store.deviceByToken(hashSecret(token)) : null;
  if (!device || device.revoked) {
    throw new HttpError(
      401,
      'unauthorised',
      device?.revoked ? 'device token revoked' : 'missing or unknown device token',
    );
  }
  // The device's own site exists (it enrolled there): only another site costs a lookup.
  if (device.site !== site) {
    if (!(await store.site(site))) throw new HttpError(404, 'unknown-site', `no site ${site}`);
    throw new HttpError(403, 'forbidden', 'this device belongs to another site');
  }
  return device;
}

export function authoriseAdmin(request: FastifyRequest, adminToken: string): void {
  if (!sameSecret(bearer(request), adminToken))
    throw new HttpError(401, 'unauthorised', 'missing or wrong admin token');
}
