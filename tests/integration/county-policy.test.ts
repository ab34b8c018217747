// @vitest-environment node
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { httpTransport } from '../../src/sync/transport';
import { PCR_48H, policyWithChecks, VENUE_CODE } from '../fixtures/checks';
import { makeTablet } from '../fixtures/tablet';
import { adminCli } from '../security/attack';
import { admin, enrolledDevice, type ServerProcess, startServer } from './server-process';

/** A server of its own: the county's policy is every hall's, it would reach other tests. */
let server: ServerProcess;
beforeAll(async () => {
  server = await startServer();
}, 40_000);
afterAll(async () => {
  await server.stop();
});

const county = policyWithChecks([PCR_48H, VENUE_CODE], 'c7');

function policyFile(name: string, policy: unknown): string {
  const file = join(server.dataDir, name);
  writeFileSync(file, JSON.stringify(policy));
  return file;
}

async function syncedPolicies(site: string, device: string, token: string, runs?: string) {
  const tablet = await makeTablet(
    device,
    site,
    httpTransport(fetch, server.url, site, token, '0.9.0', runs),
  );
  expect(await tablet.engine.syncOnce()).toBe(true);
  const policies = await tablet.db.policies.toArray();
  await tablet.close();
  return policies.map((p) => p.policy);
}

describe('a county sets the policy once; each hall may tighten it, never loosen it', () => {
  it('set-policy --county, a hall’s override, the refusals, and admin status', async () => {
    const tokenA = await enrolledDevice(server.url, 'hall-a', 'tab-a');
    const tokenB = await enrolledDevice(server.url, 'hall-b', 'tab-b');
    const set = await adminCli(
      server.dataDir,
      'set-policy',
      '--county',
      policyFile('c.json', county),
    );
    expect(set.err).toBe('');
    expect(set.out).toContain('policy c7 set for the county');

    // Hall B tightens the PCR window to 24 hours through the API: taken.
    const tighter = {
      ...county,
      version: 'h1',
      checks: [{ ...PCR_48H, maxHours: 24 }, VENUE_CODE],
    };
    expect((await admin(server.url, 'PUT', '/sites/hall-b/policy', tighter)).status).toBe(200);
    // A 72-hour window, or dropping the venue code, loosens the county's: refused, saying why.
    const looser = await admin(server.url, 'PUT', '/sites/hall-b/policy', {
      ...tighter,
      version: 'h2',
      checks: [{ ...PCR_48H, maxHours: 72 }],
    });
    expect(looser.status).toBe(400);
    expect(looser.body.message).toContain("72 hours, longer than the county's 48");
    expect(looser.body.message).toContain("check venue-code: the county's check is missing");
    const cli = await adminCli(
      server.dataDir,
      'set-policy',
      'hall-a',
      policyFile('a.json', {
        ...county,
        version: 'a1',
        codes: { ...county.codes, acceptedHealthColours: ['green', 'yellow'] },
      }),
    );
    expect(cli.code).toBe(2);
    expect(cli.err).toContain('the county does not accept yellow');
    // A check the schema refuses is refused with its reason before any county rule.
    const bad = await admin(server.url, 'PUT', '/county/policy', {
      ...county,
      checks: [{ ...PCR_48H, maxHours: 0 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('checks.0.maxHours');

    // Hall A inherits the county's as it is; hall B runs the county's with its tightening.
    const [a] = await syncedPolicies('hall-a', 'tab-a', tokenA, 'c7');
    expect(a?.version).toBe('c7');
    expect(a?.checks.map((c) => c.key)).toEqual(['pcr-48h', 'venue-code']);
    const [b] = await syncedPolicies('hall-b', 'tab-b', tokenB, 'c7+h1');
    expect(b?.version).toBe('c7+h1');
    expect(b?.checks[0]).toMatchObject({ key: 'pcr-48h', maxHours: 24 });

    const status = await adminCli(server.dataDir, 'status');
    expect(status.out).toMatch(/hall-a\s+tab-a\s.*\sc7\s/);
    expect(status.out).toMatch(/hall-b\s+tab-b\s.*\sc7\+h1\s/);
  }, 60_000);

  it('a hall policy written before checks existed parses, but lacks the county’s checks', async () => {
    const { checks: _none, ...older } = { ...DEFAULT_POLICY, version: 'old-1' };
    const refused = await admin(server.url, 'PUT', '/sites/hall-a/policy', older);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain("check pcr-48h: the county's check is missing");
  });
});
