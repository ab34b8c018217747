import { describe, expect, it } from 'vitest';
import { FIELD_CONDITIONS, fieldPayload, ISSUE_CONDITIONS } from '../../bench/field-corpus';
import { pointOnQuad, quadToSquare, tiltedQuad } from '../../bench/homography';

const named = (covers: string) => FIELD_CONDITIONS.filter((c) => c.covers === covers);

describe('the field corpus (bench/field-corpus.ts)', () => {
  it('holds every condition the issue lists, each name once', () => {
    for (const covers of ISSUE_CONDITIONS) expect(named(covers), covers).not.toHaveLength(0);
    const names = FIELD_CONDITIONS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('keeps each condition within the ranges the issue gives', () => {
    for (const c of named('tilt')) expect(c.params.tilt).toEqual([10, 30]);
    for (const c of named('jpeg')) {
      expect(c.params.jpeg?.[0]).toBeGreaterThanOrEqual(50);
      expect(c.params.jpeg?.[1]).toBeLessThanOrEqual(70);
    }
    for (const c of named('small-code')) {
      expect(c.params.codePx[1]).toBeLessThan(120);
      expect(c.params.frame).toEqual({ width: 1280, height: 720 });
    }
    for (const c of named('front-640')) expect(c.params.frame).toEqual({ width: 640, height: 480 });
    for (const c of named('inverted')) expect(c.params.inverted).toBe(true);
    for (const c of named('negative')) expect(c.params.code).toBe(false);
    for (const c of FIELD_CONDITIONS.filter((f) => f.covers !== 'negative'))
      expect(c.params.code, c.name).toBe(true);
  });

  it('draws booking codes, health URLs of 60–200 characters and travel codes, by seed', () => {
    const payloads = Array.from({ length: 60 }, (_, i) => fieldPayload(i, i + 1));
    expect(payloads[0]).toMatch(/^CKB1:B\d{4}:2026112\d:K$/);
    expect(payloads[2]).toMatch(/^XCM1:/);
    const urls = payloads.filter((p) => p.startsWith('https://jkm.example.gov.cn/v2/code?'));
    expect(urls).toHaveLength(20);
    for (const url of urls) expect(url.length).toBeGreaterThanOrEqual(60);
    for (const url of urls) expect(url.length).toBeLessThanOrEqual(200);
    expect(fieldPayload(1, 7)).toBe(fieldPayload(1, 7));
    for (let i = 0; i < 20; i++) expect(fieldPayload(i, i, true).length).toBeLessThanOrEqual(100);
  });
});

describe('the benches’ homography (bench/homography.ts)', () => {
  const pose = { centre: { x: 640, y: 360 }, width: 200, height: 400, focal: 914 };

  it('shows an untilted rectangle as itself', () => {
    const quad = tiltedQuad({ ...pose, pitch: 0, yaw: 0, roll: 0 });
    expect(quad.map((p) => [Math.round(p.x), Math.round(p.y)])).toEqual([
      [540, 160],
      [740, 160],
      [740, 560],
      [540, 560],
    ]);
  });

  it('narrows the edge tilted away', () => {
    const [tl, tr, br, bl] = tiltedQuad({ ...pose, pitch: 20, yaw: 0, roll: 0 });
    expect(tr.x - tl.x).toBeLessThan(br.x - bl.x);
    const [l0, r0, r1, l1] = tiltedQuad({ ...pose, pitch: 0, yaw: 20, roll: 0 });
    expect(r1.y - r0.y).toBeLessThan(l1.y - l0.y);
  });

  it('maps the square onto the quad and back', () => {
    const quad = tiltedQuad({ ...pose, pitch: 25, yaw: -10, roll: 8 });
    const back = quadToSquare(quad);
    for (const [u, v] of [
      [0, 0],
      [1, 0],
      [0.3, 0.7],
      [1, 1],
    ] as const) {
      const p = pointOnQuad(quad, u, v);
      const [u2, v2] = back(p.x, p.y);
      expect(u2).toBeCloseTo(u, 9);
      expect(v2).toBeCloseTo(v, 9);
    }
    expect(pointOnQuad(quad, 1, 1).x).toBeCloseTo(quad[2].x, 9);
  });
});
