import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckpointEvent } from '../../src/domain/events';
import { eventValue } from '../../src/features/lead/event-value';
import { loadScreenMessages, setupI18n } from '../../src/i18n';

beforeAll(loadScreenMessages);

const health = (data: Record<string, unknown>) =>
  ({ type: 'health-code.checked', data }) as unknown as CheckpointEvent;
const scan = {
  method: 'scan',
  issuer: 'health-code',
  payloadHash: 'a'.repeat(64),
  excerpt: 'https://jkm…',
  verified: false,
};

describe("a health code in the visit's timeline", () => {
  it('says what staff confirmed, and what the camera read only when it differs', () => {
    const t = setupI18n().t;
    expect(eventValue(t, health({ colour: 'green', colourSeen: 'green', ...scan }), false)).toBe(
      '绿码 · 扫码',
    );
    expect(eventValue(t, health({ colour: 'green', colourSeen: 'red', ...scan }), false)).toBe(
      '绿码 · 扫码 · 摄像头识别为红码',
    );
    expect(eventValue(t, health({ colour: 'yellow', colourSeen: 'black', ...scan }), false)).toBe(
      '黄码 · 扫码 · 摄像头识别为黑白码',
    );
    expect(eventValue(t, health({ colour: 'red', method: 'manual' }), false)).toBe(
      '红码 · 人工核验',
    );
  });
});
