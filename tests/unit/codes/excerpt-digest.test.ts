import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { payloadSha256 } from '../../../src/domain/codes/digest';
import { EXCERPT_MAX, payloadExcerpt } from '../../../src/domain/codes/excerpt';

describe('payloadSha256', () => {
  it('hashes the UTF-8 bytes (FIPS 180-2 test vectors)', async () => {
    expect(await payloadSha256('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await payloadSha256('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    // 健 is E5 81 A5 in UTF-8 (value from Node's OpenSSL, an independent implementation).
    expect(await payloadSha256('健')).toBe(
      '8b0329c50be061841c9f77095269557a4fd85a2166a5064e56b2947c3f54bd76',
    );
  });
});

describe('payloadExcerpt', () => {
  it('keeps only the scheme and host of a URL', () => {
    expect(payloadExcerpt('https://jkm.example.gov.cn/show?name=张三&id=110101199003078670')).toBe(
      'https://jkm.example.gov.cn…',
    );
  });

  it('keeps the leading letters of a token', () => {
    expect(payloadExcerpt('JKM:13812345678:张三')).toBe('JKM:###…');
    expect(payloadExcerpt('HC1:NCFOXN%TS3DH3ZSUZK')).toBe('HC1:NCFOXN…');
  });

  it('masks digit runs even in a host', () => {
    expect(payloadExcerpt('http://13812345678.example.cn/')).toBe('http://###.example.cn…');
  });

  it('never carries a name, an ID number or a phone number', () => {
    const cjk = fc.string({ unit: fc.constantFrom(...'张三李四王五明健康码'), minLength: 1 });
    const digits = fc.stringMatching(/^\d{11,18}$/);
    const parts = fc.array(fc.oneof(fc.string(), cjk, digits), { maxLength: 6 });
    const prefix = fc.constantFrom('', 'https://jkm.example.cn/', 'JKM:', 'http://', 'HC1:');
    fc.assert(
      fc.property(prefix, parts, (p, rest) => {
        const excerpt = payloadExcerpt(p + rest.join(''));
        expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX);
        expect(excerpt).not.toMatch(/\d{3}/);
        expect(excerpt).toMatch(/^[\x21-\x7e]*…?$/);
      }),
      { numRuns: 2000 },
    );
  });
});
