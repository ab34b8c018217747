import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  announcementClips,
  CLIP_IDS,
  CLIP_TEXTS,
  clipUrl,
  numeralClips,
  ticketClips,
} from '../../src/domain/call-clips';

const said = (ids: readonly string[] | null) =>
  ids?.map((id) => CLIP_TEXTS[id as keyof typeof CLIP_TEXTS]).join('') ?? null;

describe('calls said by clips', () => {
  it('says a call as a 叫号机 does: the ticket digit by digit, the window as a number', () => {
    expect(said(announcementClips({ kind: 'call', ticket: 'A001', window: 3 }))).toBe(
      '请A零零一号到三号窗口办理',
    );
    expect(said(announcementClips({ kind: 'call-in', ticket: 'B120' }))).toBe(
      '请B一二零号进入等候区',
    );
  });

  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [115, '一百一十五'],
    [999, '九百九十九'],
  ])('window %i is said %s', (n, words) => {
    expect(said(numeralClips(n))).toBe(words);
  });

  it('every ticket letter A–Z with any number, to every window 1–999, has its clips', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 999 }),
        (letter, n, window) => {
          const ticket = `${letter}${String(n).padStart(3, '0')}`;
          const clips = announcementClips({ kind: 'call', ticket, window });
          expect(clips).not.toBeNull();
          // The words said are the ticket's characters, in order, then the window.
          expect(said(ticketClips(ticket))?.replace(/[零一二三四五六七八九]/g, 'd')).toBe(
            `${letter}${'d'.repeat(ticket.length - 1)}`,
          );
        },
      ),
      { numRuns: 2000 },
    );
    for (let window = 1; window <= 999; window++) {
      expect(numeralClips(window), String(window)).not.toBeNull();
    }
  });

  it('what clips cannot say is null, so the voice says it', () => {
    expect(ticketClips('A-01')).toBeNull();
    expect(ticketClips('')).toBeNull();
    expect(numeralClips(0)).toBeNull();
    expect(numeralClips(1000)).toBeNull();
    expect(announcementClips({ kind: 'call', ticket: 'A001', window: 1000 })).toBeNull();
  });

  it('every clip is recorded in public/ (npm run clips), small', () => {
    for (const id of CLIP_IDS) {
      const file = join('public', clipUrl(id));
      expect(existsSync(file), file).toBe(true);
      expect(statSync(file).size).toBeLessThan(8 * 1024);
    }
  });
});
