import { describe, expect, it } from 'vitest';
import { printable, terminalText } from '../../server/src/ops/terminal-text';
import { DEVICE_ID_RULE, isDeviceId } from '../../src/domain/device-id';
import { enrolRequestSchema } from '../../src/protocol/api';

describe('device ids (issue 35)', () => {
  it('take letters, digits, ".", "_" and "-", 1–64, from a letter or digit; a ULID is one', () => {
    for (const id of ['01HZX3K8Q5M2V7W9Y4T6R8P0AB', 'tab-1', 'a', 'hall.door_2', 'x'.repeat(64)])
      expect(isDeviceId(id), id).toBe(true);
    for (const id of ['', '-a', '.a', 'a b', 'a\nb', '\u001b[2J', 'a\u202eb', 'é', 'x'.repeat(65)])
      expect(isDeviceId(id), JSON.stringify(id)).toBe(false);
  });

  it('are what the enrolment schema accepts, and its message says the rule', () => {
    const base = { code: 'HKR7-X3TA-96FW', deviceName: 'Door 1' };
    expect(enrolRequestSchema.safeParse({ ...base, deviceId: 'tab-1' }).success).toBe(true);
    const bad = enrolRequestSchema.safeParse({ ...base, deviceId: 'tab\n1' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe(DEVICE_ID_RULE);
    expect(
      enrolRequestSchema.safeParse({ ...base, deviceId: 'tab-1', deviceName: 'a\u001bb' }).success,
    ).toBe(false);
  });
});

describe('text for the terminal', () => {
  it('escapes control and bidi characters, and a line feed inside a value', () => {
    expect(printable('a\u001b]0;x\u0007\nb\u202e')).toBe('a\\x1b]0;x\\x07\\x0ab\\u202e');
    expect(terminalText('row 1\nrow\u001b[2J 2\r')).toBe('row 1\nrow\\x1b[2J 2\\x0d');
    expect(terminalText('东门大厅 tab-1')).toBe('东门大厅 tab-1');
  });
});
