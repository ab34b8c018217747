import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES } from '../../src/protocol/csp';
import { connectAllowed, diagnoseFailure } from '../../src/sync/fetch-failure';

const page = 'https://tablets.hall.example';
const allowed = (sources: readonly string[], url: string) =>
  connectAllowed(sources, page, new URL(url));

describe('whether the page’s CSP lets it reach a server', () => {
  it.each([
    [["'self'"], `${page}/api/v1/enrol`, true],
    [["'self'"], 'https://sync.hall.example/api/v1/enrol', false],
    [["'self'", 'https://sync.hall.example'], 'https://sync.hall.example/api', true],
    [["'self'", 'https://sync.hall.example'], 'http://sync.hall.example/api', false],
    [['https://sync.hall.example:8443'], 'https://sync.hall.example:8443/api', true],
    [['https://sync.hall.example'], 'https://sync.hall.example:8443/api', false],
    [['https://*.hall.example'], 'https://sync.hall.example/api', true],
    [['https:'], 'https://anything.example/api', true],
    [['*'], 'http://192.168.1.20:8080/api', true],
    [["'none'"], `${page}/api`, false],
  ] as const)('%j → %s: %s', (sources, url, expected) => {
    expect(allowed(sources, url)).toBe(expected);
  });

  it('says csp, not offline, when the app’s own policy blocks another origin', async () => {
    const failing = async () => {
      throw new TypeError('Failed to fetch');
    };
    const where = { origin: page, online: true, connectSrc: CSP_DIRECTIVES['connect-src'] };
    expect(await diagnoseFailure(failing, 'http://192.168.1.20:8080/api/v1/enrol', where)).toBe(
      'tls', // an http server from an https page: mixed content is named first
    );
    expect(await diagnoseFailure(failing, 'https://sync.hall.example/api/v1/enrol', where)).toBe(
      'csp',
    );
    expect(await diagnoseFailure(failing, `${page}/api/v1/enrol`, where)).toBe('offline');
  });
});
