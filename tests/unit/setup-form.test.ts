import { describe, expect, it } from 'vitest';
import { cameraProblem } from '../../src/domain/camera';
import { formatBytes } from '../../src/features/settings/format-bytes';
import { type SetupForm, validateSetup } from '../../src/features/setup/setup-form';

const good: SetupForm = {
  hallName: '城东便民服务中心',
  entrance: '东门',
  deviceName: 'door-1',
  language: 'zh-CN',
  pin: '2580',
  pinConfirm: '2580',
  serverUrl: '',
};

describe('validateSetup', () => {
  it('accepts a complete form; the server address is optional', () => {
    expect(validateSetup(good)).toEqual({});
    expect(validateSetup({ ...good, serverUrl: 'https://sync.example.cn/hall' })).toEqual({});
  });

  it.each([
    [{ hallName: '  ' }, { hallName: 'required' }],
    [{ entrance: '' }, { entrance: 'required' }],
    [{ deviceName: '' }, { deviceName: 'required' }],
    [{ pin: '12', pinConfirm: '12' }, { pin: 'length' }],
    [{ pin: '0000', pinConfirm: '0000' }, { pin: 'trivial' }],
    [{ pinConfirm: '2581' }, { pinConfirm: 'mismatch' }],
    [{ serverUrl: 'sync.example' }, { serverUrl: 'url' }],
    [{ serverUrl: 'ftp://sync.example' }, { serverUrl: 'url' }],
  ])('%o → %o', (change, problems) => {
    expect(validateSetup({ ...good, ...change })).toEqual(problems);
  });
});

describe('cameraProblem (the setup check and the scanner share it)', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['NotFoundError', 'no-camera'],
    ['OverconstrainedError', 'no-camera'],
    ['NotReadableError', 'busy'],
    ['SecurityError', 'denied'],
    ['TypeError', 'failed'],
  ])('%s → %s', (name, failure) => {
    expect(cameraProblem(Object.assign(new Error('x'), { name }))).toBe(failure);
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '512 B'],
    [1536, '1.5 KB'],
    [3 * 1024 * 1024, '3.0 MB'],
    [2 * 1024 ** 3, '2.0 GB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
