import { readFileSync } from 'node:fs';
import ts from 'typescript';

/**
 * The component tests' GATT double (tests/fixtures/fake-bluetooth.ts, no imports) as a
 * page init script: `navigator.bluetooth` answers with one Health Thermometer, and
 * `window.__thermometer` lets the test make it measure. A hand-made double, not
 * Chromium's BluetoothEmulation domain: pairing through that needs the device chooser
 * (DeviceAccess) as well, which this spec does not drive.
 */
export function fakeBluetoothScript(): string {
  const source = readFileSync(new URL('../fixtures/fake-bluetooth.ts', import.meta.url), 'utf8');
  const js = ts.transpileModule(source.replace(/^export /gm, ''), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None },
  }).outputText;
  return `(() => { ${js}\n window.__thermometer = installFakeBluetooth().device; })();`;
}
