// @vitest-environment node
/**
 * Finding 12 (encodings): a GBK or UTF-16 bookings CSV, what Chinese Excel saves by
 * default, imported 0 rows and said nothing about the encoding. The files here are made
 * with iconv from one UTF-8 export; every one imports the same rows.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingsCsv } from '../fixtures/bookings-csv';
import { aBooking, validIdNumber } from '../fixtures/builders';
import { type ServerProcess, startServer } from '../integration/server-process';
import { newSite } from './attack';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer();
  await newSite(server.url, 'hall-12');
}, 40_000);
afterAll(() => server.stop());

const at = new Date();
const slot = new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1, 9).getTime();
const bookings = [
  aBooking({ bookingId: 'B1', name: '张三明', matter: '社保' }, slot),
  aBooking(
    { bookingId: 'B2', name: '欧阳娜娜', idNumber: validIdNumber('33010219850512341') },
    slot,
  ),
  aBooking({ bookingId: 'B3', name: '龚李四', phone: '13900001111' }, slot),
];
const utf8 = Buffer.from(bookingsCsv(bookings).replace(/^\uFEFF/, ''), 'utf8');
const iconv = (to: string) => execFileSync('iconv', ['-f', 'UTF-8', '-t', to], { input: utf8 });

async function upload(bytes: Buffer) {
  const response = await fetch(`${server.url}/api/v1/admin/sites/hall-12/bookings`, {
    method: 'PUT',
    headers: {
      authorization: 'Bearer test-admin-token-of-24-characters',
      'content-type': 'text/csv',
    },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('finding 12: bookings CSV encodings', () => {
  it.each([
    ['UTF-8', () => utf8, 'utf-8'],
    ['UTF-8 with BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'utf-8'],
    ['GBK', () => iconv('GBK'), 'gb18030'],
    ['GB18030', () => iconv('GB18030'), 'gb18030'],
    [
      'UTF-16 LE with BOM',
      () => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv('UTF-16LE')]),
      'utf-16le',
    ],
    ['UTF-16 BE', () => iconv('UTF-16BE'), 'utf-16be'],
  ])('imports the same rows from %s', async (_name, make, encoding) => {
    const reply = await upload(make());
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ imported: 3, rejected: [], encoding });
  });

  it('refuses a file in another encoding, naming it', async () => {
    const reply = await upload(Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), iconv('UTF-32LE')]));
    expect(reply.status).toBe(400);
    expect(String(reply.body.message)).toMatch(/UTF-32.*UTF-8, GBK\/GB18030 or UTF-16/);
  });
});
