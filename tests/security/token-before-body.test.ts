// @vitest-environment node
/**
 * Finding 11: device routes parsed the body before checking the token (a broken body
 * from anyone got a 400 that told the parser's story). Now the token is checked first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../integration/server-process';
import { call, newSite, startHardenedServer } from './attack';

let server: ServerProcess;
beforeAll(async () => {
  server = await startHardenedServer();
  await newSite(server.url, 'hall-11');
}, 40_000);
afterAll(() => server.stop());

describe('finding 11: token before body', () => {
  it('answers 401 to an unknown token before reading a malformed or huge body', async () => {
    for (const raw of ['{"events": [', `{"events":[${'{},'.repeat(100_000)}{}]}`]) {
      const reply = await call(server.url, 'POST', '/sites/hall-11/events', {
        token: 'not-a-token',
        raw,
      });
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ error: 'unauthorised' });
    }
  });
});
