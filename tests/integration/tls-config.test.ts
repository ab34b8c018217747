// @vitest-environment node
/** Which ports and certificate the server takes once `tls init` has run (config.ts). */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/src/config';
import { hallTlsPaths } from '../../server/src/tls/tls-files';
import { initHallTls } from '../fixtures/hall-tls';
import { tempDataDir } from './server-process';

describe('readConfig with TLS', () => {
  it('serves plain HTTP on 8080 without certificates', () => {
    const config = readConfig({ DATA_DIR: tempDataDir() });
    expect(config).toMatchObject({ port: 8080, caPagePort: null, https: null, caCert: null });
  });

  it('takes the hall’s certificate: the app on 8443, the CA page on 8080', async () => {
    const dataDir = tempDataDir();
    await initHallTls(dataDir);
    const config = readConfig({ DATA_DIR: dataDir });
    expect(config.port).toBe(8443);
    expect(config.caPagePort).toBe(8080);
    expect(config.https?.cert.toString()).toContain('BEGIN CERTIFICATE');
    expect(readConfig({ DATA_DIR: dataDir, CA_PAGE_PORT: 'off' }).caPagePort).toBeNull();
    expect(readConfig({ DATA_DIR: dataDir, HALL_TLS: 'off' })).toMatchObject({
      port: 8080,
      https: null,
    });
    expect(() => readConfig({ DATA_DIR: dataDir, PORT: '8080' })).toThrow(/CA_PAGE_PORT/);
  });

  it('keeps port 8080 and no CA page for certificates of its own (TLS_CERT, TLS_KEY)', async () => {
    const dataDir = tempDataDir();
    await initHallTls(dataDir);
    const paths = hallTlsPaths(dataDir);
    const config = readConfig({
      DATA_DIR: tempDataDir(),
      TLS_CERT: paths.serverCert,
      TLS_KEY: paths.serverKey,
    });
    expect(config).toMatchObject({ port: 8080, caPagePort: null, caCert: null });
    expect(config.https).not.toBeNull();
  });
});
